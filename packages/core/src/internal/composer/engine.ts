/**
 * The composer's pipeline on decoded input: eligibility, types, the
 * lexicographic optimum per size, the fair lottery, and the analysis of
 * infeasible requests. Public shapes live in `Composer.ts`; this module
 * works on plain data so that it stays independent of the schemas.
 *
 * @internal
 */
import { dimensionCategories } from "../../Agent.js"
import * as Eligibility from "../../Eligibility.js"
import type { Purpose } from "../../Framing.js"
import type { AgentId, OccupationId, UnitId } from "../../Ids.js"
import { greedy, localSearch } from "./heuristics.js"
import { lottery } from "./lottery.js"
import {
  NDIM,
  NO_MAX,
  NPROFILE,
  OCC,
  type Problem,
  profileDims,
  type QuotaDim,
  quotaDims,
  type Score,
  type Thresholds,
  UNKNOWN
} from "./problem.js"
import { search } from "./search.js"

export interface VolunteerIn {
  readonly id: AgentId
  readonly occupation: OccupationId
  readonly contributesTo: ReadonlyArray<OccupationId>
  readonly unit: UnitId
  readonly ageBand?: string | undefined
  readonly seniorityBand?: string | undefined
  readonly sex?: string | undefined
  readonly status?: string | undefined
  readonly functionHeld?: string | undefined
  readonly role: "operational" | "resource"
  readonly previouslySelected: boolean
}

export interface QuotaIn {
  readonly dimension: QuotaDim
  readonly category: string
  readonly min?: number | undefined
  readonly max?: number | undefined
}

export interface RequestIn {
  readonly size: { readonly min: number; readonly max: number }
  readonly purpose?: Purpose | undefined
  readonly occupationsConcerned: ReadonlyArray<OccupationId>
  readonly perimeter: ReadonlyArray<UnitId>
  readonly mandatory: ReadonlyArray<AgentId>
  readonly quotas: ReadonlyArray<QuotaIn>
  readonly previousSelections: ReadonlyArray<ReadonlyArray<AgentId>>
  readonly priorityWeight: number
  readonly tolerance: { readonly categories: number; readonly concentration: number; readonly coverage: number }
  readonly budget: { readonly search: number; readonly lottery: number; readonly columns: number }
  /** Minimum number of members to hold a session (SIZ-02). */
  readonly minMembers: number
}

export type Obstacle = {
  readonly rule: "ELI-01" | "ELI-02" | "ELI-03" | "SIZ-01" | "SIZ-02" | "QUOTA"
  readonly message: string
  readonly agentId?: AgentId
}

export type Relaxation =
  | { readonly _tag: "DropMandatory"; readonly agentIds: ReadonlyArray<AgentId>; readonly rules: ReadonlyArray<string> }
  | { readonly _tag: "ChangeSize"; readonly size: { readonly min: number; readonly max: number } }
  | {
      readonly _tag: "LoosenQuotas"
      readonly size: number
      readonly total: number
      readonly changes: ReadonlyArray<{
        readonly dimension: QuotaDim
        readonly category: string
        readonly min?: { readonly from: number; readonly to: number }
        readonly max?: { readonly from: number; readonly to: number }
      }>
    }
  | { readonly _tag: "ExtendPerimeter"; readonly units: ReadonlyArray<UnitId>; readonly eligibleAfter: number }

export interface Prepared {
  readonly ctx: Eligibility.EligibilityContext
  readonly reasons: ReadonlyMap<AgentId, ReadonlyArray<string>>
  readonly weightOf: ReadonlyMap<AgentId, number>
  readonly mandatory: ReadonlyArray<VolunteerIn>
  readonly eligible: ReadonlyArray<VolunteerIn>
  /** Types (sorted by key), with their members sorted by ID. */
  readonly types: ReadonlyArray<{ readonly key: string; readonly members: ReadonlyArray<VolunteerIn>; readonly weight: number }>
  readonly catNames: ReadonlyArray<{ readonly dim: QuotaDim; readonly name: string }>
  readonly catIndex: ReadonlyMap<string, number>
  readonly typeCats: Int32Array
}

