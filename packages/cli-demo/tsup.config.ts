import { readFileSync } from "node:fs"
import { defineConfig } from "tsup"

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string }

export default defineConfig([
  // The library entry: command definitions for reuse and tests.
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: false,
    sourcemap: true,
    splitting: false,
    clean: false,
    target: "node20",
    tsconfig: "tsconfig.build.json",
    // The CommonJS build gets import.meta.url from tsup's shim (the demo finds
    // its render worker next to the module).
    shims: true,
    define: { __CLI_VERSION__: JSON.stringify(version) }
  },
  // The bin: effect, @effect/* and the workspace packages bundled in for a
  // fast cold start; handlers, drivers and renderers split into chunks that
  // load on demand. Native and optional drivers stay external.
  {
    entry: { bin: "src/bin.ts", "render-worker": "src/internal/RenderWorker.ts" },
    format: ["esm"],
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    tsconfig: "tsconfig.build.json",
    noExternal: [/^(?!better-sqlite3|pg-native|highs|@entre-pairs\/adapters-docs)/],
    external: ["better-sqlite3", "pg-native", "highs", "@entre-pairs/adapters-docs"],
    define: { __CLI_VERSION__: JSON.stringify(version) },
    esbuildOptions(options) {
      options.chunkNames = "chunks/[name]-[hash]"
    },
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" }
  }
])
