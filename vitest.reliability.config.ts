import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

// The reliability campaign (`pnpm test:reliability`, docs/testing.md): a few
// long tests, each printing one figure line (RELIABILITY …) and failing when
// a figure misses its bar. In-process code runs against the sources, like the
// unit tests; the OS processes it starts (writers, the CLI) run the built
// packages, so `pnpm run build` comes first (the script does it).
const alias = {
  "@entre-pairs/core": src("core"),
  "@entre-pairs/adapters-sql": src("adapters-sql"),
  "@entre-pairs/adapters-docs": src("adapters-docs"),
  "@entre-pairs/cli-demo": src("cli-demo")
}

export default defineConfig({
  resolve: { alias },
  test: {
    name: "reliability",
    include: ["reliability/**/*.reliability.ts"],
    // Two cores: two files at a time. Long loops yield to the event loop
    // (see reliability/support.ts), so the worker's RPC is never starved.
    maxWorkers: 2,
    minWorkers: 1,
    pool: "forks",
    testTimeout: 600_000,
    hookTimeout: 120_000,
    reporters: ["default", "./reliability/figures-reporter.ts"]
  }
})