const ck = (dim: string, name: string) => `${dim}\u0000${name}`

export const categoryOf = (v: VolunteerIn, d: number): string =>
  d < NPROFILE ? (v[profileDims[d]!] ?? UNKNOWN) : d === OCC ? v.occupation : v.role

/** Eligibility, priority weights, categories and types. */
export const prepare = (pool: ReadonlyArray<VolunteerIn>, req: RequestIn): Prepared => {
  let occupationsConcerned = req.occupationsConcerned
  if (req.purpose === "professionalisation" && occupationsConcerned.length === 0 && pool.length > 0) {
    // ELI-03 without named occupations: the occupation most volunteers share (ties: smallest ID).
    const freq = new Map<OccupationId, number>()
    for (const v of pool) freq.set(v.occupation, (freq.get(v.occupation) ?? 0) + 1)
    const top = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]!
    occupationsConcerned = [top[0]]
  }
  const ctx: Eligibility.EligibilityContext = {
    perimeter: req.perimeter,
    purpose: req.purpose,
    occupationsConcerned
  }
  const last = new Set(req.previousSelections.length > 0 ? req.previousSelections[req.previousSelections.length - 1] : [])
  const reasons = new Map<AgentId, ReadonlyArray<string>>()
  const weightOf = new Map<AgentId, number>()
  const mandatorySet = new Set(req.mandatory)
  const mandatory: Array<VolunteerIn> = []
  const eligible: Array<VolunteerIn> = []
  for (const v of pool) {
    const r = Eligibility.ineligibility(v, ctx, v.role)
    reasons.set(v.id, r)
    weightOf.set(v.id, v.previouslySelected || last.has(v.id) ? 1 : req.priorityWeight)
    if (r.length > 0) continue
    if (mandatorySet.has(v.id)) mandatory.push(v)
    else eligible.push(v)
  }
  // Categories.
  const catNames: Array<{ dim: QuotaDim; name: string }> = []
  const catIndex = new Map<string, number>()
  const addCat = (dim: QuotaDim, name: string) => {
    const k = ck(dim, name)
    if (!catIndex.has(k)) {
      catIndex.set(k, catNames.length)
      catNames.push({ dim, name })
    }
  }
  for (const d of profileDims) {
    for (const c of dimensionCategories[d]) addCat(d, c)
    addCat(d, UNKNOWN)
  }
  const occs = new Set<string>([...occupationsConcerned, ...pool.map((v) => v.occupation)])
  for (const q of req.quotas) if (q.dimension === "occupation") occs.add(q.category)
  for (const o of [...occs].sort()) addCat("occupation", o)
  addCat("role", "operational")
  addCat("role", "resource")
  // Types.
  const byKey = new Map<string, { key: string; members: Array<VolunteerIn>; weight: number }>()
  for (const v of eligible) {
    const w = weightOf.get(v.id)!
    const key = [...quotaDims.map((_, d) => catIndex.get(ck(quotaDims[d]!, categoryOf(v, d)))!), w].join("|")
    let e = byKey.get(key)
    if (!e) {
      e = { key, members: [], weight: w }
      byKey.set(key, e)
    }
    e.members.push(v)
  }
  const types = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  for (const t of types) t.members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const typeCats = new Int32Array(types.length * NDIM)
  types.forEach((t, i) => {
    for (let d = 0; d < NDIM; d++) typeCats[i * NDIM + d] = catIndex.get(ck(quotaDims[d]!, categoryOf(t.members[0]!, d)))!
  })
  return { ctx, reasons, weightOf, mandatory, eligible, types, catNames, catIndex, typeCats }
}

