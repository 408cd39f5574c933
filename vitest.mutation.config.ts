import { fileURLToPath } from "node:url"
import { BaseSequencer, type TestSpecification } from "vitest/node"
import { defineConfig } from "vitest/config"

/**
 * The vitest configuration Stryker runs (`pnpm test:mutation`, see
 * stryker.config.mjs and docs/testing.md). Only the core package's tests that
 * exercise the mutated code (rules, decider, views) and are deterministic: the
 * fast-check properties over generated cycles (Properties, Lifecycle.model,
 * Views.property) draw a new seed each run and take most of the core suite's
 * time, so a mutant they would kill by chance is not counted as killed; the
 * example-based tests, including packages/core/test/mutants/**, must kill it.
 * Tables.test.ts and ReleaseFields.test.ts play the example cycle while they
 * are collected (outside any test): Stryker would then see every rule and
 * decider mutant as "static" and run the whole suite for each one.
 */
const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

/**
 * The targeted tests of test/mutants/ first (small and fast): with bail, a
 * mutant they kill costs one file, not the whole list of covering files.
 */
class MutantsFirst extends BaseSequencer {
  override async sort(files: Array<TestSpecification>): Promise<Array<TestSpecification>> {
    const sorted = await super.sort(files)
    const first = (f: TestSpecification) => (f.moduleId.includes("/test/mutants/") ? 0 : 1)
    return [...sorted].sort((a, b) => first(a) - first(b))
  }
}

export default defineConfig({
  resolve: { alias: { "@entre-pairs/core": src("core") } },
  test: {
    root: "packages/core",
    include: [
      "test/Rules*.test.ts",
      "test/Evaluate.test.ts",
      "test/Example.test.ts",
      "test/Registry.test.ts",
      "test/Policy.test.ts",
      "test/Diversity.test.ts",
      "test/Lifecycle.test.ts",
      "test/ExchangeService.test.ts",
      "test/Cnf06.regression.test.ts",
      "test/mutants/**/*.test.ts"
    ],
    // One module graph for all files and runs: mutants are switched at run
    // time (Stryker's mutant switching), so re-importing effect and the core
    // for every file of every mutant run would only cost time.
    isolate: false,
    sequence: { sequencer: MutantsFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    passWithNoTests: false
  }
})
