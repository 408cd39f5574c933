// Over 450 lines on purpose: the pricing model, its local search, the cover
// and the column generation share the same type/category layout and are
// read together; splitting them would scatter one algorithm over files.
/**
 * The exact fair lottery, solved with HiGHS (an LP/MIP solver compiled to
 * WebAssembly, loaded only when a composition needs it; see
 * docs/decisions/0009-composer-highs.md).
 *
 * Maximin, then leximin (Flanigan et al., "Fair algorithms for selecting
 * citizens' assemblies", Nature 2021), by column generation over *types*
 * (agents no quota, objective or priority can tell apart):
 *
 * - the master LP chooses probabilities over a portfolio of groups to
 *   maximise the smallest weighted selection probability π_t / w_t;
 * - the pricing problem is an integer program over type counts x_t (the
 *   group), with the size, the quotas and the admissibility thresholds of
 *   the diversity objective written linearly (distinct categories through
 *   binaries y_c ≤ n_c, concentration through the tangents of the convex
 *   n² at every integer, exact at integer counts), maximising Σ y_t x_t for
 *   the LP duals y; its proven optimum bounds the maximin from above;
 * - leximin rounds fix the types whose floor binds (positive dual) and
 *   raise the floor of the others, until every type is fixed.
 *
 * Everything is deterministic: HiGHS runs single-threaded with its default
 * seed, and the model is built in a canonical order.
 *
 * @internal
 */
import type { Highs } from "highs"
import { type Lottery, portfolio } from "./lottery.js"
import { countsOf, meets, NDIM, NO_MAX, NPROFILE, type Problem, scoreOfCounts, type Thresholds } from "./problem.js"

/** HiGHS as loaded by `import("highs")` (its default export, called). */
export type Solver = Highs
type Model = ReturnType<Highs["createModel"]>

export interface ExactOptions {
  /** Admissibility thresholds of the diversity objective; null: every quota-feasible group. */
  readonly thresholds: Thresholds | null
  /** Priority weight per type (w). */
  readonly weights: Float64Array
  /** An admissible group to start from. */
  readonly first: Int32Array
  /** Refine maximin into leximin. */
  readonly leximin: boolean
  /** Columns generated at most (a safety net; the result says not proven beyond). */
  readonly maxColumns: number
}

export interface ExactLottery extends Lottery {
  /** Pricing integer programs solved. */
  readonly pricings: number
  /** Leximin rounds run. */
  readonly rounds: number
  /** Why the lottery is not proven (empty when proven). */
  readonly reason: string
}

/** Relative tolerance of the pricing: a group improves the LP only above (1 + EPS) × the LP's value. */
export const EPS = 1e-7

const OPTIONS = {
  output_flag: false,
  mip_rel_gap: 1e-9,
  mip_abs_gap: 1e-12,
  random_seed: 0
} as const

/**
 * Local search for the pricing: from a group, swap one agent for one of
 * another type while the group stays admissible (quotas, thresholds) and
 * its value Σ value_t x_t grows. Cheap (a swap changes at most 2 × 7
 * category counts); the integer program is called only when no swap helps,
 * and it alone proves that no group improves the lottery.
 */
const ascend = (
  p: Problem,
  th: Thresholds | null,
  start: Int32Array,
  value: Float64Array,
  order: ReadonlyArray<number>
): Int32Array => {
  const x = Int32Array.from(start)
  const counts = countsOf(p, x)
  const score = scoreOfCounts(p, counts)
  let D = score.categories
  let C = score.concentration
  let V = score.coverage
  const members: Array<number> = []
  for (let t = 0; t < p.nTypes; t++) if (x[t]! > 0) members.push(t)
  for (let step = 0; step < 4 * p.seats + 4; step++) {
    let moved = false
    for (const t of order) {
      if (x[t]! >= p.typeAvail[t]!) continue
      let worst = -1
      let worstValue = value[t]! - 1e-12
      for (const a of members) {
        if (a === t || value[a]! >= worstValue) continue
        let d = D
        let c = C
        let v = V
        let ok = true
        for (let k = 0; k < NDIM && ok; k++) {
          const ca = p.typeCats[a * NDIM + k]!
          const ct = p.typeCats[t * NDIM + k]!
          if (ca === ct) continue
          const na = counts[ca]!
          const nt = counts[ct]!
          if (na - 1 < p.quotaMin[ca]! || nt + 1 > p.quotaMax[ct]!) ok = false
          if (k < NPROFILE) c += 2 * (nt - na) + 2
          if (p.catKnown[ca] && na === 1) d--
          if (p.catKnown[ct] && nt === 0) d++
          if (p.catConcerned[ca] && na === 1) v--
          if (p.catConcerned[ct] && nt === 0) v++
        }
        if (!ok) continue
        if (th && !meets({ categories: d, concentration: c, coverage: v }, th)) continue
        worst = a
        worstValue = value[a]!
      }
      if (worst < 0) continue
      const a = worst
      for (let k = 0; k < NDIM; k++) {
        const ca = p.typeCats[a * NDIM + k]!
        const ct = p.typeCats[t * NDIM + k]!
        if (ca === ct) continue
        const na = counts[ca]!
        const nt = counts[ct]!
        if (k < NPROFILE) C += 2 * (nt - na) + 2
        if (p.catKnown[ca] && na === 1) D--
        if (p.catKnown[ct] && nt === 0) D++
        if (p.catConcerned[ca] && na === 1) V--
        if (p.catConcerned[ct] && nt === 0) V++
        counts[ca]!--
        counts[ct]!++
      }
      x[a]!--
      x[t]!++
      if (x[a]! === 0) members.splice(members.indexOf(a), 1)
      if (x[t]! === 1) members.push(t)
      moved = true
      break
    }
    if (!moved) break
  }
  return x
}