/** The search problem for a given group size. */
export const problemFor = (prep: Prepared, req: RequestIn, size: number, quotas = req.quotas): Problem => {
  const NC = prep.catNames.length
  const catDim = new Int32Array(NC)
  const catKnown = new Uint8Array(NC)
  const catConcerned = new Uint8Array(NC)
  const concerned = new Set<string>(prep.ctx.occupationsConcerned)
  prep.catNames.forEach((c, i) => {
    const d = quotaDims.indexOf(c.dim)
    catDim[i] = d
    if (d < NPROFILE && c.name !== UNKNOWN) catKnown[i] = 1
    if (d === OCC && concerned.has(c.name)) catConcerned[i] = 1
  })
  const dimCats = quotaDims.map((_, d) => Int32Array.from(prep.catNames.flatMap((_, i) => (catDim[i] === d ? [i] : []))))
  const baseCounts = new Int32Array(NC)
  for (const v of prep.mandatory) for (let d = 0; d < NDIM; d++) baseCounts[prep.catIndex.get(ck(quotaDims[d]!, categoryOf(v, d)))!]!++
  const quotaMin = new Int32Array(NC)
  const quotaMax = new Int32Array(NC).fill(NO_MAX)
  for (const q of quotas) {
    const c = prep.catIndex.get(ck(q.dimension, q.category))
    if (c === undefined) continue
    if (q.min !== undefined) quotaMin[c] = q.min
    if (q.max !== undefined) quotaMax[c] = q.max
  }
  const minCats = Int32Array.from(prep.catNames.flatMap((_, i) => (quotaMin[i]! > 0 ? [i] : [])))
  return {
    seats: size - prep.mandatory.length,
    nTypes: prep.types.length,
    nCats: NC,
    typeCats: prep.typeCats,
    typeAvail: Int32Array.from(prep.types.map((t) => t.members.length)),
    baseCounts,
    catDim,
    catKnown,
    catConcerned,
    dimCats,
    quotaMin,
    quotaMax,
    minCats
  }
}

export interface Optimum {
  readonly x: Int32Array
  readonly score: Score
  readonly proven: boolean
  readonly work: number
}

/** The lexicographic optimum at one size, or null when no group meets the quotas. */
export const optimise = (p: Problem, budget: number): Optimum | null | "unknown" => {
  if (p.seats < 0) return null
  const g = greedy(p)
  const start = g ? localSearch(p, g) : undefined
  const r = search(p, start ? { mode: "lex", incumbent: start, budget } : { mode: "lex", budget })
  if (r.x && r.score) return { x: r.x, score: r.score, proven: r.complete, work: r.work }
  return r.complete ? null : "unknown"
}

export const thresholdsOf = (opt: Score, tol: RequestIn["tolerance"]): Thresholds => ({
  minCategories: opt.categories - tol.categories,
  maxConcentration: opt.concentration + tol.concentration,
  minCoverage: opt.coverage - tol.coverage
})

/** Thresholds every group meets: only the quotas and the blocking rules decide admissibility. */
export const anyGroup: Thresholds = { minCategories: -NO_MAX, maxConcentration: NO_MAX, minCoverage: -NO_MAX }

export { lottery }

