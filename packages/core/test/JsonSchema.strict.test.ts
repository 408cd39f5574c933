/**
 * The published JSON Schema is as strict as the decoder on the snapshot's
 * structure: every structural fault the decoder refuses, a real JSON Schema
 * 2020-12 validator (ajv/2020, with formats) refuses too. Issue 14: under
 * draft 7, keywords beside `$ref` were ignored, so minutes with `version: 0`
 * or a policy with a negative `sizeMin` passed the schema and failed `check`.
 *
 * The faults are made from the complete example snapshot: every leaf
 * replaced by each value of a fixed list (wrong types, out-of-range numbers,
 * empty strings), and an unknown field added to every object. A fault the
 * schema cannot express is left to the decoder by design and excluded here:
 * the snapshot's cross-field checks (references between entities) run after
 * the structural decode, which is what is compared.
 */
import { Exchange } from "@entre-pairs/core"
import Ajv2020 from "ajv/dist/2020.js"
import addFormats from "ajv-formats"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "vitest"

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), "utf8"))
const published = read("../../../docs/schema/exchange-snapshot.schema.json")
const example = read("../../../docs/examples/exchange-complete.json")

const ajv = new Ajv2020.default({ strict: false, allErrors: false })
addFormats.default(ajv)
const validate = ajv.compile(published)

/** The decoder without the snapshot's cross-field checks (its outer refinements). */
const structural = (() => {
  let ast = Exchange.ExchangeSnapshot.ast
  while (ast._tag === "Refinement") ast = ast.from
  return Schema.decodeUnknownEither(Schema.make(ast), { onExcessProperty: "error" })
})()

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

/** Every path to a leaf, and to every object, of a JSON value. */
const paths = (value: Json, at: ReadonlyArray<string | number> = []): Array<{ path: ReadonlyArray<string | number>; object: boolean }> => {
  if (Array.isArray(value)) return value.flatMap((v, i) => paths(v, [...at, i]))
  if (value !== null && typeof value === "object") {
    return [{ path: at, object: true }, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))]
  }
  return [{ path: at, object: false }]
}

const replaced = (value: Json, path: ReadonlyArray<string | number>, by: (old: Json) => Json): Json => {
  if (path.length === 0) return by(value)
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v))
  const record = value as { readonly [k: string]: Json }
  return { ...record, [head as string]: replaced(record[head as string]!, rest, by) }
}

const wrongValues: ReadonlyArray<Json> = [null, -1, 0, 1.5, "", "not a valid value", true, [], {}]

describe("docs/schema/exchange-snapshot.schema.json is as strict as the decoder", () => {
  it("accepts the example snapshots the decoder accepts", () => {
    assert.isTrue(Either.isRight(structural(example)))
    assert.isTrue(validate(example), JSON.stringify(validate.errors))
  })

  it("refuses every structural fault the decoder refuses (each leaf replaced, an unknown field in each object)", () => {
    const faults: Array<{ readonly what: string; readonly value: Json }> = []
    for (const { object, path } of paths(example)) {
      if (object) faults.push({ what: `${path.join(".")}: unknown field`, value: replaced(example, path, (o) => ({ ...(o as object), zzUnknown: 1 })) })
      else for (const w of wrongValues) faults.push({ what: `${path.join(".")} = ${JSON.stringify(w)}`, value: replaced(example, path, () => w) })
    }
    let refusedByDecoder = 0
    const accepted: Array<string> = []
    for (const fault of faults) {
      if (Either.isRight(structural(fault.value))) continue
      refusedByDecoder++
      if (validate(fault.value)) accepted.push(fault.what)
    }
    assert.isAbove(refusedByDecoder, 1000)
    assert.deepStrictEqual(accepted.slice(0, 200), [], `${accepted.length} faults pass the schema but not the decoder`)
  })

  it("refuses minutes at version 0 and a negative sizeMin (issue 14)", () => {
    const minutesVersion = replaced(example, ["sessions", 0, "minutes", 0, "version"], () => 0)
    assert.isTrue(Either.isLeft(structural(minutesVersion)))
    assert.isFalse(validate(minutesVersion))
    const sizeMin = replaced(example, ["framing"], (f) => ({ ...(f as object), policy: { sizeMin: -1 } }))
    assert.isTrue(Either.isLeft(structural(sizeMin)))
    assert.isFalse(validate(sizeMin))
  })
})
