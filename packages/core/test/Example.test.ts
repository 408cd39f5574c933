import { assert, describe, it } from "@effect/vitest"
import { Evaluate, Exchange } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

const read = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../docs/examples/${name}`, import.meta.url)), "utf8"))

const afterClosure = DateTime.unsafeMake("2027-01-15T09:00:00Z")

describe("docs/examples", () => {
  it("exchange-complete.json decodes and has no blocking violation after closure", () => {
    const decoded = Exchange.decode(read("exchange-complete.json"))
    if (Either.isLeft(decoded)) assert.fail(decoded.left.message)
    const snapshot = decoded.right
    assert.strictEqual(snapshot.state, "closed")
    const result = Evaluate.evaluate(snapshot, { at: afterClosure })
    assert.deepStrictEqual(
      result.blocking.map((v) => `${v.rule} ${v.path.join(".")}: ${v.message.en}`),
      []
    )
    assert.deepStrictEqual(
      result.advisories.map((v) => `${v.rule} ${v.path.join(".")}: ${v.message.en}`),
      []
    )
    // Two actions of the follow-up grid are still open: they carry over (RES-08).
    assert.deepStrictEqual(
      result.obligations.map((o) => `${o.rule} ${o.status} ${DateTime.formatIsoDateUtc(o.dueAt)}`),
      ["RES-08 due 2027-03-31", "RES-08 due 2027-06-30"]
    )
  })

  it("exchange-invalid.json decodes and breaks the rules it was written to break", () => {
    const snapshot = Exchange.decodeSync(read("exchange-invalid.json"))
    const result = Evaluate.evaluate(snapshot, { at: DateTime.unsafeMake("2026-06-01T00:00:00Z") })
    const rules = new Set([...result.blocking, ...result.advisories].map((v) => v.rule))
    for (const id of ["SIZ-01", "ARB-01", "SES-06", "CNF-06", "ANI-04", "LIF-03"]) {
      assert.isTrue(rules.has(id as never), `${id} expected in ${[...rules].join(", ")}`)
    }
  })
})
