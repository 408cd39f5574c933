/**
 * The CNF-06 name scan of everything the complete example has released
 * (minutes, conclusions, review: every field of the one list), for its
 * participants.
 *
 * Baseline, in the same run: folding each released text once (`Text.fold`:
 * compatibility forms, invisible characters, case, accents) — the floor any
 * scanner that survives pasted text pays, before looking for a single name.
 * The ratios say what finding the names adds: `cold` scans texts never seen
 * (each made unique), `warm` the same texts again, as every later command,
 * `check` and view does (the hits are remembered per set of names).
 *
 * Run: npx vitest bench --run --project core bench/names.bench.ts
 */
import { Exchange, Names, Text } from "@entre-pairs/core"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { bench, describe } from "vitest"
import * as Release from "../src/internal/release.js"

const snapshot = Exchange.decodeSync(
  JSON.parse(readFileSync(fileURLToPath(new URL("../../../docs/examples/exchange-complete.json", import.meta.url)), "utf8"))
)
const texts = Release.released(snapshot).flatMap((scope) => Release.fields(snapshot, scope).map((f) => f.text))
if (texts.length < 20) throw new Error(`the example releases ${texts.length} texts only`)
const people = Release.people(snapshot)
const long = `${texts.join(" ")} `.repeat(40)

const options = { time: 2000, warmupTime: 500 }
let n = 0

describe("CNF-06 scan of the released texts of the complete example", () => {
  bench("baseline: fold each text once", () => {
    n++
    for (const t of texts) Text.fold(`${t} ${n}`)
  }, options)
  bench("scan, texts never seen (cold)", () => {
    n++
    const scanner = Names.compile(people)
    for (const t of texts) scanner.find(`${t} ${n}`)
  }, options)
  bench("scan, the same texts again (warm)", () => {
    const scanner = Names.compile(people)
    for (const t of texts) scanner.find(t)
  }, options)
})

describe(`CNF-06 scan of one long text (${long.length} characters)`, () => {
  bench("baseline: fold the text once", () => {
    n++
    Text.fold(`${long}${n}`)
  }, options)
  bench("scan it (cold)", () => {
    n++
    Names.compile(people).find(`${long}${n}`)
  }, options)
})
