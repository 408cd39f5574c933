// @ts-check
/**
 * Mutation testing of the core's rules, decider and views (`pnpm test:mutation`).
 * See docs/testing.md, section "Mutation testing".
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  packageManager: "pnpm",
  testRunner: "vitest",
  // Under pnpm the runner is not beside @stryker-mutator/core, where Stryker
  // looks for "@stryker-mutator/*" plugins: name it by its resolved URL.
  plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "packages/core/src/internal/rules/**/*.ts",
    "packages/core/src/internal/decide/**/*.ts",
    "packages/core/src/Decider.ts",
    "packages/core/src/internal/views/**/*.ts"
  ],
  // The sandbox needs the core package, its tests and the example snapshot
  // they read (docs/examples); the other packages are not copied.
  ignorePatterns: ["packages/adapters-sql", "packages/adapters-docs", "packages/cli-demo", "reports", "*.db", ".stryker-tmp*"],
  reporters: ["clear-text", "progress", "html", "json"],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true, skipFull: false },
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // Incremental mode: only mutants whose code or covering tests changed are
  // run again; the rest are read from this file (git-ignored, per machine).
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  concurrency: 2,
  timeoutMS: 60_000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true
}
