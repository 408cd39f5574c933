#!/usr/bin/env node
// Fails when a generated document differs from what its generator produces
// from the built core package: docs/rules/README.md (scripts/gen-rule-docs.mjs)
// docs/schema/exchange-snapshot.schema.json (scripts/gen-schema.mjs) and
// docs/commands.md (scripts/gen-command-docs.mjs).
// Run by `pnpm run check:docs` after `pnpm run build`.
import { existsSync, readFileSync } from "node:fs"
import { relative } from "node:path"
import { renderRuleDocs, rulesPath } from "./gen-rule-docs.mjs"
import { commandsPath, renderCommandDocs } from "./gen-command-docs.mjs"
import { loadCore, renderSchema, root, schemaPath } from "./gen-schema.mjs"

const core = await loadCore()
const checks = [
  { path: rulesPath, expected: renderRuleDocs(core), fix: "pnpm run build && node scripts/gen-rule-docs.mjs" },
  { path: schemaPath, expected: renderSchema(core), fix: "pnpm run build && node scripts/gen-schema.mjs" },
  { path: commandsPath, expected: renderCommandDocs(core), fix: "pnpm run build && node scripts/gen-command-docs.mjs" }
]
let failed = 0
for (const { path, expected, fix } of checks) {
  const name = relative(root, path)
  if (!existsSync(path)) {
    console.error(`✗ ${name} is missing — generate it: ${fix}`)
    failed++
    continue
  }
  const actual = readFileSync(path, "utf8")
  if (actual !== expected) {
    const a = actual.split("\n")
    const e = expected.split("\n")
    let line = 0
    while (line < Math.max(a.length, e.length) && a[line] === e[line]) line++
    console.error(`✗ ${name} is out of date (first difference at line ${line + 1}) — regenerate it: ${fix}`)
    console.error(`    committed: ${a[line] ?? "(end of file)"}`)
    console.error(`    generated: ${e[line] ?? "(end of file)"}`)
    failed++
  } else console.log(`✓ ${name}`)
}
process.exit(failed === 0 ? 0 : 1)
