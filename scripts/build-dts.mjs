#!/usr/bin/env node
// Emits each package's type declarations with tsc, one file per module, as
// `.d.ts` (ESM, for the "import" condition) and `.d.cts` (for "require").
//
// Why not tsup's bundled `dts`: its declaration bundler drops the value side
// of a name that is both a value and a type in a re-exported namespace
// (`export const Agent = Schema.Struct(…)` + `export interface Agent …`), so
// consumers could not use `Exchange.ExchangeSnapshot` as a schema. See
// docs/decisions/0001-declarations-with-tsc.md.
//
// Usage (from a package directory): node ../../scripts/build-dts.mjs
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"

const cwd = process.cwd()
const require = createRequire(join(cwd, "package.json"))
const tsc = require.resolve("typescript/bin/tsc")
const out = join(cwd, "dist")

execFileSync(
  process.execPath,
  [tsc, "-p", "tsconfig.build.json", "--noEmit", "false", "--declaration", "--emitDeclarationOnly", "--declarationMap", "false", "--outDir", out],
  { stdio: "inherit", cwd }
)

const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8")
      // Relative specifiers point at the CommonJS twins.
      const cts = text.replace(/(from\s+|import\()(["'])(\.{1,2}\/[^"']+?)\.js\2/g, "$1$2$3.cjs$2")
      writeFileSync(path.replace(/\.d\.ts$/, ".d.cts"), cts)
    }
  }
}
walk(out)
// tsc may leave a build-info file when the project is composite: not shipped.
rmSync(join(out, "tsconfig.build.tsbuildinfo"), { force: true })
