/**
 * A session's minutes (compte rendu), anonymous (CNF-02): inside the group the
 * latest version, outside it the latest version sent (RES-02).
 */
import * as Either from "effect/Either"
import * as AudienceM from "../../Audience.js"
import type { ExchangeSnapshot } from "../../Exchange.js"
import type { SessionId } from "../../Ids.js"
import * as Instant from "../../Instant.js"
import { dueDate } from "../workingDays.js"
import {
  agendaItems,
  type Env,
  findSession,
  guestsOf,
  header,
  membersAt,
  questionTitle,
  sessionRef,
  unavailable
} from "./common.js"

export const minutes = (s: ExchangeSnapshot, env: Env, request: { readonly sessionId: SessionId }) =>
  Either.flatMap(findSession(s, request.sessionId), (session) => {
    const inside = AudienceM.insideGroup(env.audience)
    const versions = inside ? session.minutes : session.minutes.filter((m) => m.sentAt !== undefined)
    const version = versions[versions.length - 1]
    if (version === undefined) {
      return inside
        ? unavailable("Aucun compte rendu n'a encore été rédigé pour cette séance.", "No minutes have been drafted for this session yet.")
        : unavailable(
            "Aucune version de ce compte rendu n'a encore été envoyée à l'encadrement.",
            "No version of these minutes has been sent to line managers yet."
          )
    }
    return Either.right({
      _tag: "MinutesView" as const,
      header: header(s, "minutes", env, version.sentAt ?? version.finalisedAt ?? version.draftedAt),
      session: sessionRef(s, session),
      version: {
        number: version.version,
        status: version.sentAt !== undefined ? ("sent" as const) : version.finalisedAt !== undefined ? ("final" as const) : ("draft" as const),
        draftedAt: version.draftedAt,
        finalisedAt: version.finalisedAt,
        sentAt: version.sentAt,
        correction: version.correction
      },
      // RES-02, as Obligations computes it: from the session's holding, on a working day.
      transmissionDueAt: Instant.make(
        dueDate(session.heldAt?.epochMillis ?? session.scheduledAt.epochMillis, env.config.minutesDueDays, env.config)
      ),
      // Members present only: facilitators and guests are not counted (SIZ-01).
      attendance: {
        present: session.attendees.filter((a) => s.members.some((m) => m.agentId === a)).length,
        members: membersAt(s, session)
      },
      guests: guestsOf(session),
      agenda: agendaItems(s, session),
      questionsChosen: s.questions
        .filter((q) => q.chosenInSession === session.id)
        .map((q) => ({ title: q.title, subject: q.subject })),
      cases: session.presentations.map((p, i) => ({
        number: i + 1,
        question: questionTitle(s, p.questionId),
        trace: p.trace,
        context: p.context,
        situation: p.situation,
        reasons: p.reasons,
        result: p.result,
        questions: p.discussion.questions,
        comparablePractices: p.discussion.comparablePractices
      })),
      variants: session.variants.map((v) => ({
        question: questionTitle(s, v.questionId),
        description: v.description,
        outcome: v.arbitration?.outcome,
        conditions: v.arbitration?.outcome === "conditional" ? v.arbitration.conditions : [],
        validated: v.validatedAt !== undefined
      })),
      trainingNeeds: s.trainingNeeds.filter((n) => n.sessionId === session.id).map((n) => n.description),
      summary: version.summary
    })
  })
