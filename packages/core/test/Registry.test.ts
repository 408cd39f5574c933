import { assert, describe, it } from "@effect/vitest"
import { Exchange, Policy, Rules, Violation } from "@entre-pairs/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { complete, mutate } from "./fixtures.js"

describe("Rules registry", () => {
  it("registers every rule ID exactly once, in the catalogue's order", () => {
    assert.deepStrictEqual(
      Rules.all.map((r) => r.id),
      [...Violation.ruleIds]
    )
  })
  it("gives snapshot rules a check, and guarantee and command rules none", () => {
    for (const r of Rules.all) {
      if (r.scope === "snapshot" && r.kind !== "obligation") assert.isDefined(r.check, r.id)
      else assert.isUndefined(r.check, r.id)
      if (r.kind === "guarantee") assert.strictEqual(r.scope, "guarantee", r.id)
    }
    assert.strictEqual(Rules.get("LIF-08").scope, "command")
    assert.strictEqual(Rules.get("LIF-07").alsoKind, "advisory")
    assert.strictEqual(Rules.get("RES-01").alsoKind, "obligation")
  })
  it("adds no rule outside the catalogue: version 2 adopted ANI-08, CNF-07 and SES-08", () => {
    assert.deepStrictEqual(
      Rules.all.filter((r) => r.addedByEntrePairs === true).map((r) => r.id),
      []
    )
  })
  it("lists the 65 rules of version 2 and marks every rule version 2 changed or added", () => {
    assert.strictEqual(Rules.all.length, 65)
    assert.deepStrictEqual(
      Rules.all.filter((r) => r.version === 2).map((r) => r.id),
      [
        "PUR-02", "PUR-03", "PUR-04", "PUR-06",
        "LIF-04", "LIF-05", "LIF-06", "LIF-07",
        "ELI-02", "ELI-03", "ELI-05", "ELI-07",
        "SIZ-02",
        "ANI-04", "ANI-07", "ANI-08",
        "CNF-03", "CNF-06", "CNF-07", "CNF-08",
        "SES-01", "SES-08", "SES-09",
        "RES-01", "RES-07"
      ]
    )
  })
  it("gives every rule the kinds of the catalogue that local severity reads", () => {
    for (const r of Rules.all) {
      assert.deepStrictEqual([r.kind, ...(r.alsoKind === undefined ? [] : [r.alsoKind])], [...Policy.noteKinds(r.id)], r.id)
    }
  })
  it("titles every rule in French and English, with the note's section", () => {
    for (const r of Rules.all) {
      assert.isAbove(r.title.fr.length, 10, r.id)
      assert.isAbove(r.title.en.length, 10, r.id)
      assert.isAbove(r.section.length, 0, r.id)
    }
  })
  it("RuleViolation lists rule IDs and English messages and is serialisable", () => {
    const error = new Violation.RuleViolation({
      violations: [
        Violation.make("SES-06", "blocking", ["sessions", 0, "agenda"], { fr: "Pas d'ordre du jour", en: "No agenda" }),
        Violation.make("CNF-06", "blocking", ["review", "text"], { fr: "Nom", en: "A name" })
      ]
    })
    assert.strictEqual(error._tag, "RuleViolation")
    assert.strictEqual(error.message, "SES-06: No agenda\nCNF-06: A name")
    const encoded = Schema.encodeSync(Violation.RuleViolation)(error)
    assert.deepStrictEqual(Schema.decodeSync(Violation.RuleViolation)(encoded).violations, error.violations)
  })
})

describe("Exchange.decode errors name the path", () => {
  const faults = (json: unknown) => {
    const result = Exchange.decode(json)
    if (Either.isRight(result)) return assert.fail("expected a decode error")
    return result.left.faults.map((f) => `${f.path.join(".")}: ${f.message}`)
  }
  it("reports a wrong type", () => {
    const f = faults(mutate((s) => (s.sessions[1].durationMinutes = "trois heures")))
    assert.isTrue(f.some((x) => x.startsWith("sessions.1.durationMinutes:")), f.join("\n"))
  })
  it("reports an unknown enumeration value with the allowed ones", () => {
    const f = faults(mutate((s) => (s.framing.facilitation.mode = "trio")))
    // One fault, precise: no "Expected undefined" noise from the enclosing optional fields.
    assert.deepStrictEqual(f, ['framing.facilitation.mode: Expected one of "pair" | "solo", actual "trio"'])
  })
  it("reports a missing field", () => {
    const f = faults(mutate((s) => delete s.sessions[2].presentations[0].context))
    assert.isTrue(f.some((x) => x.startsWith("sessions.2.presentations.0.context:")), f.join("\n"))
  })
  it("reports a member ID that does not exist", () => {
    const f = faults(mutate((s) => (s.members[4].agentId = "agt-404")))
    assert.isTrue(f.some((x) => x === 'members.4.agentId: agent "agt-404" does not exist in "agents"'), f.join("\n"))
  })
  it("reports an unknown field", () => {
    const f = faults(mutate((s) => (s.sessions[0].room = "Salle 1")))
    assert.isTrue(f.some((x) => x.startsWith("sessions.0.room:")), f.join("\n"))
  })
  it("accepts the complete example", () => {
    assert.isTrue(Either.isRight(Exchange.decode(complete())))
  })
})
