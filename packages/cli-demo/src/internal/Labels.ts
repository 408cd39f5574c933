/**
 * French and English labels of the domain's enumerations, and the names of
 * the files the CLI writes. Kept light (no core import at run time) so the
 * command tree can use them at start-up; a test checks they cover core's
 * lists. The labels of states are core's (`Exchange.stateLabels`, see
 * `Format.stateLabel`).
 */
import type { Exchange } from "@entre-pairs/core"
import type { Lang } from "./Common.js"

type Labels = Readonly<Record<string, readonly [fr: string, en: string]>>

/** Lifecycle states (LIF-08), for `exchange list --state`. */
export const states = [
  "proposed",
  "framed",
  "approved",
  "announced",
  "composed",
  "charterAdopted",
  "inSessions",
  "concluded",
  "restituted",
  "closed",
  "abandoned"
] as const satisfies ReadonlyArray<Exchange.ExchangeState>

/** Audiences (CNF-03), with the slug used in file names. */
export const audiences = ["facilitators", "group", "lineManagers", "direction", "socialDialogue", "organisation"] as const
export type Audience = (typeof audiences)[number]
export const audienceLabels: Labels = {
  facilitators: ["animateurs", "facilitators"],
  group: ["groupe", "group"],
  lineManagers: ["encadrement", "line managers"],
  direction: ["direction", "direction"],
  socialDialogue: ["dialogue social", "social-dialogue bodies"],
  organisation: ["organisation", "organisation"]
}
export const audienceSlugs: Readonly<Record<Audience, string>> = {
  facilitators: "animateurs",
  group: "groupe",
  lineManagers: "encadrement",
  direction: "direction",
  socialDialogue: "dialogue-social",
  organisation: "organisation"
}

/** Outputs (views), in the order of the cycle, with their file-name slugs. */
export const outputs = [
  "framing",
  "invitation",
  "charter",
  "composition",
  "calendar",
  "agenda",
  "minutes",
  "trainingNeeds",
  "conclusions",
  "directionResponse",
  "review",
  "attestation"
] as const
export type Output = (typeof outputs)[number]
export const outputLabels: Labels = {
  framing: ["note de cadrage", "framing"],
  invitation: ["invitation", "invitation"],
  charter: ["règles de travail du groupe", "group rules"],
  composition: ["composition du groupe", "group composition"],
  calendar: ["calendrier", "calendar"],
  agenda: ["ordre du jour", "agenda"],
  minutes: ["compte rendu", "minutes"],
  trainingNeeds: ["besoins de formation", "training needs"],
  conclusions: ["relevé de conclusions", "statement of conclusions"],
  directionResponse: ["retour de la direction et suivi", "direction response and follow-up"],
  review: ["bilan", "review"],
  attestation: ["attestation de participation", "participation attestation"]
}
export const outputSlugs: Readonly<Record<Output, string>> = {
  framing: "note-de-cadrage",
  invitation: "invitation",
  charter: "regles-du-groupe",
  composition: "composition",
  calendar: "calendrier",
  agenda: "ordre-du-jour",
  minutes: "compte-rendu",
  trainingNeeds: "besoins-de-formation",
  conclusions: "releve-de-conclusions",
  directionResponse: "retour-direction",
  review: "bilan",
  attestation: "attestation"
}

/** File formats the CLI accepts (`md` is Markdown). */
export const formats = ["md", "html", "odt", "docx", "pdf", "ics"] as const
export type FileFormat = (typeof formats)[number]
export const documentFormats = ["md", "html", "odt", "docx", "pdf"] as const

/** Rule kinds. */
export const kinds: Labels = {
  blocking: ["bloquante", "blocking"],
  advisory: ["conseil", "advisory"],
  obligation: ["obligation", "obligation"],
  guarantee: ["garantie", "guarantee"]
}

/** The kinds a local policy gives a rule (local severity). */
export const severities: Labels = {
  blocking: ["bloquante", "blocking"],
  advisory: ["conseil", "advisory"],
  off: ["désactivée", "switched off"]
}

/** Obligation owners. */
export const owners: Labels = {
  liaison: ["personne ressource", "liaison"],
  facilitators: ["animateurs", "facilitators"],
  direction: ["direction", "direction"],
  actionOwner: ["responsable de l'action", "action owner"]
}

/** A label in a language, or the key itself when unknown. */
export const label = (labels: Labels, key: string, lang: Lang): string => {
  const l = labels[key]
  return l === undefined ? key : lang === "fr" ? l[0] : l[1]
}
