/**
 * An instant in time, stored and exchanged as a UTC ISO-8601 string
 * (`2026-12-03T13:30:00.000Z`) and held in memory as an Effect `DateTime.Utc`.
 * Documents show instants in Europe/Paris; storage and the snapshot never
 * carry a local time.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Schema from "effect/Schema"

/**
 * Schema of an instant: decodes an ISO-8601 string into a `DateTime.Utc` and
 * encodes it back as UTC ISO-8601.
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const at = Schema.decodeUnknownSync(Instant.Instant)("2026-12-03T13:30:00Z")
 * @since 0.1.0
 */
export const Instant = Schema.DateTimeUtc.annotations({
  identifier: "Instant",
  description: "an instant, as a UTC ISO-8601 string",
  jsonSchema: { type: "string", format: "date-time" },
  arbitrary: () => (fc) =>
    fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) })
      .map((ms) => DateTime.unsafeMake(ms))
})
/** @since 0.1.0 */
export type Instant = DateTime.Utc

/**
 * Milliseconds since the epoch of an instant (the fast path the rules use).
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * import * as DateTime from "effect/DateTime"
 * Instant.millis(DateTime.unsafeMake(0)) // 0
 * @since 0.1.0
 */
export const millis = (instant: DateTime.Utc): number => instant.epochMillis

/**
 * Builds an instant from an ISO string or epoch milliseconds; throws on an
 * invalid input (use the Schema to decode untrusted input).
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * const at = Instant.unsafeMake("2026-12-03T13:30:00Z")
 * @since 0.1.0
 */
export const unsafeMake = (input: string | number | Date): DateTime.Utc => DateTime.unsafeMake(input)

/**
 * Builds an instant from epoch milliseconds.
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * Instant.make(0)
 * @since 0.1.0
 */
export const make = (epochMillis: number): DateTime.Utc => DateTime.unsafeMake(epochMillis)
