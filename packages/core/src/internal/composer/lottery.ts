/**
 * The fair lottery over admissible groups (maximin, after Flanigan et al.,
 * "Fair algorithms for selecting citizens' assemblies", Nature 2021): find a
 * probability distribution over a portfolio of admissible groups that
 * maximises the smallest weighted selection probability min_i π_i / w_i of
 * the volunteers who can be selected at all.
 *
 * Agents of one type are interchangeable, so the LP works on types (π of a
 * type = expected seats of the type / agents of the type), which keeps it
 * small; column generation adds groups priced by the exact search.
 *
 * Just over 450 lines: the master LP, the column generation loop and the
 * leximin rounds share the portfolio and the tolerances, and are kept
 * together (the simplex itself is in simplex.ts).
 *
 * @internal
 */
import { countsOf, meets, NDIM, type Problem, scoreOfCounts, type Thresholds } from "./problem.js"
import { search } from "./search.js"
import { Simplex } from "./simplex.js"

export interface Lottery {
  readonly panels: ReadonlyArray<{ readonly x: Int32Array; readonly p: number }>
  /** Selection probability of one agent of each type. */
  readonly typeProb: Float64Array
  /** 1 when some admissible group contains an agent of the type. */
  readonly coverable: Uint8Array
  /** max-min of π_i / w_i reached. */
  readonly minRatio: number
  /** Upper bound on the optimal max-min (equals minRatio when proven). */
  readonly upperBound: number
  /** True when coverability and the LP optimum are both proven. */
  readonly proven: boolean
  /** True when leximin rounds refined the maximin lottery. */
  readonly leximin: boolean
  readonly work: number
  readonly columnsGenerated: number
}

export interface LotteryOptions {
  readonly thresholds: Thresholds
  /** Priority weight per type (w). */
  readonly weights: Float64Array
  /** An admissible group to start from. */
  readonly first: Int32Array
  /** Work budget per search call. */
  readonly searchBudget: number
  /** Work budget of the whole lottery (listing, cover, pricing). */
  readonly totalBudget: number
  /** Maximum number of columns generated after the cover. */
  readonly maxColumns: number
  /** Above this many selectable types, no LP: a uniform lottery over the covering portfolio. */
  readonly maxRows: number
  /** Refine maximin into leximin (when the admissible groups are listed). */
  readonly leximin: boolean
  /** Leximin rounds at most. */
  readonly maxRounds: number
  /** Simplex pivots per LP solve at most (beyond: the current feasible lottery, not proven). */
  readonly maxPivots: number
  /** Admissible groups listed exhaustively at most (beyond: column generation with exact pricing). */
  readonly maxListed: number
}

/**
 * Heuristic cover: for each type in no group yet, try to swap one agent of
 * it into a group of the portfolio, keeping the group admissible (quotas and
 * thresholds). Cheap: a swap changes at most 2 × 7 category counts.
 */
const swapCover = (
  p: Problem,
  th: Thresholds,
  columns: ReadonlyArray<Int32Array>,
  covered: Uint8Array,
  push: (x: Int32Array) => boolean
) => {
  const T = p.nTypes
  const base = columns.slice(0, 32).map((g) => ({
    g,
    members: Array.from(g, (k, t) => (k > 0 ? t : -1)).filter((t) => t >= 0),
    counts: countsOf(p, g),
    score: scoreOfCounts(p, countsOf(p, g))
  }))
  for (let t = 0; t < T; t++) {
    if (covered[t] || p.typeAvail[t]! === 0) continue
    tryColumns: for (const { g, members, counts, score } of base) {
      if (g[t]! >= p.typeAvail[t]!) continue
      for (const a of members) {
        if (a === t) continue
        let D = score.categories
        let C = score.concentration
        let V = score.coverage
        let ok = true
        // Categories of different dimensions are distinct: a swap changes, per
        // dimension, one count down and one up (or nothing).
        for (let d = 0; d < NDIM && ok; d++) {
          const ca = p.typeCats[a * NDIM + d]!
          const ct = p.typeCats[t * NDIM + d]!
          if (ca === ct) continue
          const na = counts[ca]!
          const nt = counts[ct]!
          if (na - 1 < p.quotaMin[ca]! || nt + 1 > p.quotaMax[ct]!) ok = false
          if (d < 5) C += 2 * (nt - na) + 2
          if (p.catKnown[ca] && na === 1) D--
          if (p.catKnown[ct] && nt === 0) D++
          if (p.catConcerned[ca] && na === 1) V--
          if (p.catConcerned[ct] && nt === 0) V++
        }
        if (ok && meets({ categories: D, concentration: C, coverage: V }, th)) {
          const h = Int32Array.from(g)
          h[a]!--
          h[t]!++
          push(h)
          covered[t] = 1
          break tryColumns
        }
      }
    }
  }
}

