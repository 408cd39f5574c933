/**
 * Runnable example of docs/concepts/composer.md: compose a group of 8 to 10
 * from 14 volunteers, publish the portfolio and the seed, and re-check the
 * draw from the published JSON alone. Run by packages/core/test/Composer.docs.test.ts.
 */
import { Composer } from "@entre-pairs/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

const ages = ["<30", "30-39", "40-49", "50-59", "60+"] as const
const pool: Array<Composer.VolunteerEncoded> = Array.from({ length: 14 }, (_, i) => ({
  id: `agt-${String(i + 1).padStart(2, "0")}`,
  firstName: "Prénom",
  lastName: `Nom${i + 1}`,
  occupation: i % 3 === 0 ? "controleur-travail" : "inspecteur-travail",
  unit: i < 12 ? "ut-75-s3" : "ut-92-s1", // the last two are outside the perimeter (ELI-02)
  sex: i % 2 === 0 ? "female" : "male",
  ageBand: ages[i % 5]!,
  functionHeld: i === 4 ? "lineManager" : "agent",
  previouslySelected: i < 3
}))

export const main = () => {
  const result = Composer.compose(pool, {
    perimeter: ["ut-75-s3"],
    purpose: "problemSolving",
    occupationsConcerned: ["inspecteur-travail", "controleur-travail"],
    quotas: [{ dimension: "functionHeld", category: "lineManager", max: 1 }],
    tolerance: { concentration: 4 }, // widen the lottery a little: fairer chances
    priorityWeight: 2, // those not selected last time get twice the floor
    seed: "tirage du 28 novembre 2026"
  })
  if (Either.isLeft(result)) throw new Error(result.left.message)
  const r = result.right
  // What the facilitators publish: the result as JSON.
  const published = JSON.stringify(Schema.encodeSync(Composer.ComposeResult)(r))
  // Anyone re-checks from the JSON alone:
  const decoded = Schema.decodeUnknownSync(Composer.ComposeResult)(JSON.parse(published))
  const check = Composer.verifyDraw(decoded)
  return {
    size: r.size,
    group: r.group,
    optimum: r.optimum,
    objective: r.objective,
    minProbability: r.fairness.minWeightedProbability,
    probabilities: r.probabilities.map((p) => `${p.agentId} ${p.status} ${p.probability.toFixed(3)}`),
    recheck: check.ok,
    redrawn: Composer.redraw(decoded.portfolio, decoded.seed).group
  }
}
