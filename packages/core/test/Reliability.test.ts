/**
 * Holes found by the reliability campaign (`pnpm test:reliability`) in core,
 * closed at their root; each test failed before its fix.
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Decider, Exchange, ExchangeId, Instant } from "../src/index.js"

describe("reliability: core boundaries", () => {
  it("reliability: Exchange.decode quotes a huge value (5 MB) as an excerpt, never in full", () => {
    const result = Exchange.decode({ id: "ech-1", title: "T", state: "x".repeat(5_000_000) })
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left.message.length).toBeLessThan(5_000)
      expect(result.left.faults.map((f) => f.path)).toEqual([["state"]])
    }
  })

  it("reliability: the decider refuses NUL and unpaired surrogates in any text with its path (InvalidCommand), before any store", () => {
    const at = Instant.unsafeMake("2026-09-01T08:00:00Z")
    for (const title of ["Accueil\u0000", "Accueil \ud800", "\udc00"]) {
      const result = Decider.decideAt({ _tag: "Propose", exchangeId: ExchangeId.make("ech-1"), title, by: "agents" }, Decider.initialState, at)
      expect(Either.isLeft(result)).toBe(true)
      if (Either.isLeft(result)) {
        expect(result.left._tag).toBe("InvalidCommand")
        expect(result.left._tag === "InvalidCommand" ? result.left.path : []).toEqual(["title"])
      }
    }
    const fine = Decider.decideAt({ _tag: "Propose", exchangeId: ExchangeId.make("ech-1"), title: "Accueil 🤝 des usagers", by: "agents" }, Decider.initialState, at)
    expect(Either.isRight(fine)).toBe(true)
  })
})
