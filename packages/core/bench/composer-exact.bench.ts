/**
 * The fair lottery, built-in engine against the exact one (HiGHS column
 * generation), on realistic pools with sex, age band and seniority quotas
 * and every quota-feasible group admissible (`admissible: "quotas"`):
 * 20 → 10 (small enough for exactness everywhere), 150 → 22, 500 → 10 and
 * 2,000 → 10; on request, 2,000 → 10 with quotas on all five profile
 * dimensions (rich profiles: types close to the pool size; about a minute
 * of CPU in one synchronous stretch, too long for a default run of
 * `pnpm bench`, whose worker must answer vitest within 60 s:
 * BENCH_EXACT_POOLS=2000:10:rich). For each pool the figures
 * are printed when the file is collected: time of one composition, minimum
 * selection probability as a fraction of the proven upper bound of the
 * exact lottery, and whether it is proven. The baseline of each group is
 * the built-in engine.
 *
 * Run: npx vitest bench --run packages/core/bench/composer-exact.bench.ts
 * (BENCH_EXACT_POOLS=150:22 to run one pool; a ":rich" suffix puts quotas on
 * the five profile dimensions).
 */
import { Composer } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { bench, describe } from "vitest"
import { allUnits, quotasFor, realisticPool } from "../test/ComposerFixtures.js"

const richQuotas = (pool: ReadonlyArray<Composer.VolunteerEncoded>, k: number): Array<Composer.Quota> => {
  const out = quotasFor(pool, k)
  for (const dimension of ["status", "functionHeld"] as const) {
    const freq = new Map<string, number>()
    for (const v of pool) {
      const c = v[dimension]
      if (c !== undefined) freq.set(c, (freq.get(c) ?? 0) + 1)
    }
    for (const [category, n] of [...freq].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      out.push({ dimension, category, max: Math.max(1, Math.ceil((n / pool.length) * k) + 1) })
    }
  }
  return out
}

const cases = (process.env.BENCH_EXACT_POOLS ?? "20:10,150:22,500:10,2000:10").split(",").map((s) => {
  const [n, k, rich] = s.split(":")
  return { n: Number(n), k: Number(k), rich: rich === "rich" }
})

// Load HiGHS once, outside the timings.
await Effect.runPromise(Effect.either(Composer.composeEffect([], { perimeter: ["u"], seed: 0 })))

for (const { k, n, rich } of cases) {
  const pool = realisticPool(n, 2026 + n)
  const request: Composer.ComposeRequestEncoded = {
    perimeter: allUnits,
    size: k,
    quotas: rich ? richQuotas(pool, k) : quotasFor(pool, k),
    admissible: "quotas",
    seed: `bench-exact-${n}`
  }
  const t0 = performance.now()
  const inHouse = Composer.compose(pool, request)
  const t1 = performance.now()
  const exact = await Effect.runPromise(Composer.composeEffect(pool, request))
  const t2 = performance.now()
  if (Either.isLeft(inHouse)) throw new Error(inHouse.left.message)
  const b = inHouse.right
  const bound = exact.fairness.upperBound
  const line = (name: string, r: Composer.ComposeResult, ms: number) =>
    `  ${name.padEnd(8)} ${ms.toFixed(0).padStart(6)} ms  min ${r.fairness.minWeightedProbability.toFixed(5)} = ${((100 * r.fairness.minWeightedProbability) / bound).toFixed(2)} % of the bound, ${r.fairness.method}, proven=${r.fairness.proven}${r.fairness.reason ? ` (${r.fairness.reason})` : ""}, ${r.portfolio.panels.length} panels`
  console.log(
    [
      `\n[composer exact] pool ${n} → ${k}${rich ? " (quotas on 5 profile dimensions)" : " (sex, age band, seniority quotas)"}, ${b.stats.types} types, proven bound ${bound.toFixed(5)}`,
      line("built-in", b, t1 - t0),
      line("exact", exact, t2 - t1),
      `  trade-off: optimal diversity ${exact.tradeOff!.optimalDiversity.minWeightedProbability.toFixed(5)} over ${exact.tradeOff!.optimalDiversity.selectable} selectable (proven=${exact.tradeOff!.optimalDiversity.proven}); quota-feasible ${exact.tradeOff!.quotasOnly.minWeightedProbability.toFixed(5)} over ${exact.tradeOff!.quotasOnly.selectable}`
    ].join("\n")
  )
  describe(`fair lottery, pool ${n} → ${k}${rich ? ", rich profiles" : ""}`, () => {
    bench(
      "baseline: built-in engine (compose)",
      () => {
        Composer.compose(pool, request)
      },
      { iterations: 1, time: 0, warmupIterations: 0 }
    )
    bench(
      "exact engine (composeEffect, HiGHS)",
      async () => {
        await Effect.runPromise(Composer.composeEffect(pool, request))
      },
      { iterations: 1, time: 0, warmupIterations: 0 }
    )
  })
}
