/**
 * The composer against brute force: on pools of at most 20 volunteers every
 * group is enumerated, scored by an independent implementation of the
 * objective, and compared with what `compose` answers.
 */
import { describe, expect, it } from "@effect/vitest"
import { Agent, Composer, Eligibility } from "@entre-pairs/core"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"

type V = Composer.VolunteerEncoded

const opt = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined, freq: 5 })
const volunteer = (i: number) =>
  fc
    .record({
      occupation: fc.constantFrom("occ-a", "occ-a", "occ-b", "occ-c"),
      unit: fc.constantFrom("u1", "u1", "u1", "u2"),
      role: fc.constantFrom("operational", "operational", "operational", "resource"),
      ageBand: opt(fc.constantFrom(...Agent.AgeBand.literals)),
      seniorityBand: opt(fc.constantFrom("<2", "5-9", "20+")),
      sex: opt(fc.constantFrom("female", "female", "male", "other")),
      status: opt(fc.constantFrom("tenured", "tenured", "tenured", "contract", "trainee")),
      functionHeld: opt(fc.constantFrom("agent", "agent", "lineManager", "expert")),
      previouslySelected: fc.boolean()
    })
    .map((r): V => {
      const v: Record<string, unknown> = { id: `agt-${String(i).padStart(2, "0")}`, firstName: "P", lastName: `N${i}` }
      for (const [k, x] of Object.entries(r)) if (x !== undefined) v[k] = x
      return v as unknown as V
    })

const poolArb = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => volunteer(i))))

const quotaArb = fc.oneof(
  fc.record({ dimension: fc.constant("sex" as const), category: fc.constantFrom("female", "male"), min: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ dimension: fc.constant("occupation" as const), category: fc.constantFrom("occ-a", "occ-b"), max: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ dimension: fc.constant("functionHeld" as const), category: fc.constantFrom("agent", "lineManager"), min: fc.integer({ min: 0, max: 2 }), max: fc.integer({ min: 2, max: 5 }) })
)

const requestArb = fc.record({
  size: fc.integer({ min: 3, max: 7 }),
  purpose: fc.constantFrom("problemSolving" as const, "professionalisation" as const),
  occupationsConcerned: fc.subarray(["occ-a", "occ-b", "occ-c"], { minLength: 1 }),
  quotas: fc.uniqueArray(quotaArb, { maxLength: 2, selector: (q) => `${q.dimension}/${q.category}` }),
  tolerance: fc.record({ categories: fc.constantFrom(0, 0, 1), concentration: fc.constantFrom(0, 0, 2, 6), coverage: fc.constant(0) }),
  priorityWeight: fc.constantFrom(1, 1, 2),
  mandatory: fc.constantFrom<Array<string>>([], [], ["agt-00"]),
  seed: fc.string({ maxLength: 8 })
})

// ---- independent objective and brute force ---------------------------------

const dims = ["ageBand", "seniorityBand", "sex", "status", "functionHeld"] as const
const score = (g: ReadonlyArray<V>, concerned: ReadonlyArray<string>) => {
  let categories = 0
  let concentration = 0
  for (const d of dims) {
    const counts = new Map<string, number>()
    for (const v of g) counts.set(v[d] ?? "?", (counts.get(v[d] ?? "?") ?? 0) + 1)
    for (const [k, n] of counts) {
      concentration += n * n
      if (k !== "?") categories++
    }
  }
  const coverage = concerned.filter((o) => g.some((v) => v.occupation === o)).length
  return { categories, concentration, coverage }
}
type S = ReturnType<typeof score>
const better = (a: S, b: S) => Composer.compareObjective(a, b) > 0

const quotaOk = (g: ReadonlyArray<V>, quotas: ReadonlyArray<Composer.Quota>) =>
  quotas.every((q) => {
    const n = g.filter((v) => (q.dimension === "role" ? (v.role ?? "operational") : (v as any)[q.dimension]) === q.category).length
    return (q.min === undefined || n >= q.min) && (q.max === undefined || n <= q.max)
  })

