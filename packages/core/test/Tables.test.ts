/**
 * The decider and the views as tables: a decision carries the next state
 * (the fold of its events, so the service does not fold again), the one
 * state label table, `Obligations.due` (formerly `View.obligations`), and a
 * builder's typed failure where an assertion used to be.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { Decider, Example, Exchange, Instant, Obligations, View } from "../src/index.js"
import * as directionResponse from "../src/internal/views/directionResponse.js"
import * as Policy from "../src/Policy.js"
import { fullCycle, runnerUntil } from "./support/runner.js"

describe("Decider as a table", () => {
  it("a decision's state is the fold of its events onto the state decided on, for every command of the example", () => {
    let state: Decider.State = Decider.initialState
    let now = Date.UTC(2026, 8, 1, 8)
    for (const command of Example.cycle()) {
      now += 3_600_000
      const decision = Either.getOrThrow(Decider.decideAt(command, state, Instant.make(now)))
      const folded = Decider.replay(decision.events, state)
      assert.deepStrictEqual(decision.state, folded, command._tag)
      assert.isTrue(decision.state.updatedAt !== undefined && decision.state.updatedAt.epochMillis === decision.events.at(-1)!.at.epochMillis)
      state = decision.state
    }
    assert.strictEqual(state?.state, "closed")
  })

  it("LIF-08 a refusal out of order names the states with the shared French labels", () => {
    const r = runnerUntil("Approve")
    const refused = Decider.decideAt({ _tag: "AdoptCharter", items: [] }, r.snapshot, Instant.make(Date.UTC(2027, 0, 1)))
    assert.isTrue(Either.isLeft(refused))
    const message = Either.isLeft(refused) ? refused.left.message : ""
    assert.include(message, `"AdoptCharter" is refused in state "framed"`)
    const fr = Either.isLeft(refused) && refused.left._tag === "RuleViolation" ? refused.left.violations[0]!.message.fr : ""
    assert.include(fr, `« ${Exchange.stateLabels.framed.fr} »`)
    assert.include(fr, `accepté dans : ${Exchange.stateLabels.composed.fr}`)
  })

  it("Exchange.stateLabels labels every lifecycle state in French and English", () => {
    assert.deepStrictEqual(Object.keys(Exchange.stateLabels).sort(), [...Exchange.states].sort())
    for (const state of Exchange.states) {
      assert.isAbove(Exchange.stateLabels[state].fr.length, 0)
      assert.isAbove(Exchange.stateLabels[state].en.length, 0)
    }
  })
})

describe("Views as a table", () => {
  const snapshot = fullCycle().snapshot
  const at = Instant.make(Date.UTC(2027, 2, 20))

  it("RES-05 Obligations.due is View.obligations (kept as a deprecated alias), with the exchange's policy", () => {
    const due = Obligations.due(snapshot, { at })
    assert.isAbove(due.length, 0)
    assert.deepStrictEqual(View.obligations(snapshot, { at }), due)
    assert.deepStrictEqual(due, Obligations.obligations(snapshot, at, Policy.resolve(undefined, snapshot.framing?.policy)))
    // The service's overrides count: a shorter deadline for the first minutes moves RES-02's due date.
    const sessionHeld = runnerUntil("SendMinutes").snapshot
    const when = Instant.make(sessionHeld.updatedAt!.epochMillis + 86_400_000)
    const res02 = (config?: Policy.PolicyOverrides) =>
      Obligations.due(sessionHeld, { at: when, config }).find((o) => o.rule === "RES-02")?.dueAt.epochMillis
    assert.isDefined(res02())
    // In calendar days (working days off), 15 - 3 = 12 days apart; with them, never closer.
    assert.strictEqual(res02({ workingDays: false })! - res02({ minutesDueDays: 3, workingDays: false })!, 12 * 86_400_000)
    assert.isAtLeast(res02()! - res02({ minutesDueDays: 3 })!, 10 * 86_400_000)
  })

  it("RES-05 the direction's response before any restitution is unavailable, not an assertion", () => {
    const before = runnerUntil("Restitute").snapshot
    const built = directionResponse.directionResponse(before, { audience: "direction", at, config: Policy.defaults, localRules: [] })
    assert.isTrue(Either.isLeft(built))
    assert.deepStrictEqual(View.build(before, { output: "directionResponse", audience: "direction" }, { at }).pipe(Either.isLeft), true)
  })
})
