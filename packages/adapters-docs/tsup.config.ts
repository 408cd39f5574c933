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
  // docx is bundled: its published dependencies (nanoid 6, @types/node 26)
  // warn on Node 20 and would put another @types/node in an application;
  // its own build already inlines them. See docs/decisions/0006.
  noExternal: ["docx"],
  tsconfig: "tsconfig.build.json"
})
