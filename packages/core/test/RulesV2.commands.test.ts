/**
 * Version 2 on the command side: where a rule is blocking, the command is
 * refused with the rule at the same path `check` reports (one condition,
 * written once: the snapshot rule checked on the next state).
 */
import { assert, describe, it } from "@effect/vitest"
import { Decider, Evaluate, Example, Instant } from "@entre-pairs/core"
import * as Either from "effect/Either"
import { decodeCommand, exampleUntil, Runner, runnerUntil } from "./support/runner.js"

const refusal = (result: Either.Either<unknown, { _tag: string }>) => {
  if (Either.isRight(result)) return assert.fail("expected a refusal")
  const e = result.left as any
  return e._tag === "RuleViolation" ? e.violations.map((v: any) => [v.rule, v.path]) : [[e._tag, e.path]]
}
const members = ["agt-001", "agt-002", "agt-003", "agt-004", "agt-005", "agt-006", "agt-007", "agt-008", "agt-009"]

describe("version 2 — commands", () => {
  it("CNF-07 a session's attendance records its facilitators and guests, and refuses anyone else at the path check reports", () => {
    const ok = runnerUntil("HoldSession", 3)
    ok.run({ _tag: "HoldSession", sessionId: "s3", attendees: [...members, "agt-101", "agt-102", "agt-201"] })
    const r = runnerUntil("HoldSession", 1)
    const refused = refusal(r.try({ _tag: "HoldSession", sessionId: "s1", attendees: [...members, "agt-010"] }))
    assert.deepStrictEqual(refused, [["CNF-07", ["sessions", 0, "attendees", 9]]])
  })
  it("SIZ-02 refuses holding a session with a single member present", () => {
    const r = runnerUntil("HoldSession", 1)
    assert.deepStrictEqual(refusal(r.try({ _tag: "HoldSession", sessionId: "s1", attendees: ["agt-001", "agt-101", "agt-102"] })), [
      ["SIZ-02", ["sessions", 0, "attendees"]]
    ])
  })
  it("SES-08 refuses a presentation by a member absent from the session, at the path check reports", () => {
    const r = runnerUntil("RecordPresentation", 1)
    const command = (Example.cycleEncoded.filter((c) => c._tag === "RecordPresentation")[0] as any)
    // agt-007 is a member but was not present at session s2.
    const absent = { ...command, at: undefined, presentation: { ...command.presentation, presenter: "agt-007" } }
    assert.deepStrictEqual(refusal(r.try(absent)), [["SES-08", ["sessions", 1, "presentations", 0, "presenter"]]])
    const facilitator = { ...command, at: undefined, presentation: { ...command.presentation, presenter: "agt-101" } }
    assert.deepStrictEqual(refusal(r.try(facilitator)), [["SES-08", ["sessions", 1, "presentations", 0, "presenter"]]])
  })
  it("SES-01 lets a one-session exchange present a case on the question it has just chosen", () => {
    const r = runnerUntil("SetAgenda", 1)
    r.run({
      _tag: "SetAgenda",
      sessionId: "s1",
      items: [
        { title: "Choix des questions de travail", nature: "questionChoice" },
        { title: "Exposé d'un cas", nature: "experienceSharing" }
      ]
    })
    r.run({ _tag: "HoldSession", sessionId: "s1", attendees: members })
    r.run(Example.cycleEncoded.find((c) => c._tag === "ChooseQuestions")!)
    const presentation = (Example.cycleEncoded.find((c) => c._tag === "RecordPresentation") as any).presentation
    r.run({ _tag: "RecordPresentation", sessionId: "s1", presentation })
    assert.strictEqual(r.snapshot.sessions[0]!.presentations.length, 1)
  })
  it("SES-01 refuses a case before the choice of the questions in the agenda", () => {
    const r = runnerUntil("HoldSession", 1)
    r.run({ _tag: "HoldSession", sessionId: "s1", attendees: members })
    r.run(Example.cycleEncoded.find((c) => c._tag === "ChooseQuestions")!)
    // The example's first agenda has no case after the choice: a case there is refused.
    const presentation = (Example.cycleEncoded.find((c) => c._tag === "RecordPresentation") as any).presentation
    assert.deepStrictEqual(refusal(r.try({ _tag: "RecordPresentation", sessionId: "s1", presentation })), [
      ["SES-01", ["sessions", 0, "presentations", 0, "questionId"]]
    ])
  })
  it("LIF-06 refuses holding a session without a venue", () => {
    const r = runnerUntil("ScheduleSession", 1)
    const schedule = { ...(Example.cycleEncoded.find((c) => c._tag === "ScheduleSession") as any), at: undefined, venue: undefined }
    const advised = r.run(schedule)
    assert.deepStrictEqual(advised.advisories.map((v) => [v.rule, v.kind]), [["LIF-06", "advisory"]])
    r.run(Example.cycleEncoded.find((c) => c._tag === "SetAgenda")!)
    assert.deepStrictEqual(refusal(r.try({ _tag: "HoldSession", sessionId: "s1", attendees: members })), [["LIF-06", ["sessions", 0, "venue"]]])
  })
  it("LIF-04 refuses composing a group before any communication across the organisation", () => {
    const r = new Runner()
    for (const c of exampleUntil("Compose")) if (c._tag !== "Communicate") r.run(c)
    const compose = Example.cycleEncoded.find((c) => c._tag === "Compose")!
    assert.deepStrictEqual(refusal(r.try({ ...compose, at: undefined } as any)), [["LIF-04", ["communications"]]])
  })
  it("LIF-05 local severity: a service that makes it advisory lets the approval through, with the advisory", () => {
    const commands = exampleUntil("Approve").map((c) => {
      if (c._tag !== "Frame") return c
      const { dedicatedTime: _, ...framing } = (c as any).framing
      return { ...c, framing }
    })
    const play = (config?: object) => {
      let state: Decider.State = Decider.initialState
      for (const c of commands) state = Decider.replay(Either.getOrThrow(Decider.decideAt(decodeCommand(c), state, Instant.unsafeMake("2026-09-20T00:00:00Z"), config === undefined ? {} : { config: config as never })).events, state)
      return Decider.decideAt(decodeCommand({ _tag: "Approve", by: "Directrice" }), state, Instant.unsafeMake("2026-09-22T10:00:00Z"), config === undefined ? {} : { config: config as never })
    }
    assert.deepStrictEqual(refusal(play()), [["LIF-05", ["framing", "dedicatedTime"]]])
    const loosened = play({ severity: { "LIF-05": "advisory" } })
    if (Either.isLeft(loosened)) return assert.fail(loosened.left.message)
    assert.deepStrictEqual(loosened.right.advisories.map((v) => v.rule), ["LIF-05"])
    // The framing recorded the service's policy in force.
    assert.deepStrictEqual(loosened.right.state.framing?.servicePolicy, { severity: { "LIF-05": "advisory" } })
  })
  it("ELI-01 cannot be loosened by a service: framing under such a policy is refused, naming the rule", () => {
    const r = runnerUntil("Frame")
    const frame = decodeCommand(Example.cycleEncoded.find((c) => c._tag === "Frame")!)
    const result = Decider.decideAt(frame, r.state, Instant.unsafeMake("2026-09-15T09:00:00Z"), { config: { severity: { "ELI-01": "advisory" } } as never })
    if (Either.isRight(result)) return assert.fail("expected a refusal")
    assert.strictEqual(result.left._tag, "InvalidCommand")
    assert.deepStrictEqual((result.left as any).path, ["config", "severity", "ELI-01"])
    assert.match((result.left as any).reason.fr, /^ELI-01 ne peut pas être assouplie/)
  })
  it("the example cycle runs to closure under version 2, and its closed snapshot breaks no blocking rule", () => {
    const r = new Runner()
    for (const c of Example.cycleEncoded) r.run(c)
    assert.strictEqual(r.snapshot.state, "closed")
    assert.deepStrictEqual(Evaluate.evaluate(r.snapshot, { at: Instant.unsafeMake("2027-06-01T00:00:00Z") }).blocking, [])
  })
})
