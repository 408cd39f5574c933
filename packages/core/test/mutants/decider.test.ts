/**
 * The refusals that only a command can tell (the decider's handlers), each at
 * its path: the rule ID, where, and that nothing is recorded. The snapshot
 * rules on the next state are tested on snapshots (the other files here).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import type { Command } from "@entre-pairs/core"
import { exampleFrom, type Runner, runnerUntil } from "../support/runner.js"

/** Tries a command; asserts it is refused with one violation of `rule` at `path`, and nothing recorded. */
const refused = (r: Runner, command: Command.ExchangeCommandEncoded, rule: string, path: ReadonlyArray<string | number>) => {
  const before = r.events.length
  const result = r.try(command)
  assert.isTrue(Either.isLeft(result), `${command._tag} should be refused`)
  const error = (result as Either.Left<any, any>).left
  assert.strictEqual(error._tag, "RuleViolation", error.message)
  assert.deepStrictEqual(
    error.violations.filter((v: any) => v.rule === rule).map((v: any) => v.path),
    [path]
  )
  for (const v of error.violations) {
    assert.isAbove(v.message.fr.length, 15)
    assert.isAbove(v.message.en.length, 15)
  }
  assert.strictEqual(r.events.length, before)
}
const invalidCommand = (r: Runner, command: Command.ExchangeCommandEncoded, path: ReadonlyArray<string | number>) => {
  const result = r.try(command)
  assert.isTrue(Either.isLeft(result), `${command._tag} should be refused`)
  const error = (result as Either.Left<any, any>).left
  assert.strictEqual(error._tag, "InvalidCommand", error.message)
  assert.deepStrictEqual(error.path, path)
}
const accepted = (r: Runner, command: Command.ExchangeCommandEncoded) => {
  const result = r.try(command)
  assert.isTrue(Either.isRight(result), Either.isLeft(result) ? result.left.message : "")
}

describe("decider: refusals of the composition phase", () => {
  it("ELI-01 refuses a volunteer who was never invited, and a second volunteering as invalid", () => {
    const r = runnerUntil("Volunteer")
    refused(r, { _tag: "Volunteer", agentId: "agt-999" }, "ELI-01", ["agentId"])
    accepted(r, { _tag: "Volunteer", agentId: "agt-001" })
    invalidCommand(r, { _tag: "Volunteer", agentId: "agt-001" }, ["agentId"])
  })
  it("ELI-01 lets an agent who withdrew volunteer again", () => {
    const r = runnerUntil("Volunteer")
    accepted(r, { _tag: "Volunteer", agentId: "agt-001" })
    accepted(r, { _tag: "Withdraw", agentId: "agt-001" })
    accepted(r, { _tag: "Volunteer", agentId: "agt-001" })
  })
  it("ELI-01 refuses to compose with an agent who is not a volunteer, or who withdrew", () => {
    const r = runnerUntil("Compose")
    refused(r, { _tag: "Compose", members: [{ agentId: "agt-001" }, { agentId: "agt-999" }] }, "ELI-01", ["members", 1, "agentId"])
    accepted(r, { _tag: "Withdraw", agentId: "agt-002" })
    refused(r, { _tag: "Compose", members: [{ agentId: "agt-001" }, { agentId: "agt-002" }] }, "ELI-01", ["members", 1, "agentId"])
    invalidCommand(r, { _tag: "Compose", members: [{ agentId: "agt-001" }, { agentId: "agt-001" }] }, ["members", 1, "agentId"])
  })
  it("ELI-01 refuses the withdrawal of an agent who is neither volunteer nor member, as invalid", () => {
    const r = runnerUntil("Compose")
    invalidCommand(r, { _tag: "Withdraw", agentId: "agt-999" }, ["agentId"])
  })
  it("RES-01 refuses a liaison who is not a member, or who withdrew", () => {
    const r = runnerUntil("DesignateLiaison")
    refused(r, { _tag: "DesignateLiaison", agentId: "agt-999" }, "RES-01", ["agentId"])
    accepted(r, { _tag: "Withdraw", agentId: "agt-008" })
    refused(r, { _tag: "DesignateLiaison", agentId: "agt-008" }, "RES-01", ["agentId"])
    accepted(r, { _tag: "DesignateLiaison", agentId: "agt-007" })
  })
})