/** The pricing model: size, quotas and admissibility thresholds over type counts x_t (columns 0..T−1). */
const buildModel = (highs: Highs, p: Problem, th: Thresholds | null): Model => {
  const T = p.nTypes
  const colLower: Array<number> = []
  const colUpper: Array<number> = []
  const integrality: Array<0 | 1> = []
  const rowLower: Array<number> = []
  const rowUpper: Array<number> = []
  const starts: Array<number> = [0]
  const indices: Array<number> = []
  const values: Array<number> = []
  const INF = highs.infinity
  const addCol = (lo: number, hi: number, int: boolean) => {
    colLower.push(lo)
    colUpper.push(hi)
    integrality.push(int ? 1 : 0)
    return colLower.length - 1
  }
  const addRow = (lo: number, hi: number, idx: ReadonlyArray<number>, val: ReadonlyArray<number>) => {
    rowLower.push(lo)
    rowUpper.push(hi)
    indices.push(...idx)
    values.push(...val)
    starts.push(indices.length)
  }
  for (let t = 0; t < T; t++) addCol(0, p.typeAvail[t]!, true)
  // Types of each category.
  const members: Array<Array<number>> = Array.from({ length: p.nCats }, () => [])
  for (let t = 0; t < T; t++) {
    if (p.typeAvail[t]! === 0) continue
    for (let d = 0; d < NDIM; d++) members[p.typeCats[t * NDIM + d]!]!.push(t)
  }
  const ones = (ts: ReadonlyArray<number>, k = 1) => ts.map(() => k)
  const all = Array.from({ length: T }, (_, t) => t)
  addRow(p.seats, p.seats, all, ones(all))
  for (let c = 0; c < p.nCats; c++) {
    const lo = p.quotaMin[c]! - p.baseCounts[c]!
    const hi = p.quotaMax[c]! >= NO_MAX ? INF : p.quotaMax[c]! - p.baseCounts[c]!
    if (lo <= 0 && hi === INF) continue
    addRow(Math.max(0, lo), hi, members[c]!, ones(members[c]!))
  }
  if (th) {
    // Distinct known categories (y_c ≤ n_c) and occupations concerned (v_c ≤ n_c).
    const counted = (flag: Uint8Array, need: number) => {
      let free = 0
      const ys: Array<number> = []
      for (let c = 0; c < p.nCats; c++) {
        if (!flag[c]) continue
        if (p.baseCounts[c]! > 0) free++
        else if (members[c]!.length > 0) {
          const y = addCol(0, 1, true)
          ys.push(y)
          addRow(-INF, 0, [y, ...members[c]!], [1, ...ones(members[c]!, -1)])
        }
      }
      if (need - free > 0) addRow(need - free, INF, ys, ones(ys))
    }
    counted(p.catKnown, th.minCategories)
    counted(p.catConcerned, th.minCoverage)
    // Concentration: s_c ≥ (2k + 1) n_c − k(k + 1) for every integer k (exact at integer counts), Σ s_c ≤ max.
    let constant = 0
    const ss: Array<number> = []
    for (let c = 0; c < p.nCats; c++) {
      if (p.catDim[c]! >= NPROFILE) continue
      const base = p.baseCounts[c]!
      if (members[c]!.length === 0) {
        constant += base * base
        continue
      }
      let cap = 0
      for (const t of members[c]!) cap += p.typeAvail[t]!
      const top = base + Math.min(p.seats, cap)
      const s = addCol(0, INF, false)
      ss.push(s)
      for (let k = 0; k < top; k++) {
        addRow((2 * k + 1) * base - k * (k + 1), INF, [s, ...members[c]!], [1, ...ones(members[c]!, -(2 * k + 1))])
      }
    }
    if (ss.length > 0) addRow(-INF, th.maxConcentration - constant, ss, ones(ss))
  }
  const numCols = colLower.length
  const numRows = rowLower.length
  const m = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(numCols),
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: "csr", numRows, numCols, starts, indices, values },
    integrality
  })
  m.options.set(OPTIONS)
  return m
}

