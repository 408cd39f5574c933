/**
 * What a bundler keeps of core for one use: an application that only
 * evaluates snapshots must not carry the model's schemas, the decider or the
 * composer (issue 14: at most half of the 439 KB a whole-package bundle took).
 * Bundles the built package (`pnpm run build` first; the test command does)
 * with esbuild, minified, as an application's bundler would.
 */
import { build } from "esbuild"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "vitest"
import { Agent } from "@entre-pairs/core"

const root = join(import.meta.dirname, "..")

/** Minified ESM bundle of `code` (resolved from the package), in bytes. */
export const bundleSize = async (code: string): Promise<{ readonly bytes: number; readonly inputs: ReadonlyArray<string> }> => {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    write: false,
    metafile: true,
    logLevel: "silent"
  })
  // The modules that left code in the bundle (the metafile also lists those shaken to nothing).
  const output = Object.values(result.metafile.outputs)[0]!
  const inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path)
  return { bytes: result.outputFiles[0]!.contents.byteLength, inputs }
}

describe("bundle size", () => {
  it("an evaluate-only application bundles to at most 219 KB minified, without the schemas", async () => {
    assert.isTrue(existsSync(join(root, "dist", "Evaluate.js")), "build core first: pnpm run build")
    const { bytes, inputs } = await bundleSize(
      `import { evaluate } from "@entre-pairs/core/Evaluate"
       import * as DateTime from "effect/DateTime"
       export const run = (s) => evaluate(s, { at: DateTime.unsafeMake("2026-01-01T00:00:00Z") })`
    )
    assert.isAtMost(bytes, 219 * 1024)
    assert.isFalse(inputs.some((i) => i.endsWith("effect/dist/esm/SchemaAST.js")), "effect/Schema is in the bundle")
    assert.isFalse(inputs.some((i) => i.includes("Decider") || i.includes("Composer")))
  })

  it("the profile categories are the schemas' literals", () => {
    assert.deepStrictEqual(Agent.dimensionCategories, {
      ageBand: Agent.AgeBand.literals,
      seniorityBand: Agent.SeniorityBand.literals,
      sex: Agent.Sex.literals,
      status: Agent.EmploymentStatus.literals,
      functionHeld: Agent.FunctionHeld.literals
    })
  })
})
