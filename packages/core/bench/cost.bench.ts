/**
 * What core costs an application (issue 14): the time to import it in a
 * fresh Node process, against a bare `import("effect/Schema")`, and the size
 * of an application bundle that only evaluates snapshots, against a bundle
 * of the whole package. Runs on the built package (`pnpm bench` builds).
 *
 * Measured here (2 shared cores, CPU time of the import in the child,
 * median of 5): before (one bundled file, the `date-fns` barrel)
 * `@entre-pairs/core` 856 ms vs `effect/Schema` 541 ms (1.58×); after (one
 * file per module, `date-fns` by function) 755 vs 556 ms (1.36×),
 * `@entre-pairs/core/Evaluate` 658 ms (1.18×). Evaluate-only bundle: 486 KB
 * before (the issue measured 439 KB on an older tree), 146 KB after.
 */
import { execFileSync } from "node:child_process"
import { join } from "node:path"
import { bench, describe } from "vitest"
import { bundleSize } from "../test/Bundle.test.js"

const root = join(import.meta.dirname, "..")
const importIn = (specifier: string) => () => {
  execFileSync(process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(specifier)})`], { cwd: root })
}
const importOptions = { time: 0, iterations: 7, warmupIterations: 1, warmupTime: 0 }

describe("import cost: a fresh node process importing", () => {
  bench("baseline: effect/Schema", importIn("effect/Schema"), importOptions)
  bench("@entre-pairs/core", importIn("@entre-pairs/core"), importOptions)
  bench("@entre-pairs/core/Evaluate", importIn("@entre-pairs/core/Evaluate"), importOptions)
})

const evaluateOnly = `import { evaluate } from "@entre-pairs/core/Evaluate"
import * as DateTime from "effect/DateTime"
export const run = (s) => evaluate(s, { at: DateTime.unsafeMake("2026-01-01T00:00:00Z") })`
const wholePackage = `export * from "@entre-pairs/core"`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const [only, whole] = await Promise.all([bundleSize(evaluateOnly), bundleSize(wholePackage)])
console.log(
  `bundle (esbuild, minified): evaluate-only ${kb(only.bytes)}, whole package ${kb(whole.bytes)} ` +
    `(${((100 * only.bytes) / whole.bytes).toFixed(0)} %); goal: evaluate-only at most 219 KB (half of 439 KB)`
)
const bundleOptions = { time: 0, iterations: 5, warmupIterations: 1, warmupTime: 0 }

// The sizes are in the task names (a bench measures time: here, the bundler's).
describe("bundle size (esbuild, minified)", () => {
  bench(`baseline: the whole package — ${kb(whole.bytes)}`, async () => {
    await bundleSize(wholePackage)
  }, bundleOptions)
  bench(`evaluate only — ${kb(only.bytes)}`, async () => {
    await bundleSize(evaluateOnly)
  }, bundleOptions)
})
