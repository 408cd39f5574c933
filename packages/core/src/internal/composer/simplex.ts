/**
 * A small dense primal simplex for `max cᵀx, Ax ≤ b, x ≥ 0` with `b ≥ 0`
 * (the origin is feasible, so no phase 1), that accepts new columns after
 * an optimal solve (column generation) without starting again: the slack
 * columns of the tableau hold B⁻¹, so a new column enters as B⁻¹a.
 *
 * Dantzig's rule, switching to Bland's rule after a run of degenerate
 * pivots so that the method cannot cycle.
 *
 * @internal
 */

export class Simplex {
  readonly m: number
  private cap: number
  private rows: Array<Float64Array>
  private obj: Float64Array
  private readonly rhs: Float64Array
  private readonly basis: Int32Array
  private n: number
  private objValue = 0
  /** Cost of the initial basic column of each row: 0 for a slack, −M for an artificial. */
  private readonly slackCost: Float64Array
  pivots = 0

  /**
   * Rows `A x + s = b`. A row listed in `artificial` is a `≥` row written
   * `A x − e + a = b` whose initial basic column is an artificial variable
   * of cost −M (big-M); add its surplus column `e` with `addColumn`.
   */
  constructor(b: ReadonlyArray<number>, artificial: ReadonlyArray<number> = [], bigM = 1e4) {
    this.m = b.length
    this.cap = Math.max(16, this.m * 2)
    this.rows = Array.from({ length: this.m }, () => new Float64Array(this.cap))
    this.obj = new Float64Array(this.cap)
    this.rhs = Float64Array.from(b)
    this.basis = new Int32Array(this.m)
    for (let i = 0; i < this.m; i++) {
      this.rows[i]![i] = 1
      this.basis[i] = i
    }
    this.n = this.m
    this.slackCost = new Float64Array(this.m)
    for (const i of artificial) {
      this.slackCost[i] = -bigM
      this.objValue -= bigM * this.rhs[i]!
    }
  }

  private grow() {
    const cap = this.cap * 2
    this.rows = this.rows.map((r) => {
      const nr = new Float64Array(cap)
      nr.set(r)
      return nr
    })
    const no = new Float64Array(cap)
    no.set(this.obj)
    this.obj = no
    this.cap = cap
  }

  /** Adds a structural column (sparse entries of A, objective cost); returns its index. */
  addColumn(entries: ReadonlyArray<readonly [number, number]>, cost: number): number {
    if (this.n >= this.cap) this.grow()
    const j = this.n++
    for (let i = 0; i < this.m; i++) {
      const row = this.rows[i]!
      let v = 0
      for (const [k, a] of entries) v += row[k]! * a
      row[j] = v
    }
    let r = -cost
    for (const [k, a] of entries) r += (this.obj[k]! + this.slackCost[k]!) * a
    this.obj[j] = r
    return j
  }

  private pivot(r: number, e: number) {
    const m = this.m
    const n = this.n
    const pr = this.rows[r]!
    const inv = 1 / pr[e]!
    for (let j = 0; j < n; j++) pr[j]! *= inv
    pr[e] = 1
    this.rhs[r]! *= inv
    const br = this.rhs[r]!
    for (let i = 0; i < m; i++) {
      if (i === r) continue
      const row = this.rows[i]!
      const f = row[e]!
      if (f === 0) continue
      for (let j = 0; j < n; j++) {
        const v = pr[j]!
        if (v !== 0) row[j]! -= f * v
      }
      row[e] = 0
      this.rhs[i]! -= f * br
      if (this.rhs[i]! < 0 && this.rhs[i]! > -1e-12) this.rhs[i] = 0
    }
    const f = this.obj[e]!
    if (f !== 0) {
      for (let j = 0; j < n; j++) {
        const v = pr[j]!
        if (v !== 0) this.obj[j]! -= f * v
      }
      this.obj[e] = 0
      this.objValue -= f * br
    }
    this.basis[r] = e
    this.pivots++
  }

  /** Pivots to optimality; false when the pivot budget runs out or the LP is unbounded. */
  solve(maxPivots = 100_000): boolean {
    const eps = 1e-10
    let degenerate = 0
    for (let it = 0; it < maxPivots; it++) {
      const bland = degenerate > 50
      let e = -1
      let best = -eps
      for (let j = 0; j < this.n; j++) {
        const v = this.obj[j]!
        if (v < best) {
          e = j
          if (bland) break
          best = v
        }
      }
      if (e < 0) return true
      let r = -1
      let ratio = Infinity
      for (let i = 0; i < this.m; i++) {
        const a = this.rows[i]![e]!
        if (a > 1e-9) {
          const q = this.rhs[i]! / a
          if (q < ratio - 1e-12 || (q <= ratio + 1e-12 && r >= 0 && this.basis[i]! < this.basis[r]!)) {
            ratio = q
            r = i
          }
        }
      }
      if (r < 0) return false
      degenerate = ratio <= 1e-12 ? degenerate + 1 : 0
      this.pivot(r, e)
    }
    return false
  }

  /** Optimal objective value. */
  value(): number {
    return this.objValue
  }

  /** Dual value of constraint row i. */
  dual(i: number): number {
    return this.obj[i]! + this.slackCost[i]!
  }

  /** Primal values of the structural columns `from … n-1`. */
  primal(): Float64Array {
    const x = new Float64Array(this.n)
    for (let i = 0; i < this.m; i++) x[this.basis[i]!] = this.rhs[i]!
    return x
  }

  get columns(): number {
    return this.n
  }
}