const OPTIMAL = 7
const INFEASIBLE = 8

/** The group (type counts) of a solved pricing model, rounded to integers. */
const groupOf = (m: Model, T: number): Int32Array => {
  const v = m.getSolution().colValue
  const x = new Int32Array(T)
  for (let t = 0; t < T; t++) x[t] = Math.round(v[t]!)
  return x
}

/**
 * Puts every type that some admissible group contains into a group of the
 * portfolio: swaps first, then the integer program (value 1 per seat of an
 * uncovered type), whose optimum 0 proves the remaining types unselectable.
 */
const cover = (
  p: Problem,
  th: Thresholds | null,
  pricing: Model,
  columns: ReadonlyArray<Int32Array>,
  push: (x: Int32Array) => boolean,
  covered: Uint8Array
): { solved: number; ok: boolean } => {
  const T = p.nTypes
  let solved = 0
  const value = new Float64Array(T)
  for (;;) {
    let open = 0
    for (let t = 0; t < T; t++) {
      value[t] = !covered[t] && p.typeAvail[t]! > 0 ? 1 : 0
      open += value[t]!
    }
    if (open === 0) return { solved, ok: true }
    const order = Array.from({ length: T }, (_, t) => t).filter((t) => value[t]! > 0)
    let progress = false
    for (const g of columns.slice(0, 64)) {
      const x = ascend(p, th, g, value, order)
      let fresh = false
      for (let t = 0; t < T; t++) if (x[t]! > 0 && !covered[t]) fresh = true
      if (fresh && push(x)) {
        progress = true
        for (let t = 0; t < T; t++) if (x[t]! > 0) value[t] = 0
      }
    }
    if (progress) continue
    pricing.changeColsCost({ kind: "range", from: 0, to: T - 1 }, value)
    pricing.run()
    solved++
    const status = pricing.getModelStatus()
    if (status === INFEASIBLE) return { solved, ok: true }
    if (status !== OPTIMAL) return { solved, ok: false }
    if (pricing.getObjectiveValue() < 0.5) return { solved, ok: true }
    if (!push(groupOf(pricing, T))) return { solved, ok: false }
  }
}