/** Why a request cannot be met, and the smallest changes that would make it feasible. */
export const analyseInfeasible = (
  pool: ReadonlyArray<VolunteerIn>,
  prep: Prepared,
  req: RequestIn
): { obstacles: Array<Obstacle>; relaxations: Array<Relaxation> } => {
  const obstacles: Array<Obstacle> = []
  const relaxations: Array<Relaxation> = []
  const inPool = new Map(pool.map((v) => [v.id, v]))
  // Mandatory members that are not volunteers or not eligible.
  const drop: Array<AgentId> = []
  const dropRules = new Set<string>()
  for (const id of req.mandatory) {
    const v = inPool.get(id)
    if (!v) {
      obstacles.push({ rule: "ELI-01", agentId: id, message: `mandatory member ${id} did not volunteer (not in the pool)` })
      drop.push(id)
      dropRules.add("ELI-01")
      continue
    }
    const r = prep.reasons.get(id) ?? []
    for (const rule of r) {
      obstacles.push({
        rule: rule as "ELI-02" | "ELI-03",
        agentId: id,
        message:
          rule === "ELI-02"
            ? `mandatory member ${id} is outside the perimeter`
            : `mandatory member ${id} does not exercise or contribute to the occupations concerned`
      })
      dropRules.add(rule)
    }
    if (r.length > 0) drop.push(id)
  }
  if (drop.length > 0) relaxations.push({ _tag: "DropMandatory", agentIds: drop, rules: [...dropRules].sort() })
  if (drop.length > 0) return { obstacles, relaxations }

  const M = prep.mandatory.length
  const E = prep.eligible.length
  const { min, max } = req.size
  if (M > max) {
    obstacles.push({ rule: "SIZ-01", message: `${M} mandatory members exceed the maximum size ${max}` })
    relaxations.push({ _tag: "ChangeSize", size: { min: Math.min(min, M), max: M } })
    relaxations.push({ _tag: "DropMandatory", agentIds: req.mandatory.slice(max), rules: ["SIZ-01"] })
    return { obstacles, relaxations }
  }
  if (E + M < min) {
    obstacles.push({
      rule: E + M < req.minMembers ? "SIZ-02" : "SIZ-01",
      message: `${E + M} eligible volunteers for a group of at least ${min}`
    })
    if (E + M >= req.minMembers) relaxations.push({ _tag: "ChangeSize", size: { min: E + M, max: E + M } })
    // Volunteers outside the perimeter only (ELI-02 and nothing else): which units would bring enough.
    const byUnit = new Map<UnitId, number>()
    for (const v of pool) {
      const r = prep.reasons.get(v.id) ?? []
      if (r.length === 1 && r[0] === "ELI-02") byUnit.set(v.unit, (byUnit.get(v.unit) ?? 0) + 1)
    }
    const units = [...byUnit.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    let n = E + M
    const chosen: Array<UnitId> = []
    for (const [u, k] of units) {
      if (n >= min) break
      chosen.push(u)
      n += k
    }
    if (n >= min && chosen.length > 0) relaxations.push({ _tag: "ExtendPerimeter", units: chosen, eligibleAfter: n })
    return { obstacles, relaxations }
  }
  // Quotas: nothing in the size range meets them all.
  obstacles.push({ rule: "QUOTA", message: "no group of the requested size meets every quota" })
  let best: { k: number; v: number; x: Int32Array } | null = null
  for (let k = Math.min(max, E + M); k >= min; k--) {
    const p = problemFor(prep, req, k)
    const r = search(p, { mode: "violation", budget: req.budget.search })
    if (r.x && (!best || r.violation < best.v)) best = { k, v: r.violation, x: r.x }
  }
  if (best) {
    const p = problemFor(prep, req, best.k)
    const counts = Int32Array.from(p.baseCounts)
    for (let t = 0; t < p.nTypes; t++) for (let d = 0; d < NDIM; d++) counts[p.typeCats[t * NDIM + d]!]! += best.x[t]!
    const changes: Array<{
      dimension: QuotaDim
      category: string
      min?: { from: number; to: number }
      max?: { from: number; to: number }
    }> = []
    for (const q of req.quotas) {
      const c = prep.catIndex.get(ck(q.dimension, q.category))
      const n = c === undefined ? 0 : counts[c]!
      const change: {
        dimension: QuotaDim
        category: string
        min?: { from: number; to: number }
        max?: { from: number; to: number }
      } = { dimension: q.dimension, category: q.category }
      if (q.min !== undefined && n < q.min) change.min = { from: q.min, to: n }
      if (q.max !== undefined && n > q.max) change.max = { from: q.max, to: n }
      if (change.min || change.max) changes.push(change)
    }
    relaxations.push({ _tag: "LoosenQuotas", size: best.k, total: best.v, changes })
  }
  // The nearest size (outside the range) at which every quota can hold.
  const limit = E + M
  for (let dist = 1; dist <= Math.max(limit, min); dist++) {
    const cands = [max + dist, min - dist].filter((k) => k >= req.minMembers && k <= limit && k >= M)
    let found: number | null = null
    for (const k of cands) {
      const r = search(problemFor(prep, req, k), { mode: "violation", budget: req.budget.search })
      if (r.x && r.violation === 0) {
        found = k
        break
      }
    }
    if (found !== null) {
      relaxations.push({ _tag: "ChangeSize", size: { min: Math.min(found, min), max: Math.max(found, max) } })
      break
    }
    if (max + dist > limit && min - dist < req.minMembers) break
  }
  return { obstacles, relaxations }
}
