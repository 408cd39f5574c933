#!/usr/bin/env node
// The subpath exports of a package built one file per module: one entry per
// public module re-exported by src/index.ts (`export * as X from "./X.js"`,
// `export * from "./X.js"`), each with its ESM and CommonJS files and types.
//
//   node ../../scripts/subpath-exports.mjs          checks package.json (exit 1 if it differs)
//   node ../../scripts/subpath-exports.mjs --write  rewrites its "exports"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

const cwd = process.cwd()
const index = readFileSync(join(cwd, "src", "index.ts"), "utf8")
const modules = [...index.matchAll(/export\s+(?:\*|\*\s+as\s+\w+|\{[^}]*\})\s+from\s+"\.\/([A-Za-z0-9]+)\.js"/g)].map((m) => m[1])
const entry = (name) => ({
  import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
  require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` }
})
const exports = { ".": entry("index") }
for (const name of [...new Set(modules)].sort()) exports[`./${name}`] = entry(name)
exports["./internal/*"] = null
exports["./package.json"] = "./package.json"

const path = join(cwd, "package.json")
const pkg = JSON.parse(readFileSync(path, "utf8"))
if (process.argv.includes("--write")) {
  pkg.exports = exports
  writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n")
  console.log(`${pkg.name}: ${Object.keys(exports).length - 2} entry points`)
} else if (JSON.stringify(pkg.exports) !== JSON.stringify(exports)) {
  console.error(`✗ ${pkg.name}: package.json "exports" does not list the modules of src/index.ts — run: node ../../scripts/subpath-exports.mjs --write`)
  process.exit(1)
} else console.log(`✓ ${pkg.name}: subpath exports match src/index.ts`)
