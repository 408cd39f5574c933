/**
 * CHA — group rules, step 1 (note II-c).
 */
import { charterItems, stateRank } from "../../Exchange.js"
import type { Rule } from "../../Rule.js"
import { gini } from "../../Speaking.js"
import type { Violation } from "../../Violation.js"
import { num, numEn, percent } from "../fr.js"
import { seance, sessionEn } from "../labels.js"
import { advisory, blocking, day, jour, local, none, push, rule, title } from "../util.js"

const CHARTER_ADOPTED = stateRank("charterAdopted")

const itemFr: Record<string, string> = {
  respectNoJudgement: "respect des propos d'autrui, absence de jugement",
  speakingEquity: "équité dans les temps de parole et la valeur des propos",
  confidentiality: "confidentialité des échanges",
  attendanceCommitment: "engagement de participation sur la durée du cycle",
  facilitationModalities: "modalités d'animation"
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "CHA-01",
    kind: "blocking",
    family: "charter",
    section: "II-c étape 1",
    title: title(
      "Avant la première séance de travail, le groupe adopte ses règles, avec les cinq éléments : respect et absence de jugement ; équité des temps de parole et valeur des propos ; confidentialité ; engagement de participation sur la durée du cycle ; modalités d'animation.",
      "Before the first working session the group adopts its rules, with all five items: respect and no judgement; equity of speaking time and equal value of statements; confidentiality; commitment to attend the whole cycle; facilitation modalities."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const charter = ctx.snapshot.charter
      let out: Array<Violation> | undefined
      if (charter === undefined) {
        if (ctx.rank >= CHARTER_ADOPTED || ctx.liveSessions.length > 0) {
          out = push(
            out,
            blocking(
              "CHA-01",
              ["charter"],
              "Le groupe n'a pas adopté ses règles de travail avant ses séances de travail.",
              "The group has not adopted its working rules before its sessions."
            )
          )
        }
        return out ?? none
      }
      const missing = charterItems.filter((i) => !charter.items.includes(i))
      if (missing.length > 0) {
        out = push(
          out,
          blocking(
            "CHA-01",
            ["charter", "items"],
            `Les règles de travail du groupe ne comprennent pas : ${missing.map((m) => itemFr[m]).join(" ; ")}.`,
            `The group's rules lack: ${missing.join(", ")}.`
          )
        )
      }
      const adopted = charter.adoptedAt.epochMillis
      for (const { session, index, millis } of ctx.liveSessions) {
        if (millis >= adopted) continue
        out = push(
          out,
          blocking(
            "CHA-01",
            ["sessions", index, "scheduledAt"],
            `La ${seance(ctx.snapshot, session)} précède l'adoption des règles de travail du groupe (${jour(adopted)}).`,
            `The ${sessionEn(ctx.snapshot, session)} precedes the adoption of the group's rules (${day(adopted)}).`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "CHA-02",
    kind: "advisory",
    family: "charter",
    section: "II-c étape 1",
    title: title(
      "Quand les temps de parole sont relevés, la bibliothèque en mesure l'équité (coefficient de Gini, part du plus long temps de parole) et avertit au-delà d'un seuil.",
      "When speaking times are recorded, the library reports their equity (Gini coefficient, share of the longest speaker) and warns past a threshold."
    ),
    parameters: [local("speakingTimeGiniThreshold")],
    scope: "snapshot",
    check: (ctx) => {
      const threshold = ctx.config.speakingTimeGiniThreshold
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        if (s.speakingTimes === undefined || s.speakingTimes.length < 2) return
        const e = gini(s.speakingTimes)
        if (e.gini <= threshold) return
        out = push(
          out,
          advisory(
            "CHA-02",
            ["sessions", si, "speakingTimes"],
            `Temps de parole inégaux à la ${seance(ctx.snapshot, s)} : coefficient de Gini de ${num(e.gini)} (seuil : ${num(threshold)}) ; la personne qui a le plus parlé a occupé ${percent(e.longestShare)} du temps de parole.`,
            `Unequal speaking times in the ${sessionEn(ctx.snapshot, s)}: Gini coefficient ${numEn(e.gini)} (threshold ${numEn(threshold)}); the longest speaker took ${Math.round(e.longestShare * 100)}% of the time.`
          )
        )
      })
      return out ?? none
    }
  })
]
