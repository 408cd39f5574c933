/**
 * The rule modules build the registry when they load: the helpers that
 * declare the guarantees (`guarantee`, confidentiality.ts) and the
 * obligations (`obligation`, restitution.ts) run at import. A mutant that
 * breaks them makes the core throw at import, so every test file that
 * imports it fails to be collected, and Stryker's vitest runner counts a run
 * where no test failed as « survived ». These tests import the core inside
 * the test body: such a mutant fails them.
 */
import { assert, describe, it } from "@effect/vitest"

const load = async () => (await import("@entre-pairs/core")).Rules

describe("the registry as the core loads", () => {
  it("CNF-01 to CNF-04 are in the registry as guarantees once the core is loaded", async () => {
    const Rules = await load()
    assert.strictEqual(Rules.all.length, 65)
    for (const id of ["CNF-01", "CNF-02", "CNF-03", "CNF-04"] as const) {
      const r = Rules.get(id)
      assert.deepStrictEqual([r.id, r.kind, r.family, r.scope], [id, "guarantee", "confidentiality", "guarantee"])
    }
  })

  it("RES-02, RES-03, RES-05 to RES-08 are in the registry as obligations once the core is loaded", async () => {
    const Rules = await load()
    for (const id of ["RES-02", "RES-03", "RES-05", "RES-06", "RES-07", "RES-08"] as const) {
      const r = Rules.get(id)
      assert.deepStrictEqual([r.id, r.kind, r.family, r.scope], [id, "obligation", "restitution", "snapshot"])
    }
  })

  it("RES-02 and the other obligations of version 1 carry no version marker; RES-07 (version 2) does", async () => {
    const Rules = await load()
    for (const id of ["RES-02", "RES-03", "RES-05", "RES-06", "RES-08"] as const) assert.notProperty(Rules.get(id), "version", id)
    assert.strictEqual(Rules.get("RES-07").version, 2)
  })
})