const sparse = (g: Int32Array): Int32Array => {
  const out: Array<number> = []
  for (let t = 0; t < g.length; t++) if (g[t]! > 0) out.push(t, g[t]!)
  return Int32Array.from(out)
}

const scan = (
  groups: ReadonlyArray<Int32Array>,
  sparseGroups: ReadonlyArray<Int32Array>,
  value: Float64Array,
  minValue: number
): { x: Int32Array | null; value: number; work: number; complete: boolean } => {
  let best: Int32Array | null = null
  let bestValue = minValue
  let top = -Infinity
  for (let i = 0; i < groups.length; i++) {
    const sg = sparseGroups[i]!
    let v = 0
    for (let j = 0; j < sg.length; j += 2) v += sg[j + 1]! * value[sg[j]!]!
    if (v > top) top = v
    if (v > bestValue) {
      bestValue = v
      best = groups[i]!
    }
  }
  return { x: best, value: best ? bestValue : top, work: groups.length, complete: true }
}

/**
 * The published portfolio of a solved master LP: the columns with a
 * probability above 10⁻¹² (normalised to sum to 1; the first admissible group
 * alone when none), each type's selection probability, and the smallest
 * weighted probability over `rows`. Shared by the in-house and the exact
 * (HiGHS) lottery.
 */
export const portfolio = (
  p: Problem,
  columns: ReadonlyArray<Int32Array>,
  probabilityOf: (column: number) => number,
  first: Int32Array,
  rows: ReadonlyArray<number>,
  weights: Float64Array
): { readonly panels: Array<{ x: Int32Array; p: number }>; readonly typeProb: Float64Array; readonly minRatio: number } => {
  const T = p.typeAvail.length
  const panels: Array<{ x: Int32Array; p: number }> = []
  let total = 0
  for (let g = 0; g < columns.length; g++) {
    const v = probabilityOf(g)
    if (v > 1e-12) {
      panels.push({ x: columns[g]!, p: v })
      total += v
    }
  }
  if (panels.length === 0) {
    panels.push({ x: first, p: 1 })
    total = 1
  }
  for (const pn of panels) pn.p /= total
  const typeProb = new Float64Array(T)
  for (const pn of panels) for (let t = 0; t < T; t++) if (pn.x[t]! > 0) typeProb[t]! += (pn.p * pn.x[t]!) / p.typeAvail[t]!
  let minRatio = Infinity
  for (const t of rows) minRatio = Math.min(minRatio, typeProb[t]! / weights[t]!)
  if (!Number.isFinite(minRatio)) minRatio = 0
  return { panels, typeProb, minRatio }
}

