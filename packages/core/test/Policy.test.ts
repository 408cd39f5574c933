/**
 * Local severity (RULES.md, preamble): a service or an exchange sets the
 * kind of blocking and advisory rules; the rules the note states without
 * condition can only be tightened.
 */
import { assert, describe, it } from "@effect/vitest"
import { Evaluate, Exchange, Policy, Rules, Violation } from "@entre-pairs/core"
import * as Arbitrary from "effect/Arbitrary"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as FastCheck from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { decode, mutate, of } from "./fixtures.js"

const noTime = mutate((s) => delete s.framing.dedicatedTime.formalisationHours)

describe("local severity", () => {
  it("a service loosens a blocking rule into an advisory: LIF-05 no longer refuses", () => {
    const v = of(noTime, "LIF-05", undefined, { severity: { "LIF-05": "advisory" } })
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["advisory", ["framing", "dedicatedTime", "formalisationHours"]]])
    assert.deepStrictEqual(of(noTime, "LIF-05").map((x) => x.kind), ["blocking"])
  })
  it("a service tightens an advisory into a blocking rule, or switches it off", () => {
    const big = mutate((s) => {
      for (let i = 0; i < 2; i++) {
        const id = `agt-x${i}`
        s.agents.push({ id, firstName: `Extra${i}`, lastName: `Supplement${i}`, occupation: "inspecteur-travail", unit: "ut33-uc3-s1" })
        s.invitations.push({ agentId: id, at: "2026-02-06T08:30:00.000Z" })
        s.volunteers.push({ agentId: id, at: "2026-02-20T12:00:00.000Z" })
        s.members.push({ agentId: id, joinedAt: "2026-03-02T09:00:00.000Z" })
      }
    })
    assert.deepStrictEqual(of(big, "SIZ-01", undefined, { severity: { "SIZ-01": "blocking" } }).map((x) => x.kind), ["blocking"])
    assert.deepStrictEqual(of(big, "SIZ-01", undefined, { severity: { "SIZ-01": "off" } }), [])
    assert.deepStrictEqual(of(big, "SIZ-01").map((x) => x.kind), ["advisory"])
  })
  it("a rule with two kinds takes the local kind for both parts", () => {
    const json = mutate((s) => {
      s.sessions[0].venue = { name: "Salle", equipped: true }
      delete s.sessions[1].venue
    })
    const local = of(json, "LIF-06", undefined, { severity: { "LIF-06": "advisory" } })
    assert.deepStrictEqual(local.map((x) => x.kind), ["advisory", "advisory"])
    const tight = of(json, "LIF-06", undefined, { severity: { "LIF-06": "blocking" } })
    assert.deepStrictEqual(tight.map((x) => x.kind), ["blocking", "blocking"])
  })
  it("the exchange's framing overrides the service, rule by rule", () => {
    const json = mutate((s) => {
      delete s.framing.dedicatedTime.formalisationHours
      s.framing.policy = { severity: { "LIF-05": "blocking" } }
    })
    assert.deepStrictEqual(of(json, "LIF-05", undefined, { severity: { "LIF-05": "advisory" } }).map((x) => x.kind), ["blocking"])
    const config = Policy.resolve({ severity: { "SIZ-01": "off", "LIF-05": "advisory" } }, { severity: { "LIF-05": "blocking" } })
    assert.deepStrictEqual(config.severity, { "SIZ-01": "off", "LIF-05": "blocking" })
  })
  it("the framing keeps the service's policy in force when it was framed", () => {
    const json = mutate((s) => {
      delete s.framing.dedicatedTime.formalisationHours
      s.framing.servicePolicy = { severity: { "LIF-05": "advisory" } }
    })
    // The service has changed its policy since: the exchange keeps the one it was framed under.
    assert.deepStrictEqual(of(json, "LIF-05", undefined, { severity: { "LIF-05": "blocking" } }).map((x) => x.kind), ["advisory"])
    assert.strictEqual(Policy.inForce({ sizeMax: 12 }, { servicePolicy: { sizeMax: 11 } }).sizeMax, 11)
    assert.strictEqual(Policy.inForce({ sizeMax: 12 }, {}).sizeMax, 12)
    assert.strictEqual(Policy.inForce({ sizeMax: 12 }, { servicePolicy: { sizeMax: 11 }, policy: { sizeMax: 9 } }).sizeMax, 9)
  })
  it("lists the local rules of a policy, with the level that set them", () => {
    const rules = Policy.localRules({ severity: { "SIZ-01": "off", "LIF-05": "advisory", "SES-06": "blocking" } }, { policy: { severity: { "LIF-05": "blocking", "ELI-04": "blocking" } } })
    assert.deepStrictEqual(
      rules.map((r) => [r.rule, [...r.noteKinds], r.localKind, r.level]),
      [
        ["ELI-04", ["advisory"], "blocking", "exchange"],
        ["SIZ-01", ["advisory"], "off", "service"]
      ]
    )
  })
  it("CNF-06 cannot be loosened: validate refuses it with a typed error naming the rule", () => {
    const result = Policy.validate({ severity: { "CNF-06": "advisory", "ELI-01": "advisory", "LIF-03": "off", "ANI-05": "advisory", "PUR-04": "advisory" } }, ["framing", "policy"])
    if (Either.isRight(result)) return assert.fail("expected a refusal")
    const error = result.left
    assert.strictEqual(error._tag, "LocalSeverityRefused")
    assert.deepStrictEqual(error.refusals.map((r) => r.rule), ["CNF-06", "ELI-01", "LIF-03", "ANI-05", "PUR-04"])
    assert.deepStrictEqual(error.refusals[0]!.path, ["framing", "policy", "severity", "CNF-06"])
    assert.match(error.refusals[0]!.message.fr, /^CNF-06 ne peut pas être assouplie/)
    assert.match(error.message, /^CNF-06 cannot be loosened/)
    // Tightening (a no-op for a blocking rule) is allowed.
    assert.isTrue(Either.isRight(Policy.validate({ severity: { "CNF-06": "blocking", "ELI-01": "blocking" } })))
  })
  it("a blocking rule may become an advisory but not be switched off; guarantees, obligations and the lifecycle order take no severity", () => {
    assert.isTrue(Policy.allows("LIF-05", "advisory"))
    assert.isFalse(Policy.allows("LIF-05", "off"))
    assert.isFalse(Policy.allows("LIF-07", "off"))
    assert.isTrue(Policy.allows("SIZ-01", "off"))
    for (const id of ["CNF-01", "PUR-05", "RES-02", "RES-07", "LIF-08"] as const) {
      assert.isFalse(Policy.allows(id, "blocking"), id)
      assert.isFalse(Policy.allows(id, "advisory"), id)
    }
    assert.isTrue(Policy.allows("RES-01", "advisory"))
  })
  it("a snapshot whose framing loosens a rule the note states without condition does not decode", () => {
    const result = Exchange.decode(mutate((s) => (s.framing.policy = { severity: { "ELI-01": "advisory", "NOPE-1": "off" } })))
    if (Either.isRight(result)) return assert.fail("expected a decode error")
    const faults = result.left.faults.map((f) => `${f.path.join(".")}: ${f.message}`)
    assert.isTrue(faults.some((f) => f.startsWith("framing.policy.severity.ELI-01: ELI-01 cannot be loosened")), faults.join("\n"))
    assert.isTrue(faults.some((f) => f.startsWith('framing.policy.severity.NOPE-1: "NOPE-1" is not a rule of the catalogue')), faults.join("\n"))
  })
  it("an unvalidated service policy never loosens those rules in evaluate either", () => {
    const json = mutate((s) => (s.volunteers = s.volunteers.filter((x: any) => x.agentId !== "agt-003")))
    const v = of(json, "ELI-01", undefined, { severity: { "ELI-01": "off" } } as never)
    assert.deepStrictEqual(v.map((x) => x.kind), ["blocking"])
  })
  it.prop(
    "evaluate reports each rule with the severity the policy gives it, and nothing for a rule switched off",
    [
      FastCheck.dictionary(
        FastCheck.constantFrom(...Violation.ruleIds),
        FastCheck.constantFrom<Policy.Severity>("blocking", "advisory", "off")
      )
    ],
    ([requested]) => {
      const severity: Record<string, Policy.Severity> = {}
      for (const [rule, s] of Object.entries(requested)) if (Policy.allows(rule as Violation.RuleId, s)) severity[rule] = s
      const snapshot = decode(
        mutate((s) => {
          delete s.framing.dedicatedTime.formalisationHours
          s.sessions[0].venue = { name: "Salle" }
          s.questions[2].title = "Répartition des primes"
        })
      )
      const at = DateTime.unsafeMake("2027-01-15T09:00:00Z")
      const plain = Evaluate.evaluate(snapshot, { at })
      const local = Evaluate.evaluate(snapshot, { at, config: { severity } })
      const expected = [...plain.blocking, ...plain.advisories]
        .map((v) => ({ ...v, kind: severity[v.rule] ?? v.kind }))
        .filter((v) => v.kind !== "off")
      const key = (v: { rule: string; kind: string; path: ReadonlyArray<unknown> }) => `${v.rule} ${v.kind} ${v.path.join(".")}`
      assert.deepStrictEqual([...local.blocking, ...local.advisories].map(key).sort(), expected.map(key).sort())
      assert.isTrue(local.blocking.every((v) => v.kind === "blocking"))
      assert.isTrue(local.advisories.every((v) => v.kind === "advisory"))
    },
    { fastCheck: { numRuns: 60 } }
  )
  it("the policy schema's arbitrary yields only severities the catalogue allows", () => {
    const policies = FastCheck.sample(Arbitrary.make(Policy.PolicyOverrides), { numRuns: 50, seed: 7 })
    for (const p of policies) assert.isTrue(Either.isRight(Policy.validate(p)))
    assert.isTrue(Schema.is(Policy.LocalSeverity)({ "SIZ-01": "off" }))
    assert.isFalse(Schema.is(Policy.LocalSeverity)({ "SIZ-02": "off" }))
    assert.strictEqual(Rules.all.filter((r) => Policy.allows(r.id, "off")).length, Rules.all.filter((r) => r.kind === "advisory" && r.alsoKind === undefined).length)
  })
})
