/** The direction's response after the restitution (RES-05) and the follow-up grid (RES-08). */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import * as Instant from "../../Instant.js"
import { dueDate } from "../workingDays.js"
import { type Env, header, latest, unavailable } from "./common.js"

export const directionResponse = (s: ExchangeSnapshot, env: Env) => {
  const restitution = s.restitution
  // CNF-03 refuses this output before the restitution; a caller of the builder alone learns it here.
  if (restitution === undefined) {
    return unavailable("La réponse de la direction suit la restitution.", "The direction's response follows the restitution.")
  }
  const at = env.at
  const dueAt = Instant.make(dueDate(restitution.at.epochMillis, env.config.directionResponseDueDays, env.config))
  return Either.right({
    _tag: "DirectionResponseView" as const,
    header: header(
      s,
      "directionResponse",
      env,
      latest(restitution.at, s.directionResponse?.at, ...s.actions.flatMap((a) => [a.decidedAt, a.updatedAt]))
    ),
    restitutionAt: restitution.at,
    dueAt,
    response:
      s.directionResponse === undefined
        ? undefined
        : { at: s.directionResponse.at, analysis: s.directionResponse.analysis, plannedDecisions: s.directionResponse.plannedDecisions },
    overdue: s.directionResponse === undefined && at.epochMillis > dueAt.epochMillis,
    actions: s.actions.map((a) => {
      // The due date as owed (RES-08): on a working day.
      const due = Instant.make(dueDate(a.dueDate.epochMillis, 0, env.config))
      return {
      id: a.id,
      title: a.title,
      owner: a.owner,
      dueDate: due,
      status: a.status,
      overdue: (a.status === "planned" || a.status === "inProgress") && at.epochMillis > due.epochMillis,
      updatedAt: a.updatedAt,
      comment: a.comment
      }
    })
  })
}
