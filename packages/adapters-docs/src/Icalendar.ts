/**
 * iCalendar (RFC 5545, `.ics`) rendering of a group's calendar with `ics`:
 * one VEVENT per session, times written in UTC (`…Z`), so that every
 * calendar application shows them at the right hour in Europe/Paris on both
 * sides of a daylight-saving change; the French wall time is repeated in the
 * description for people reading the raw text. UIDs are stable per session
 * (re-importing an updated calendar updates events instead of duplicating
 * them) and DTSTAMP can be fixed for reproducible files.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { createEvents, type EventAttributes } from "ics"
import type { Lang } from "./Document.js"
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
  /** Incremented when a session is moved or cancelled, so that calendars apply the change. */
  readonly sequence?: number
}

/** A calendar: a name and its events. @since 0.1.0 */
export interface Calendar {
  readonly name: string
  readonly events: ReadonlyArray<Event>
}

/** Options: DTSTAMP, UID domain, language of the added wall-time line. @since 0.1.0 */
export interface Options {
  /** DTSTAMP of every event, epoch milliseconds; default: now (pass one for reproducible files). */
  readonly timestamp?: number
  /** Right-hand side of the UIDs (`<id>@<uidDomain>`); default `entre-pairs.invalid`. */
  readonly uidDomain?: string
  readonly serviceName?: string
  readonly lang?: Lang
}

/** Raised when `ics` rejects an event (e.g. an invalid date). @since 0.1.0 */
export class IcalendarError extends Schema.TaggedError<IcalendarError>()("@entre-pairs/adapters-docs/IcalendarError", {
  reason: Schema.String
}) {}

/** The UID of an event: stable for a given id and domain. @since 0.1.0 */
export const uid = (id: string, uidDomain = "entre-pairs.invalid"): string =>
  `${id.replace(/[^A-Za-z0-9._-]/g, "-")}@${uidDomain}`

const STATUS = { confirmed: "CONFIRMED", tentative: "TENTATIVE", cancelled: "CANCELLED" } as const

/**
 * Renders a calendar as an `.ics` string (CRLF line endings, lines folded at
 * 75 octets).
 *
 * @example
 * import { Icalendar } from "@entre-pairs/adapters-docs"
 * const ics = Icalendar.render(
 *   { name: "Échanges entre pairs", events: [{ id: "s1", title: "Séance 1", start: Date.UTC(2026, 9, 24, 12), durationMinutes: 180 }] },
 *   { timestamp: Date.UTC(2026, 9, 1) }
 * )
 * @since 0.1.0
 */
export const render = (calendar: Calendar, options: Options = {}): string => {
  const lang = options.lang ?? "fr"
  const events: Array<EventAttributes> = calendar.events.map((e) => {
    const when = `${Typography.formatDateTime(e.start, lang)} (${lang === "fr" ? "heure de Paris" : "Paris time"})`
    const description = [when, e.description].filter((s): s is string => s !== undefined && s !== "").join("\n\n")
    return {
      uid: uid(e.id, options.uidDomain),
      title: e.title,
      start: e.start,
      startInputType: "utc",
      startOutputType: "utc",
      duration: { minutes: e.durationMinutes },
      description,
      ...(e.location !== undefined ? { location: e.location } : {}),
      status: STATUS[e.status ?? "confirmed"],
      sequence: e.sequence ?? 0,
      classification: "CONFIDENTIAL",
      // Not in the type declarations of ics 3.12, but read by its formatter (DTSTAMP).
      ...({ timestamp: options.timestamp ?? Date.now() } as object)
    } as EventAttributes
  })
  if (events.length === 0) {
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "CALSCALE:GREGORIAN",
      "PRODID:entre-pairs/adapters-docs",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${calendar.name.replace(/([,;\\])/g, "\\$1")}`,
      "END:VCALENDAR",
      ""
    ].join("\r\n")
  }
  const { error, value } = createEvents(events, { productId: "entre-pairs/adapters-docs", method: "PUBLISH", calName: calendar.name })
  if (error !== null || value === null) throw new IcalendarError({ reason: error?.message ?? "no output" })
  return value
}
