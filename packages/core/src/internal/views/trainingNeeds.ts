/** Training needs identified by the group (RES-03): outside the group, only those transmitted with sent minutes. */
import * as Either from "effect/Either"
import * as AudienceM from "../../Audience.js"
import type { ExchangeSnapshot } from "../../Exchange.js"
import { type Env, header, latest, sessionRef } from "./common.js"

export const trainingNeeds = (s: ExchangeSnapshot, env: Env) => {
  const inside = AudienceM.insideGroup(env.audience)
  return Either.right({
    _tag: "TrainingNeedsView" as const,
    header: header(s, "trainingNeeds", env, latest(...s.trainingNeeds.map((n) => n.recordedAt))),
    needs: s.trainingNeeds.flatMap((n) => {
      const session = s.sessions.find((x) => x.id === n.sessionId)
      if (session === undefined) return []
      const transmitted = session.minutes.some((m) => m.sentAt !== undefined && m.sentAt.epochMillis >= n.recordedAt.epochMillis)
      // Outside the group, needs travel with the minutes (RES-03): only transmitted ones.
      if (!inside && !transmitted) return []
      return [{ session: sessionRef(s, session), description: n.description, recordedAt: n.recordedAt, transmitted }]
    })
  })
}
