#!/usr/bin/env node
// Builds a package one file per module, not bundled: `dist/X.js` (ESM) and
// `dist/X.cjs` (CommonJS) for every `src/X.ts`, with source maps. Each public
// module is then its own entry point (`@entre-pairs/core/Evaluate`), the ESM
// and CommonJS builds each have one instance of every module (a class is the
// same class whichever entry point loaded it), and a bundler with
// `sideEffects: false` drops the modules an application does not use.
// Top-level calls in assignments (`const X = Schema.Struct(…)`, `class X
// extends Schema.Class(…)`) are annotated `/* @__PURE__ */` with
// babel-plugin-annotate-pure-calls, as Effect's own build does, so that a
// bundler drops the schemas an application does not use.
// Declarations come from scripts/build-dts.mjs. See docs/decisions/0007.
//
// Usage (from a package directory): node ../../scripts/build-modules.mjs
import { transformAsync } from "@babel/core"
import { build } from "esbuild"
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"

const cwd = process.cwd()
const src = join(cwd, "src")
const out = join(cwd, "dist")

const sources = []
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) sources.push(path)
  }
}
walk(src)

rmSync(out, { recursive: true, force: true })
const common = {
  entryPoints: sources,
  outdir: out,
  outbase: src,
  bundle: false,
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning"
}
await build({ ...common, format: "esm" })
await build({ ...common, format: "cjs", outExtension: { ".js": ".cjs" } })

const built = []
const walkOut = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walkOut(path)
    else if (name.endsWith(".cjs") || name.endsWith(".js")) built.push(path)
  }
}
walkOut(out)
for (const file of built) {
  const text = readFileSync(file, "utf8")
  if (file.endsWith(".cjs")) {
    // Relative imports in the CommonJS files point at their CommonJS twins.
    const fixed = text.replace(/require\((["'])(\.{1,2}\/[^"']+?)\.js\1\)/g, "require($1$2.cjs$1)")
    if (fixed !== text) writeFileSync(file, fixed)
  } else {
    const map = JSON.parse(readFileSync(`${file}.map`, "utf8"))
    const result = await transformAsync(text, {
      filename: file,
      babelrc: false,
      configFile: false,
      plugins: ["annotate-pure-calls"],
      inputSourceMap: map,
      sourceMaps: true,
      retainLines: true
    })
    const base = file.slice(file.lastIndexOf("/") + 1)
    writeFileSync(file, `${result.code.replace(/\n\/\/# sourceMappingURL=.*$/, "")}\n//# sourceMappingURL=${base}.map\n`)
    writeFileSync(`${file}.map`, JSON.stringify({ ...result.map, file: base, sources: map.sources }))
  }
}
console.log(`built ${sources.length} modules (ESM + CommonJS) in ${relative(process.cwd(), out) || "."}`)
