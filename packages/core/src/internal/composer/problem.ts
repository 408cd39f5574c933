/**
 * The composer's internal problem: volunteers folded into *types* (agents
 * that no part of the objective, the quotas or the priority can tell apart),
 * categories laid out in flat integer arrays, and the scoring of a group
 * from its category counts. Everything here is deterministic.
 *
 * @internal
 */

/** The five profile dimensions of DIV-01, then occupation and role. */
export const profileDims = ["ageBand", "seniorityBand", "sex", "status", "functionHeld"] as const
export const quotaDims = [...profileDims, "occupation", "role"] as const
export type QuotaDim = (typeof quotaDims)[number]
export const NDIM = quotaDims.length
export const NPROFILE = profileDims.length
export const OCC = 5
export const ROLE = 6
export const UNKNOWN = "unknown"

export interface Problem {
  /** Seats to fill besides the forced (mandatory) members. */
  readonly seats: number
  readonly nTypes: number
  readonly nCats: number
  /** Category index per (type, dimension): `typeCats[t * NDIM + d]`. */
  readonly typeCats: Int32Array
  /** Agents of each type that may still be chosen. */
  readonly typeAvail: Int32Array
  /** Counts per category of the forced members. */
  readonly baseCounts: Int32Array
  readonly catDim: Int32Array
  /** 1 for a known category of a profile dimension (counted by DIV-01). */
  readonly catKnown: Uint8Array
  /** 1 for an occupation concerned (ELI-04). */
  readonly catConcerned: Uint8Array
  /** Categories of each dimension (profile dimensions include the unknown bucket). */
  readonly dimCats: ReadonlyArray<Int32Array>
  /** Quotas per category: min (0 when none) and max (large when none). */
  readonly quotaMin: Int32Array
  readonly quotaMax: Int32Array
  /** Categories that carry a min quota. */
  readonly minCats: Int32Array
}

export const NO_MAX = 1 << 29

/** The lexicographic objective: categories (max), concentration (min), coverage (max). */
export interface Score {
  readonly categories: number
  readonly concentration: number
  readonly coverage: number
}

/** > 0 when a is better than b. */
export const compareScore = (a: Score, b: Score): number =>
  a.categories !== b.categories
    ? a.categories - b.categories
    : a.concentration !== b.concentration
      ? b.concentration - a.concentration
      : a.coverage - b.coverage

export const scoreOfCounts = (p: Problem, counts: Int32Array): Score => {
  let categories = 0
  let concentration = 0
  let coverage = 0
  for (let c = 0; c < p.nCats; c++) {
    const n = counts[c]!
    if (p.catDim[c]! < NPROFILE) concentration += n * n
    if (n > 0) {
      if (p.catKnown[c]) categories++
      if (p.catConcerned[c]) coverage++
    }
  }
  return { categories, concentration, coverage }
}

/** Category counts of base + x (counts per type). */
export const countsOf = (p: Problem, x: Int32Array): Int32Array => {
  const counts = Int32Array.from(p.baseCounts)
  for (let t = 0; t < p.nTypes; t++) {
    const k = x[t]!
    if (k === 0) continue
    for (let d = 0; d < NDIM; d++) counts[p.typeCats[t * NDIM + d]!]! += k
  }
  return counts
}

/** Total quota violation (excess over max + deficit under min) of category counts. */
export const violationOfCounts = (p: Problem, counts: Int32Array): number => {
  let v = 0
  for (let c = 0; c < p.nCats; c++) {
    const n = counts[c]!
    if (n < p.quotaMin[c]!) v += p.quotaMin[c]! - n
    if (n > p.quotaMax[c]!) v += n - p.quotaMax[c]!
  }
  return v
}

/** Admissibility thresholds: a group is admissible when it meets all three. */
export interface Thresholds {
  readonly minCategories: number
  readonly maxConcentration: number
  readonly minCoverage: number
}

export const meets = (s: Score, th: Thresholds): boolean =>
  s.categories >= th.minCategories && s.concentration <= th.maxConcentration && s.coverage >= th.minCoverage
