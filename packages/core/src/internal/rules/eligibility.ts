/**
 * ELI — eligibility (note I-a, I-d, II-a).
 */
import { exercisesOrContributes, ineligibility } from "../../Eligibility.js"
import { stateRank } from "../../Exchange.js"
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { advisory, blocking, day, isBlank, none, push, rule, title } from "../util.js"

const COMPOSED = stateRank("composed")

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "ELI-01",
    kind: "blocking",
    family: "eligibility",
    section: "II-a",
    title: title(
      "La participation repose sur le volontariat : seuls les agents volontaires deviennent membres ; un membre peut se retirer, son retrait est consigné et rien de ce qu'il a dit ne lui est réattribué.",
      "Participation is voluntary: only agents who volunteered become members. A member may withdraw; the withdrawal is recorded and nothing they said is re-attributed."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const s = ctx.snapshot
      let out: Array<Violation> | undefined
      s.members.forEach((m, i) => {
        const vi = ctx.volunteerIndex.get(m.agentId)
        if (vi === undefined) {
          out = push(
            out,
            blocking(
              "ELI-01",
              ["members", i, "agentId"],
              `Le membre ${m.agentId} ne s'est pas porté volontaire.`,
              `Member ${m.agentId} did not volunteer.`
            )
          )
          return
        }
        const v = s.volunteers[vi]!
        if (v.at.epochMillis > m.joinedAt.epochMillis) {
          out = push(
            out,
            blocking(
              "ELI-01",
              ["members", i, "joinedAt"],
              `Le membre ${m.agentId} a rejoint le groupe (${day(m.joinedAt.epochMillis)}) avant de se porter volontaire (${day(v.at.epochMillis)}).`,
              `Member ${m.agentId} joined (${day(m.joinedAt.epochMillis)}) before volunteering (${day(v.at.epochMillis)}).`
            )
          )
        }
      })
      return out ?? none
    }
  }),
  rule({
    id: "ELI-02",
    kind: "blocking",
    family: "eligibility",
    section: "II-a",
    title: title(
      "Les invitations vont aux agents affectés dans les services du périmètre ; un membre relève du périmètre (personnes ressources et invités exceptés).",
      "Invitations go to the agents assigned to the services of the perimeter; a member is inside the perimeter (resource persons and guests are exempt)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.eligibility.perimeter.length === 0) return none
      let out: Array<Violation> | undefined
      for (const m of ctx.activeMembers) {
        if (m.role === "resource") continue
        const a = ctx.agents.get(m.agentId)
        if (a === undefined || ctx.eligibility.perimeter.includes(a.unit)) continue
        out = push(
          out,
          blocking(
            "ELI-02",
            ["members", ctx.memberIndex.get(m.agentId)!],
            `Le membre ${m.agentId} est affecté à ${a.unit}, hors du périmètre de l'échange.`,
            `Member ${m.agentId} is assigned to ${a.unit}, outside the exchange's perimeter.`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "ELI-03",
    kind: "blocking",
    family: "eligibility",
    section: "I-a, I-d",
    title: title(
      "Finalité « se professionnaliser » : les membres exercent le même métier ou concourent à sa réalisation, éventuellement entre services ou structures.",
      "Purpose professionalisation: members exercise the same occupation, or contribute to it, possibly across services or structures."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const e = ctx.eligibility
      if (e.purpose !== "professionalisation" || e.occupationsConcerned.length === 0) return none
      let out: Array<Violation> | undefined
      for (const m of ctx.activeMembers) {
        const a = ctx.agents.get(m.agentId)
        if (a === undefined || !ineligibility(a, e, m.role).includes("ELI-03")) continue
        out = push(
          out,
          blocking(
            "ELI-03",
            ["members", ctx.memberIndex.get(m.agentId)!],
            `Le membre ${m.agentId} (métier ${a.occupation}) n'exerce ni ne concourt au métier de l'échange (${e.occupationsConcerned.join(", ")}).`,
            `Member ${m.agentId} (occupation ${a.occupation}) neither exercises nor contributes to the exchange's occupation (${e.occupationsConcerned.join(", ")}).`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "ELI-04",
    kind: "advisory",
    family: "eligibility",
    section: "I-d",
    title: title(
      "Finalité « résoudre des problèmes » : les membres sont les personnes dont la fonction permet de traiter la thématique ; chaque métier concerné est représenté par au moins un membre.",
      "Purpose problem solving: members are people whose function allows them to treat the theme; every occupation concerned is represented by at least one member."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.eligibility.purpose !== "problemSolving" || ctx.rank < COMPOSED) return none
      const concerned = new Set<string>(ctx.snapshot.framing?.occupationsConcerned ?? [])
      for (const q of ctx.snapshot.questions) for (const o of q.occupationsConcerned) concerned.add(o)
      let out: Array<Violation> | undefined
      for (const o of concerned) {
        const represented = ctx.activeMembers.some((m) => {
          const a = ctx.agents.get(m.agentId)
          return a !== undefined && exercisesOrContributes(a, [o as never])
        })
        if (represented) continue
        out = push(
          out,
          advisory(
            "ELI-04",
            ["members"],
            `Le métier concerné ${o} n'est représenté par aucun membre.`,
            `The occupation concerned ${o} is represented by no member.`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "ELI-05",
    kind: "advisory",
    family: "eligibility",
    section: "II-a",
    title: title(
      "La composition associe des opérationnels (agents, encadrants) et des personnes ressources (par ex. psychologue du travail) adaptés au sujet.",
      "The composition mixes operational participants (agents, managers) and resource persons (e.g. work psychologist) fitted to the subject."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      if (ctx.rank < COMPOSED || ctx.activeMembers.length === 0) return none
      let operational = 0
      let resource = 0
      for (const m of ctx.activeMembers) m.role === "resource" ? resource++ : operational++
      if (operational > 0 && resource > 0) return none
      return [
        advisory(
          "ELI-05",
          ["members"],
          resource === 0
            ? "Le groupe ne compte aucune personne ressource (par ex. psychologue du travail) aux côtés des opérationnels."
            : "Le groupe ne compte aucun opérationnel (agents, encadrants).",
          resource === 0
            ? "The group has no resource person (e.g. work psychologist) beside the operational members."
            : "The group has no operational member (agents, managers)."
        )
      ]
    }
  }),
  rule({
    id: "ELI-06",
    kind: "advisory",
    family: "eligibility",
    section: "II-a",
    title: title(
      "Les invités ponctuels (chargé de prévention, médecin du travail, psychologue du travail, ergonome, RH, logistique, service social…) participent aux séances qui les concernent, avec le motif consigné ; ils ne sont pas membres et sont tenus à la confidentialité.",
      "Occasional guests (prevention officer, occupational physician, work psychologist, ergonomist, HR, logistics, social service, …) attend the sessions that concern them, with the reason recorded. They are not members and are bound by confidentiality."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        s.guests.forEach((g, gi) => {
          if (isBlank(g.reason)) {
            out = push(
              out,
              advisory(
                "ELI-06",
                ["sessions", si, "guests", gi, "reason"],
                `L'invité ${g.agentId} de la séance ${s.id} n'a pas de motif consigné.`,
                `Guest ${g.agentId} of session ${s.id} has no recorded reason.`
              )
            )
          }
          if (ctx.activeMemberIds.has(g.agentId)) {
            out = push(
              out,
              advisory(
                "ELI-06",
                ["sessions", si, "guests", gi, "agentId"],
                `${g.agentId} est à la fois membre du groupe et invité ponctuel de la séance ${s.id}.`,
                `${g.agentId} is both a member of the group and an occasional guest of session ${s.id}.`
              )
            )
          }
        })
      })
      return out ?? none
    }
  })
]