function* subsets<A>(xs: ReadonlyArray<A>, k: number, from = 0, acc: Array<A> = []): Generator<Array<A>> {
  if (acc.length === k) {
    yield acc.slice()
    return
  }
  for (let i = from; i <= xs.length - (k - acc.length); i++) {
    acc.push(xs[i]!)
    yield* subsets(xs, k, i + 1, acc)
    acc.pop()
  }
}

const brute = (pool: ReadonlyArray<V>, req: fc.Arbitrary<any> extends never ? never : any) => {
  const ctx = { perimeter: ["u1"], purpose: req.purpose, occupationsConcerned: req.occupationsConcerned } as any
  const eligible = pool.filter((v) => Eligibility.ineligibility({ contributesTo: [], ...v } as any, ctx, v.role ?? "operational").length === 0)
  const mandatory = eligible.filter((v) => req.mandatory.includes(v.id))
  if (mandatory.length !== req.mandatory.length) return null
  const others = eligible.filter((v) => !req.mandatory.includes(v.id))
  const groups: Array<{ g: Array<V>; s: S }> = []
  for (const sub of subsets(others, req.size - mandatory.length)) {
    const g = [...mandatory, ...sub]
    if (quotaOk(g, req.quotas)) groups.push({ g, s: score(g, req.occupationsConcerned) })
  }
  if (groups.length === 0) return { eligible, best: null, admissible: [] as Array<{ g: Array<V>; s: S }> }
  let best = groups[0]!.s
  for (const x of groups) if (better(x.s, best)) best = x.s
  const t = req.tolerance
  const admissible = groups.filter(
    (x) =>
      x.s.categories >= best.categories - t.categories &&
      x.s.concentration <= best.concentration + t.concentration &&
      x.s.coverage >= best.coverage - t.coverage
  )
  return { eligible, best, admissible }
}

describe("Composer vs brute force (pools ≤ 20)", () => {
  it("same optimum; probabilities sum to the size; every volunteer of an admissible group has a chance; maximin beats the uniform lottery", () => {
    fc.assert(
      fc.property(poolArb(6, 20), requestArb, (pool, req) => {
        const b = brute(pool, req)
        const r = Composer.compose(pool, { ...req, perimeter: ["u1"] })
        if (b === null || b.best === null) {
          expect(Either.isLeft(r)).toBe(true)
          if (Either.isLeft(r)) expect(r.left._tag).toBe("CompositionInfeasible")
          return
        }
        if (Either.isLeft(r)) throw new Error(`compose failed: ${r.left.message}`)
        const res = r.right
        expect(res.optimum).toStrictEqual(b.best)
        expect(res.optimal).toBe(true)
        expect(res.probabilities.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(req.size, 9)
        const inSome = new Map<string, number>()
        for (const x of b.admissible) for (const v of x.g) inSome.set(v.id, (inSome.get(v.id) ?? 0) + 1)
        for (const p of res.probabilities) {
          if (inSome.has(p.agentId)) expect(p.probability).toBeGreaterThan(0)
          else expect(p.probability).toBe(0)
        }
        // Drawn group: admissible, verifiable.
        const drawn = pool.filter((v) => res.group.includes(v.id as never))
        expect(b.admissible.some((x) => x.g.map((v) => v.id).sort().join() === drawn.map((v) => v.id).sort().join())).toBe(true)
        expect(Composer.verifyDraw(res).ok).toBe(true)
        // Maximin: the smallest weighted probability is at least the uniform lottery's.
        const free = res.probabilities.filter((p) => p.status === "selectable")
        if (free.length > 0) {
          const uniform = Math.min(...free.map((p) => (inSome.get(p.agentId) ?? 0) / b.admissible.length / p.weight))
          expect(res.fairness.proven).toBe(true)
          expect(res.fairness.minWeightedProbability).toBeGreaterThanOrEqual(uniform - 1e-9)
          expect(Math.min(...free.map((p) => p.probability / p.weight))).toBeCloseTo(res.fairness.minWeightedProbability, 9)
        }
      }),
      { numRuns: 50, seed: 20261128 }
    )
  })
})
