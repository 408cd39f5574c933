/**
 * Handlers of the work on questions and cases: choosing and closing work
 * questions (PUR-03, SES-02), recording a case presentation (SES-01, SES-03,
 * SES-07, SES-08).
 */
import * as Either from "effect/Either"
import { type Handlers, heldSession, invalid, ok } from "./common.js"

export const questions: Handlers<"ChooseQuestions" | "CloseQuestion" | "RecordPresentation"> = {
  ChooseQuestions: (c, s, at) =>
    Either.flatMap(heldSession(c, s), () => {
      for (const [i, q] of c.questions.entries()) {
        if (s.questions.some((x) => x.id === q.id) || c.questions.findIndex((x) => x.id === q.id) !== i) {
          return invalid(c, ["questions", i, "id"], { fr: "question déjà choisie", en: "question already chosen" })
        }
      }
      if (c.questions.length === 0) {
        return invalid(c, ["questions"], { fr: "au moins une question", en: "at least one question" })
      }
      return ok({
        _tag: "QuestionsChosen",
        at,
        sessionId: c.sessionId,
        questions: c.questions.map((q) => ({ ...q, status: "open" as const, chosenInSession: c.sessionId, chosenAt: at }))
      })
    }),
  CloseQuestion: (c, s, at) =>
    s.questions.some((q) => q.id === c.questionId && q.status === "open")
      ? ok({ _tag: "QuestionClosed", at, questionId: c.questionId })
      : invalid(c, ["questionId"], { fr: "pas de question ouverte de ce nom", en: "no open question with this ID" }),
  RecordPresentation: (c, s, at) =>
    Either.flatMap(heldSession(c, s), () => {
      // SES-01 (the question chosen before, in the agenda's order) and SES-08
      // (a member present) are the snapshot rules, checked on the next state:
      // the same condition, at the same path, as `check`.
      if (!s.questions.some((q) => q.id === c.presentation.questionId)) {
        return invalid(c, ["presentation", "questionId"], { fr: "question inconnue", en: "unknown question" })
      }
      if (s.sessions.some((x) => x.presentations.some((p) => p.id === c.presentation.id))) {
        return invalid(c, ["presentation", "id"], { fr: "exposé déjà consigné", en: "presentation already recorded" })
      }
      if (!s.agents.some((a) => a.id === c.presentation.presenter)) {
        return invalid(c, ["presentation", "presenter"], { fr: "agent inconnu", en: "unknown agent" })
      }
      return ok({ _tag: "CasePresented", at, sessionId: c.sessionId, presentation: c.presentation })
    })
}
