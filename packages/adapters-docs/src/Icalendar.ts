/**
 * iCalendar (RFC 5545, `.ics`) rendering of a group's calendar: one VEVENT
 * per session, times written in UTC (`…Z`), so that every calendar
 * application shows them at the right hour in Europe/Paris on both sides of a
 * daylight-saving change; the French wall time is repeated in the description
 * for people reading the raw text. UIDs are stable per session (re-importing
 * an updated calendar updates events instead of duplicating them), DTSTAMP is
 * the event's own last change and SEQUENCE counts its revisions, so the same
 * calendar gives the same bytes and an update wins over the copy a calendar
 * already holds.
 *
 * The writer is ours (a few dozen lines): text values are escaped as RFC 5545
 * §3.3.11 says (`\\`, `\;`, `\,`, line breaks as `\n`), so a title with a
 * line break or a semicolon can never add a property or an event; control
 * characters are dropped; content lines are folded at 75 octets (§3.1), never
 * inside a UTF-8 sequence.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Lang } from "./Document.js"
import { clean } from "./internal/safe.js"
import * as Typography from "./Typography.js"

/** One event (a session). `start` is a UTC instant in epoch milliseconds. @since 0.1.0 */
export interface Event {
  /** Stable identifier of the session (e.g. its SessionId); the UID is derived from it. */
  readonly id: string
  readonly title: string
  readonly start: number
  readonly durationMinutes: number
  readonly location?: string
  readonly description?: string
  readonly status?: "confirmed" | "tentative" | "cancelled"
  /** Revision number: incremented when a session is moved, cancelled or its description changes, so that calendars apply the change. */
  readonly sequence?: number
  /** DTSTAMP: when this event's information last changed (epoch milliseconds). @since 0.1.0 */
  readonly stamp?: number
}

/** A calendar: a name and its events. @since 0.1.0 */
export interface Calendar {
  readonly name: string
  readonly events: ReadonlyArray<Event>
}

/** Options: DTSTAMP, UID domain, language of the added wall-time line. @since 0.1.0 */
export interface Options {
  /**
   * DTSTAMP of the events that carry no `stamp` of their own, epoch
   * milliseconds; without either, the event's start. Never the clock: the
   * same calendar gives the same bytes.
   */
  readonly timestamp?: number
  /** Right-hand side of the UIDs (`<id>@<uidDomain>`); default `entre-pairs.invalid`. */
  readonly uidDomain?: string
  readonly serviceName?: string
  readonly lang?: Lang
}

/** An event that cannot be written (an invalid date or duration). @since 0.1.0 */
export class IcalendarError extends Schema.TaggedError<IcalendarError>("@entre-pairs/adapters-docs/IcalendarError")("IcalendarError", {
  reason: Schema.String
}) {}

/** The UID of an event: stable for a given id and domain. @since 0.1.0 */
export const uid = (id: string, uidDomain = "entre-pairs.invalid"): string =>
  `${id.replace(/[^A-Za-z0-9._-]/g, "-")}@${uidDomain}`

const STATUS = { confirmed: "CONFIRMED", tentative: "TENTATIVE", cancelled: "CANCELLED" } as const

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
 * every line break written `\n`, other control characters dropped (TEXT
 * allows none but tab).
 *
 * @example
 * import { Icalendar } from "@entre-pairs/adapters-docs"
 * Icalendar.escapeText("Séance 1; salle B\nEND:VEVENT") // "Séance 1\\; salle B\\nEND:VEVENT"
 * @since 0.1.0
 */
export const escapeText = (s: string): string =>
  clean(s)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, "")

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF and one space
 * before each continuation, which counts in its 75 octets; a break falls
 * between two code points, never inside a UTF-8 sequence nor a surrogate pair.
 *
 * @example
 * import { Icalendar } from "@entre-pairs/adapters-docs"
 * Icalendar.fold("SUMMARY:" + "é".repeat(40)).split("\r\n").length // 2
 * @since 0.1.0
 */
export const fold = (line: string): string => {
  let out = ""
  let octets = 0
  let limit = 75
  for (const ch of line) {
    const cp = ch.codePointAt(0)!
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
    if (octets + n > limit) {
      out += "\r\n "
      octets = 1
      limit = 75
    }
    out += ch
    octets += n
  }
  return out
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

const utc = (ms: number, what: string): string => {
  const d = new Date(ms)
  if (!Number.isFinite(ms) || Number.isNaN(d.getTime())) throw new IcalendarError({ reason: `${what}: not a date (${String(ms)})` })
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

/**
 * Renders a calendar as an `.ics` string (CRLF line endings, lines folded at
 * 75 octets). Throws {@link IcalendarError} on an event with an invalid date
 * or duration.
 *
 * @example
 * import { Icalendar } from "@entre-pairs/adapters-docs"
 * const ics = Icalendar.render(
 *   { name: "Échanges entre pairs", events: [{ id: "s1", title: "Séance 1", start: Date.UTC(2026, 9, 24, 12), durationMinutes: 180, stamp: Date.UTC(2026, 9, 1) }] }
 * )
 * @since 0.1.0
 */
export const render = (calendar: Calendar, options: Options = {}): string => {
  const lang = options.lang ?? "fr"
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "PRODID:entre-pairs/adapters-docs",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`
  ]
  for (const e of calendar.events) {
    if (!(Number.isInteger(e.durationMinutes) && e.durationMinutes > 0)) {
      throw new IcalendarError({ reason: `${e.id}: duration must be a positive number of minutes (${String(e.durationMinutes)})` })
    }
    const sequence = e.sequence ?? 0
    if (!(Number.isInteger(sequence) && sequence >= 0)) throw new IcalendarError({ reason: `${e.id}: sequence must be a natural number (${String(sequence)})` })
    const when = `${Typography.formatDateTime(e.start, lang)} (${lang === "fr" ? "heure de Paris" : "Paris time"})`
    const description = [when, e.description].filter((s): s is string => s !== undefined && s !== "").join("\n\n")
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(uid(e.id, options.uidDomain))}`,
      `DTSTAMP:${utc(e.stamp ?? options.timestamp ?? e.start, `${e.id}: DTSTAMP`)}`,
      `DTSTART:${utc(e.start, `${e.id}: DTSTART`)}`,
      `DURATION:PT${e.durationMinutes}M`,
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      ...(e.location !== undefined && e.location !== "" ? [`LOCATION:${escapeText(e.location)}`] : []),
      `STATUS:${STATUS[e.status ?? "confirmed"]}`,
      `SEQUENCE:${sequence}`,
      "CLASS:CONFIDENTIAL",
      "END:VEVENT"
    )
  }
  lines.push("END:VCALENDAR")
  return `${lines.map(fold).join("\r\n")}\r\n`
}
