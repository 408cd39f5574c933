/**
 * The exact lottery as the composer publishes it: which groups are
 * admissible (within the tolerance of the diversity optimum, or every
 * quota-feasible group), the HiGHS column generation of `exact.ts` on the
 * right types (classes of types when only the quotas matter), and the
 * published portfolio: probabilities rounded to multiples of 10⁻⁹ summing
 * to exactly 10⁹ units, in a canonical order, so that the portfolio is the
 * same on every machine.
 *
 * @internal
 */
import { exactLottery, mergeForQuotas, type Solver } from "./exact.js"
import type { Problem, Thresholds } from "./problem.js"

/** Published probabilities are multiples of 1 / UNITS. */
export const UNITS = 1_000_000_000

/** Relative gap between the published minimum and the proven bound below which the lottery is called proven. */
export const GAP = 1e-5

export interface FairIn {
  readonly problem: Problem
  readonly weights: Float64Array
  /** null: every quota-feasible group is admissible. */
  readonly thresholds: Thresholds | null
  /** An admissible group (type counts). */
  readonly first: Int32Array
  readonly leximin: boolean
  readonly maxColumns: number
}

export interface FairOut {
  /** Types of the portfolio, each a list of the problem's types (one type, or a class of types). */
  readonly groups: ReadonlyArray<ReadonlyArray<number>>
  /** Panels over the portfolio's types, probabilities in units of 1 / UNITS. */
  readonly panels: ReadonlyArray<{ readonly units: number; readonly seats: ReadonlyArray<{ readonly type: number; readonly count: number }> }>
  /** Per problem type. */
  readonly typeProb: Float64Array
  readonly coverable: Uint8Array
  readonly minRatio: number
  readonly upperBound: number
  readonly proven: boolean
  readonly leximin: boolean
  readonly reason: string
  readonly columnsGenerated: number
  readonly pricings: number
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const fairLottery = (highs: Solver, i: FairIn): FairOut => {
  const p = i.problem
  const merged = i.thresholds === null ? mergeForQuotas(p, i.weights) : null
  const groups: ReadonlyArray<ReadonlyArray<number>> = merged
    ? merged.classes
    : Array.from({ length: p.nTypes }, (_, t) => [t])
  const first = merged ? Int32Array.from(merged.classes, (ts) => ts.reduce((s, t) => s + i.first[t]!, 0)) : i.first
  const lot = exactLottery(highs, merged ? merged.problem : p, {
    thresholds: i.thresholds,
    weights: merged ? merged.weights : i.weights,
    first,
    leximin: i.leximin,
    maxColumns: i.maxColumns
  })
  // Round to units: floor, then the remaining units to the largest remainders (ties: canonical order).
  const raw = lot.panels.map((pn) => ({
    p: pn.p,
    seats: Array.from(pn.x, (count, type) => ({ type, count })).filter((s) => s.count > 0)
  }))
  const keyed = raw.map((r) => ({ ...r, key: JSON.stringify(r.seats), units: Math.floor(r.p * UNITS) }))
  keyed.sort((a, b) => byKey(a.key, b.key))
  let left = UNITS - keyed.reduce((s, r) => s + r.units, 0)
  const byRemainder = [...keyed].sort((a, b) => b.p * UNITS - b.units - (a.p * UNITS - a.units) || byKey(a.key, b.key))
  for (const r of byRemainder) {
    if (left <= 0) break
    r.units++
    left--
  }
  const panels = keyed
    .filter((r) => r.units > 0)
    .sort((a, b) => b.units - a.units || byKey(a.key, b.key))
    .map((r) => ({ units: r.units, seats: r.seats }))
  // Probabilities implied by the rounded portfolio.
  const K = groups.length
  const avail = new Float64Array(K)
  groups.forEach((ts, k) => {
    for (const t of ts) avail[k]! += p.typeAvail[t]!
  })
  const classProb = new Float64Array(K)
  for (const pn of panels) for (const s of pn.seats) classProb[s.type]! += (pn.units / UNITS) * (s.count / avail[s.type]!)
  const typeProb = new Float64Array(p.nTypes)
  const coverable = new Uint8Array(p.nTypes)
  groups.forEach((ts, k) => {
    for (const t of ts) {
      typeProb[t] = classProb[k]!
      coverable[t] = lot.coverable[k]!
    }
  })
  let minRatio = Infinity
  for (let t = 0; t < p.nTypes; t++) if (coverable[t]) minRatio = Math.min(minRatio, typeProb[t]! / i.weights[t]!)
  if (!Number.isFinite(minRatio)) minRatio = 0
  const upperBound = Math.max(lot.upperBound, minRatio)
  const close = upperBound - minRatio <= GAP * upperBound
  const reason = lot.reason || (lot.proven && !close ? "rounding the portfolio moved the minimum away from the bound" : "")
  return {
    groups,
    panels,
    typeProb,
    coverable,
    minRatio,
    upperBound,
    proven: lot.proven && close,
    leximin: lot.leximin,
    reason,
    columnsGenerated: lot.columnsGenerated,
    pricings: lot.pricings
  }
}
