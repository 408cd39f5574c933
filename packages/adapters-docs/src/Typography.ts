/**
 * French typography for documents: dates and times in Europe/Paris written
 * the French way ("jeudi 3 décembre 2026", "14 h 30"), English by option, and
 * the non-breaking spaces French punctuation needs.
 *
 * Core stores instants in UTC; the wall time in Paris is computed with
 * `Intl.DateTimeFormat` (`timeZone: "Europe/Paris"`), which knows the
 * daylight-saving rules, and the words come from `date-fns` locales, so the
 * output does not depend on the machine's own time zone.
 *
 * @since 0.1.0
 */
import { enGB } from "date-fns/locale/en-GB"
import { fr } from "date-fns/locale/fr"
import type { Lang } from "./Document.js"

/** The time zone documents are shown in. @since 0.1.0 */
export const timeZone = "Europe/Paris"

/** U+00A0 no-break space. @since 0.1.0 */
export const NBSP = "\u00a0"
/** U+202F narrow no-break space (before ; ! ? in French). @since 0.1.0 */
export const NNBSP = "\u202f"

/** Wall-clock fields of an instant in Europe/Paris. @since 0.1.0 */
export interface WallTime {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number
}

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23"
})

/**
 * The wall-clock time in Paris of a UTC instant (epoch milliseconds).
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.wallTime(Date.UTC(2026, 9, 24, 12)).hour // 14 (CEST)
 * Typography.wallTime(Date.UTC(2026, 10, 3, 13)).hour // 14 (CET)
 * @since 0.1.0
 */
export const wallTime = (epochMillis: number): WallTime => {
  const d = new Date(epochMillis + parisOffset(epochMillis))
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay()
  }
}

const HOUR = 3_600_000
const offsets = new Map<number, number>()

/**
 * Offset of Paris from UTC at an instant, in milliseconds, from
 * `Intl.DateTimeFormat` (the tz database of the runtime). Paris changes
 * offset only on whole UTC hours, so the answer is cached per UTC hour:
 * formatting a long document asks `Intl` a handful of times, not hundreds.
 */
const parisOffset = (epochMillis: number): number => {
  const hour = Math.floor(epochMillis / HOUR)
  const cached = offsets.get(hour)
  if (cached !== undefined) return cached
  const parts: Record<string, string> = {}
  for (const p of partsFormat.formatToParts(hour * HOUR)) parts[p.type] = p.value
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute))
  const offset = wall - hour * HOUR
  if (offsets.size > 4096) offsets.clear()
  offsets.set(hour, offset)
  return offset
}

const locale = (lang: Lang) => (lang === "fr" ? fr : enGB)

/**
 * A date in words, in Paris: "jeudi 3 décembre 2026" (fr) or
 * "Thursday 3 December 2026" (en), with no-break spaces between the day,
 * the month and the year (a line never breaks inside a date). `1ᵉʳ` for the
 * first of the month in French, its ordinal suffix in superscript.
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.formatDate(Date.UTC(2026, 11, 3, 13, 30)) // "jeudi 3\u00a0décembre\u00a02026"
 * @since 0.1.0
 */
export const formatDate = (epochMillis: number, lang: Lang = "fr", options: { weekday?: boolean } = {}): string => {
  const w = wallTime(epochMillis)
  const l = locale(lang)
  const day = l.localize.day(w.weekday as 0, { width: "wide" })
  const month = l.localize.month((w.month - 1) as 0, { width: "wide" })
  const dayNumber = lang === "fr" && w.day === 1 ? "1\u1d49\u02b3" : String(w.day)
  const date = `${dayNumber}${NBSP}${month}${NBSP}${w.year}`
  return options.weekday === false ? date : `${day} ${date}`
}

/**
 * A time of day in Paris: "14 h 30" / "14 h" (fr, with no-break spaces) or
 * "14:30" (en).
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.formatTime(Date.UTC(2026, 11, 3, 13, 30)) // "14 h 30"
 * @since 0.1.0
 */
export const formatTime = (epochMillis: number, lang: Lang = "fr"): string => {
  const w = wallTime(epochMillis)
  const mm = String(w.minute).padStart(2, "0")
  if (lang === "en") return `${String(w.hour).padStart(2, "0")}:${mm}`
  return w.minute === 0 ? `${w.hour}${NBSP}h` : `${w.hour}${NBSP}h${NBSP}${mm}`
}

/**
 * Date and time: "jeudi 3 décembre 2026 à 14 h 30" / "Thursday 3 December 2026 at 14:30".
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.formatDateTime(Date.UTC(2026, 11, 3, 13, 30))
 * @since 0.1.0
 */
