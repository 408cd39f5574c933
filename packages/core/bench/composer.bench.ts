/**
 * Composer benchmark: realistic labour-inspection pools of 50, 500 and 5,000
 * volunteers → a group of 10 with every volunteer's selection probability.
 * Baselines: a uniform random draw (no diversity objective) and the greedy
 * heuristic. The objective and the optimality gap of each are printed when
 * the file is collected.
 *
 * Run: npx vitest bench --run packages/core/bench/composer.bench.ts
 */
import { Composer } from "@entre-pairs/core"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { bench, describe } from "vitest"
import * as Engine from "../src/internal/composer/engine.js"
import { greedy } from "../src/internal/composer/heuristics.js"
import { countsOf, scoreOfCounts } from "../src/internal/composer/problem.js"
import { mulberry32 } from "../src/internal/composer/prng.js"
import { allUnits, realisticPool } from "../test/ComposerFixtures.js"

const request: Composer.ComposeRequestEncoded = {
  perimeter: allUnits,
  purpose: "problemSolving",
  occupationsConcerned: ["inspecteur-travail", "controleur-travail", "juriste"],
  size: 10,
  seed: "bench-2026-11-28"
}

const setup = (n: number) => {
  const encoded = realisticPool(n, 2026 + n)
  const pool = Schema.decodeUnknownSync(Schema.Array(Composer.Volunteer))(encoded)
  const decoded = Schema.decodeUnknownSync(Composer.ComposeRequest)(request)
  const req: Engine.RequestIn = {
    size: { min: 10, max: 10 },
    purpose: decoded.purpose,
    occupationsConcerned: decoded.occupationsConcerned,
    perimeter: decoded.perimeter,
    mandatory: [],
    quotas: [],
    previousSelections: [],
    priorityWeight: 1,
    tolerance: decoded.tolerance,
    budget: decoded.budget,
    minMembers: 2
  }
  const prep = Engine.prepare(pool, req)
  const problem = Engine.problemFor(prep, req, 10)
  const eligible = prep.eligible
  const typeOf = new Map<string, number>()
  prep.types.forEach((t, i) => t.members.forEach((v) => typeOf.set(v.id, i)))
  const scoreIds = (ids: ReadonlyArray<string>) => {
    const x = new Int32Array(problem.nTypes)
    for (const id of ids) x[typeOf.get(id)!]!++
    return scoreOfCounts(problem, countsOf(problem, x))
  }
  let draws = 0
  const uniform = () => {
    const rand = mulberry32(++draws)
    const idx = eligible.map((_, i) => i)
    for (let i = 0; i < 10; i++) {
      const j = i + Math.floor(rand() * (idx.length - i))
      ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
    }
    return idx.slice(0, 10).map((i) => eligible[i]!.id)
  }
  const greedyScore = () => {
    const x = greedy(problem)
    return x ? scoreOfCounts(problem, countsOf(problem, x)) : null
  }
  return { encoded, scoreIds, uniform, greedyScore, types: prep.types.length }
}

type S = Composer.Objective
const gap = (s: S | null, opt: S) =>
  s === null
    ? "n/a"
    : `categories −${opt.categories - s.categories}, concentration +${s.concentration - opt.concentration}, coverage −${opt.coverage - s.coverage}`

for (const n of (process.env.BENCH_POOLS ?? "50,500,5000").split(",").map(Number)) {
  describe(`pool of ${n} volunteers → group of 10`, () => {
    const s = setup(n)
    const t0 = performance.now()
    const result = Composer.compose(s.encoded, request)
    const ms = performance.now() - t0
    if (Either.isLeft(result)) throw new Error(result.left.message)
    const r = result.right
    // Uniform baseline: mean objective over 200 draws, and its worst gap.
    const samples = Array.from({ length: 200 }, () => s.scoreIds(s.uniform()))
    const mean = (f: (x: S) => number) => samples.reduce((a, x) => a + f(x), 0) / samples.length
    const selectable = r.probabilities.filter((p) => p.status === "selectable")
    console.log(
      [
        `\n[composer bench] pool ${n} (${s.types} types), first compose ${ms.toFixed(0)} ms`,
        `  compose   objective ${JSON.stringify(r.objective)}; optimum ${JSON.stringify(r.optimum)} proven=${r.optimal}; gap ${gap(r.objective, r.optimum)}`,
        `            fairness (${r.fairness.method}): min probability ${r.fairness.minWeightedProbability.toFixed(4)} (upper bound ${r.fairness.upperBound.toFixed(4)}, proven=${r.fairness.proven}), ${selectable.length} selectable of ${r.probabilities.length}, ${r.portfolio.panels.length} panels, work ${r.stats.work}`,
        `  greedy    objective ${JSON.stringify(s.greedyScore())}; gap ${gap(s.greedyScore(), r.optimum)}`,
        `  uniform   mean objective {categories: ${mean((x) => x.categories).toFixed(2)}, concentration: ${mean((x) => x.concentration).toFixed(1)}, coverage: ${mean((x) => x.coverage).toFixed(2)}}; mean gap categories −${(r.optimum.categories - mean((x) => x.categories)).toFixed(2)}, optimum reached in ${samples.filter((x) => Composer.compareObjective(x, r.optimum) === 0).length}/200 draws`
      ].join("\n")
    )
    // The fairness price of strict optimality: the same pool with a tolerance on balance.
    if (n <= 500) {
      const tolerant = Composer.compose(s.encoded, { ...request, tolerance: { concentration: 10 } })
      if (Either.isRight(tolerant)) {
        const t = tolerant.right
        console.log(
          `  compose with tolerance {concentration: 10}: objective ${JSON.stringify(t.objective)}, min probability ${t.fairness.minWeightedProbability.toFixed(4)} (proven=${t.fairness.proven}), ${t.probabilities.filter((p) => p.status === "selectable").length} selectable, ${t.portfolio.panels.length} panels`
        )
      }
    }
    bench("baseline: uniform random draw", () => {
      s.scoreIds(s.uniform())
    })
    bench("baseline: greedy", () => {
      s.greedyScore()
    })
    bench(
      "compose",
      () => {
        const x = Composer.compose(s.encoded, request)
        if (Either.isLeft(x)) throw new Error("infeasible")
      },
      { iterations: n >= 5000 ? 3 : 10, time: 0, warmupIterations: 1 }
    )
  })
}
