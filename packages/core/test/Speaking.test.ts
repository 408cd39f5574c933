import { assert, describe, it } from "@effect/vitest"
import { Speaking } from "@entre-pairs/core"
import * as FastCheck from "effect/FastCheck"

const t = (participant: string, seconds: number) => ({ participant: participant as never, seconds })

describe("Speaking.speakingEquity (CHA-02)", () => {
  it("is 0 when everyone speaks as long", () => {
    const e = Speaking.speakingEquity([t("agt-a", 300), t("agt-b", 300), t("agt-c", 300)])
    assert.strictEqual(e.gini, 0)
    assert.closeTo(e.longestShare, 1 / 3, 1e-9)
  })
  it("sums the times of one participant and computes shares", () => {
    const e = Speaking.speakingEquity([t("agt-a", 100), t("agt-b", 300), t("agt-a", 200)])
    assert.deepStrictEqual(e.shares.map((s) => [s.participant, s.seconds, s.share]), [["agt-a", 300, 0.5], ["agt-b", 300, 0.5]])
  })
  it("approaches 1 - 1/n when one person speaks alone", () => {
    const e = Speaking.speakingEquity([t("agt-a", 600), t("agt-b", 0), t("agt-c", 0), t("agt-d", 0)])
    assert.closeTo(e.gini, 0.75, 1e-9)
    assert.strictEqual(e.longestShare, 1)
  })
  it("is 0 with no time or a single speaker", () => {
    assert.strictEqual(Speaking.speakingEquity([]).gini, 0)
    assert.strictEqual(Speaking.speakingEquity([t("agt-a", 10)]).gini, 0)
    assert.strictEqual(Speaking.speakingEquity([t("agt-a", 0), t("agt-b", 0)]).longestShare, 0)
  })
  it.prop(
    "stays in [0, 1) and matches the pairwise definition",
    [FastCheck.array(FastCheck.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 15 })],
    ([xs]) => {
      const e = Speaking.speakingEquity(xs.map((x, i) => t(`agt-${i}`, x)))
      const total = xs.reduce((a, b) => a + b, 0)
      let pairs = 0
      for (const a of xs) for (const b of xs) pairs += Math.abs(a - b)
      const expected = total === 0 ? 0 : pairs / (2 * xs.length * total)
      assert.closeTo(e.gini, expected, 1e-9)
      assert.isTrue(e.gini >= 0 && e.gini < 1)
    }
  )
})

describe("Speaking.gini", () => {
  it.prop(
    "agrees with speakingEquity, duplicates included",
    [FastCheck.array(FastCheck.tuple(FastCheck.integer({ min: 0, max: 5 }), FastCheck.integer({ min: 0, max: 10_000 })), { maxLength: 12 })],
    ([pairs]) => {
      const times = pairs.map(([p, x]) => t(`agt-${p}`, x))
      const a = Speaking.gini(times)
      const b = Speaking.speakingEquity(times)
      assert.closeTo(a.gini, b.gini, 1e-9)
      assert.closeTo(a.longestShare, b.longestShare, 1e-9)
    }
  )
})
