import { assert, describe, it } from "@effect/vitest"
import { Evaluate, Policy, Rules } from "@entre-pairs/core"
import { AFTER, addMembers, complete, decode } from "./fixtures.js"

describe("Evaluate.evaluate", () => {
  it("layers the configuration: defaults, then the service, then the exchange's framing", () => {
    const eleven = addMembers(complete(), 2)
    const ids = (json: unknown, config?: Policy.PolicyOverrides) =>
      Evaluate.evaluate(decode(json), { at: AFTER, config }).advisories.map((v) => v.rule)
    assert.include(ids(eleven), "SIZ-01")
    assert.notInclude(ids(eleven, { sizeMax: 12 }), "SIZ-01")
    eleven.framing.policy = { sizeMax: 10 }
    assert.include(ids(eleven, { sizeMax: 12 }), "SIZ-01")
  })
  it("sorts violations by kind and keeps the registry's order", () => {
    const json = complete()
    delete json.origin
    json.sessions[1].venue.quiet = false
    const r = Evaluate.evaluate(decode(json), { at: AFTER })
    assert.deepStrictEqual(r.blocking.map((v) => v.rule), ["LIF-01"])
    assert.deepStrictEqual(r.advisories.map((v) => v.rule), ["LIF-06"])
  })
  it("exposes the shared context so that a single rule can be run", () => {
    const snapshot = decode(complete())
    const ctx = Evaluate.context(snapshot, AFTER, Policy.defaults)
    assert.strictEqual(ctx.activeMembers.length, 9)
    assert.deepStrictEqual(Rules.get("SIZ-01").check!(ctx), [])
  })
})
