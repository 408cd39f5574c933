/**
 * Fast heuristics: a greedy construction and a swap local search. They give
 * the exact search a strong starting incumbent, and serve as baselines in
 * the benchmark. Deterministic (ties broken by type index).
 *
 * @internal
 */
import { compareScore, countsOf, NDIM, type Problem, type Score, scoreOfCounts } from "./problem.js"

/** Deficit under the min quotas (excess over max is never allowed by these heuristics). */
const deficit = (p: Problem, counts: Int32Array): number => {
  let v = 0
  for (const c of p.minCats) if (counts[c]! < p.quotaMin[c]!) v += p.quotaMin[c]! - counts[c]!
  return v
}

const fits = (p: Problem, counts: Int32Array, t: number, k: number): boolean => {
  for (let d = 0; d < NDIM; d++) {
    const c = p.typeCats[t * NDIM + d]!
    if (counts[c]! + k > p.quotaMax[c]!) return false
  }
  return true
}

const shift = (p: Problem, counts: Int32Array, t: number, k: number) => {
  for (let d = 0; d < NDIM; d++) counts[p.typeCats[t * NDIM + d]!]! += k
}

/** (−deficit, score) compared lexicographically; > 0 when a is better. */
const better = (da: number, sa: Score, db: number, sb: Score): number => (da !== db ? db - da : compareScore(sa, sb))

/**
 * Greedy: add one agent at a time, the one that most reduces the quota
 * deficit, then most improves the objective. Returns counts per type, or
 * null when it gets stuck (no agent fits).
 */
export const greedy = (p: Problem): Int32Array | null => {
  const x = new Int32Array(p.nTypes)
  const counts = Int32Array.from(p.baseCounts)
  for (let s = 0; s < p.seats; s++) {
    let bestT = -1
    let bestD = 0
    let bestS: Score | null = null
    for (let t = 0; t < p.nTypes; t++) {
      if (x[t]! >= p.typeAvail[t]! || !fits(p, counts, t, 1)) continue
      shift(p, counts, t, 1)
      const d = deficit(p, counts)
      const sc = scoreOfCounts(p, counts)
      shift(p, counts, t, -1)
      if (bestS === null || better(d, sc, bestD, bestS) > 0) {
        bestT = t
        bestD = d
        bestS = sc
      }
    }
    if (bestT < 0) return null
    x[bestT]!++
    shift(p, counts, bestT, 1)
  }
  return x
}

/**
 * Swap local search from a starting group: replace one agent by one of
 * another type while that improves (−deficit, objective); first
 * improvement, deterministic scan order; at most `maxPasses` improvements.
 * Scores are updated incrementally (a swap touches at most 2 × 7 counts).
 */
export const localSearch = (p: Problem, start: Int32Array, maxPasses = 1000): Int32Array => {
  const x = Int32Array.from(start)
  const counts = countsOf(p, x)
  const s0 = scoreOfCounts(p, counts)
  let D = s0.categories
  let C = s0.concentration
  let V = s0.coverage
  let def = deficit(p, counts)
  const apply = (t: number, k: number) => {
    for (let d = 0; d < NDIM; d++) {
      const c = p.typeCats[t * NDIM + d]!
      const old = counts[c]!
      const now = old + k
      counts[c] = now
      if (d < 5) C += now * now - old * old
      if (p.catKnown[c]) D += (now > 0 ? 1 : 0) - (old > 0 ? 1 : 0)
      if (p.catConcerned[c]) V += (now > 0 ? 1 : 0) - (old > 0 ? 1 : 0)
      const m = p.quotaMin[c]!
      if (m > 0) def += Math.max(0, m - now) - Math.max(0, m - old)
    }
  }
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false
    const curD = def
    const curS: Score = { categories: D, concentration: C, coverage: V }
    outer: for (let a = 0; a < p.nTypes; a++) {
      if (x[a] === 0) continue
      apply(a, -1)
      for (let b = 0; b < p.nTypes; b++) {
        if (b === a || x[b]! >= p.typeAvail[b]! || !fits(p, counts, b, 1)) continue
        apply(b, 1)
        const sc: Score = { categories: D, concentration: C, coverage: V }
        if (better(def, sc, curD, curS) > 0) {
          x[a]!--
          x[b]!++
          improved = true
          break outer
        }
        apply(b, -1)
      }
      apply(a, 1)
    }
    if (!improved) break
  }
  return x
}
