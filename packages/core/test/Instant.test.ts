import { Command, Exchange, Instant } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { readFileSync } from "node:fs"

const decode = Schema.decodeUnknownEither(Instant.Instant)

describe("Instant: strict ISO 8601 dates", () => {
  it("refuses impossible dates instead of shifting them (30 February, 31 April, 29 February of a common year, 24:60)", () => {
    for (const input of ["2026-02-30", "2026-02-30T10:00:00Z", "2026-04-31T00:00:00Z", "2027-02-29", "2026-02-10T24:00:00Z", "2026-02-10T23:60:00Z", "2026-02-10T10:00:60Z", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-10T10:00:00+25:00"]) {
      expect(Either.isLeft(decode(input)), input).toBe(true)
      expect(Either.isLeft(Instant.parse(input)), input).toBe(true)
    }
    const why = Instant.parse("2026-02-30T10:00:00Z")
    expect(Either.isLeft(why) && why.left.fr).toMatch(/le 30 février 2026 n'existe pas/)
    expect(Either.isLeft(why) && why.left.en).toMatch(/30 February 2026 does not exist/)
  })

  it("refuses what is not ISO 8601 (words, slashes), quoting a long input in short", () => {
    for (const input of ["March 3, 2026", "03/02/2026", "2026-3-2", "", "2026-02-10T10", "tomorrow"]) expect(Either.isLeft(decode(input)), input).toBe(true)
    const long = Instant.parse("2026-02-10" + "x".repeat(10_000_000))
    expect(Either.isLeft(long) && long.left.fr.length).toBeLessThan(200)
  })

  it("accepts dates, date-times with or without seconds, fractions and offsets, as the same instants as before", () => {
    const cases: Array<[string, string]> = [
      ["2026-12-03", "2026-12-03T00:00:00.000Z"],
      ["2026-12-03T13:30", "2026-12-03T13:30:00.000Z"],
      ["2026-12-03T13:30:00Z", "2026-12-03T13:30:00.000Z"],
      ["2026-12-03T13:30:00.5Z", "2026-12-03T13:30:00.500Z"],
      ["2026-12-03T14:30:00+01:00", "2026-12-03T13:30:00.000Z"],
      ["2026-12-03T08:30:00-0500", "2026-12-03T13:30:00.000Z"],
      ["2028-02-29T09:00:00Z", "2028-02-29T09:00:00.000Z"],
      ["2000-02-29", "2000-02-29T00:00:00.000Z"]
    ]
    for (const [input, expected] of cases) expect(DateTime.formatIso(Either.getOrThrow(decode(input))), input).toBe(expected)
    expect(Either.isLeft(decode("1900-02-29"))).toBe(true)
  })

  it("property: every instant round-trips through its encoded form", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 11, 31) }), (ms) => {
        const at = DateTime.unsafeMake(ms)
        const encoded = Schema.encodeSync(Instant.Instant)(at)
        expect(Either.getOrThrow(decode(encoded)).epochMillis).toBe(ms)
      }),
      { numRuns: 500 }
    )
  })

  it("property: a calendar date is accepted exactly when it exists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
        const exists = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d
        expect(Either.isRight(decode(text)), text).toBe(exists)
      }),
      { numRuns: 1000 }
    )
  })

  it("a command dated 30 February is refused with the path of the date, never stored as 2 March", () => {
    const decoded = Schema.decodeUnknownEither(Command.ExchangeCommand)({ _tag: "Propose", exchangeId: "ech-1", title: "T", by: "agents", at: "2026-02-30T10:00:00Z" })
    expect(Either.isLeft(decoded)).toBe(true)
    if (Either.isLeft(decoded)) {
      const faults = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
      expect(faults.some((f) => f.path.join(".") === "at" && /30 février/.test(f.message))).toBe(true)
    }
  })

  it("a snapshot with an impossible date is refused with the path", () => {
    const encoded = JSON.parse(readFileSync(new URL("../../../docs/examples/exchange-complete.json", import.meta.url), "utf8")) as { sessions: Array<{ scheduledAt: string }> }
    expect(Either.isRight(Exchange.decode(encoded))).toBe(true)
    encoded.sessions[1]!.scheduledAt = "2026-11-31T09:00:00Z"
    const decoded = Exchange.decode(encoded)
    expect(Either.isLeft(decoded)).toBe(true)
    if (Either.isLeft(decoded)) expect(decoded.left.faults.some((f) => f.path.join(".") === "sessions.1.scheduledAt")).toBe(true)
  })
})
