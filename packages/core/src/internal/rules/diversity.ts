/**
 * DIV — composition diversity (note II-a).
 */
import { stateRank } from "../../Exchange.js"
import type { Rule, RuleContext } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { type Lean, lean } from "../diversity.js"
import { count, countEn, dimensionEn, dimensionFr, list, listEn } from "../fr.js"
import { advisory, none, occupationLabel, push, rule, title } from "../util.js"

const COMPOSED = stateRank("composed")

/** The report is computed once per context and shared by DIV-01 and DIV-02. */
const cache = new WeakMap<RuleContext, Lean>()
const reportOf = (ctx: RuleContext): Lean => {
  let r = cache.get(ctx)
  if (r === undefined) {
    r = lean(ctx.snapshot, ctx.activeMembers, ctx.agents, ctx.eligibility, ctx.atMillis)
    cache.set(ctx, r)
  }
  return r
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "DIV-01",
    kind: "advisory",
    family: "diversity",
    section: "II-a",
    title: title(
      "La constitution du groupe vise, si possible, une diversité de profils : âge, ancienneté, sexe, statut, fonctions exercées. Avertit quand une dimension compte moins de catégories que le vivier de volontaires ne le permettait.",
      "The composition seeks, where possible, diverse profiles: age, seniority, sex, status, function held. Warns when a dimension has fewer categories in the group than the volunteer pool could have given."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.rank < COMPOSED || ctx.activeMembers.length === 0) return none
      let out: Array<Violation> | undefined
      for (const d of reportOf(ctx).dimensions) {
        if (d.present >= d.achievable) continue
        out = push(
          out,
          advisory(
            "DIV-01",
            ["members"],
            `Pour ${dimensionFr[d.dimension]}, le groupe présente ${count(d.present, "catégorie", "catégories")} alors que le vivier de volontaires en permettait ${d.achievable} : la constitution du groupe vise, si possible, une diversité de profils.`,
            `For ${dimensionEn[d.dimension]}, the group shows ${countEn(d.present, "category", "categories")} whereas the volunteer pool allowed ${d.achievable}.`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "DIV-02",
    kind: "advisory",
    family: "diversity",
    section: "II-a",
    title: title(
      "Les différents métiers concernés sont représentés et les profils adaptés au sujet traité.",
      "Different occupations concerned are represented and profiles fit the subject."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.rank < COMPOSED || ctx.activeMembers.length === 0) return none
      const o = reportOf(ctx).occupations
      if (o.represented >= o.achievable) return none
      return [
        advisory(
          "DIV-02",
          ["members"],
          `${count(o.represented, "métier concerné est représenté", "métiers concernés sont représentés")} alors que le vivier de volontaires en permettait ${o.achievable} ; il manque : ${list(o.missing.map((m) => occupationLabel(ctx, m)))}.`,
          `${countEn(o.represented, "occupation concerned is", "occupations concerned are")} represented whereas the pool allowed ${o.achievable} (missing: ${listEn(o.missing.map((m) => occupationLabel(ctx, m)))}).`
        )
      ]
    }
  }),
  rule({
    id: "DIV-03",
    kind: "guarantee",
    family: "diversity",
    section: "II-a",
    title: title(
      "Une composition proposée par le compositeur est reproductible à partir de sa graine, respecte toutes les règles bloquantes, maximise la diversité parmi les groupes possibles et indique la probabilité de sélection de chaque volontaire.",
      "A composition proposed by the composer is reproducible from its seed, respects every blocking rule, maximises diversity among feasible groups, and reports each volunteer's selection probability."
    ),
    parameters: [],
    scope: "guarantee"
  })
]
