/**
 * ARB — arbitration (note II-c).
 */
import { stateRank } from "../../Exchange.js"
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { seance, sessionEn, variante, variantEn } from "../labels.js"
import { blocking, isBlank, none, push, rule, title } from "../util.js"

const CONCLUDED = stateRank("concluded")

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "ARB-01",
    kind: "blocking",
    family: "arbitration",
    section: "II-c étape 2",
    title: title(
      "Chaque variante de pratique débattue reçoit exactement un arbitrage du groupe : souhaitable, possible à certaines conditions (conditions obligatoires et non vides), ou à ne plus faire.",
      "Each practice variant discussed gets exactly one group arbitration: desirable, possible under conditions (conditions mandatory and non-empty), or to stop."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const concluded = ctx.rank >= CONCLUDED
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        s.variants.forEach((v, vi) => {
          const a = v.arbitration
          if (a === undefined) {
            if (!concluded) return
            out = push(
              out,
              blocking(
                "ARB-01",
                ["sessions", si, "variants", vi, "arbitration"],
                `La variante ${variante(v, v.id)} de la ${seance(ctx.snapshot, s)} n'a pas été arbitrée par le groupe.`,
                `Variant ${variantEn(v, v.id)} of the ${sessionEn(ctx.snapshot, s)} has not been arbitrated by the group.`
              )
            )
            return
          }
          if (a.outcome === "conditional" && a.conditions.every(isBlank)) {
            out = push(
              out,
              blocking(
                "ARB-01",
                ["sessions", si, "variants", vi, "arbitration", "conditions"],
                `La variante ${variante(v, v.id)} est jugée « possible à certaines conditions » sans que ces conditions soient énoncées.`,
                `Variant ${variantEn(v, v.id)} is arbitrated "possible under conditions" without stating the conditions.`
              )
            )
          }
        })
      })
      return out ?? none
    }
  }),
  rule({
    id: "ARB-02",
    kind: "guarantee",
    family: "arbitration",
    section: "I-b, II-c étape 2",
    title: title(
      "Les arbitrages sont des recommandations du groupe, consignées sans vote individuel ni attribution ; ils ne deviennent jamais des décisions.",
      "Arbitrations are recommendations of the group, recorded without individual votes or attribution; they never become decisions."
    ),
    parameters: [],
    scope: "guarantee"
  }),
  rule({
    id: "ARB-03",
    kind: "blocking",
    family: "arbitration",
    section: "II-c étape 2",
    title: title(
      "Le relevé de conclusions ne reprend que des arbitrages validés, regroupés par issue, avec les questions auxquelles ils répondent.",
      "The statement of conclusions lists only validated arbitrations, grouped by outcome, with the questions they answer."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const c = ctx.snapshot.conclusions
      if (c === undefined) return none
      let out: Array<Violation> | undefined
      const seen = new Set<string>()
      c.variantIds.forEach((id, i) => {
        if (seen.has(id)) {
          out = push(
            out,
            blocking(
              "ARB-03",
              ["conclusions", "variantIds", i],
              `Le relevé de conclusions reprend deux fois la variante ${variante(ctx.variants.get(id)?.variant, id)}.`,
              `The statement of conclusions lists variant ${variantEn(ctx.variants.get(id)?.variant, id)} twice.`
            )
          )
          return
        }
        seen.add(id)
        const v = ctx.variants.get(id)
        if (v === undefined || v.variant.arbitration !== undefined) return
        out = push(
          out,
          blocking(
            "ARB-03",
            ["conclusions", "variantIds", i],
            `Le relevé de conclusions reprend la variante ${variante(v.variant, id)}, qui n'a pas été arbitrée.`,
            `The statement of conclusions lists variant ${variantEn(v.variant, id)}, which has not been arbitrated.`
          )
        )
      })
      return out ?? none
    }
  })
]
