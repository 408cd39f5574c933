/**
 * Exact search over groups, as counts per type: a depth-first branch and
 * bound that picks types in a fixed order, with bounds computed from the
 * categories still available further down the order. Three modes share it:
 *
 * - `lex`: maximise the lexicographic objective (categories, −concentration,
 *   coverage) subject to the quotas;
 * - `price`: maximise a linear value (the column-generation pricing problem)
 *   among admissible groups (quotas + objective thresholds);
 * - `violation`: minimise the total quota violation (infeasibility analysis).
 *
 * The search is bounded by a work budget (a count, never a clock) so that
 * results are reproducible; `complete` says whether it finished.
 *
 * Longer than 450 lines on purpose: the three modes share one traversal and
 * its bounds; splitting them would duplicate the traversal or scatter the
 * bound proofs away from the code they justify.
 *
 * @internal
 */
import {
  compareScore,
  countsOf,
  meets,
  NDIM,
  NPROFILE,
  type Problem,
  type Score,
  scoreOfCounts,
  type Thresholds,
  violationOfCounts
} from "./problem.js"

export interface SearchSpec {
  readonly mode: "lex" | "price" | "violation" | "enumerate"
  /** price: value of one agent of each type. */
  readonly value?: Float64Array
  /** price: admissibility thresholds. */
  readonly thresholds?: Thresholds
  /** price: only groups worth strictly more than this are of interest. */
  readonly minValue?: number
  /** lex: a feasible group to start from (counts per type). */
  readonly incumbent?: Int32Array
  /** One agent of this type is forced into the group. */
  readonly forceType?: number
  /** Work budget (bound evaluations). */
  readonly budget: number
  /** enumerate: stop (incomplete) beyond this many admissible groups. */
  readonly maxGroups?: number
}

export interface SearchResult {
  readonly x: Int32Array | null
  readonly score: Score | null
  readonly value: number
  readonly violation: number
  readonly work: number
  readonly complete: boolean
  /** enumerate: every admissible group (complete) or the first ones found. */
  readonly groups?: ReadonlyArray<Int32Array>
}

const NEG: Score = { categories: -1, concentration: Number.MAX_SAFE_INTEGER, coverage: -1 }

