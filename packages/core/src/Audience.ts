/**
 * Audiences and outputs (DOMAIN.md, Audiences; CNF-03). Every output that
 * leaves the core is built for one audience; what each audience may receive,
 * and when, is decided here once.
 *
 * @since 0.1.0
 */
import type { ExchangeSnapshot } from "./Exchange.js"
import * as Exchange from "./Exchange.js"

/**
 * Who a document is for. `facilitators` are the only audience that sees
 * sensitive profile data (CNF-04); `group` is the members, facilitators and
 * guests; the others are outside the group.
 *
 * @since 0.1.0
 */
export const audiences = ["facilitators", "group", "lineManagers", "direction", "socialDialogue", "organisation"] as const
/** @since 0.1.0 */
export type Audience = (typeof audiences)[number]

/**
 * Every output the library produces.
 *
 * @since 0.1.0
 */
export const outputs = [
  "framing",
  "invitation",
  "charter",
  "calendar",
  "agenda",
  "minutes",
  "trainingNeeds",
  "conclusions",
  "directionResponse",
  "review",
  "attestation",
  "composition"
] as const
/** @since 0.1.0 */
export type Output = (typeof outputs)[number]

/**
 * Whether an audience is inside the group.
 *
 * @example
 * import { Audience } from "@entre-pairs/core"
 * Audience.insideGroup("lineManagers") // false
 * @since 0.1.0
 */
export const insideGroup = (audience: Audience): boolean => audience === "facilitators" || audience === "group"

/**
 * Phase of the confidentiality window (CNF-01): `before` the rules are
 * adopted, `open` from their adoption until the restitution, `closed` once the
 * sessions are over and the restitution has happened. An exchange abandoned
 * before its restitution never closes its window.
 *
 * @since 0.1.0
 */
export type WindowPhase = "before" | "open" | "closed"

/**
 * The confidentiality window's phase for a snapshot (CNF-01).
 *
 * @example
 * import { Audience } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * assert.strictEqual(Audience.windowPhase({ state: "inSessions", charter: undefined, restitution: undefined }), "open")
 * assert.strictEqual(Audience.windowPhase({ state: "framed", charter: undefined, restitution: undefined }), "before")
 * @since 0.1.0
 */
export const windowPhase = (s: Pick<ExchangeSnapshot, "state" | "charter" | "restitution">): WindowPhase => {
  if (s.state === "abandoned") {
    if (s.restitution !== undefined) return "closed"
    return s.charter !== undefined ? "open" : "before"
  }
  if (s.state === "restituted" || s.state === "closed") return "closed"
  return Exchange.stateRank(s.state) >= Exchange.stateRank("charterAdopted") ? "open" : "before"
}

/**
 * Why an output is refused for an audience, or `undefined` when it is allowed
 * (CNF-03, CNF-04). The table of DOMAIN.md, Audiences:
 *
 * | output | group | line managers, direction | social-dialogue bodies | organisation |
 * |---|---|---|---|---|
 * | framing, invitation | yes | yes | yes | once approved |
 * | charter | yes | no | no | no |
 * | calendar, agendas, minutes, training needs | yes | yes | no | no |
 * | conclusions, review | yes | after window | after window | after window |
 * | direction response, follow-up grid | after restitution | after restitution | after restitution | after restitution |
 * | attestation (one agent) | yes | yes | no | no |
 * | composition (profiles, diversity) | facilitators only | no | no | no |
 *
 * @example
 * import { Audience } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * const during = { state: "inSessions", charter: undefined, restitution: undefined } as const
 * assert.notStrictEqual(Audience.refusal("conclusions", "direction", during), undefined) // CNF-03: not before the restitution
 * assert.strictEqual(Audience.refusal("conclusions", "group", during), undefined)
 * @since 0.1.0
 */
export const refusal = (
  output: Output,
  audience: Audience,
  s: Pick<ExchangeSnapshot, "state" | "charter" | "restitution" | "approval">
): { readonly fr: string; readonly en: string } | undefined => {
  const phase = windowPhase(s)
  const inside = insideGroup(audience)
  const no = (fr: string, en: string) => ({ fr, en })
  switch (output) {
    case "framing":
    case "invitation":
      return audience === "organisation" && s.approval === undefined
        ? no(
            "L'ensemble de l'organisation n'est informé qu'une fois l'échange accepté par l'encadrement.",
            "The whole organisation is informed only once management has accepted the exchange."
          )
        : undefined
    case "charter":
      return inside
        ? undefined
        : no("Les règles de travail du groupe restent dans le groupe.", "The group's rules stay within the group.")
    case "calendar":
    case "agenda":
    case "minutes":
    case "trainingNeeds":
      return inside || audience === "lineManagers" || audience === "direction"
        ? undefined
        : no(
            "Calendrier, ordres du jour, comptes rendus et besoins de formation ne vont qu'au groupe, à l'encadrement et à la direction.",
            "Calendar, agendas, minutes and training needs go only to the group, line managers and the direction."
          )
    case "conclusions":
    case "review":
      return inside || phase === "closed"
        ? undefined
        : no(
            "Avant la fin des séances et la restitution, ce qui se dit reste dans le groupe : conclusions et bilan ne sortent qu'après la restitution.",
            "Until the sessions are over and the restitution has happened, what is said stays in the group: conclusions and the review go wider only after the restitution."
          )
    case "directionResponse":
      return s.restitution !== undefined
        ? undefined
        : no(
            "La réponse de la direction suit la restitution.",
            "The direction's response follows the restitution."
          )
    case "attestation":
      return inside || audience === "lineManagers" || audience === "direction"
        ? undefined
        : no(
            "Une attestation de participation va à l'agent et à sa hiérarchie (dossier de formation), pas au-delà.",
            "A participation attestation goes to the agent and their management (training record), no further."
          )
    case "composition":
      return audience === "facilitators"
        ? undefined
        : no(
            "Les données de profil (âge, ancienneté, sexe, statut) ne sont vues que des animateurs.",
            "Profile data (age, seniority, sex, status) is seen by the facilitators only."
          )
  }
}
