import { it } from "vitest"
import * as Either from "effect/Either"
import { Composer } from "@entre-pairs/core"
import { realisticPool, allUnits } from "/work/main/packages/core/test/ComposerFixtures.js"

it("smoke", () => {
  for (const n of [20, 50, 500, 5000]) {
    const pool = realisticPool(n, 7)
    const t0 = performance.now()
    const r = Composer.compose(pool, { perimeter: allUnits, purpose: "problemSolving", occupationsConcerned: ["inspecteur-travail", "controleur-travail", "juriste"], size: 10, seed: "s" })
    const t1 = performance.now()
    if (Either.isLeft(r)) { console.log(n, r.left); continue }
    const x = r.right
    const probs = x.probabilities.filter(p => p.status === "selectable")
    console.log(n, (t1 - t0).toFixed(0) + "ms", JSON.stringify(x.optimum), x.optimal, "types", x.stats, "fair", x.fairness, "selectable", probs.length, "sum", x.probabilities.reduce((s, p) => s + p.probability, 0), Composer.verifyDraw(x).ok)
  }
})
