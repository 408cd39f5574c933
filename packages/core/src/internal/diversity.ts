/**
 * The diversity computation shared by `Diversity.diversityReport`, the DIV
 * rules and (through the public module) the composer and views.
 */
import type { Agent, ProfileDimension } from "../Agent.js"
import { dimensionCategories, profileDimensions } from "../Agent.js"
import type { EligibilityContext } from "../Eligibility.js"
import { ineligibility } from "../Eligibility.js"
import type { ExchangeSnapshot, Member } from "../Exchange.js"
import type { OccupationId } from "../Ids.js"

// The report's shapes, defined once here and re-exported with their
// documentation by `Diversity.ts` (which imports this module, so this module
// does not import it back).

/** See `Diversity.CategoryCount`. */
export interface CategoryCount {
  readonly category: string
  readonly count: number
}

/** See `Diversity.DimensionReport`. */
export interface DimensionReport {
  readonly dimension: ProfileDimension
  /** Categories present among the members with a known value, most frequent first. */
  readonly categories: ReadonlyArray<CategoryCount>
  /** Members whose value is known / unknown. */
  readonly known: number
  readonly unknown: number
  /** Normalised Gini–Simpson index in [0, 1] (see the module's documentation). */
  readonly index: number
  /** Distinct known categories in the eligible volunteer pool (members included). */
  readonly poolCategories: number
  /** `min(group size, poolCategories)`: the most categories a group of this size could show. */
  readonly achievable: number
  /** The group shows fewer categories than achievable: DIV-01 warns. */
  readonly belowAchievable: boolean
}

/** See `Diversity.OccupationReport`. */
export interface OccupationReport {
  readonly concerned: ReadonlyArray<OccupationId>
  readonly represented: ReadonlyArray<OccupationId>
  readonly missing: ReadonlyArray<OccupationId>
  /** Concerned occupations that the eligible pool represents. */
  readonly poolRepresented: number
  /** `min(group size, poolRepresented)`. */
  readonly achievable: number
  /** Fewer occupations represented than achievable: DIV-02 warns. */
  readonly belowAchievable: boolean
}

/** See `Diversity.DiversityReport`. */
export interface DiversityReport {
  /** Active members. */
  readonly groupSize: number
  /** Eligible volunteers who have not withdrawn, members included. */
  readonly poolSize: number
  readonly dimensions: ReadonlyArray<DimensionReport>
  readonly occupations: OccupationReport
}

export type Report = DiversityReport

/**
 * Normalised Gini–Simpson index: `(1 − Σ pᵢ²) / (1 − 1/K)` where `pᵢ` are the
 * shares of the categories among the `n` members whose value is known and `K`
 * the number of categories the dimension allows. 0 when `n ≤ 1` (nothing to
 * compare) or `K ≤ 1`; 1 when the members are spread evenly over all `K`
 * categories.
 */
export const giniSimpson = (counts: ReadonlyArray<number>, possible: number): number => {
  let n = 0
  for (const c of counts) n += c
  if (n <= 1 || possible <= 1) return 0
  let sum = 0
  for (const c of counts) sum += (c / n) * (c / n)
  const index = (1 - sum) / (1 - 1 / possible)
  return Math.min(1, Math.max(0, index))
}

const covers = (agent: Agent, occupation: OccupationId): boolean =>
  agent.occupation === occupation || agent.contributesTo.includes(occupation)

