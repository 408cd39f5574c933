import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20",
  // internal/fonts.ts resolves the DejaVu TTF files with import.meta.url.
  shims: true,
  tsconfig: "tsconfig.build.json"
})
