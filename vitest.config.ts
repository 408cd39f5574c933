import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const setup = fileURLToPath(new URL("./vitest.setup.ts", import.meta.url))

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url))

// Tests and benchmarks run against the sources of sibling packages (not their
// dist), so a change in core is seen by the adapters' tests without a rebuild.
const alias = {
  "@entre-pairs/core": src("core"),
  "@entre-pairs/adapters-sql": src("adapters-sql"),
  "@entre-pairs/adapters-docs": src("adapters-docs")
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: ["core", "adapters-sql", "adapters-docs", "cli-demo"].map((name) => ({
      resolve: { alias },
      test: {
        name,
        root: `packages/${name}`,
        include: ["test/**/*.test.ts"],
        benchmark: { include: ["bench/**/*.bench.ts"] },
        testTimeout: 60_000,
        hookTimeout: 120_000,
        setupFiles: [setup]
      }
    })),
    passWithNoTests: true,
    reporters: ["default"]
  }
})
