/**
 * Handlers of the practice variants and their arbitration: recording the
 * variants that came up, the group's arbitration (ARB-01) and its validation
 * (ANI-06).
 */
import * as Either from "effect/Either"
import { type Handlers, heldSession, invalid, nonBlank, ok, refuse } from "./common.js"

export const arbitration: Handlers<"RecordVariants" | "Arbitrate" | "ValidateArbitrations"> = {
  RecordVariants: (c, s, at) =>
    Either.flatMap(heldSession(c, s), (session) => {
      const known = new Set<string>(s.sessions.flatMap((x) => x.variants.map((v) => v.id)))
      for (const [i, v] of c.variants.entries()) {
        if (known.has(v.id)) return invalid(c, ["variants", i, "id"], { fr: "variante déjà consignée", en: "variant already recorded" })
        known.add(v.id)
        if (!s.questions.some((q) => q.id === v.questionId)) {
          return invalid(c, ["variants", i, "questionId"], { fr: "question inconnue", en: "unknown question" })
        }
        if (v.presentationId !== undefined && !session.presentations.some((p) => p.id === v.presentationId)) {
          return invalid(c, ["variants", i, "presentationId"], {
            fr: "exposé inconnu dans cette séance",
            en: "unknown presentation in this session"
          })
        }
      }
      return ok({ _tag: "VariantsRecorded", at, sessionId: c.sessionId, variants: c.variants })
    }),
  Arbitrate: (c, s, at) =>
    Either.flatMap(heldSession(c, s), (session) => {
      const index = session.variants.findIndex((v) => v.id === c.variantId)
      const variant = session.variants[index]
      if (variant === undefined) return invalid(c, ["variantId"], { fr: "variante inconnue dans cette séance", en: "unknown variant in this session" })
      const si = s.sessions.indexOf(session)
      if (variant.validatedAt !== undefined) {
        return refuse("ARB-01", ["sessions", si, "variants", index, "arbitration"], {
          fr: "Chaque variante reçoit un seul arbitrage du groupe : celui-ci est déjà validé.",
          en: "Each variant gets exactly one group arbitration: this one is already validated."
        })
      }
      if (c.outcome === "conditional" && !nonBlank(c.conditions)) {
        return refuse("ARB-01", ["conditions"], {
          fr: "« Possible sous conditions » exige d'énoncer les conditions.",
          en: "\"Possible under conditions\" requires the conditions."
        })
      }
      const arbitration =
        c.outcome === "conditional"
          ? { outcome: "conditional" as const, conditions: c.conditions.filter((x) => x.trim().length > 0), at }
          : { outcome: c.outcome, at }
      return ok({ _tag: "VariantArbitrated", at, sessionId: c.sessionId, variantId: c.variantId, arbitration })
    }),
  ValidateArbitrations: (c, s, at) =>
    Either.flatMap(heldSession(c, s), (session) => {
      for (const [i, id] of c.variantIds.entries()) {
        const v = session.variants.find((x) => x.id === id)
        if (v === undefined) return invalid(c, ["variantIds", i], { fr: "variante inconnue dans cette séance", en: "unknown variant in this session" })
        if (v.arbitration === undefined) {
          return refuse("ANI-06", ["variantIds", i], {
            fr: "Seul un arbitrage déjà rendu peut être validé par le groupe.",
            en: "Only an arbitration already made can be validated by the group."
          })
        }
      }
      return ok({ _tag: "ArbitrationsValidated", at, sessionId: c.sessionId, variantIds: c.variantIds })
    })
}
