/**
 * PUR — purpose and scope (note I-a, I-b, I-c, I-d).
 */
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { isExcluded } from "../../WorkQuestion.js"
import { blocking, isBlank, none, push, rule, title } from "../util.js"

const natureFr: Record<string, string> = {
  topDownInformation: "information descendante",
  opinionCollection: "recueil d'opinions individuelles",
  interpersonalDispute: "règlement de comptes interpersonnels",
  prescriptionOnly: "seulement ce qui doit être fait",
  negotiation: "négociation ou revendication",
  decisionMaking: "prise de décision"
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "PUR-01",
    kind: "blocking",
    family: "purpose",
    section: "I-c",
    title: title(
      "L'échange déclare au moins un objectif : régulation collective de l'activité ; identification, analyse et résolution d'un problème ; développement professionnel.",
      "An exchange declares at least one objective: collective regulation of activity; identification, analysis and resolution of a problem; professional development."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const framing = ctx.snapshot.framing
      if (framing === undefined || framing.objectives.length > 0) return none
      return [
        blocking(
          "PUR-01",
          ["framing", "objectives"],
          "Le cadrage ne déclare aucun objectif (régulation collective, résolution de problème ou développement professionnel).",
          "The framing declares no objective (collective regulation, problem resolution or professional development)."
        )
      ]
    }
  }),
  rule({
    id: "PUR-02",
    kind: "blocking",
    family: "purpose",
    section: "I-d",
    title: title(
      "L'échange déclare une finalité : résoudre des problèmes / améliorer des situations, ou se professionnaliser / développer les pratiques.",
      "An exchange declares exactly one purpose: problem solving / improving situations, or professionalisation / developing practices."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const framing = ctx.snapshot.framing
      if (framing === undefined || framing.purpose !== undefined) return none
      return [
        blocking(
          "PUR-02",
          ["framing", "purpose"],
          "Le cadrage ne déclare pas la finalité de l'échange (résolution de problèmes ou professionnalisation).",
          "The framing does not declare the exchange's purpose (problem solving or professionalisation)."
        )
      ]
    }
  }),
  rule({
    id: "PUR-03",
    kind: "blocking",
    family: "purpose",
    section: "Introduction, I-a",
    title: title(
      "Chaque question de travail est ancrée dans le travail réel et nomme son objet : activité, règles et processus, ressources, contraintes, sens du travail, conditions de réalisation, difficultés, pratiques et leurs limites.",
      "Every work question is anchored in real work and names its subject: activity, rules and processes, resources, constraints, meaning of work, working conditions, difficulties, practices and their limits."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.questions.forEach((q, i) => {
        if (q.subject === undefined) {
          out = push(
            out,
            blocking(
              "PUR-03",
              ["questions", i, "subject"],
              `La question ${q.id} ne précise pas son objet (activité, règles et processus, ressources, contraintes…).`,
              `Question ${q.id} does not name its subject (activity, rules and processes, resources, constraints…).`
            )
          )
        }
        if (isBlank(q.anchoring)) {
          out = push(
            out,
            blocking(
              "PUR-03",
              ["questions", i, "anchoring"],
              `La question ${q.id} n'est pas ancrée dans une situation de travail réelle.`,
              `Question ${q.id} is not anchored in a real work situation.`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "PUR-04",
    kind: "blocking",
    family: "purpose",
    section: "I-b",
    title: title(
      "Une question ou un point d'ordre du jour relevant d'un usage exclu est refusé : information descendante, recueil d'opinions, règlement de comptes, seulement ce qui doit être fait, négociation ou revendication, prise de décision.",
      "A theme or agenda item whose nature is an excluded use is refused: top-down information, collection of opinions, interpersonal disputes, only prescribing, negotiation or demands, taking decisions."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.questions.forEach((q, i) => {
        if (isExcluded(q.nature)) {
          out = push(
            out,
            blocking(
              "PUR-04",
              ["questions", i, "nature"],
              `La question ${q.id} relève d'un usage exclu par la note : ${natureFr[q.nature] ?? q.nature}.`,
              `Question ${q.id} is an excluded use of an exchange: ${q.nature}.`
            )
          )
        }
      })
      ctx.snapshot.sessions.forEach((s, si) => {
        s.agenda?.items.forEach((item, ii) => {
          if (isExcluded(item.nature)) {
            out = push(
              out,
              blocking(
                "PUR-04",
                ["sessions", si, "agenda", "items", ii, "nature"],
                `Un point de l'ordre du jour de la séance ${s.id} relève d'un usage exclu : ${natureFr[item.nature] ?? item.nature}.`,
                `An agenda item of session ${s.id} is an excluded use: ${item.nature}.`
              )
            )
          }
        })
      })
      return out ?? none
    }
  }),
  rule({
    id: "PUR-05",
    kind: "guarantee",
    family: "purpose",
    section: "I-b",
    title: title(
      "L'échange n'est jamais une instance de décision ni un substitut aux réunions de service ou aux instances représentatives : seules les réponses de la direction portent des décisions.",
      "The exchange is never a decision body nor a substitute for service meetings or staff-representative bodies: decisions exist only as the direction's response."
    ),
    parameters: [],
    scope: "guarantee"
  })
]
