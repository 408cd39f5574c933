/**
 * Handlers of the conclusions and what follows them: the statement of
 * conclusions (ARB-01, ARB-03, CNF-06), the restitution, the direction's
 * response (RES-05) and the follow-up grid of actions (RES-08).
 */
import type * as Event from "../../Event.js"
import { make as makeViolation, type Violation } from "../../Violation.js"
import { variantById, variante, variantEn } from "../labels.js"
import * as Release from "../release.js"
import { type Handlers, invalid, ok, refuse, refuseAll } from "./common.js"

export const restitution: Handlers<"Conclude" | "Restitute" | "RecordDirectionResponse" | "AddAction" | "UpdateAction"> = {
  Conclude: (c, s, at) => {
    const violations: Array<Violation> = []
    s.sessions.forEach((session, si) =>
      session.variants.forEach((v, vi) => {
        if (v.arbitration === undefined) {
          violations.push(
            makeViolation("ARB-01", "blocking", ["sessions", si, "variants", vi, "arbitration"], {
              fr: `La variante ${variante(v, v.id)} n'a pas été arbitrée.`,
              en: `Variant ${variantEn(v, v.id)} has not been arbitrated.`
            })
          )
        }
      })
    )
    if (violations.length > 0) return refuseAll(violations)
    const validated = s.sessions.flatMap((x) => x.variants.filter((v) => v.validatedAt !== undefined).map((v) => v.id))
    const variantIds = c.variantIds ?? validated
    for (const [i, id] of variantIds.entries()) {
      if (!validated.includes(id)) {
        return refuse("ARB-03", ["variantIds", i], {
          fr: `Le relevé de conclusions ne reprend que des arbitrages validés par le groupe (la variante ${variante(variantById(s, id), id)} ne l'est pas).`,
          en: `The statement of conclusions lists only arbitrations validated by the group (variant ${variantEn(variantById(s, id), id)} is not).`
        })
      }
    }
    const conclusions = { draftedAt: at, variantIds, summary: c.summary, circulatedAt: at }
    const leak = Release.conclusionsLeaks({ ...s, conclusions })
    if (leak.length > 0) return refuseAll(leak)
    return ok({ _tag: "ConclusionsCirculated", at, conclusions })
  },
  Restitute: (c, _, at) => ok({ _tag: "Restituted", at, restitution: { at, form: c.form } }),
  RecordDirectionResponse: (c, s, at) =>
    s.directionResponse !== undefined
      ? invalid(c, [], { fr: "la direction a déjà répondu", en: "the direction has already answered" })
      : ok({ _tag: "DirectionResponded", at, response: { at, analysis: c.analysis, plannedDecisions: c.plannedDecisions } }),
  AddAction: (c, s, at) => {
    const variants = new Set<string>(s.sessions.flatMap((x) => x.variants.map((v) => v.id)))
    const unknown = c.variantIds.findIndex((v) => !variants.has(v))
    if (unknown >= 0) return invalid(c, ["variantIds", unknown], { fr: "variante inconnue", en: "unknown variant" })
    return s.actions.some((a) => a.id === c.actionId)
      ? invalid(c, ["actionId"], { fr: "action déjà inscrite", en: "action already in the grid" })
      : ok({
          _tag: "ActionAdded",
          at,
          action: {
            id: c.actionId,
            title: c.title,
            owner: c.owner,
            dueDate: c.dueDate,
            status: "planned",
            decidedAt: at,
            variantIds: c.variantIds
          }
        })
  },
  UpdateAction: (c, s, at) => {
    if (!s.actions.some((a) => a.id === c.actionId)) {
      return invalid(c, ["actionId"], { fr: "action inconnue", en: "unknown action" })
    }
    let e: Event.ExchangeEvent & { _tag: "ActionUpdated" } = { _tag: "ActionUpdated", at, actionId: c.actionId, status: c.status }
    if (c.dueDate !== undefined) e = { ...e, dueDate: c.dueDate }
    if (c.comment !== undefined) e = { ...e, comment: c.comment }
    return ok(e)
  }
}
