#!/usr/bin/env node
// Writes docs/schema/exchange-snapshot.schema.json from the built core
// package (`Exchange.jsonSchema()`): the JSON Schema of the exchange snapshot,
// generated from the same effect Schema that decodes it.
// Usage: pnpm run build && node scripts/gen-schema.mjs
import { writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..")
export const schemaPath = join(root, "docs", "schema", "exchange-snapshot.schema.json")

/** Loads the built core package, or explains how to build it. */
export const loadCore = async () => {
  const dist = join(root, "packages", "core", "dist", "index.js")
  try {
    return await import(pathToFileURL(dist).href)
  } catch (error) {
    console.error(`cannot load ${dist}: build the core package first (pnpm run build)\n${error}`)
    process.exit(2)
  }
}

/** The committed form of the JSON Schema. */
export const renderSchema = (core) => `${JSON.stringify(core.Exchange.jsonSchema(), null, 2)}\n`

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const core = await loadCore()
  writeFileSync(schemaPath, renderSchema(core))
  console.log(`wrote ${schemaPath}`)
}
