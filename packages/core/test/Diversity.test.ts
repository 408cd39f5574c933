import { assert, describe, it } from "@effect/vitest"
import { Diversity } from "@entre-pairs/core"
import { complete, decode, mutate } from "./fixtures.js"

describe("Diversity", () => {
  it("index is the normalised Gini–Simpson index", () => {
    assert.strictEqual(Diversity.index([], 5), 0)
    assert.strictEqual(Diversity.index([1], 5), 0)
    assert.strictEqual(Diversity.index([4], 3), 0)
    assert.strictEqual(Diversity.index([2, 2], 2), 1)
    assert.closeTo(Diversity.index([1, 1], 3), (1 - 0.5) / (1 - 1 / 3), 1e-9)
  })
  it("reports categories, index and what the pool allowed for the example", () => {
    const report = Diversity.diversityReport(decode(complete()))
    assert.strictEqual(report.groupSize, 9)
    assert.strictEqual(report.poolSize, 12)
    const sex = report.dimensions.find((d) => d.dimension === "sex")!
    assert.deepStrictEqual(sex.categories, [{ category: "female", count: 6 }, { category: "male", count: 3 }])
    assert.strictEqual(sex.achievable, 2)
    assert.isFalse(sex.belowAchievable)
    assert.closeTo(sex.index, (1 - (36 + 9) / 81) / (1 - 1 / 3), 1e-9)
    assert.isTrue(report.dimensions.every((d) => !d.belowAchievable))
    assert.deepStrictEqual(report.occupations.missing, [])
  })
  it("counts unknown values apart", () => {
    const report = Diversity.diversityReport(decode(mutate((s) => delete s.agents[0].sex)))
    const sex = report.dimensions.find((d) => d.dimension === "sex")!
    assert.strictEqual(sex.known, 8)
    assert.strictEqual(sex.unknown, 1)
  })
})