export const lottery = (p: Problem, o: LotteryOptions): Lottery => {
  const T = p.nTypes
  const columns: Array<Int32Array> = [o.first]
  const key = (x: Int32Array) => x.join(",")
  const seen = new Set<string>([key(o.first)])
  const covered = new Uint8Array(T)
  const hopeless = new Uint8Array(T)
  let proven = true
  let work = 0
  const mark = (x: Int32Array) => {
    for (let t = 0; t < T; t++) if (x[t]! > 0) covered[t] = 1
  }
  mark(o.first)
  const left = () => Math.max(1, Math.min(o.searchBudget, o.totalBudget - work))
  const exhausted = () => work >= o.totalBudget
  const push = (x: Int32Array): boolean => {
    const k = key(x)
    if (seen.has(k)) return false
    seen.add(k)
    columns.push(x)
    mark(x)
    return true
  }

  // 0. When the admissible groups are few, list them all: coverability is
  // then exact and pricing is a scan of the list.
  const value = new Float64Array(T)
  const listing = search(p, {
    mode: "enumerate",
    thresholds: o.thresholds,
    budget: Math.max(1, Math.floor(o.totalBudget / 2)),
    maxGroups: o.maxListed
  })
  work += listing.work
  const listed = listing.complete ? listing.groups! : null
  // An incomplete listing still gives admissible groups: a pool for heuristic
  // pricing, and a start for the cover.
  const partial = listed ? null : (listing.groups ?? [])
  const listedSparse = listed ? listed.map(sparse) : null
  const partialSparse = partial ? partial.map(sparse) : null
  if (!listed && partial) {
    const inPortfolio = Uint8Array.from(covered)
    for (const g of partial) {
      let fresh = false
      for (let t = 0; t < T; t++) if (g[t]! > 0 && !inPortfolio[t]) fresh = true
      if (!fresh) continue
      push(g)
      for (let t = 0; t < T; t++) if (g[t]! > 0) inPortfolio[t] = 1
    }
    swapCover(p, o.thresholds, columns, covered, push)
  }
  if (listed) {
    // Start the portfolio with listed groups until every coverable type is in one.
    const inPortfolio = Uint8Array.from(covered)
    for (const g of listed) {
      let fresh = false
      for (let t = 0; t < T; t++) if (g[t]! > 0 && !inPortfolio[t]) fresh = true
      if (!fresh) continue
      push(g)
      for (let t = 0; t < T; t++) if (g[t]! > 0) inPortfolio[t] = 1
    }
  }
  // 1. Cover: find admissible groups containing every type that can be selected at all.
  while (!listed) {
    let open = 0
    for (let t = 0; t < T; t++) {
      value[t] = !covered[t] && !hopeless[t] && p.typeAvail[t]! > 0 ? 1 : 0
      open += value[t]!
    }
    if (open === 0) break
    if (exhausted()) {
      proven = false
      for (let t = 0; t < T; t++) if (value[t]! > 0) hopeless[t] = 1
      break
    }
    const r = search(p, { mode: "price", value, thresholds: o.thresholds, minValue: 0.5, budget: left() })
    work += r.work
    if (r.x && r.value > 0.5) {
      push(r.x)
      continue
    }
    if (r.complete) {
      for (let t = 0; t < T; t++) if (value[t]! > 0) hopeless[t] = 1
      break
    }
    // Budget ran out: decide each open type on its own.
    for (let t = 0; t < T; t++) {
      if (value[t] === 0 || covered[t]) continue
      if (exhausted()) {
        hopeless[t] = 1
        proven = false
        continue
      }
      const f = search(p, {
        mode: "price",
        value: new Float64Array(T),
        thresholds: o.thresholds,
        minValue: -1,
        forceType: t,
        budget: left()
      })
      work += f.work
      if (f.x) push(f.x)
      else {
        hopeless[t] = 1
        if (!f.complete) proven = false
      }
    }
    break
  }

  // 2. Maximin LP over the portfolio, by column generation.
  const rows: Array<number> = []
  const rowOf = new Int32Array(T).fill(-1)
  for (let t = 0; t < T; t++) {
    if (covered[t]) {
      rowOf[t] = rows.length
      rows.push(t)
    }
  }
  const R = rows.length
  if (R > o.maxRows) {
    // Too many types for the dense simplex: a uniform lottery over the
    // covering portfolio (everyone selectable gets a chance), not proven maximin.
    const typeProb = new Float64Array(T)
    const pr = 1 / columns.length
    for (const x of columns) for (let t = 0; t < T; t++) if (x[t]! > 0) typeProb[t]! += (pr * x[t]!) / p.typeAvail[t]!
    let minRatio = Infinity
    let wn = 0
    for (const t of rows) {
      minRatio = Math.min(minRatio, typeProb[t]! / o.weights[t]!)
      wn += o.weights[t]! * p.typeAvail[t]!
    }
    return {
      panels: columns.map((x) => ({ x, p: pr })),
      typeProb,
      coverable: covered,
      minRatio,
      upperBound: Math.max(minRatio, p.seats / wn),
      proven: false,
      leximin: false,
      work,
      columnsGenerated: 0
    }
  }
  const lp = new Simplex([...new Array<number>(R).fill(0), 1])
  // z: w_t n_t z − Σ_g x_gt p_g ≤ 0 for every coverable type t; Σ_g p_g ≤ 1.
  lp.addColumn(
    rows.map((t, i) => [i, o.weights[t]! * p.typeAvail[t]!] as const),
    1
  )
  const colIndex: Array<number> = []
  const addPanel = (x: Int32Array) => {
    const entries: Array<readonly [number, number]> = [[R, 1]]
    for (let t = 0; t < T; t++) if (x[t]! > 0 && rowOf[t]! >= 0) entries.push([rowOf[t]!, -x[t]!])
    colIndex.push(lp.addColumn(entries, 0))
  }
  for (const x of columns) addPanel(x)
  let generated = 0
  let upperBound = Infinity
  if (R > 0) {
    for (;;) {
      if (!lp.solve(o.maxPivots)) {
        proven = false
        break
      }
      for (let t = 0; t < T; t++) value[t] = rowOf[t]! >= 0 ? Math.max(0, lp.dual(rowOf[t]!)) : 0
      const mu = lp.dual(R)
      if (generated >= o.maxColumns || (!listed && exhausted())) {
        proven = false
        break
      }
      const heuristic = partial ? scan(partial, partialSparse!, value, mu + 1e-9) : null
      const r = listed ? scan(listed, listedSparse!, value, mu + 1e-9) : heuristic && heuristic.x && !seen.has(key(heuristic.x)) ? { ...heuristic, complete: false } : search(p, {
        mode: "price",
        value,
        thresholds: o.thresholds,
        minValue: mu + 1e-9,
        budget: left()
      })
      work += r.work
      if (r.complete) upperBound = Math.min(upperBound, r.x ? r.value : mu)
      if (!r.x) {
        if (!r.complete) proven = false
        break
      }
      if (!push(r.x)) {
        // Numerical stall: the priced column is already in the portfolio.
        break
      }
      addPanel(r.x)
      generated++
    }
  }

  // Probabilities of the columns from the maximin round.
  let colProb: Array<number> = (() => {
    const primal = lp.primal()
    return columns.map((_, g) => (R > 0 ? primal[colIndex[g]!]! : g === 0 ? 1 : 0))
  })()
  let leximin = false
  // 3. Leximin (Flanigan et al.): fix the types whose floor constraint binds
  // (positive dual), then raise the floor of the others, round after round.
  if (R > 0 && listed && proven && o.leximin) {
    const level = new Float64Array(T).fill(-1)
    const fixFrom = (duals: (i: number) => number, z: number, probs: ReadonlyArray<number>) => {
      let fixed = 0
      for (let i = 0; i < R; i++) if (level[rows[i]!]! < 0 && duals(i) > 1e-9) {
        level[rows[i]!] = z
        fixed++
      }
      if (fixed === 0) {
        // No positive dual (degenerate): fix the types at the floor.
        for (let i = 0; i < R; i++) {
          const t = rows[i]!
          if (level[t]! >= 0) continue
          let pi = 0
          for (let g = 0; g < columns.length; g++) pi += probs[g]! * columns[g]![t]!
          if (pi / (o.weights[t]! * p.typeAvail[t]!) <= z + 1e-9) {
            level[t] = z
            fixed++
          }
        }
      }
      return fixed
    }
    fixFrom((i) => lp.dual(i), lp.value(), colProb)
    for (let round = 0; round < o.maxRounds; round++) {
      const free = rows.filter((t) => level[t]! < 0)
      if (free.length === 0) break
      // Rows: i < R as before (free: ≤ with z; fixed: ≥ its level), R: Σ p ≤ 1.
      const b = rows.map((t) => (level[t]! >= 0 ? level[t]! * o.weights[t]! * p.typeAvail[t]! * (1 - 1e-9) : 0))
      const art = rows.flatMap((t, i) => (level[t]! >= 0 ? [i] : []))
      const lx = new Simplex([...b, 1], art)
      lx.addColumn(
        rows.flatMap((t, i) => (level[t]! < 0 ? [[i, o.weights[t]! * p.typeAvail[t]!] as const] : [])),
        1
      )
      for (const i of art) lx.addColumn([[i, -1]], 0)
      const idx: Array<number> = []
      const addCol = (x: Int32Array) => {
        const entries: Array<readonly [number, number]> = [[R, 1]]
        for (let t = 0; t < T; t++) {
          const i = rowOf[t]!
          if (x[t]! > 0 && i >= 0) entries.push([i, level[t]! >= 0 ? x[t]! : -x[t]!])
        }
        idx.push(lx.addColumn(entries, 0))
      }
      for (const x of columns) addCol(x)
      let ok = true
      for (let guard = 0; guard < o.maxColumns; guard++) {
        if (!lx.solve(o.maxPivots)) {
          ok = false
          break
        }
        for (let t = 0; t < T; t++) {
          const i = rowOf[t]!
          value[t] = i < 0 ? 0 : level[t]! >= 0 ? Math.max(0, -lx.dual(i)) : Math.max(0, lx.dual(i))
        }
        const r = scan(listed, listedSparse!, value, lx.dual(R) + 1e-9)
        work += r.work
        if (!r.x || !push(r.x)) break
        addCol(r.x)
      }
      if (!ok || lx.value() < -1e-7) break // keep the previous round
      const primal = lx.primal()
      colProb = columns.map((_, g) => primal[idx[g]!]!)
      leximin = true
      if (fixFrom((i) => (level[rows[i]!]! < 0 ? lx.dual(i) : 0), lx.value(), colProb) === 0) break
    }
  }

  const { panels, typeProb, minRatio } = portfolio(p, columns, (g) => colProb[g] ?? 0, o.first, rows, o.weights)
  if (proven) upperBound = minRatio
  else if (!Number.isFinite(upperBound) && rows.length > 0) {
    // No complete pricing: the trivial bound, seats shared evenly by weight.
    let wn = 0
    for (const t of rows) wn += o.weights[t]! * p.typeAvail[t]!
    upperBound = p.seats / wn
  }
  return {
    panels,
    typeProb,
    coverable: covered,
    minRatio,
    upperBound: Number.isFinite(upperBound) ? Math.max(upperBound, minRatio) : minRatio,
    proven,
    leximin,
    work,
    columnsGenerated: generated
  }
}
