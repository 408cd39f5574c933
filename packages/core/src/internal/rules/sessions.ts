/**
 * SES — sessions, step 2 (note II-c).
 */
import type { LiveSession, Rule, RuleContext } from "../../Rule.js"
import type { CasePresentation, Session } from "../../Session.js"
import type { Violation } from "../../Violation.js"
import { isActiveAt } from "../context.js"
import { count, countEn, list } from "../fr.js"
import { expose, presentationEn, questionTitle, seance, sessionEn } from "../labels.js"
import { advisory, blocking, day, isBlank, jour, local, none, note, push, rule, title } from "../util.js"

/** Agenda natures of the work on cases (SES-01, SES-09): what follows the choice of the questions. */
const caseNatures: ReadonlySet<string> = new Set(["experienceSharing", "processAnalysis", "difficultiesAndResources", "improvementProposals"])

/**
 * SES-01, "before" is the order of the agenda: in a session that chooses its
 * questions, an item of choice comes before an item of work on a case.
 */
const choiceBeforeCase = (session: Session, questionId: string): boolean => {
  const items = session.agenda?.items ?? []
  const choice = items.findIndex((it) => it.nature === "questionChoice")
  if (choice < 0) return false
  return items.some((it, i) => i > choice && (it.questionId === questionId || caseNatures.has(it.nature)))
}

/**
 * SES-01: whether the question of a presentation of a live session was
 * chosen before it — in an earlier session, or earlier in the agenda of the
 * same session, or (a question with no session) on a date before it.
 */
const chosenBefore = (ctx: RuleContext, live: LiveSession, p: CasePresentation): boolean => {
  const q = ctx.snapshot.questions.find((x) => x.id === p.questionId)
  if (q === undefined) return false
  if (q.chosenInSession !== undefined) {
    if (q.chosenInSession === live.session.id) return choiceBeforeCase(live.session, q.id)
    const index = ctx.snapshot.sessions.findIndex((x) => x.id === q.chosenInSession)
    const chosen = ctx.snapshot.sessions[index]
    if (chosen === undefined || chosen.status === "cancelled") return false
    const millis = chosen.scheduledAt.epochMillis
    return millis < live.millis || (millis === live.millis && index < live.index)
  }
  return q.chosenAt !== undefined && q.chosenAt.epochMillis <= live.millis
}