export const formatDateTime = (epochMillis: number, lang: Lang = "fr"): string =>
  `${formatDate(epochMillis, lang)} ${lang === "fr" ? "à" : "at"} ${formatTime(epochMillis, lang)}`

/**
 * A time range on one day: "de 14 h à 17 h" / "14:00–17:00".
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.formatTimeRange(Date.UTC(2026, 11, 3, 13), 180) // "de 14 h à 17 h"
 * @since 0.1.0
 */
export const formatTimeRange = (startMillis: number, durationMinutes: number, lang: Lang = "fr"): string => {
  const end = startMillis + durationMinutes * 60_000
  return lang === "fr"
    ? `de ${formatTime(startMillis, lang)} à ${formatTime(end, lang)}`
    : `${formatTime(startMillis, lang)}–${formatTime(end, lang)}`
}

/** A short numeric date, "03/12/2026" (fr) or "03/12/2026" (en-GB). @since 0.1.0 */
export const formatShortDate = (epochMillis: number): string => {
  const w = wallTime(epochMillis)
  return `${String(w.day).padStart(2, "0")}/${String(w.month).padStart(2, "0")}/${w.year}`
}

/**
 * French quotation marks with no-break spaces: « texte ».
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.quote("geste professionnel") // "« geste professionnel »"
 * @since 0.1.0
 */
export const quote = (s: string, lang: Lang = "fr"): string =>
  lang === "fr" ? `«${NBSP}${s}${NBSP}»` : `“${s}”`

const HIGH_PUNCTUATION = /[;!?:«»]/

/**
 * French spacing: a narrow no-break space before ; ! ? and a no-break space
 * before : and inside « », replacing ordinary spaces there. Idempotent.
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.frenchSpacing("Pourquoi ? « oui »") // "Pourquoi\u202f? «\u00a0oui\u00a0»"
 * @since 0.1.0
 */
export const frenchSpacing = (s: string): string =>
  !HIGH_PUNCTUATION.test(s)
    ? s
    : s
    .replace(/(?<=[^\s;!?])[ \u00a0\u202f]*([;!?])/g, `${NNBSP}$1`)
    .replace(/(?<=\S)[ \u00a0\u202f]*:(?=\s|$)/g, `${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)

/**
 * French typesetting of typed text: typographic apostrophes (l'agent →
 * l’agent, between letters only) and {@link frenchSpacing}. Idempotent.
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.typeset("l'agent : d'accord ?") // "l’agent\u00a0: d’accord\u202f?"
 * @since 0.1.0
 */
export const typeset = (s: string): string => ordinals(frenchSpacing(s.includes("'") ? s.replace(/(?<=\p{L})'(?=\p{L})/gu, "’") : s))

const SUPERSCRIPT: Readonly<Record<string, string>> = { e: "\u1d49", r: "\u02b3", n: "\u207f", d: "\u1d48", s: "\u02e2" }
const ORDINAL = /(?<![\p{L}\p{N}])(\d{1,4})(ers|er|res|re|es|e|nds|nd|ndes|nde)(?![\p{L}\p{N}])/gu

/**
 * French ordinals with their suffix in superscript, as the Imprimerie
 * nationale writes them: « 2e étage » → « 2ᵉ étage », « 1er » → « 1ᵉʳ »,
 * « 1re » → « 1ʳᵉ » (Unicode modifier letters, which every format and font
 * of ours shows, and screen readers read as the letters). The HTML, ODT,
 * DOCX and PDF writers then set these suffixes as ordinary letters in true
 * superscript. Idempotent.
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.ordinals("salle du 2e étage, 1er jour") // "salle du 2ᵉ étage, 1ᵉʳ jour"
 * @since 0.1.0
 */
export const ordinals = (s: string): string =>
  !/\d/.test(s) ? s : s.replace(ORDINAL, (_, n: string, suffix: string) => n + [...suffix].map((c) => SUPERSCRIPT[c] ?? c).join(""))

/**
 * A count with its noun: "1 séance", "3 séances"; French keeps 0 singular.
 *
 * @example
 * import { Typography } from "@entre-pairs/adapters-docs"
 * Typography.count(3, "séance") // "3 séances"
 * @since 0.1.0
 */
export const count = (n: number, singular: string, plural = `${singular}s`, lang: Lang = "fr"): string =>
  `${n}${NBSP}${n === 1 || (lang === "fr" && n === 0) ? singular : plural}`
