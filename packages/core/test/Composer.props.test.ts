/**
 * Properties of the composer on generated pools and requests (fast-check via
 * effect/FastCheck): constraints always hold, same seed gives the same
 * result, and the optimum never drops when a volunteer joins the pool.
 */
import { describe, expect, it } from "@effect/vitest"
import { Agent, Composer, Eligibility } from "@entre-pairs/core"
import * as Either from "effect/Either"
import * as fc from "effect/FastCheck"

type V = Composer.VolunteerEncoded

const opt = <A>(arb: fc.Arbitrary<A>) => fc.option(arb, { nil: undefined, freq: 6 })
const profile = fc.record({
  occupation: fc.constantFrom("occ-a", "occ-a", "occ-a", "occ-b", "occ-c"),
  unit: fc.constantFrom("u1", "u1", "u1", "u1", "u2"),
  role: fc.constantFrom("operational", "operational", "operational", "operational", "resource"),
  ageBand: opt(fc.constantFrom(...Agent.AgeBand.literals)),
  seniorityBand: opt(fc.constantFrom(...Agent.SeniorityBand.literals)),
  sex: opt(fc.constantFrom("female", "female", "male", "other")),
  status: opt(fc.constantFrom("tenured", "tenured", "tenured", "contract", "trainee", "apprentice")),
  functionHeld: opt(fc.constantFrom("agent", "agent", "agent", "lineManager", "expert", "support")),
  previouslySelected: fc.boolean()
})
const toVolunteer = (i: number, r: Record<string, unknown>): V => {
  const v: Record<string, unknown> = { id: `agt-${String(i).padStart(3, "0")}`, firstName: "P", lastName: `N${i}` }
  for (const [k, x] of Object.entries(r)) if (x !== undefined) v[k] = x
  return v as unknown as V
}
const poolArb = (min: number, max: number) =>
  fc.array(profile, { minLength: min, maxLength: max }).map((rs) => rs.map((r, i) => toVolunteer(i, r)))

const quotaArb = fc.oneof(
  fc.record({ dimension: fc.constant("sex" as const), category: fc.constantFrom("female", "male"), min: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ dimension: fc.constant("occupation" as const), category: fc.constantFrom("occ-a", "occ-b"), max: fc.integer({ min: 2, max: 6 }) }),
  fc.record({ dimension: fc.constant("functionHeld" as const), category: fc.constantFrom("agent", "lineManager"), max: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ dimension: fc.constant("role" as const), category: fc.constant("resource"), max: fc.integer({ min: 0, max: 2 }) })
)
const requestArb = fc.record({
  size: fc.oneof(fc.integer({ min: 4, max: 10 }), fc.constant({ min: 8, max: 10 })),
  purpose: fc.constantFrom("problemSolving" as const, "professionalisation" as const),
  occupationsConcerned: fc.subarray(["occ-a", "occ-b", "occ-c"], { minLength: 1 }),
  quotas: fc.uniqueArray(quotaArb, { maxLength: 3, selector: (q) => `${q.dimension}/${q.category}` }),
  tolerance: fc.record({ concentration: fc.constantFrom(0, 0, 4) }),
  priorityWeight: fc.constantFrom(1, 2),
  mandatory: fc.constantFrom<Array<string>>([], [], ["agt-000"], ["agt-001", "agt-002"]),
  seed: fc.oneof(fc.string({ maxLength: 12 }), fc.integer())
})

const categoryOf = (v: V, dim: Composer.QuotaDimension): string | undefined =>
  dim === "role" ? (v.role ?? "operational") : ((v as Record<string, unknown>)[dim] as string | undefined)

describe("Composer properties", () => {
  it("never violates a constraint: eligibility, quotas, size, mandatory members", () => {
    let feasible = 0
    fc.assert(
      fc.property(poolArb(10, 40), requestArb, (pool, req) => {
        const r = Composer.compose(pool, { ...req, perimeter: ["u1"] })
        if (Either.isLeft(r)) {
          expect(r.left._tag).toBe("CompositionInfeasible")
          return
        }
        const res = r.right
        feasible++
        const size = typeof req.size === "number" ? { min: req.size, max: req.size } : req.size
        expect(res.group.length).toBe(res.size)
        expect(res.size).toBeGreaterThanOrEqual(size.min)
        expect(res.size).toBeLessThanOrEqual(size.max)
        expect(new Set(res.group).size).toBe(res.group.length)
        const byId = new Map(pool.map((v) => [v.id, v]))
        const members = res.group.map((id) => byId.get(id)!)
        expect(members.every((v) => v !== undefined)).toBe(true) // ELI-01: volunteers only
        const ctx = { perimeter: ["u1"], purpose: req.purpose, occupationsConcerned: req.occupationsConcerned } as any
        for (const v of members) expect(Eligibility.ineligibility({ contributesTo: [], ...v } as any, ctx, v.role ?? "operational")).toEqual([])
        for (const id of req.mandatory) expect(res.group).toContain(id)
        for (const q of req.quotas) {
          const n = members.filter((v) => categoryOf(v, q.dimension) === q.category).length
          if ("min" in q && q.min !== undefined) expect(n).toBeGreaterThanOrEqual(q.min)
          if ("max" in q && q.max !== undefined) expect(n).toBeLessThanOrEqual(q.max)
        }
        expect(res.probabilities.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(res.size, 9)
        expect(Composer.verifyDraw(res).ok).toBe(true)
      }),
      { numRuns: 100, seed: 4242 }
    )
    expect(feasible).toBeGreaterThanOrEqual(40) // the property is not vacuous
  })

  it("same seed → same result", () => {
    fc.assert(
      fc.property(poolArb(5, 30), requestArb, (pool, req) => {
        const a = Composer.compose(pool, { ...req, perimeter: ["u1"] })
        const b = Composer.compose(structuredClone(pool), { ...structuredClone(req), perimeter: ["u1"] })
        expect(b).toStrictEqual(a)
      }),
      { numRuns: 25, seed: 7 }
    )
  })

  it("the optimal objective never drops when a volunteer joins the pool", () => {
    fc.assert(
      fc.property(poolArb(6, 25), profile, requestArb, (pool, extra, req) => {
        const size = typeof req.size === "number" ? req.size : 8
        const request = { ...req, size, perimeter: ["u1"] }
        const before = Composer.compose(pool, request)
        const after = Composer.compose([...pool, toVolunteer(pool.length, extra)], request)
        if (Either.isLeft(before)) return
        expect(Either.isRight(after)).toBe(true)
        if (Either.isLeft(after)) return
        expect(Composer.compareObjective(after.right.optimum, before.right.optimum)).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 40, seed: 99 }
    )
  })
})