export const rules: ReadonlyArray<Rule> = [
  rule({
    id: "SES-01",
    kind: "blocking",
    family: "sessions",
    section: "II-c étape 2",
    version: 2,
    title: title(
      "La première séance de travail choisit les questions de travail ; aucun exposé de cas n'a lieu avant qu'au moins une question soit choisie. « Avant », c'est l'ordre de l'ordre du jour : une question choisie plus tôt dans la même séance peut y être traitée (un échange d'une seule séance doit pouvoir travailler).",
      "The first working session chooses the work questions; no case presentation happens before at least one question is chosen. \"Before\" is the order of the agenda: a question chosen earlier in the same session may be treated in that session (a one-session exchange must be able to work)."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const live of ctx.liveSessions) {
        live.session.presentations.forEach((p, pi) => {
          if (chosenBefore(ctx, live, p)) return
          out = push(
            out,
            blocking(
              "SES-01",
              ["sessions", live.index, "presentations", pi, "questionId"],
              `Le ${expose(ctx.snapshot, live.session, p)} porte sur la question « ${questionTitle(ctx.snapshot, p.questionId)} », que le groupe n'avait pas encore choisie : dans une même séance, le choix des questions précède les exposés dans l'ordre du jour.`,
              `The ${presentationEn(ctx.snapshot, live.session, p)} is about the question "${questionTitle(ctx.snapshot, p.questionId)}", which the group had not chosen yet: within a session, the choice of questions comes first in the agenda.`
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
          `${open} questions de travail sont ouvertes en même temps : il est recommandé de travailler sur quelques thématiques à la fois (au plus ${max}).`,
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
              `Le ${expose(ctx.snapshot, s, p)} ne s'appuie sur aucune trace de l'activité décrite (compte rendu, courriel, courrier, notes…).`,
              `The ${presentationEn(ctx.snapshot, s, p)} rests on no described trace of activity.`
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
            `La ${seance(ctx.snapshot, s)} compte ${s.presentations.length} exposés : il est recommandé de n'en mettre en débat que deux ou trois par séance (au plus ${max}).`,
            `The ${sessionEn(ctx.snapshot, s)} has ${s.presentations.length} presentations: two or three per session are advised (at most ${max}).`
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
              `Le ${expose(ctx.snapshot, session, p)} est un nouvel exposé du même membre alors que ${count(waiting.length, "membre n'a", "membres n'ont")} encore jamais présenté : les membres présentent à tour de rôle.`,
              `The ${presentationEn(ctx.snapshot, session, p)} is another presentation by the same member while ${countEn(waiting.length, "member has", "members have")} never presented.`
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
              ? `La ${seance(ctx.snapshot, session)} s'est tenue sans ordre du jour.`
              : `L'ordre du jour de la ${seance(ctx.snapshot, session)} a été fixé (${jour(agenda.setAt.epochMillis)}) après la séance (${jour(millis)}).`,
            agenda === undefined || agenda.items.length === 0
              ? `The ${sessionEn(ctx.snapshot, session)} was held without an agenda.`
              : `The agenda of the ${sessionEn(ctx.snapshot, session)} was set (${day(agenda.setAt.epochMillis)}) after the session (${day(millis)}).`
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
          if (isBlank(p.context)) missing.push(["context", "le contexte de production"])
          if (isBlank(p.situation)) missing.push(["situation", "les éléments de la situation"])
          if (isBlank(p.reasons)) missing.push(["reasons", "les raisons des choix faits"])
          if (isBlank(p.result)) missing.push(["result", "le résultat de l'activité"])
          if (missing.length === 0) return
          out = push(
            out,
            blocking(
              "SES-07",
              ["sessions", si, "presentations", pi, missing[0]![0]],
              `Le ${expose(ctx.snapshot, s, p)} ne consigne pas ${list(missing.map((m) => m[1]))}.`,
              `The ${presentationEn(ctx.snapshot, s, p)} does not record: ${missing.map((m) => m[0]).join(", ")}.`
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
    version: 2,
    title: title(
      "« A tour de rôle, un membre du groupe présente le cas » : l'auteur d'un exposé est un membre présent à la séance, jamais un animateur en tant que tel. La même condition vaut pour une commande et pour `check`.",
      "« A tour de rôle, un membre du groupe présente le cas »: the presenter is a member present at that session, never a facilitator acting as such. The same condition in a command and in `check`."
    ),
    parameters: [],
    scope: "snapshot",
    check: (ctx) => {
      let out: Array<Violation> | undefined
      for (const { session, index, millis } of ctx.liveSessions) {
        session.presentations.forEach((p, pi) => {
          const mi = ctx.memberIndex.get(p.presenter)
          const member = mi !== undefined && isActiveAt(ctx.snapshot.members[mi]!, millis)
          const present = session.attendees.includes(p.presenter)
          if (member && present) return
          const facilitator = ctx.facilitators.some((f) => f.agentId === p.presenter)
          out = push(
            out,
            blocking(
              "SES-08",
              ["sessions", index, "presentations", pi, "presenter"],
              !member
                ? facilitator
                  ? `Le ${expose(ctx.snapshot, session, p)} est présenté par une personne qui anime le groupe : à tour de rôle, c'est un membre du groupe qui présente le cas.`
                  : `Le ${expose(ctx.snapshot, session, p)} est présenté par une personne qui n'est pas membre du groupe à cette date.`
                : `Le ${expose(ctx.snapshot, session, p)} est présenté par une personne qui n'est pas consignée comme présente à cette séance.`,
              !member
                ? `The ${presentationEn(ctx.snapshot, session, p)} is given by someone who is not a member of the group on that date.`
                : `The ${presentationEn(ctx.snapshot, session, p)} is given by someone who is not recorded as present at that session.`
            )
          )
        })
      }
      return out ?? none
    }
  }),
  rule({
    id: "SES-09",
    kind: "advisory",
    family: "sessions",
    section: "II-c étape 2",
    version: 2,
    title: title(
      "« Il faut prévoir de consacrer un temps conséquent » au choix des questions : les ordres du jour y consacrent au moins 45 minutes (local) avant le premier exposé de cas (l'étape peut s'étendre sur plusieurs séances) ; aucun avertissement quand les ordres du jour ne portent pas de durées.",
      "« Il faut prévoir de consacrer un temps conséquent » to choosing the questions: the agendas allot at least 45 minutes (local) to it before the first case presentation (the step may span sessions); no warning when the agendas carry no durations."
    ),
    parameters: [local("minQuestionChoiceMinutes")],
    scope: "snapshot",
    check: (ctx) => {
      // The first session with a case: a presentation, or an agenda item on a question.
      const first = ctx.liveSessions.findIndex(
        ({ session }) => session.presentations.length > 0 || (session.agenda?.items ?? []).some((it) => it.questionId !== undefined)
      )
      if (first < 0) return none
      let minutes = 0
      let timed = false
      for (let i = 0; i <= first; i++) {
        for (const it of ctx.liveSessions[i]!.session.agenda?.items ?? []) {
          if (it.durationMinutes === undefined) continue
          timed = true
          if (it.nature === "questionChoice") minutes += it.durationMinutes
        }
      }
      const min = ctx.config.minQuestionChoiceMinutes
      if (!timed || minutes >= min) return none
      const { session, index } = ctx.liveSessions[first]!
      return [
        advisory(
          "SES-09",
          ["sessions", index, "agenda"],
          `Les ordres du jour ne consacrent que ${count(minutes, "minute", "minutes")} au choix des questions avant le premier exposé, à la ${seance(ctx.snapshot, session)} : il faut prévoir de consacrer un temps conséquent à cette étape (au moins ${min} minutes).`,
          `The agendas allot only ${countEn(minutes, "minute", "minutes")} to choosing the questions before the first case, in the ${sessionEn(ctx.snapshot, session)}: a substantial time is needed (at least ${min} minutes).`
        )
      ]
    }
  })
]