export const exactLottery = (highs: Highs, p: Problem, o: ExactOptions): ExactLottery => {
  const T = p.nTypes
  const columns: Array<Int32Array> = []
  const seen = new Set<string>()
  const covered = new Uint8Array(T)
  const push = (x: Int32Array): boolean => {
    const k = x.join(",")
    if (seen.has(k)) return false
    seen.add(k)
    columns.push(x)
    for (let t = 0; t < T; t++) if (x[t]! > 0) covered[t] = 1
    return true
  }
  push(o.first)
  let reason = ""
  const pricing = buildModel(highs, p, o.thresholds)
  const cov = cover(p, o.thresholds, pricing, columns, push, covered)
  let pricings = cov.solved
  if (!cov.ok) reason = "the cover of the selectable types did not finish"

  // A spread-out start (multiplicative weights, as in Flanigan et al.): the
  // next group favours the types the previous ones left out.
  {
    const w = new Float64Array(T)
    for (let t = 0; t < T; t++) w[t] = covered[t] ? 1 / p.typeAvail[t]! : 0
    const order = Array.from({ length: T }, (_, t) => t)
    let last = o.first
    const rounds = Math.min(400, 2 * Math.ceil(T / Math.max(1, p.seats)) + 8)
    for (let r = 0; r < rounds; r++) {
      order.sort((a, b) => w[b]! - w[a]! || a - b)
      const x = ascend(p, o.thresholds, last, w, order)
      for (let t = 0; t < T; t++) if (x[t]! > 0) w[t]! *= 0.5 ** (x[t]! / p.typeAvail[t]!) * 0.8
      push(x)
      last = x
    }
  }
  const rows: Array<number> = []
  const rowOf = new Int32Array(T).fill(-1)
  for (let t = 0; t < T; t++) if (covered[t]) rowOf[t] = rows.push(t) - 1
  const R = rows.length
  const need = rows.map((t) => o.weights[t]! * p.typeAvail[t]!)

  // Master LP: col 0 = z; rows 0..R-1: Σ_g x_gt p_g − w_t n_t z ≥ 0; row R: Σ p_g = 1.
  const lp = highs.createModel()
  try {
    lp.options.set({ output_flag: false, random_seed: 0, simplex_strategy: 4, presolve: "off" })
    lp.addVar(0, highs.infinity)
    lp.changeColCost(0, 1)
    for (let i = 0; i < R; i++) lp.addRow(0, highs.infinity, { indices: [], values: [] })
    lp.addRow(1, 1, { indices: [], values: [] })
    for (let i = 0; i < R; i++) lp.changeCoefficient(i, 0, -need[i]!)
    lp.changeObjectiveSense(highs.constants.objectiveSense.maximize)
    // Columns wait in a batch and enter the LP in one call before each solve
    // (one crossing into WebAssembly per batch instead of one per column).
    let pendingStarts: Array<number> = [0]
    let pendingIndices: Array<number> = []
    let pendingValues: Array<number> = []
    const addColumn = (x: Int32Array) => {
      for (let t = 0; t < T; t++) {
        if (x[t]! > 0 && rowOf[t]! >= 0) {
          pendingIndices.push(rowOf[t]!)
          pendingValues.push(x[t]!)
        }
      }
      pendingIndices.push(R)
      pendingValues.push(1)
      pendingStarts.push(pendingIndices.length)
    }
    const flush = () => {
      const n = pendingStarts.length - 1
      if (n === 0) return
      lp.addCols({
        cost: new Float64Array(n),
        lower: new Float64Array(n),
        upper: new Float64Array(n).fill(highs.infinity),
        matrix: {
          format: "csc",
          numRows: R + 1,
          numCols: n,
          starts: Int32Array.from(pendingStarts),
          indices: Int32Array.from(pendingIndices),
          values: Float64Array.from(pendingValues)
        }
      })
      pendingStarts = [0]
      pendingIndices = []
      pendingValues = []
    }
    for (const x of columns) addColumn(x)

    const level = new Float64Array(T).fill(-1)
    const value = new Float64Array(T)
    let generated = 0
    let proven = cov.ok
    let upperBound = Infinity
    let maximin = 0
    let rounds = 0
    let lastGood: Float64Array | null = null
    let leximinDone = false
    // One round: column generation to the LP optimum with the current fixed levels.
    const solveRound = (): { z: number; duals: Float64Array; ok: boolean; bound: number } => {
      for (;;) {
        flush()
        lp.run()
        if (lp.getModelStatus() !== OPTIMAL) return { z: 0, duals: new Float64Array(R + 1), ok: false, bound: Infinity }
        const sol = lp.getSolution()
        const z = sol.colValue[0]!
        const duals = Float64Array.from(sol.rowDual)
        // Pricing values: the duals of the floors (non-negative), scaled to max 1.
        let top = 0
        for (let i = 0; i < R; i++) top = Math.max(top, Math.abs(duals[i]!))
        const scale = top > 0 ? 1 / top : 1
        value.fill(0)
        for (let i = 0; i < R; i++) value[rows[i]!] = Math.max(0, -duals[i]!) * scale
        const mu = duals[R]! * scale
        const worth = (x: Int32Array) => {
          let v = 0
          for (let t = 0; t < T; t++) if (x[t]! > 0) v += x[t]! * value[t]!
          return v
        }
        const threshold = mu + EPS * Math.abs(mu) + 1e-12
        // Heuristic pricing first: ascend from the groups of the current lottery.
        const order = Array.from({ length: T }, (_, t) => t)
          .filter((t) => value[t]! > 0)
          .sort((a, b) => value[b]! - value[a]! || a - b)
        let found = 0
        const support = columns.filter((_, g) => sol.colValue[g + 1]! > 1e-12)
        for (const g of support) {
          if (found >= 64 || generated >= o.maxColumns) break
          const x = ascend(p, o.thresholds, g, value, order)
          if (worth(x) > threshold && push(x)) {
            addColumn(x)
            generated++
            found++
          }
        }
        if (found > 0) continue
        pricing.changeColsCost({ kind: "range", from: 0, to: T - 1 }, value)
        pricing.run()
        pricings++
        if (pricing.getModelStatus() !== OPTIMAL) return { z, duals, ok: false, bound: Infinity }
        const best = pricing.getObjectiveValue()
        const dualBound = Number(pricing.info.get("mip_dual_bound"))
        const bound = Math.max(best, Number.isFinite(dualBound) ? dualBound : best)
        if (best <= mu + EPS * Math.abs(mu) + 1e-12) {
          // Proven: no group improves the LP. Bound on z: see below.
          return { z, duals, ok: true, bound: (bound - mu) / scale }
        }
        const x = groupOf(pricing, T)
        if (generated >= o.maxColumns || !push(x)) return { z, duals, ok: false, bound: Infinity }
        addColumn(x)
        generated++
      }
    }
    if (R > 0) {
      const r = solveRound()
      maximin = r.z
      if (!r.ok) {
        proven = false
        reason ||= "the maximin column generation stopped before its proof"
      } else {
        upperBound = maximin + Math.max(0, r.bound)
        lastGood = Float64Array.from(lp.getSolution().colValue)
      }
      if (!r.ok) lastGood = Float64Array.from(lp.getSolution().colValue)
      // Leximin rounds.
      let duals = r.duals
      let z = r.z
      leximinDone = !o.leximin || !r.ok
      while (!leximinDone) {
        let fixed = 0
        for (let i = 0; i < R; i++) {
          const t = rows[i]!
          if (level[t]! < 0 && -duals[i]! > 1e-9) {
            level[t] = z
            lp.changeCoefficient(i, 0, 0)
            lp.changeRowBounds(i, need[i]! * z * (1 - 1e-7), highs.infinity)
            fixed++
          }
        }
        if (fixed === 0) break
        let free = 0
        for (const t of rows) if (level[t]! < 0) free++
        if (free === 0) {
          leximinDone = true
          break
        }
        rounds++
        const rr = solveRound()
        if (!rr.ok) {
          reason ||= "a leximin round stopped before its proof"
          break
        }
        lastGood = Float64Array.from(lp.getSolution().colValue)
        duals = rr.duals
        z = rr.z
      }
      if (o.leximin && !leximinDone) proven = false
    }
    const primal = lastGood ?? new Float64Array(columns.length + 1)
    const { panels, typeProb, minRatio } = portfolio(p, columns, (g) => (R > 0 ? primal[g + 1]! : g === 0 ? 1 : 0), o.first, rows, o.weights)
    if (!Number.isFinite(upperBound)) {
      let wn = 0
      for (const t of rows) wn += o.weights[t]! * p.typeAvail[t]!
      upperBound = wn > 0 ? p.seats / wn : 0
    }
    return {
      panels,
      typeProb,
      coverable: covered,
      minRatio,
      upperBound: Math.max(upperBound, minRatio),
      proven: proven && reason === "",
      leximin: o.leximin && leximinDone,
      work: pricings,
      columnsGenerated: generated,
      pricings,
      rounds,
      reason
    }
  } finally {
    lp.dispose()
    pricing.dispose()
  }
}

