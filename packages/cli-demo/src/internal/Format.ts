/**
 * How the CLI writes the library's values as text and JSON: paths,
 * dates in Paris time, violations and obligations. Pure functions; the
 * output module prints what they return.
 */
import { Exchange, Input, type Obligations, type Violation } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import type { Lang } from "./Common.js"
import * as L from "./Labels.js"
import { messages, say } from "./Messages.js"

/** A message that may quote untrusted input, cut to a readable length. */
export const short = (message: string, max = 300): string => Input.excerpt(message, max)

/** A fault of an import as one line: line, column (header) and reason. */
export const importFaultLine = (f: { readonly line: number; readonly column: string; readonly reason: string }, lang: Lang) => {
  const m = messages(lang)
  return `  ${m.line} ${f.line}, ${m.column} « ${short(f.column, 80)} » : ${short(f.reason)}`
}

/** A lifecycle state in words (core's `Exchange.stateLabels`). */
export const stateLabel = (state: Exchange.ExchangeState, lang: Lang): string => say(Exchange.stateLabels[state], lang)

/** A path as `a.b[0].c`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0
    ? "(racine)"
    : path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("")

const dateFormats = new Map<string, Intl.DateTimeFormat>()
const dateFormat = (lang: Lang, withTime: boolean) => {
  const key = `${lang}:${withTime}`
  let format = dateFormats.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
      timeZone: "Europe/Paris",
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" as const } : {})
    })
    dateFormats.set(key, format)
  }
  return format
}

/** A date in Paris time, in words. */
export const formatDate = (d: DateTime.Utc | Date, lang: Lang, withTime = false): string =>
  dateFormat(lang, withTime).format(d instanceof Date ? d : DateTime.toDateUtc(d)).replace(/\u202f/g, " ")

/** A violation as JSON for scripts. */
export const violationJson = (v: Violation.Violation, lang: Lang) => ({
  rule: v.rule,
  kind: v.kind,
  path: formatPath(v.path),
  message: say(v.message, lang)
})

/** A violation as one line of text. */
export const violationLine = (v: Violation.Violation, lang: Lang) => {
  const m = messages(lang)
  return `${v.kind === "blocking" ? "✗" : "⚠"} ${v.rule} ${v.kind === "blocking" ? m.blocking : m.advisory} — ${say(v.message, lang)}${
    v.path.length > 0 ? `  [${formatPath(v.path)}]` : ""
  }`
}

/** Who owes an obligation, in words. */
const ownerOf = (o: Obligations.Obligation, lang: Lang) => o.owner.label ?? L.label(L.owners, o.owner.role, lang)

/** An obligation as JSON for scripts. */
export const obligationJson = (o: Obligations.Obligation, lang: Lang) => ({
  rule: o.rule,
  what: say(o.what, lang),
  owner: ownerOf(o, lang),
  dueAt: DateTime.formatIso(o.dueAt),
  status: o.status,
  path: formatPath(o.path)
})

/** An obligation as one line of text; `aligned` pads the status for a column. */
export const obligationLine = (o: Obligations.Obligation, lang: Lang, aligned = false) => {
  const m = messages(lang)
  const status = o.status === "overdue" ? m.overdue : aligned ? m.dueAligned : m.due
  return `${status} ${o.rule} — ${say(o.what, lang)} (${ownerOf(o, lang)}, ${m.dueOn} ${formatDate(o.dueAt, lang)})`
}

/** A value's JSON form with dates as UTC ISO-8601. */
export const toJson = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
      const original = this[key]
      return DateTime.isDateTime(original) ? DateTime.formatIso(DateTime.toUtc(original)) : v
    })
  )
