/**
 * Small helpers shared by the rule modules.
 */
import * as DateTime from "effect/DateTime"
import type { PolicyConfig } from "../Policy.js"
import type { Parameter, Rule, RuleContext } from "../Rule.js"
import type { Path, RuleId, Text, Violation } from "../Violation.js"

/** A shared empty result, so that a passing check allocates nothing. */
export const none: ReadonlyArray<Violation> = []

export const blocking = (rule: RuleId, path: Path, fr: string, en: string): Violation => ({
  rule,
  kind: "blocking",
  message: { fr, en },
  path
})

export const advisory = (rule: RuleId, path: Path, fr: string, en: string): Violation => ({
  rule,
  kind: "advisory",
  message: { fr, en },
  path
})

export const isBlank = (s: string | undefined): boolean => s === undefined || s.trim().length === 0

/** "2026-03-12" from epoch milliseconds (messages only). */
export const day = (millis: number): string => DateTime.formatIsoDateUtc(DateTime.unsafeMake(millis))

export const note = (key: keyof PolicyConfig): Parameter => ({ key, provenance: "note" })
export const local = (key: keyof PolicyConfig): Parameter => ({ key, provenance: "local" })

export const title = (fr: string, en: string): Text => ({ fr, en })

/** Declares a rule (keeps the modules terse). */
export const rule = (r: Rule): Rule => r

/** Pushes into a lazily allocated array. */
export const push = (out: Array<Violation> | undefined, v: Violation): Array<Violation> => {
  if (out === undefined) return [v]
  out.push(v)
  return out
}

/** How documents name a unit: the framing's label, else its ID. */
export const unitLabel = (ctx: RuleContext, id: string): string => ctx.snapshot.framing?.labels?.units[id] ?? id

/** How documents name an occupation: the framing's label, else its ID. */
export const occupationLabel = (ctx: RuleContext, id: string): string =>
  ctx.snapshot.framing?.labels?.occupations[id] ?? id

const frDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" })
/** « 1er mars 2026 », « 16 mars 2026 » (Paris time), for French messages. */
export const jour = (millis: number): string => frDay.format(millis).replace(/^1 /, "1er ")