/**
 * When every quota-feasible group is admissible, only the dimensions that
 * carry a quota (and the priority weight) tell types apart: types equal on
 * those are merged into one class, and a fair lottery gives every agent of
 * a class the same chance (the maximin and leximin optima can be taken
 * symmetric). The LP then has one row per class, not per type.
 */
export const mergeForQuotas = (
  p: Problem,
  weights: Float64Array
): { readonly problem: Problem; readonly weights: Float64Array; readonly classes: ReadonlyArray<ReadonlyArray<number>> } => {
  const used = new Uint8Array(NDIM)
  for (let c = 0; c < p.nCats; c++) if (p.quotaMin[c]! > 0 || p.quotaMax[c]! < NO_MAX) used[p.catDim[c]!] = 1
  const byKey = new Map<string, Array<number>>()
  const keys: Array<string> = []
  for (let t = 0; t < p.nTypes; t++) {
    const parts: Array<number> = []
    for (let d = 0; d < NDIM; d++) if (used[d]) parts.push(p.typeCats[t * NDIM + d]!)
    const key = `${parts.join(",")}|${weights[t]}`
    let list = byKey.get(key)
    if (!list) {
      list = []
      byKey.set(key, list)
      keys.push(key)
    }
    list.push(t)
  }
  // Classes in the order of their first type (types are in canonical order).
  const classes = keys.map((k) => byKey.get(k)!)
  const K = classes.length
  const typeCats = new Int32Array(K * NDIM)
  const typeAvail = new Int32Array(K)
  const w = new Float64Array(K)
  classes.forEach((ts, k) => {
    for (let d = 0; d < NDIM; d++) typeCats[k * NDIM + d] = p.typeCats[ts[0]! * NDIM + d]!
    for (const t of ts) typeAvail[k]! += p.typeAvail[t]!
    w[k] = weights[ts[0]!]!
  })
  return { problem: { ...p, nTypes: K, typeCats, typeAvail }, weights: w, classes }
}
