/**
 * An instant in time, stored and exchanged as a UTC ISO-8601 string
 * (`2026-12-03T13:30:00.000Z`) and held in memory as an Effect `DateTime.Utc`.
 * Documents show instants in Europe/Paris; storage and the snapshot never
 * carry a local time.
 *
 * Decoding is strict: ISO 8601 only (`2026-12-03`, `2026-12-03T13:30`,
 * `2026-12-03T13:30:00.000Z`, `2026-12-03T14:30:00+01:00`; a time without
 * an offset is UTC), and a date that does not exist (30 February, 24:60)
 * is refused, never shifted to another day.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"

/**
 * Why a text is not an instant, in French and English.
 *
 * @example
 * import type { Instant } from "@entre-pairs/core"
 * const why: Instant.Refusal = { fr: "le 30 février n'existe pas", en: "30 February does not exist" }
 * @since 0.1.0
 */
export interface Refusal {
  readonly fr: string
  readonly en: string
}

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/

const monthsFr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
const monthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysIn = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!

const quote = (input: string) => (input.length <= 40 ? input : `${input.slice(0, 40)}… (+${input.length - 40})`)

/**
 * Reads an ISO-8601 date or date-time strictly: the instant, or why not.
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * Either.isRight(Instant.parse("2028-02-29T09:00:00Z")) // true (a leap year)
 * Either.isLeft(Instant.parse("2026-02-30")) // true: never 2 March
 * @since 0.1.0
 */
export const parse = (input: string): Either.Either<DateTime.Utc, Refusal> => {
  const m = iso.exec(input)
  if (m === null) {
    return Either.left({
      fr: `« ${quote(input)} » n'est pas une date ISO 8601 (ex. 2026-12-03 ou 2026-12-03T13:30:00Z)`,
      en: `"${quote(input)}" is not an ISO 8601 date (e.g. 2026-12-03 or 2026-12-03T13:30:00Z)`
    })
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number]
  const impossible = (fr: string, en: string) => Either.left({ fr: `date impossible « ${quote(input)} » : ${fr}`, en: `impossible date "${quote(input)}": ${en}` })
  if (month < 1 || month > 12) return impossible(`il n'y a pas de mois ${m[2]}`, `there is no month ${m[2]}`)
  if (day < 1 || day > daysIn(year, month)) {
    return impossible(`le ${day} ${monthsFr[month - 1]} ${year} n'existe pas`, `${day} ${monthsEn[month - 1]} ${year} does not exist`)
  }
  if (hour > 23) return impossible(`il n'y a pas d'heure ${m[4]} (00 à 23)`, `there is no hour ${m[4]} (00 to 23)`)
  if (minute > 59) return impossible(`il n'y a pas de minute ${m[5]} (00 à 59)`, `there is no minute ${m[5]} (00 to 59)`)
  if (second > 59) return impossible(`il n'y a pas de seconde ${m[6]} (00 à 59)`, `there is no second ${m[6]} (00 to 59)`)
  let offsetMinutes = 0
  const zone = m[8]
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const oh = Number(zone.slice(1, 3))
    const om = zone.length > 3 ? Number(zone.slice(-2)) : 0
    if (oh > 23 || om > 59) return impossible(`décalage horaire ${zone} invalide`, `invalid offset ${zone}`)
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om)
  }
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0").slice(0, 3))
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millis)
  return Either.right(DateTime.unsafeMake(date.getTime() - offsetMinutes * 60_000))
}

/**
 * Schema of an instant: decodes an ISO-8601 string strictly (see
 * {@link parse}) into a `DateTime.Utc` and encodes it back as UTC ISO-8601.
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const at = Schema.decodeUnknownSync(Instant.Instant)("2026-12-03T13:30:00Z")
 * @since 0.1.0
 */
export const Instant = Schema.transformOrFail(Schema.String, Schema.DateTimeUtcFromSelf, {
  strict: true,
  decode: (input, _, ast) =>
    Either.match(parse(input), {
      onLeft: (why) => ParseResult.fail(new ParseResult.Type(ast, input, `${why.fr} / ${why.en}`)),
      onRight: (at) => ParseResult.succeed(at)
    }),
  encode: (at) => ParseResult.succeed(DateTime.formatIso(at))
}).annotations({
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
 * Builds an instant from an ISO string (read strictly, see {@link parse}) or
 * epoch milliseconds; throws on an invalid input (use the Schema or
 * {@link parse} for untrusted input).
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * const at = Instant.unsafeMake("2026-12-03T13:30:00Z")
 * @since 0.1.0
 */
export const unsafeMake = (input: string | number | Date): DateTime.Utc =>
  typeof input === "string"
    ? Either.getOrThrowWith(parse(input), (why) => new RangeError(why.en))
    : DateTime.unsafeMake(input)

/**
 * Builds an instant from epoch milliseconds.
 *
 * @example
 * import { Instant } from "@entre-pairs/core"
 * Instant.make(0)
 * @since 0.1.0
 */
export const make = (epochMillis: number): DateTime.Utc => DateTime.unsafeMake(epochMillis)
