import { describe, expect, it } from "@effect/vitest"
import { Composer } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { createHash } from "node:crypto"
import { allUnits, realisticPool } from "./ComposerFixtures.js"

type V = Composer.VolunteerEncoded

const agent = (id: string, over: Partial<V> = {}): V => ({
  id,
  firstName: "Prénom",
  lastName: `Nom-${id}`,
  occupation: "inspecteur-travail",
  unit: "ut-1",
  ...over
})

const ok = (r: Either.Either<Composer.ComposeResult, Composer.ComposeError>): Composer.ComposeResult => {
  if (Either.isLeft(r)) throw new Error(`expected a group, got ${r.left._tag}: ${r.left.message}`)
  return r.right
}
const err = (r: Either.Either<Composer.ComposeResult, Composer.ComposeError>): Composer.ComposeError => {
  if (Either.isRight(r)) throw new Error("expected an error")
  return r.left
}

describe("Composer", () => {
  it("DIV-03 a composition is reproducible from its seed, respects the blocking rules, is optimal and reports probabilities", () => {
    const pool = [
      ...realisticPool(16, 3).map((v) => ({ ...v, unit: "ut-1" })),
      agent("outside", { unit: "ut-9", sex: "other", status: "apprentice" }), // ELI-02
      agent("other-job", { occupation: "juriste", sex: "other" }) // ELI-03 under professionalisation
    ]
    const pro = pool.map((v) => (v.id.startsWith("agt") ? { ...v, occupation: "inspecteur-travail" } : v))
    const request: Composer.ComposeRequestEncoded = {
      perimeter: ["ut-1"],
      purpose: "professionalisation",
      occupationsConcerned: ["inspecteur-travail"],
      size: 8,
      seed: "DIV-03"
    }
    const a = ok(Composer.compose(pro, request))
    const b = ok(Composer.compose(pro, request))
    expect(a).toStrictEqual(b)
    expect(Composer.verifyDraw(a).ok).toBe(true)
    expect(a.group).toHaveLength(8)
    expect(a.group).not.toContain("outside")
    expect(a.group).not.toContain("other-job")
    const byId = new Map(a.probabilities.map((p) => [p.agentId, p]))
    expect(byId.get("outside" as never)).toMatchObject({ status: "ineligible", probability: 0, rules: ["ELI-02"] })
    expect(byId.get("other-job" as never)).toMatchObject({ status: "ineligible", probability: 0, rules: ["ELI-03"] })
    expect(a.probabilities).toHaveLength(pro.length)
    expect(a.probabilities.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(8, 9)
    expect(Composer.compareObjective(a.objective, a.optimum)).toBe(0)
    expect(a.optimal).toBe(true)
    // Another seed may draw another group, from the same portfolio.
    const c = ok(Composer.compose(pro, { ...request, seed: "another seed" }))
    expect(c.portfolio).toStrictEqual(a.portfolio)
    expect(Composer.verifyDraw(c).ok).toBe(true)
  })

  it("result and request are JSON round-trippable through their schemas", () => {
    const pool = realisticPool(30, 11)
    const request = { perimeter: allUnits, purpose: "problemSolving" as const, seed: 42 }
    const result = ok(Composer.compose(pool, request))
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Composer.ComposeResult)(result)))
    const back = Schema.decodeUnknownSync(Composer.ComposeResult)(json)
    expect(back).toStrictEqual(result)
    expect(Composer.verifyDraw(back).ok).toBe(true)
    expect(result.seed).toBe("42")
    expect(result.size).toBe(10) // the note's 8–10: as many seats as the pool allows
  })

  it("verifyDraw detects a tampered group or portfolio", () => {
    const result = ok(Composer.compose(realisticPool(40, 5), { perimeter: allUnits, seed: "x", tolerance: { concentration: 6 } }))
    const outsider = result.probabilities.find((p) => !result.group.includes(p.agentId))!.agentId
    const tampered = { ...result, group: [...result.group.slice(1), outsider] }
    expect(Composer.verifyDraw(tampered).ok).toBe(false)
    const panels = result.portfolio.panels.map((p, i) => (i === 0 ? { ...p, probability: p.probability + 0.1 } : p))
    expect(Composer.verifyDraw({ ...result, portfolio: { ...result.portfolio, panels } }).ok).toBe(false)
  })

  it("redraw follows the published procedure (SHA-256 of the seed)", () => {
    const portfolio = Schema.decodeUnknownSync(Composer.Portfolio)({
      mandatory: ["m"],
      types: [{ agents: ["a", "b", "c", "d"] }, { agents: ["e"] }],
      panels: [
        { probability: 0.5, seats: [{ type: 0, count: 2 }] },
        { probability: 0.5, seats: [{ type: 0, count: 1 }, { type: 1, count: 1 }] }
      ]
    })
    const r = Composer.redraw(portfolio, "seed")
    // u_0 = first 53 bits of sha256("entre-pairs/composer/v1|seed|0") / 2^53, computed independently:
    // printf %s 'entre-pairs/composer/v1|seed|0' | sha256sum
    const digest = createHash("sha256").update("entre-pairs/composer/v1|seed|0", "utf8").digest()
    const u0 = Number(digest.readBigUInt64BE(0) >> 11n) / 2 ** 53
    expect(r.u).toBe(u0)
    expect(Composer.redraw(portfolio, 12345).u).toBe(
      Number(createHash("sha256").update("entre-pairs/composer/v1|12345|0").digest().readBigUInt64BE(0) >> 11n) / 2 ** 53
    )
    expect(r.panel).toBe(r.u < 0.5 ? 0 : 1)
    expect(r.group).toContain("m")
    expect(r.group).toHaveLength(3)
    expect(Composer.redraw(portfolio, "seed")).toStrictEqual(r)
  })

  it("mandatory members are always selected", () => {
    const pool = realisticPool(30, 2).map((v) => ({ ...v, unit: "ut-1" }))
    const m = [pool[3]!.id, pool[17]!.id]
    const r = ok(Composer.compose(pool, { perimeter: ["ut-1"], mandatory: m, size: 9, seed: 1 }))
    expect(r.group).toEqual(expect.arrayContaining(m))
    for (const id of m) expect(r.probabilities.find((p) => p.agentId === id)).toMatchObject({ status: "mandatory", probability: 1 })
  })

  it("quotas hold in every group of the portfolio", () => {
    const pool = realisticPool(40, 8)
    const quotas = [
      { dimension: "sex" as const, category: "male", min: 5 },
      { dimension: "occupation" as const, category: "inspecteur-travail", max: 3 },
      { dimension: "role" as const, category: "resource", max: 0 }
    ]
    const r = ok(Composer.compose(pool, { perimeter: allUnits, quotas, size: 10, seed: "q" }))
    const byId = new Map(pool.map((v) => [v.id, v]))
    for (const panel of r.portfolio.panels) {
      const members = panel.seats.flatMap((s) => Array(s.count).fill(byId.get(r.portfolio.types[s.type]!.agents[0]!)!))
      expect(members.filter((v) => v.sex === "male").length).toBeGreaterThanOrEqual(5)
      expect(members.filter((v) => v.occupation === "inspecteur-travail").length).toBeLessThanOrEqual(3)
      expect(members.filter((v) => v.role === "resource")).toHaveLength(0)
    }
  })

  it("priority weight raises the floor of volunteers not selected in the previous cycle", () => {
    const pool = realisticPool(24, 21).map((v) => ({ ...v, unit: "ut-1", previouslySelected: false }))
    const previous = pool.slice(0, 10).map((v) => v.id)
    const base = { perimeter: ["ut-1"], seed: 3, tolerance: { concentration: 8 } }
    const flat = ok(Composer.compose(pool, { ...base, previousSelections: [previous] }))
    const prio = ok(Composer.compose(pool, { ...base, previousSelections: [previous], priorityWeight: 2 }))
    const min = (r: Composer.ComposeResult, prev: boolean) =>
      Math.min(
        ...r.probabilities.filter((p) => p.status === "selectable" && previous.includes(p.agentId) === prev).map((p) => p.probability)
      )
    expect(prio.fairness.priorityWeight).toBe(2)
    expect(prio.probabilities.find((p) => p.agentId === previous[0])!.weight).toBe(1)
    expect(prio.probabilities.find((p) => p.agentId === pool[20]!.id)!.weight).toBe(2)
    // Maximin of π/w: every non-previous volunteer gets at least twice the floor.
    expect(min(prio, false)).toBeGreaterThanOrEqual(2 * prio.fairness.minWeightedProbability - 1e-9)
    expect(min(prio, false) / min(prio, true)).toBeGreaterThanOrEqual(min(flat, false) / min(flat, true) - 1e-9)
  })

  it("leximin refines maximin: same floor, then the next lowest probabilities raised", () => {
    const pool = realisticPool(30, 13).map((v) => ({ ...v, unit: "ut-1" }))
    const base = { perimeter: ["ut-1"], seed: 5, size: 8, tolerance: { concentration: 8 } }
    const lex = ok(Composer.compose(pool, base))
    const max = ok(Composer.compose(pool, { ...base, fairness: "maximin" }))
    expect(lex.fairness.method).toBe("leximin")
    expect(max.fairness.method).toBe("maximin")
    expect(lex.fairness.minWeightedProbability).toBeCloseTo(max.fairness.minWeightedProbability, 6)
    const sorted = (r: Composer.ComposeResult) =>
      r.probabilities.filter((p) => p.status === "selectable").map((p) => p.probability / p.weight).sort((a, b) => a - b)
    const a = sorted(lex)
    const b = sorted(max)
    expect(a.length).toBe(b.length)
    // Lexicographically at least as good (up to rounding).
    const i = a.findIndex((x, k) => Math.abs(x - b[k]!) > 1e-7)
    if (i >= 0) expect(a[i]!).toBeGreaterThan(b[i]!)
    expect(a.reduce((s, x) => s + x, 0)).toBeCloseTo(b.reduce((s, x) => s + x, 0), 6)
    expect(Composer.verifyDraw(lex).ok).toBe(true)
  })

  describe("infeasible requests get the smallest relaxation", () => {
    it("too few eligible volunteers → change the size, or extend the perimeter (SIZ-01)", () => {
      const pool = [
        ...Array.from({ length: 5 }, (_, i) => agent(`in${i}`)),
        ...Array.from({ length: 4 }, (_, i) => agent(`out${i}`, { unit: "ut-2" }))
      ]
      const e = err(Composer.compose(pool, { perimeter: ["ut-1"], seed: 1 }))
      expect(e._tag).toBe("CompositionInfeasible")
      if (e._tag !== "CompositionInfeasible") return
      expect(e.obstacles[0]!.rule).toBe("SIZ-01")
      expect(e.relaxations).toContainEqual({ _tag: "ChangeSize", size: { min: 5, max: 5 } })
      expect(e.relaxations).toContainEqual({ _tag: "ExtendPerimeter", units: ["ut-2"], eligibleAfter: 9 })
      // Applying the relaxation makes it feasible.
      expect(Either.isRight(Composer.compose(pool, { perimeter: ["ut-1"], seed: 1, size: 5 }))).toBe(true)
    })

    it("a mandatory member who did not volunteer or is ineligible → drop them (ELI-01, ELI-02)", () => {
      const pool = [...Array.from({ length: 10 }, (_, i) => agent(`a${i}`)), agent("far", { unit: "ut-2" })]
      const e = err(Composer.compose(pool, { perimeter: ["ut-1"], mandatory: ["ghost", "far"], seed: 1 }))
      if (e._tag !== "CompositionInfeasible") throw e
      expect(e.obstacles.map((o) => o.rule).sort()).toEqual(["ELI-01", "ELI-02"])
      expect(e.relaxations).toEqual([{ _tag: "DropMandatory", agentIds: ["ghost", "far"], rules: ["ELI-01", "ELI-02"] }])
    })

    it("quotas that cannot hold together → loosen them by the least total, or change the size", () => {
      const pool = Array.from({ length: 20 }, (_, i) => agent(`a${String(i).padStart(2, "0")}`, { sex: i < 6 ? "male" : "female" }))
      const quotas = [
        { dimension: "sex" as const, category: "male", min: 8 },
        { dimension: "sex" as const, category: "female", min: 4 }
      ]
      const e = err(Composer.compose(pool, { perimeter: ["ut-1"], quotas, size: { min: 8, max: 10 }, seed: 1 }))
      if (e._tag !== "CompositionInfeasible") throw e
      expect(e.obstacles[0]!.rule).toBe("QUOTA")
      const loosen = e.relaxations.find((r) => r._tag === "LoosenQuotas")
      // Only 6 men exist: min 8 → 6 is the least loosening (2), at size 10.
      expect(loosen).toEqual({
        _tag: "LoosenQuotas",
        size: 10,
        total: 2,
        changes: [{ dimension: "sex", category: "male", min: { from: 8, to: 6 } }]
      })
      const fixed = quotas.map((q) => (q.category === "male" ? { ...q, min: 6 } : q))
      expect(Either.isRight(Composer.compose(pool, { perimeter: ["ut-1"], quotas: fixed, seed: 1 }))).toBe(true)
    })

    it("quota sums above the size → a larger size", () => {
      const pool = Array.from({ length: 20 }, (_, i) => agent(`a${String(i).padStart(2, "0")}`, { sex: i % 2 ? "male" : "female" }))
      const quotas = [
        { dimension: "sex" as const, category: "male", min: 6 },
        { dimension: "sex" as const, category: "female", min: 6 }
      ]
      const e = err(Composer.compose(pool, { perimeter: ["ut-1"], quotas, size: 10, seed: 1 }))
      if (e._tag !== "CompositionInfeasible") throw e
      expect(e.relaxations).toContainEqual({ _tag: "ChangeSize", size: { min: 10, max: 12 } })
    })

    it("malformed requests are InvalidComposeRequest", () => {
      const e = err(
        Composer.compose([agent("a"), agent("a")], {
          perimeter: ["ut-1"],
          seed: 1,
          quotas: [{ dimension: "sex", category: "nope", min: 2, max: 1 }]
        })
      )
      expect(e._tag).toBe("InvalidComposeRequest")
      if (e._tag !== "InvalidComposeRequest") return
      expect(e.issues.join("\n")).toMatch(/appears twice/)
      expect(e.issues.join("\n")).toMatch(/min 2 > max 1/)
      expect(e.issues.join("\n")).toMatch(/not a category of sex/)
      expect(err(Composer.compose([], { perimeter: "x" } as never))._tag).toBe("InvalidComposeRequest")
    })
  })

  it.effect("composeEffect fails with the typed error", () =>
    Effect.gen(function* () {
      const e = yield* Effect.flip(Composer.composeEffect([], { perimeter: ["ut-1"], seed: 1 }))
      expect(e._tag).toBe("CompositionInfeasible")
    })
  )
})
