/**
 * SES — sessions, step 2 (note II-c).
 */
import type { Rule } from "../../Rule.js"
import type { Violation } from "../../Violation.js"
import { isActiveAt } from "../context.js"
import { advisory, blocking, day, isBlank, local, none, note, push, rule, title } from "../util.js"

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "SES-01",
    kind: "blocking",
    family: "sessions",
    section: "II-c étape 2",
    title: title(
      "La première séance de travail choisit les questions de travail ; aucun exposé de cas n'a lieu avant qu'au moins une question soit choisie.",
      "The first working session chooses the work questions; no case presentation happens before at least one question is chosen."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const { session, index, millis } of ctx.liveSessions) {
        session.presentations.forEach((p, pi) => {
          const chosen = ctx.questionChosenMillis.get(p.questionId)
          if (chosen !== undefined && chosen <= millis) return
          out = push(
            out,
            blocking(
              "SES-01",
              ["sessions", index, "presentations", pi, "questionId"],
              `L'exposé ${p.id} de la séance ${session.id} (${day(millis)}) porte sur la question ${p.questionId}, que le groupe n'avait pas encore choisie.`,
              `Presentation ${p.id} of session ${session.id} (${day(millis)}) is about question ${p.questionId}, which the group had not chosen yet.`
            )
          )
        })
      }
      return out ?? none
    }
  }),
  rule({
    id: "SES-02",
    kind: "advisory",
    family: "sessions",
    section: "II-c étape 2",
    title: title(
      "Quelques questions à la fois : plus de 3 questions ouvertes est déconseillé.",
      "A few questions at a time: more than 3 open questions is advisory."
    ),
    parameters: [local("maxOpenQuestions")],
    scope: "snapshot",
    check: (ctx) => {
      let open = 0
      for (const q of ctx.snapshot.questions) if (q.status === "open" && ctx.questionChosenMillis.has(q.id)) open++
      const max = ctx.config.maxOpenQuestions
      if (open <= max) return none
      return [
        advisory(
          "SES-02",
          ["questions"],
          `${open} questions de travail sont ouvertes en même temps : il est recommandé de travailler sur quelques questions (au plus ${max}).`,
          `${open} work questions are open at once: working on a few questions (at most ${max}) is advised.`
        )
      ]
    }
  }),
  rule({
    id: "SES-03",
    kind: "blocking",
    family: "sessions",
    section: "II-c étape 2",
    title: title(
      "Chaque exposé de cas s'appuie sur une trace de l'activité : issue du travail (compte rendu, mail, courrier…) ou créée pour le groupe (notes prises pendant ou après l'activité, notes d'observation).",
      "Each case presentation rests on a trace of activity: taken from the work (report, email, letter, …) or created for the group (own notes, observation notes)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        s.presentations.forEach((p, pi) => {
          if (p.trace !== undefined && !isBlank(p.trace.description)) return
          out = push(
            out,
            blocking(
              "SES-03",
              ["sessions", si, "presentations", pi, "trace"],
              `L'exposé ${p.id} de la séance ${s.id} ne s'appuie sur aucune trace de l'activité décrite.`,
              `Presentation ${p.id} of session ${s.id} rests on no described trace of activity.`
            )
          )
        })
      })
      return out ?? none
    }
  }),
  rule({
    id: "SES-04",
    kind: "advisory",
    family: "sessions",
    section: "II-c étape 2",
    title: title(
      "Deux ou trois exposés par séance : plus de 3 est déconseillé.",
      "Two or three presentations per session: more than 3 is advisory."
    ),
    parameters: [note("maxPresentationsPerSession")],
    scope: "snapshot",
    check: (ctx) => {
      const max = ctx.config.maxPresentationsPerSession
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        if (s.presentations.length <= max) return
        out = push(
          out,
          advisory(
            "SES-04",
            ["sessions", si, "presentations"],
            `La séance ${s.id} compte ${s.presentations.length} exposés : deux ou trois par séance sont recommandés (au plus ${max}).`,
            `Session ${s.id} has ${s.presentations.length} presentations: two or three per session are advised (at most ${max}).`
          )
        )
      })
      return out ?? none
    }
  }),
  rule({
    id: "SES-05",
    kind: "advisory",
    family: "sessions",
    section: "II-c étape 2",
    title: title(
      "Les membres présentent à tour de rôle : un deuxième exposé d'un membre alors qu'un autre n'a jamais présenté est déconseillé.",
      "Members present in turn: a second presentation by a member while another member has never presented is advisory."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      const counts = new Map<string, number>()
      let out: Array<Violation> | undefined
      for (const { session, index, millis } of ctx.liveSessions) {
        session.presentations.forEach((p, pi) => {
          const before = counts.get(p.presenter) ?? 0
          counts.set(p.presenter, before + 1)
          if (before === 0) return
          const waiting = ctx.snapshot.members.filter(
            (m) => m.role === "operational" && isActiveAt(m, millis) && !counts.has(m.agentId)
          )
          if (waiting.length === 0) return
          out = push(
            out,
            advisory(
              "SES-05",
              ["sessions", index, "presentations", pi, "presenter"],
              `L'exposé ${p.id} est un nouvel exposé du même membre alors que ${waiting.length} membre(s) n'ont encore jamais présenté.`,
              `Presentation ${p.id} is another presentation by the same member while ${waiting.length} member(s) have never presented.`
            )
          )
        })
      }
      return out ?? none
    }
  }),
  rule({
    id: "SES-06",
    kind: "blocking",
    family: "sessions",
    section: "I-a, II-c étape 2",
    title: title("Une séance a un ordre du jour avant de se tenir.", "A session has an agenda before it is held."),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const { session, index, millis, held } of ctx.liveSessions) {
        if (!held) continue
        const agenda = session.agenda
        if (agenda !== undefined && agenda.items.length > 0 && agenda.setAt.epochMillis <= millis) continue
        out = push(
          out,
          blocking(
            "SES-06",
            ["sessions", index, "agenda"],
            agenda === undefined || agenda.items.length === 0
              ? `La séance ${session.id} (${day(millis)}) s'est tenue sans ordre du jour.`
              : `L'ordre du jour de la séance ${session.id} a été fixé (${day(agenda.setAt.epochMillis)}) après la séance (${day(millis)}).`,
            agenda === undefined || agenda.items.length === 0
              ? `Session ${session.id} (${day(millis)}) was held without an agenda.`
              : `The agenda of session ${session.id} was set (${day(agenda.setAt.epochMillis)}) after the session (${day(millis)}).`
          )
        )
      }
      return out ?? none
    }
  }),
  rule({
    id: "SES-07",
    kind: "blocking",
    family: "sessions",
    section: "II-c étape 2",
    title: title(
      "Un exposé consigne le contexte, les éléments de la situation, les raisons des choix faits et le résultat ; la discussion consigne questions et pratiques comparables sans attribution. Plusieurs séances peuvent traiter la même question.",
      "A case presentation records context, the elements of the situation, the reasons for the choices made and the result; the discussion records questions and comparable practices without attribution. Several sessions may treat the same question."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      ctx.snapshot.sessions.forEach((s, si) => {
        s.presentations.forEach((p, pi) => {
          const missing: Array<[string, string]> = []
          if (isBlank(p.context)) missing.push(["context", "le contexte"])
          if (isBlank(p.situation)) missing.push(["situation", "les éléments de la situation"])
          if (isBlank(p.reasons)) missing.push(["reasons", "les raisons des choix"])
          if (isBlank(p.result)) missing.push(["result", "le résultat"])
          if (missing.length === 0) return
          out = push(
            out,
            blocking(
              "SES-07",
              ["sessions", si, "presentations", pi, missing[0]![0]],
              `L'exposé ${p.id} de la séance ${s.id} ne consigne pas : ${missing.map((m) => m[1]).join(", ")}.`,
              `Presentation ${p.id} of session ${s.id} does not record: ${missing.map((m) => m[0]).join(", ")}.`
            )
          )
        })
      })
      return out ?? none
    }
  }),
  rule({
    id: "SES-08",
    kind: "blocking",
    family: "sessions",
    section: "II-c étape 2",
    addedByEntrePairs: true,
    title: title(
      "À tour de rôle, un membre du groupe présente un cas : l'auteur d'un exposé est membre du groupe à la date de la séance (ni animateur ni invité).",
      "In turn, a member of the group presents a case: the presenter is a member of the group on the session's date (not a facilitator or a guest)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const { session, index, millis } of ctx.liveSessions) {
        session.presentations.forEach((p, pi) => {
          const mi = ctx.memberIndex.get(p.presenter)
          if (mi !== undefined && isActiveAt(ctx.snapshot.members[mi]!, millis)) return
          out = push(
            out,
            blocking(
              "SES-08",
              ["sessions", index, "presentations", pi, "presenter"],
              `L'exposé ${p.id} de la séance ${session.id} est présenté par ${p.presenter}, qui n'est pas membre du groupe à cette date.`,
              `Presentation ${p.id} of session ${session.id} is given by ${p.presenter}, who is not a member of the group on that date.`
            )
          )
        })
      }
      return out ?? none
    }
  })
]