export const compute = (
  snapshot: ExchangeSnapshot,
  activeMembers: ReadonlyArray<Member>,
  agents: ReadonlyMap<string, Agent>,
  eligibility: EligibilityContext,
  atMillis: number | undefined
): Report => {
  const group: Array<Agent> = []
  const roles = new Map<string, "operational" | "resource">()
  for (const m of activeMembers) {
    roles.set(m.agentId, m.role)
    const a = agents.get(m.agentId)
    if (a !== undefined) group.push(a)
  }
  const pool: Array<Agent> = group.slice()
  const inPool = new Set<string>(group.map((a) => a.id))
  for (const v of snapshot.volunteers) {
    if (inPool.has(v.agentId)) continue
    if (v.withdrawnAt !== undefined && (atMillis === undefined || v.withdrawnAt.epochMillis <= atMillis)) continue
    const a = agents.get(v.agentId)
    if (a === undefined) continue
    if (ineligibility(a, eligibility, roles.get(a.id) ?? "operational").length > 0) continue
    inPool.add(a.id)
    pool.push(a)
  }
  const groupSize = activeMembers.length
  const dimensions: Array<DimensionReport> = []
  for (const dimension of profileDimensions) {
    const counts = new Map<string, number>()
    let known = 0
    for (const a of group) {
      const value = a[dimension]
      if (value === undefined) continue
      known++
      counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    const poolSet = new Set<string>()
    for (const a of pool) {
      const value = a[dimension]
      if (value !== undefined) poolSet.add(value)
    }
    const achievable = Math.min(groupSize, poolSet.size)
    const categories = [...counts].map(([category, count]) => ({ category, count }))
    categories.sort((x, y) => y.count - x.count || (x.category < y.category ? -1 : 1))
    dimensions.push({
      dimension,
      categories,
      known,
      unknown: group.length - known,
      index: giniSimpson([...counts.values()], dimensionCategories[dimension].length),
      poolCategories: poolSet.size,
      achievable,
      belowAchievable: counts.size < achievable
    })
  }
  const concerned = snapshot.framing?.occupationsConcerned ?? []
  const represented: Array<OccupationId> = []
  const missing: Array<OccupationId> = []
  let poolRepresented = 0
  for (const o of concerned) {
    if (group.some((a) => covers(a, o))) represented.push(o)
    else missing.push(o)
    if (pool.some((a) => covers(a, o))) poolRepresented++
  }
  const achievable = Math.min(groupSize, poolRepresented)
  return {
    groupSize,
    poolSize: pool.length,
    dimensions,
    occupations: {
      concerned,
      represented,
      missing,
      poolRepresented,
      achievable,
      belowAchievable: represented.length < achievable
    }
  }
}

/** What DIV-01 and DIV-02 need, without the full report's counts, indices and sorting. */
export interface Lean {
  /** Per profile dimension: distinct known categories in the group, and the achievable number. */
  readonly dimensions: ReadonlyArray<{ readonly dimension: ProfileDimension; readonly present: number; readonly achievable: number }>
  readonly occupations: { readonly represented: number; readonly achievable: number; readonly missing: ReadonlyArray<OccupationId> }
}

const distinctInto = (seen: Array<string>, value: string | undefined): void => {
  if (value !== undefined && !seen.includes(value)) seen.push(value)
}

/** The same answers as `compute` for the rules, in one pass and with small arrays only. */
export const lean = (
  snapshot: ExchangeSnapshot,
  activeMembers: ReadonlyArray<Member>,
  agents: ReadonlyMap<string, Agent>,
  eligibility: EligibilityContext,
  atMillis: number
): Lean => {
  const group: Array<Agent> = []
  for (const m of activeMembers) {
    const a = agents.get(m.agentId)
    if (a !== undefined) group.push(a)
  }
  const extra: Array<Agent> = []
  for (const v of snapshot.volunteers) {
    if (v.withdrawnAt !== undefined && v.withdrawnAt.epochMillis <= atMillis) continue
    if (activeMembers.some((m) => m.agentId === v.agentId) || extra.some((a) => a.id === v.agentId)) continue
    const a = agents.get(v.agentId)
    if (a === undefined || ineligibility(a, eligibility, "operational").length > 0) continue
    extra.push(a)
  }
  const groupSize = activeMembers.length
  const dimensions = profileDimensions.map((dimension) => {
    const inGroup: Array<string> = []
    for (const a of group) distinctInto(inGroup, a[dimension])
    const inPool = inGroup.slice()
    for (const a of extra) distinctInto(inPool, a[dimension])
    return { dimension, present: inGroup.length, achievable: Math.min(groupSize, inPool.length) }
  })
  const concerned = snapshot.framing?.occupationsConcerned ?? []
  let represented = 0
  let poolRepresented = 0
  const missing: Array<OccupationId> = []
  for (const o of concerned) {
    if (group.some((a) => covers(a, o))) {
      represented++
      poolRepresented++
    } else {
      missing.push(o)
      if (extra.some((a) => covers(a, o))) poolRepresented++
    }
  }
  return { dimensions, occupations: { represented, achievable: Math.min(groupSize, poolRepresented), missing } }
}
