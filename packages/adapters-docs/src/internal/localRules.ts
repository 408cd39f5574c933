/**
 * How documents state the local rules (RULES.md, preamble, « local
 * severity »): the note de cadrage, the invitation that carries it and the
 * group's rules show each rule whose kind the service's or the exchange's
 * policy changed, as a local rule, beside the kind the note gives it; the
 * framing also says how due dates count (working days, holiday calendar).
 */
import type { View } from "@entre-pairs/core"
import * as D from "../Document.js"
import type { Lang } from "../Document.js"

/** The kind in force here, as an adjective of « règle locale ». */
const localWords: Record<string, readonly [fr: string, en: string]> = {
  blocking: ["bloquante", "blocking"],
  advisory: ["simple conseil", "advisory"],
  off: ["désactivée", "switched off"]
}
/** The kind the note gives, as a noun. */
const noteWords: Record<string, readonly [fr: string, en: string]> = {
  blocking: ["règle bloquante", "blocking"],
  advisory: ["conseil", "advisory"],
  obligation: ["obligation", "obligation"],
  guarantee: ["garantie", "guarantee"]
}
const word = (words: Record<string, readonly [string, string]>, k: string, lang: Lang) => words[k]?.[lang === "fr" ? 0 : 1] ?? k

/** « Règle locale du service : SIZ-01, bloquante (dans la note : conseil) — <texte> ». */
const line = (r: View.LocalRuleView, lang: Lang): D.TextInput => {
  const who =
    lang === "fr"
      ? r.level === "service" ? "Règle locale du service" : "Règle locale de l’échange"
      : r.level === "service" ? "Local rule of the service" : "Local rule of the exchange"
  const note = r.noteKinds.map((k) => word(noteWords, k, lang)).join(lang === "fr" ? " ou " : " or ")
  return [
    D.bold(`${who}${lang === "fr" ? "\u00a0:" : ":"} ${r.rule}, ${word(localWords, r.localKind, lang)}`),
    lang === "fr" ? ` (dans la note\u00a0: ${note}) — ` : ` (in the note: ${note}) — `,
    r.title[lang === "fr" ? "fr" : "en"]
  ]
}

/** The section of local rules, or nothing when the policy keeps the note's kinds. */
export const localRulesBlocks = (rules: ReadonlyArray<View.LocalRuleView>, lang: Lang): Array<D.Block> =>
  rules.length === 0
    ? []
    : [
        D.heading(1, lang === "fr" ? "Règles locales" : "Local rules"),
        D.paragraph(
          lang === "fr"
            ? "Le cadre de la note « peut être adapté aux configurations locales » : les règles suivantes s’appliquent ici avec une force que le service ou l’échange a fixée."
            : "The note's framework « peut être adapté aux configurations locales » (may be adapted locally): the following rules apply here with a strength the service or the exchange has set."
        ),
        D.bullets(rules.map((r) => line(r, lang)))
      ]

/** How due dates count, for the framing's calendar section. */
export const workingDaysBlock = (workingDays: View.FramingView["workingDays"], lang: Lang): D.Block =>
  D.paragraph(
    workingDays === undefined
      ? lang === "fr"
        ? "Échéances comptées en jours calendaires."
        : "Due dates counted in calendar days."
      : lang === "fr"
        ? `Une échéance qui tombe un samedi, un dimanche ou un jour férié (${workingDays.holidayCalendar === "alsaceMoselle" ? "calendrier d’Alsace-Moselle" : "calendrier de métropole"}) est reportée au jour ouvré suivant.`
        : `A due date that falls on a Saturday, a Sunday or a public holiday (${workingDays.holidayCalendar === "alsaceMoselle" ? "Alsace-Moselle calendar" : "metropolitan calendar"}) moves to the next working day.`
  )
