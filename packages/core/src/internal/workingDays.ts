/**
 * Working days (RULES.md, preamble): a due date that falls on a Saturday, a
 * Sunday or a French public holiday moves to the next working day. The
 * holidays come from `@socialgouv/jours-feries` (metropolitan France, or
 * Alsace-Moselle with Good Friday and 26 December).
 *
 * A day is judged in Paris (documents show instants in Europe/Paris), and
 * nothing here depends on the time zone of the process: the library builds
 * its dates with the process's local calendar (`new Date(year, month, day)`,
 * then whole days of 24 h for the holidays that follow Easter, which lands an
 * hour early on a day that changes clocks, e.g. Easter Monday 2026 in
 * Auckland), so each date is read back with the same local calendar and
 * rounded to the nearest midnight.
 */
// @ts-expect-error: @socialgouv/jours-feries 2.0.0 ships no types (CommonJS, `module.exports = getJoursFeries`);
// typed just below. An ambient declaration would not reach the other packages' programs that compile these sources.
import joursFeries from "@socialgouv/jours-feries"
import type { HolidayCalendar, PolicyConfig } from "../Policy.js"

/** The French public holidays of a year, by French name, as `Date`s built in the process's time zone. */
const getJoursFeries = joursFeries as (year: number, options?: { readonly alsace?: boolean }) => Record<string, Date>

const DAY = 86_400_000
/** The largest instant JavaScript dates can hold: a deadline beyond it (absurd local policy) is clamped. */
export const MAX_MILLIS = 8.64e15
/** Years the holiday calendar is computed for (beyond, only weekends count). */
const FIRST_YEAR = 1900
const LAST_YEAR = 9999

/** A civil day as days since 1970-01-01 (the day of `Date.UTC(y, m, d)`). */
type DayNumber = number

const dayNumberOfLocalDate = (date: Date): DayNumber =>
  Math.round(
    Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()) /
      DAY
  )

const cache = new Map<string, ReadonlyMap<DayNumber, string>>()

/**
 * The public holidays of `year` in `calendar`, as civil days (days since the
 * epoch) with their French names.
 */
export const holidaysOf = (year: number, calendar: HolidayCalendar): ReadonlyMap<DayNumber, string> => {
  const key = `${calendar}:${year}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const out = new Map<DayNumber, string>()
  if (year >= FIRST_YEAR && year <= LAST_YEAR) {
    const list = getJoursFeries(year, { alsace: calendar === "alsaceMoselle" })
    for (const [name, date] of Object.entries(list)) out.set(dayNumberOfLocalDate(date), name)
  }
  cache.set(key, out)
  return out
}

/** "2026-05-01" for each public holiday of a year (tests, documents). */
export const holidayDates = (year: number, calendar: HolidayCalendar): Array<string> =>
  [...holidaysOf(year, calendar).keys()].sort((a, b) => a - b).map((d) => new Date(d * DAY).toISOString().slice(0, 10))

const paris = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", year: "numeric", month: "numeric", day: "numeric" })

/** The civil day of Paris at `millis`. */
const parisDay = (millis: number): DayNumber => {
  const parts: Record<string, number> = {}
  for (const p of paris.formatToParts(millis)) if (p.type !== "literal") parts[p.type] = Number(p.value)
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!) / DAY
}

/** Whether the civil day is a Saturday, a Sunday or a public holiday of the calendar. */
export const isDayOff = (day: DayNumber, calendar: HolidayCalendar): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday (4)
  if (weekday === 0 || weekday === 6) return true
  return holidaysOf(new Date(day * DAY).getUTCFullYear(), calendar).has(day)
}

/**
 * The instant `days` whole days (of 24 h) after `from`, then, when
 * `config.workingDays` holds, moved by whole days until its day in Paris is
 * a working day of `config.holidayCalendar`.
 */
export const dueDate = (
  from: number,
  days: number,
  config: Pick<PolicyConfig, "workingDays" | "holidayCalendar">
): number => {
  let due = from + days * DAY
  if (!Number.isFinite(due) || Math.abs(due) > MAX_MILLIS) return MAX_MILLIS
  if (config.workingDays) {
    while (due <= MAX_MILLIS - DAY && isDayOff(parisDay(due), config.holidayCalendar)) due += DAY
  }
  return due
}

/** Whether the Paris day of `millis` is a working day of the calendar. */
export const isWorkingDay = (millis: number, calendar: HolidayCalendar): boolean =>
  !isDayOff(parisDay(millis), calendar)
