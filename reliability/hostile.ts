/**
 * The hostile input generator of the reliability campaign: valid inputs
 * (snapshots, commands, agent files) mutated the ways careless or hostile
 * integrators do — wrong types, huge strings, deep nesting, invalid UTF-8,
 * control and invisible characters, impossible dates, missing and unknown
 * fields, truncation — from a seeded generator, so a failing run replays.
 */

export type Random = () => number

const pick = <A>(rnd: Random, xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)]!

/** Characters people paste, and characters no text should hold. */
export const hostileChars = [
  "\u0000", "\u0001", "\u0007", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u0090", "\u00ad", "\u200b", "\u200c", "\u200d",
  "\u200e", "\u2028", "\u2029", "\u202e", "\u2060", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udc00", "\u{e0041}", "\ufb01", "\u0153",
  "\r\n", "\n", "\t", "\"", "\\", "<", "&", "]]>", "${x}", "%s", "'; DROP TABLE events; --", "\u{1f91d}", "e\u0301"
]

export const impossibleDates = [
  "2026-02-30T10:00:00.000Z", "2027-02-29T10:00:00Z", "2026-04-31T09:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
  "2026-10-10T24:60:00Z", "2026-10-10T23:59:60Z", "+275760-09-13T00:00:00.001Z", "-000001-01-01T00:00:00Z", "2026-10-10",
  "10/10/2026", "", "2026-10-10T10:00:00+25:00", "NaN", "2026-1O-10T10:00:00Z"
]

/**
 * Frozen, with its objects: a mutation inserts a copy (structuredClone),
 * never the instance, since `set` writes in place and a later mutation could
 * otherwise write into this list (it once made `{}` contain itself).
 */
const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === "object") for (const v of Object.values(Object.freeze(value))) deepFreeze(v)
  return value
}
const wrongValues: ReadonlyArray<unknown> = deepFreeze([42, -1, 1e308, 0.5, true, false, null, [], {}, "", "x", [1, "a"], { _tag: "Propose" }, -0])

/** A long string: mostly 3,000 characters (15 times the longest name or title), sometimes 2 MB. */
const huge = (rnd: Random): string => {
  const length = rnd() < 0.002 ? 2_000_000 : 3_000
  return pick(rnd, ["é", "x", "Lefèvre ", "\u200b", "a\u0000"]).repeat(length).slice(0, length)
}

type Json = unknown

/** Every path to a value inside `value` (objects and arrays walked). */
const paths = (value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> => {
  out.push(prefix)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out))
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
  return out
}

const get = (value: Json, path: ReadonlyArray<string | number>): Json =>
  path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], value)

const set = (root: Json, path: ReadonlyArray<string | number>, f: (v: Json) => Json): Json => {
  if (path.length === 0) return f(root)
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>
  parent[path[path.length - 1]!] = f(parent[path[path.length - 1]!])
  return root
}

const removeAt = (root: Json, path: ReadonlyArray<string | number>): Json => {
  if (path.length === 0) return undefined
  const parent = get(root, path.slice(0, -1))
  const key = path[path.length - 1]!
  if (Array.isArray(parent)) parent.splice(key as number, 1)
  else delete (parent as Record<string, Json>)[key as string]
  return root
}

const DEEP = "__reliability_deep_"

export type Mutation =
  | "wrongType" | "hugeString" | "deepNesting" | "controlChars" | "impossibleDate" | "missingField" | "unknownField"
  | "invalidUtf8" | "truncated" | "bom"

const structural: ReadonlyArray<Mutation> = ["wrongType", "hugeString", "deepNesting", "controlChars", "impossibleDate", "missingField", "unknownField"]

