/** The statement of conclusions, grouped by outcome in the note's order (ARB-03). */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { type Env, header, questionTitle, unavailable } from "./common.js"

export const conclusions = (s: ExchangeSnapshot, env: Env) => {
  const c = s.conclusions
  if (c === undefined) {
    return unavailable("Le relevé de conclusions n'est pas encore établi.", "The statement of conclusions does not exist yet.")
  }
  const variants = s.sessions.flatMap((x) => x.variants)
  const chosen = c.variantIds.flatMap((id) => variants.filter((v) => v.id === id && v.validatedAt !== undefined))
  const groups = (["desirable", "conditional", "discontinue"] as const).map((outcome) => ({
    outcome,
    entries: chosen
      .filter((v) => v.arbitration?.outcome === outcome)
      .map((v) => ({
        questions: [questionTitle(s, v.questionId)],
        description: v.description,
        conditions: v.arbitration?.outcome === "conditional" ? v.arbitration.conditions : []
      }))
  }))
  const questionIds = new Set(chosen.map((v) => v.questionId as string))
  return Either.right({
    _tag: "ConclusionsView" as const,
    header: header(s, "conclusions", env, c.circulatedAt ?? c.draftedAt),
    draftedAt: c.draftedAt,
    circulatedAt: c.circulatedAt,
    summary: c.summary,
    groups,
    questions: s.questions.filter((q) => questionIds.has(q.id)).map((q) => ({ title: q.title, subject: q.subject }))
  })
}