describe("decider: refusals of the sessions", () => {
  it("SES-06 refuses to set the agenda of a session already held", () => {
    const r = runnerUntil("DraftMinutes")
    refused(r, { _tag: "SetAgenda", sessionId: "s1", items: [{ title: "Retour", nature: "synthesis" }] }, "SES-06", ["sessions", 0, "agenda"])
  })
  it("SES-06 refuses to hold a session without an agenda", () => {
    const r = runnerUntil("SetAgenda")
    refused(r, { _tag: "HoldSession", sessionId: "s1", attendees: ["agt-001", "agt-002", "agt-003"] }, "SES-06", ["sessions", 0, "agenda"])
  })
  it("LIF-08 refuses to hold a session twice", () => {
    const r = runnerUntil("ChooseQuestions")
    refused(r, { _tag: "HoldSession", sessionId: "s1", attendees: ["agt-001", "agt-002", "agt-003"] }, "LIF-08", ["sessions", 0, "status"])
  })
  it("ARB-01 refuses a conditional arbitration whose conditions are all blank", () => {
    const r = runnerUntil("Arbitrate")
    refused(r, { _tag: "Arbitrate", sessionId: "s2", variantId: "v1", outcome: "conditional", conditions: [" ", ""] }, "ARB-01", ["conditions"])
    accepted(r, { _tag: "Arbitrate", sessionId: "s2", variantId: "v1", outcome: "conditional", conditions: [" ", "avec un collègue"] })
    const v = r.snapshot.sessions[1]!.variants[0]!.arbitration
    assert.deepStrictEqual(v?.outcome === "conditional" ? v.conditions : [], ["avec un collègue"])
  })
  it("ANI-06 refuses to validate a variant not yet arbitrated", () => {
    const r = runnerUntil("Arbitrate")
    refused(r, { _tag: "ValidateArbitrations", sessionId: "s2", variantIds: ["v1"] }, "ANI-06", ["variantIds", 0])
    accepted(r, { _tag: "Arbitrate", sessionId: "s2", variantId: "v1", outcome: "desirable" })
    refused(r, { _tag: "ValidateArbitrations", sessionId: "s2", variantIds: ["v1", "v2"] }, "ANI-06", ["variantIds", 1])
    invalidCommand(r, { _tag: "ValidateArbitrations", sessionId: "s2", variantIds: ["v1", "v9"] }, ["variantIds", 1])
  })
  it("ARB-01 refuses a second arbitration once validated", () => {
    const r = runnerUntil("RecordSpeakingTimes")
    refused(r, { _tag: "Arbitrate", sessionId: "s2", variantId: "v2", outcome: "discontinue" }, "ARB-01", ["sessions", 1, "variants", 1, "arbitration"])
  })
})

describe("decider: refusals of the minutes", () => {
  it("RES-09 refuses to finalise minutes never drafted, or already finalised", () => {
    const r = runnerUntil("DraftMinutes")
    refused(r, { _tag: "FinaliseMinutes", sessionId: "s1" }, "RES-09", ["sessions", 0, "minutes"])
    for (const c of exampleFrom("DraftMinutes").slice(0, 2)) accepted(r, c)
    refused(r, { _tag: "FinaliseMinutes", sessionId: "s1" }, "RES-09", ["sessions", 0, "minutes"])
  })
  it("RES-09 refuses to send minutes not finalised, and to send a version twice", () => {
    const r = runnerUntil("DraftMinutes")
    accepted(r, exampleFrom("DraftMinutes")[0]!)
    refused(r, { _tag: "SendMinutes", sessionId: "s1" }, "RES-09", ["sessions", 0, "minutes"])
    accepted(r, { _tag: "FinaliseMinutes", sessionId: "s1" })
    accepted(r, { _tag: "SendMinutes", sessionId: "s1" })
    refused(r, { _tag: "SendMinutes", sessionId: "s1" }, "RES-09", ["sessions", 0, "minutes"])
  })
  it("RES-09 refuses a new version of sent minutes without a reason for the correction", () => {
    const r = runnerUntil("DraftMinutes")
    for (const c of exampleFrom("DraftMinutes").slice(0, 3)) accepted(r, c)
    refused(r, { _tag: "DraftMinutes", sessionId: "s1", summary: "Texte corrigé", correction: "  " }, "RES-09", ["correction"])
    accepted(r, { _tag: "DraftMinutes", sessionId: "s1", summary: "Texte corrigé", correction: "Une date erronée" })
    const minutes = r.snapshot.sessions[0]!.minutes
    assert.deepStrictEqual(minutes.map((m) => [m.version, m.correction]), [[1, undefined], [2, "Une date erronée"]])
  })
  it("RES-09 redrafting an unsent version keeps its number and its correction", () => {
    const r = runnerUntil("DraftMinutes")
    for (const c of exampleFrom("DraftMinutes").slice(0, 3)) accepted(r, c)
    accepted(r, { _tag: "DraftMinutes", sessionId: "s1", summary: "Texte corrigé", correction: "Une date erronée" })
    accepted(r, { _tag: "DraftMinutes", sessionId: "s1", summary: "Texte corrigé deux fois" })
    const last = r.snapshot.sessions[0]!.minutes.at(-1)!
    assert.deepStrictEqual([last.version, last.correction, last.summary], [2, "Une date erronée", "Texte corrigé deux fois"])
  })
})

describe("decider: refusals of the conclusions", () => {
  it("ARB-03 refuses conclusions listing a variant the group has not validated", () => {
    const r = runnerUntil("Conclude")
    const c = exampleFrom("Conclude")[0]! as Command.ExchangeCommandEncoded & { summary: string }
    refused(r, { _tag: "Conclude", summary: c.summary, variantIds: ["v1", "v-inconnue"] }, "ARB-03", ["variantIds", 1])
  })
})