/** Applies 1 to 3 mutations to a JSON value; returns the bytes and the mutations applied. */
export const mutateJson = (rnd: Random, valid: Json): { readonly bytes: Uint8Array; readonly mutations: ReadonlyArray<Mutation> } => {
  let value: Json = structuredClone(valid)
  const applied: Array<Mutation> = []
  const count = 1 + Math.floor(rnd() * 3)
  for (let m = 0; m < count; m++) {
    const mutation = pick(rnd, structural)
    const all = paths(value)
    const strings = all.filter((p) => typeof get(value, p) === "string")
    applied.push(mutation)
    switch (mutation) {
      case "wrongType":
        value = set(value, pick(rnd, all), () => structuredClone(pick(rnd, wrongValues)))
        break
      case "hugeString":
        value = set(value, pick(rnd, strings.length > 0 ? strings : all), () => huge(rnd))
        break
      case "deepNesting":
        value = set(value, pick(rnd, all), () => `${DEEP}${pick(rnd, [65, 200, 5_000, 100_000])}`)
        break
      case "controlChars": {
        const path = pick(rnd, strings.length > 0 ? strings : all)
        value = set(value, path, (v) => {
          const s = typeof v === "string" ? v : "texte"
          const at = Math.floor(rnd() * (s.length + 1))
          return s.slice(0, at) + pick(rnd, hostileChars) + s.slice(at)
        })
        break
      }
      case "impossibleDate": {
        const dates = strings.filter((p) => /^\d{4}-\d\d-\d\dT/.test(get(value, p) as string))
        value = set(value, pick(rnd, dates.length > 0 ? dates : all), () => pick(rnd, impossibleDates))
        break
      }
      case "missingField": {
        const inner = all.filter((p) => p.length > 0)
        if (inner.length > 0) value = removeAt(value, pick(rnd, inner))
        break
      }
      case "unknownField": {
        const objects = all.filter((p) => { const v = get(value, p); return v !== null && typeof v === "object" && !Array.isArray(v) })
        if (objects.length > 0) value = set(value, pick(rnd, objects), (v) => ({ ...(v as object), [pick(rnd, ["extra", "__proto__", "constructor", "_tag2", "nom"])]: structuredClone(pick(rnd, wrongValues)) }))
        break
      }
    }
  }
  let text = JSON.stringify(value) ?? "null"
  text = text.replace(new RegExp(`"${DEEP}(\\d+)"`, "g"), (_, d: string) => "[".repeat(Number(d)) + "]".repeat(Number(d)))
  let bytes: Uint8Array = new TextEncoder().encode(text)
  if (rnd() < 0.25) {
    const byteLevel = pick(rnd, ["invalidUtf8", "truncated", "bom"] as const)
    applied.push(byteLevel)
    bytes = mutateBytes(rnd, bytes, byteLevel)
  }
  return { bytes, mutations: applied }
}

const invalidSequences = [[0xff], [0xc3, 0x28], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xe8]]

export const mutateBytes = (rnd: Random, bytes: Uint8Array, how: "invalidUtf8" | "truncated" | "bom"): Uint8Array => {
  const at = Math.floor(rnd() * (bytes.length + 1))
  switch (how) {
    case "invalidUtf8": {
      const seq = pick(rnd, invalidSequences)
      return Uint8Array.from([...bytes.subarray(0, at), ...seq, ...bytes.subarray(at)])
    }
    case "truncated":
      return bytes.subarray(0, Math.max(0, at - 1))
    case "bom":
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])
  }
}

/** An agents CSV with hostile cells, rows or bytes. */
export const mutateCsv = (rnd: Random, header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): { readonly bytes: Uint8Array; readonly mutations: ReadonlyArray<string> } => {
  const table = [[...header], ...rows.map((r) => [...r])]
  const applied: Array<string> = []
  const count = 1 + Math.floor(rnd() * 3)
  for (let m = 0; m < count; m++) {
    const row = 1 + Math.floor(rnd() * (table.length - 1))
    const col = Math.floor(rnd() * header.length)
    const mutation = pick(rnd, ["cell", "hugeCell", "controlChars", "unbalancedQuote", "extraColumns", "missingColumns", "emptyRow", "header", "separator"] as const)
    applied.push(mutation)
    switch (mutation) {
      case "cell":
        table[row]![col] = String(pick(rnd, [...wrongValues.map((v) => JSON.stringify(v)), ...impossibleDates, "Z", "-1", "999 ans"]))
        break
      case "hugeCell":
        table[row]![col] = huge(rnd)
        break
      case "controlChars":
        table[row]![col] = `${table[row]![col]}${pick(rnd, hostileChars)}`
        break
      case "unbalancedQuote":
        table[row]![col] = `"${table[row]![col]}`
        break
      case "extraColumns":
        table[row]!.push("en trop", "encore")
        break
      case "missingColumns":
        table[row]!.splice(col, 1)
        break
      case "emptyRow":
        table[row] = [""]
        break
      case "header":
        table[0]![col] = pick(rnd, ["", "Nom", "???", "Sexe\u200b", "NOM ", "id;id"])
        break
      case "separator":
        table[row] = [table[row]!.join(pick(rnd, [",", "\t", "|"]))]
        break
    }
  }
  let bytes: Uint8Array = new TextEncoder().encode(table.map((r) => r.join(";")).join(pick(rnd, ["\n", "\r\n", "\r"])))
  if (rnd() < 0.25) {
    const how = pick(rnd, ["invalidUtf8", "truncated", "bom"] as const)
    applied.push(how)
    bytes = mutateBytes(rnd, bytes, how)
  }
  return { bytes, mutations: applied }
}
