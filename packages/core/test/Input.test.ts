import { Input } from "@entre-pairs/core"
import * as Either from "effect/Either"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const jsonParses = (text: string) => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const depthOf = (value: unknown): number =>
  Array.isArray(value) ? 1 + Math.max(0, ...value.map(depthOf)) : typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0

describe("Input.parseJson (bounded JSON decoder)", () => {
  it("property: agrees with JSON.parse on every valid JSON text within the depth limit", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "medium" }), (text) => {
        fc.pre(depthOf(JSON.parse(text)) <= Input.defaultLimits.maxDepth)
        const parsed = Input.parseJson(text)
        expect(Either.isRight(parsed)).toBe(true)
        expect(Either.getOrThrow(parsed)).toStrictEqual(JSON.parse(text))
      }),
      { numRuns: 300 }
    )
  })

  it("property: accepts exactly what JSON.parse accepts, on texts one edit away from valid JSON", () => {
    const edited = fc
      .tuple(fc.json({ depthSize: "small" }), fc.nat(), fc.constantFrom("", ",", "]", "}", "[", "{", '"', ":", "0", "-", "e", ".", " ", "\n", "\u0001", "\\", "t", "n"), fc.boolean())
      .map(([text, at, insert, replace]) => {
        const i = text.length === 0 ? 0 : at % text.length
        return text.slice(0, i) + insert + text.slice(replace ? i + 1 : i)
      })
    fc.assert(
      fc.property(edited, (text) => {
        expect(Either.isRight(Input.parseJson(text)), JSON.stringify(text)).toBe(jsonParses(text))
      }),
      { numRuns: 2000 }
    )
  })

  it("refuses nesting deeper than the limit with the line and column of the bracket, without exhausting the stack", () => {
    expect(Either.isRight(Input.parseJson("[".repeat(64) + "]".repeat(64)))).toBe(true)
    const deep = Input.parseJson("[\n" + "[".repeat(1_000_000) + "]".repeat(1_000_001), { source: "deep.json" })
    expect(Either.isLeft(deep)).toBe(true)
    const e = Either.getLeft(deep).pipe((o) => (o._tag === "Some" ? o.value : undefined))!
    expect(e).toMatchObject({ _tag: "InputError", reason: "depth", limit: 64, source: "deep.json", line: 2, column: 64 })
    expect(e.detail.fr).toMatch(/plus de 64 niveaux/)
    expect(e.message).toMatch(/^deep\.json, line 2, column 64: nesting too deep/)
    const objects = Input.parseJson('{"a":'.repeat(10) + "1" + "}".repeat(10), { maxDepth: 5 })
    expect(Either.isLeft(objects) && objects.left.reason).toBe("depth")
  })

  it("names the line and column of a syntax error (columns in characters)", () => {
    const r = Input.parseJson('{\n  "titre": "Échange",\n  "état": ,\n}', { source: "s.json" })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left).toMatchObject({ reason: "syntax", line: 3, column: 11 })
      expect(r.left.detail.fr).toMatch(/caractère « , » inattendu ; attendu : une valeur/)
    }
    const end = Input.parseJson('{"a": [1, 2')
    expect(Either.isLeft(end) && end.left.detail.en).toMatch(/unexpected end of text/)
  })

  it("refuses text over the size limit, naming the limit", () => {
    const r = Input.parseJson(JSON.stringify("x".repeat(2000)), { maxBytes: 1000 })
    expect(Either.isLeft(r) && r.left).toMatchObject({ reason: "size", limit: 1000, line: 1 })
    // Multi-byte characters count as their UTF-8 bytes.
    expect(Either.isLeft(Input.parseJson(JSON.stringify("é".repeat(600)), { maxBytes: 1000 }))).toBe(true)
    expect(Either.isRight(Input.parseJson(JSON.stringify("é".repeat(400)), { maxBytes: 1000 }))).toBe(true)
  })
})

describe("Input.decodeUtf8", () => {
  it("property: accepts exactly the valid UTF-8 byte strings, and the refusal points at the first bad byte", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
      fc
        .tuple(fc.string({ unit: "binary", maxLength: 20 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff }))
        .map(([s, at, b]) => {
          const e = new TextEncoder().encode(s)
          const out = Uint8Array.from(e)
          if (out.length > 0) out[at % out.length] = b
          return out
        })
    )
    fc.assert(
      fc.property(bytes, (b) => {
        let valid = true
        try {
          new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b)
        } catch {
          valid = false
        }
        const r = Input.decodeUtf8(b)
        expect(Either.isRight(r)).toBe(valid)
        if (Either.isLeft(r)) {
          const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0
          // Everything before the offset is valid UTF-8.
          expect(() => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b.subarray(start, r.left.offset))).not.toThrow()
          expect(r.left.reason).toBe("encoding")
        }
      }),
      { numRuns: 1000 }
    )
  })

  it("gives the line and column of a Latin-1 byte, never a replacement character", () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('{\n  "nom": "Lef'), 0xe8, ...new TextEncoder().encode('vre"\n}')])
    const r = Input.decodeJson(bytes, { source: "agents.json" })
    expect(Either.isLeft(r) && r.left).toMatchObject({ reason: "encoding", line: 2, column: 14, source: "agents.json" })
    expect(Either.isLeft(r) && r.left.detail.fr).toMatch(/octet 0xE8 invalide en UTF-8/)
    expect(Either.getOrThrow(Input.decodeUtf8(new TextEncoder().encode("\uFEFFÉlodie")))).toBe("Élodie")
  })
})

describe("Input.excerpt", () => {
  it("cuts a long value and says how much was left out", () => {
    expect(Input.excerpt("court")).toBe("court")
    const long = Input.excerpt("x".repeat(20_000_000))
    expect(long.length).toBeLessThan(100)
    expect(long).toMatch(/… \(\+19999920\)$/)
  })
})