export const search = (p: Problem, spec: SearchSpec): SearchResult => {
  const T = p.nTypes
  const NC = p.nCats
  const mode = spec.mode
  const value = spec.value
  const avail = Int32Array.from(p.typeAvail)
  const counts = Int32Array.from(p.baseCounts)
  const x = new Int32Array(T)
  let seats = p.seats
  if (spec.forceType !== undefined) {
    const f = spec.forceType
    if (avail[f]! <= 0 || seats <= 0) return { x: null, score: null, value: 0, violation: 0, work: 0, complete: true }
    avail[f]!--
    seats--
  }
  // Forced members alone may already exceed a max quota: then nothing is feasible.
  if (mode !== "violation") {
    for (let c = 0; c < NC; c++) {
      if (counts[c]! > p.quotaMax[c]!) return { x: null, score: null, value: 0, violation: 0, work: 0, complete: true, groups: [] }
    }
  }
  // The order in which types are branched on.
  const order = Array.from({ length: T }, (_, t) => t)
  const supply = new Float64Array(NC)
  for (let t = 0; t < T; t++) for (let d = 0; d < NDIM; d++) supply[p.typeCats[t * NDIM + d]!]! += avail[t]!
  const rarity = new Float64Array(T)
  for (let t = 0; t < T; t++) {
    let s = 0
    for (let d = 0; d < NPROFILE + 1; d++) {
      const c = p.typeCats[t * NDIM + d]!
      if (p.catKnown[c] || p.catConcerned[c] || p.quotaMin[c]! > 0) s += 1 / Math.max(1, supply[c]!)
    }
    rarity[t] = s
  }
  if (mode === "price" && value) order.sort((a, b) => value[b]! - value[a]! || rarity[b]! - rarity[a]! || a - b)
  else order.sort((a, b) => rarity[b]! - rarity[a]! || a - b)
  const ord = Int32Array.from(order)
  // Suffix availability per category and in total.
  const suf = new Int32Array((T + 1) * NC)
  const sufTotal = new Int32Array(T + 1)
  for (let q = T - 1; q >= 0; q--) {
    const t = ord[q]!
    const base = q * NC
    suf.set(suf.subarray(base + NC, base + 2 * NC), base)
    for (let d = 0; d < NDIM; d++) suf[base + p.typeCats[t * NDIM + d]!]! += avail[t]!
    sufTotal[q] = sufTotal[q + 1]! + avail[t]!
  }

  let D = 0
  let C = 0
  let V = 0
  let val = 0
  {
    const s = scoreOfCounts(p, counts)
    D = s.categories
    C = s.concentration
    V = s.coverage
  }
  const add = (t: number, k: number) => {
    x[t]! += k
    if (value) val += k * value[t]!
    for (let d = 0; d < NDIM; d++) {
      const c = p.typeCats[t * NDIM + d]!
      const old = counts[c]!
      counts[c] = old + k
      if (d < NPROFILE) C += (old + k) * (old + k) - old * old
      if (old === 0) {
        if (p.catKnown[c]) D++
        if (p.catConcerned[c]) V++
      }
    }
  }
  const remove = (t: number, k: number) => {
    x[t]! -= k
    if (value) val -= k * value[t]!
    for (let d = 0; d < NDIM; d++) {
      const c = p.typeCats[t * NDIM + d]!
      const old = counts[c]!
      counts[c] = old - k
      if (d < NPROFILE) C += (old - k) * (old - k) - old * old
      if (old - k === 0) {
        if (p.catKnown[c]) D--
        if (p.catConcerned[c]) V--
      }
    }
  }
  if (spec.forceType !== undefined) {
    // Re-add the forced agent through `add` so D, C, V and val follow.
    add(spec.forceType, 1)
    x[spec.forceType] = 0
    if (mode !== "violation") {
      for (let d = 0; d < NDIM; d++) {
        const c = p.typeCats[spec.forceType * NDIM + d]!
        if (counts[c]! > p.quotaMax[c]!) return { x: null, score: null, value: 0, violation: 0, work: 0, complete: true, groups: [] }
      }
    }
  }

  // Bounds. Profile categories flattened: profCats (all buckets), with the
  // start offset of each dimension in dimStart.
  const dimStart = new Int32Array(NPROFILE + 1)
  for (let d = 0; d < NPROFILE; d++) dimStart[d + 1] = dimStart[d]! + p.dimCats[d]!.length
  const profCats = new Int32Array(dimStart[NPROFILE]!)
  for (let d = 0; d < NPROFILE; d++) profCats.set(p.dimCats[d]!, dimStart[d]!)
  const knownFlag = new Uint8Array(profCats.length)
  for (let i = 0; i < profCats.length; i++) knownFlag[i] = p.catKnown[profCats[i]!]!
  const concernedCats = Int32Array.from(Array.from(p.dimCats[5]!).filter((c) => p.catConcerned[c]))
  const dUb = (q: number, r: number): number => {
    let ub = D
    const base = q * NC
    for (let d = 0; d < NPROFILE; d++) {
      let k = 0
      const e = dimStart[d + 1]!
      for (let i = dimStart[d]!; i < e; i++) {
        const c = profCats[i]!
        if (knownFlag[i] === 1 && counts[c] === 0 && suf[base + c]! > 0) k++
      }
      ub += k < r ? k : r
    }
    return ub
  }
  const buf = new Int32Array(16)
  const cap = new Int32Array(16)
  const cLb = (q: number, r: number): number => {
    let lb = 0
    const base = q * NC
    for (let d = 0; d < NPROFILE; d++) {
      const s0 = dimStart[d]!
      const m = dimStart[d + 1]! - s0
      for (let i = 0; i < m; i++) {
        const c = profCats[s0 + i]!
        buf[i] = counts[c]!
        cap[i] = suf[base + c]!
      }
      for (let u = 0; u < r; u++) {
        let best = -1
        let bv = 0x7fffffff
        for (let i = 0; i < m; i++) if (cap[i]! > 0 && buf[i]! < bv) {
          best = i
          bv = buf[i]!
        }
        if (best < 0) return Number.MAX_SAFE_INTEGER
        buf[best]!++
        cap[best]!--
      }
      for (let i = 0; i < m; i++) lb += buf[i]! * buf[i]!
    }
    return lb
  }
  const vUb = (q: number, r: number): number => {
    let k = 0
    const base = q * NC
    for (let i = 0; i < concernedCats.length; i++) {
      const c = concernedCats[i]!
      if (counts[c] === 0 && suf[base + c]! > 0) k++
    }
    return V + (k < r ? k : r)
  }
  const dimDeficit = new Int32Array(NDIM)
  const quotaOk = (q: number, r: number): boolean => {
    if (p.minCats.length === 0) return true
    dimDeficit.fill(0)
    const base = q * NC
    for (let i = 0; i < p.minCats.length; i++) {
      const c = p.minCats[i]!
      const def = p.quotaMin[c]! - counts[c]!
      if (def <= 0) continue
      if (def > suf[base + c]!) return false
      const d = p.catDim[c]!
      dimDeficit[d]! += def
      if (dimDeficit[d]! > r) return false
    }
    return true
  }
  const violationLb = (q: number, r: number): number => {
    let v = 0
    for (let c = 0; c < NC; c++) if (counts[c]! > p.quotaMax[c]!) v += counts[c]! - p.quotaMax[c]!
    const base = q * NC
    const unfill = new Int32Array(NDIM)
    dimDeficit.fill(0)
    for (const c of p.minCats) {
      const def = p.quotaMin[c]! - counts[c]!
      if (def <= 0) continue
      const d = p.catDim[c]!
      dimDeficit[d]! += def
      const s = suf[base + c]!
      if (def > s) unfill[d]! += def - s
    }
    for (let d = 0; d < NDIM; d++) v += Math.max(unfill[d]!, dimDeficit[d]! - r, 0)
    return v
  }
  const valueUb = (q: number, r: number): number => {
    let ub = val
    let left = r
    for (let i = q; i < T && left > 0; i++) {
      const t = ord[i]!
      const k = avail[t]! < left ? avail[t]! : left
      const v = value![t]!
      if (v <= 0) break
      ub += k * v
      left -= k
    }
    return ub
  }

  // Incumbent.
  let bestX: Int32Array | null = null
  let bestScore: Score = NEG
  let bestVal = spec.minValue ?? -Infinity
  let bestViolation = Number.MAX_SAFE_INTEGER
  const th = spec.thresholds
  if (mode === "lex" && spec.incumbent) {
    const cs = countsOf(p, spec.incumbent)
    if (violationOfCounts(p, cs) === 0) {
      bestX = Int32Array.from(spec.incumbent)
      bestScore = scoreOfCounts(p, cs)
    }
  }

  const groups: Array<Int32Array> = []
  const maxGroups = spec.maxGroups ?? 10_000
  let work = 0
  let aborted = false
  let done = false
  const budget = spec.budget

  const boundOk = (q: number, r: number): boolean => {
    if (sufTotal[q]! < r) return false
    if (mode === "violation") return violationLb(q, r) < bestViolation
    if (!quotaOk(q, r)) return false
    if (mode === "lex") {
      const du = dUb(q, r)
      if (du !== bestScore.categories) return du > bestScore.categories
      const cl = cLb(q, r)
      if (cl !== bestScore.concentration) return cl < bestScore.concentration
      return vUb(q, r) > bestScore.coverage
    }
    // price, enumerate
    if (mode === "price" && valueUb(q, r) <= bestVal + 1e-12) return false
    if (th) {
      if (dUb(q, r) < th.minCategories) return false
      if (vUb(q, r) < th.minCoverage) return false
      if (cLb(q, r) > th.maxConcentration) return false
    }
    return true
  }

  const leaf = () => {
    if (mode === "violation") {
      const v = violationOfCounts(p, counts)
      if (v < bestViolation) {
        bestViolation = v
        bestX = Int32Array.from(x)
        if (v === 0) done = true
      }
      return
    }
    for (const c of p.minCats) if (counts[c]! < p.quotaMin[c]!) return
    const s: Score = { categories: D, concentration: C, coverage: V }
    if (mode === "lex") {
      if (compareScore(s, bestScore) > 0) {
        bestScore = s
        bestX = Int32Array.from(x)
      }
      return
    }
    if (th && !meets(s, th)) return
    if (mode === "enumerate") {
      groups.push(Int32Array.from(x))
      if (groups.length > maxGroups) aborted = true
      return
    }
    if (val > bestVal + 1e-12) {
      bestVal = val
      bestScore = s
      bestX = Int32Array.from(x)
    }
  }

  // Marginal concentration cost of adding one agent of a category, given the
  // cheapest completion (water-filling) of each dimension: a type whose
  // categories cost more in total than the slack left under the
  // concentration cap cannot be part of any completion.
  const delta = new Float64Array((seats + 1) * NC)
  const nodeSlack = (q: number, r: number): number => {
    let cmax = Infinity
    if (mode === "lex") {
      if (dUb(q, r) === bestScore.categories) cmax = bestScore.concentration
    } else if (th && mode !== "violation") cmax = th.maxConcentration
    if (cmax === Infinity) return Infinity
    let total = 0
    const base = q * NC
    const off = r * NC
    for (let d = 0; d < NPROFILE; d++) {
      const s0 = dimStart[d]!
      const m = dimStart[d + 1]! - s0
      for (let i = 0; i < m; i++) {
        const c = profCats[s0 + i]!
        buf[i] = counts[c]!
        cap[i] = suf[base + c]!
      }
      let last = 0
      for (let u = 0; u < r; u++) {
        let best = -1
        let bv = 0x7fffffff
        for (let i = 0; i < m; i++) if (cap[i]! > 0 && buf[i]! < bv) {
          best = i
          bv = buf[i]!
        }
        if (best < 0) return -1
        last = 2 * bv + 1
        buf[best]!++
        cap[best]!--
      }
      for (let i = 0; i < m; i++) {
        total += buf[i]! * buf[i]!
        const c = profCats[s0 + i]!
        const inc = 2 * counts[c]! + 1
        delta[off + c] = inc > last ? inc - last : 0
      }
    }
    return cmax - total
  }

  // Positions (in the branching order) of the types of each category.
  const posByCat: Array<Int32Array> = []
  {
    const lists: Array<Array<number>> = Array.from({ length: NC }, () => [])
    for (let q = 0; q < T; q++) {
      const t = ord[q]!
      for (let d = 0; d < NPROFILE; d++) lists[p.typeCats[t * NDIM + d]!]!.push(q)
    }
    for (let c = 0; c < NC; c++) posByCat.push(Int32Array.from(lists[c]!))
  }
  const lowerBound = (list: Int32Array, x: number): number => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  // Categories slack: in a dimension where the missing categories are at
  // least as many as the seats left, every seat must bring a new category or
  // the upper bound on categories drops by one.
  const lossFlag = new Uint8Array((seats + 1) * NC)
  const nodeDslack = (q: number, r: number): number => {
    let dmin = -Infinity
    if (mode === "lex") dmin = bestScore.categories
    else if (th && mode !== "violation") dmin = th.minCategories
    if (dmin === -Infinity) return Infinity
    const base = q * NC
    const off = r * NC
    let ub = D
    for (let d = 0; d < NPROFILE; d++) {
      let k = 0
      const e = dimStart[d + 1]!
      for (let i = dimStart[d]!; i < e; i++) {
        const c = profCats[i]!
        if (knownFlag[i] === 1 && counts[c] === 0 && suf[base + c]! > 0) k++
      }
      ub += k < r ? k : r
      for (let i = dimStart[d]!; i < e; i++) {
        const c = profCats[i]!
        const isNew = knownFlag[i] === 1 && counts[c] === 0 && suf[base + c]! > 0
        lossFlag[off + c] = k >= r && !isNew ? 1 : 0
      }
    }
    return ub - dmin
  }

  const rec = (start: number, r: number): void => {
    if (r === 0) {
      leaf()
      return
    }
    const slack = nodeSlack(start, r)
    if (slack < 0) return
    const dslack = nodeDslack(start, r)
    if (dslack < 0) return
    const off = r * NC
    // When a slack is zero, every seat must be "free" in every dimension: only
    // the types listed under an allowed category of the most selective
    // dimension are candidates.
    let cand: Array<number> | null = null
    if (slack === 0 || dslack === 0) {
      let bestDim = -1
      let bestCount = Infinity
      for (let d = 0; d < NPROFILE; d++) {
        let n = 0
        for (let i = dimStart[d]!; i < dimStart[d + 1]!; i++) {
          const c = profCats[i]!
          if ((slack === 0 && delta[off + c]! > 0) || (dslack === 0 && lossFlag[off + c] === 1)) continue
          const list = posByCat[c]!
          n += list.length - lowerBound(list, start)
        }
        if (n < bestCount) {
          bestCount = n
          bestDim = d
        }
      }
      if (bestCount === 0) return
      cand = []
      for (let i = dimStart[bestDim]!; i < dimStart[bestDim + 1]!; i++) {
        const c = profCats[i]!
        if ((slack === 0 && delta[off + c]! > 0) || (dslack === 0 && lossFlag[off + c] === 1)) continue
        const list = posByCat[c]!
        for (let j = lowerBound(list, start); j < list.length; j++) cand.push(list[j]!)
      }
      cand.sort((a, b) => a - b)
    }
    const nq = cand ? cand.length : T - start
    for (let iq = 0; iq < nq; iq++) {
      const q = cand ? cand[iq]! : start + iq
      if (++work > budget) {
        aborted = true
        return
      }
      const t = ord[q]!
      if (slack !== Infinity) {
        let cost = 0
        for (let d = 0; d < NPROFILE; d++) cost += delta[off + p.typeCats[t * NDIM + d]!]!
        if (cost > slack) continue
      }
      if (dslack !== Infinity) {
        let loss = 0
        for (let d = 0; d < NPROFILE; d++) loss += lossFlag[off + p.typeCats[t * NDIM + d]!]!
        if (loss > dslack) continue
      }
      if (r > 1 || mode === "violation") {
        if (!boundOk(q, r)) return
      } else if (mode === "price" && val + value![t]! <= bestVal + 1e-12) return
      let kmax = avail[t]! < r ? avail[t]! : r
      if (mode !== "violation") {
        for (let d = 0; d < NDIM; d++) {
          const c = p.typeCats[t * NDIM + d]!
          const room = p.quotaMax[c]! - counts[c]!
          if (room < kmax) kmax = room
        }
      }
      for (let k = kmax; k >= 1; k--) {
        add(t, k)
        rec(q + 1, r - k)
        remove(t, k)
        if (aborted || done) return
      }
    }
  }
  rec(0, seats)

  let outX: Int32Array | null = bestX
  if (outX && spec.forceType !== undefined) {
    outX = Int32Array.from(outX)
    outX[spec.forceType]!++
  }
  let outScore: Score | null = null
  let outViolation = 0
  if (outX) {
    const cs = countsOf(p, outX)
    outScore = scoreOfCounts(p, cs)
    outViolation = violationOfCounts(p, cs)
  }
  let outVal = 0
  if (outX && value) for (let t = 0; t < T; t++) outVal += outX[t]! * value[t]!
  if (mode === "enumerate") {
    const f = spec.forceType
    const all = f === undefined ? groups : groups.map((g) => {
      const h = Int32Array.from(g)
      h[f]!++
      return h
    })
    return { x: all[0] ?? null, score: null, value: 0, violation: 0, work, complete: !aborted, groups: all }
  }
  return { x: outX, score: outScore, value: outVal, violation: outViolation, work, complete: !aborted }
}
