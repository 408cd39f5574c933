/**
 * The composition with profiles, the diversity report and speaking equity:
 * for the facilitators only (CNF-04), names by design.
 */
import * as Either from "effect/Either"
import type { Agent } from "../../Agent.js"
import * as Diversity from "../../Diversity.js"
import type { ExchangeSnapshot } from "../../Exchange.js"
import * as Speaking from "../../Speaking.js"
import { type Env, header, sessionOrder, sessionRef } from "./common.js"

export const composition = (s: ExchangeSnapshot, env: Env) => {
  const agents = new Map<string, Agent>(s.agents.map((a) => [a.id, a]))
  return Either.right({
    _tag: "CompositionView" as const,
    header: header(s, "composition", env),
    members: s.members.flatMap((m) => {
      const a = agents.get(m.agentId)
      if (a === undefined) return []
      return [
        {
          agentId: a.id,
          name: `${a.firstName} ${a.lastName}`,
          occupation: a.occupation,
          unit: a.unit,
          role: m.role,
          functionHeld: a.functionHeld,
          employmentStatus: a.status,
          ageBand: a.ageBand,
          seniorityBand: a.seniorityBand,
          sex: a.sex,
          withdrawn: m.withdrawnAt !== undefined
        }
      ]
    }),
    volunteers: s.volunteers.filter((v) => v.withdrawnAt === undefined).length,
    diversity: Diversity.diversityReport(s, { at: env.at }),
    speaking: sessionOrder(s).flatMap((x) => {
      if (x.speakingTimes === undefined || x.speakingTimes.length === 0) return []
      const equity = Speaking.speakingEquity(x.speakingTimes)
      return [
        {
          session: sessionRef(s, x),
          gini: equity.gini,
          longestShare: equity.longestShare,
          shares: equity.shares.map((sh) => {
            const a = agents.get(sh.participant)
            return { name: a === undefined ? sh.participant : `${a.firstName} ${a.lastName}`, share: sh.share }
          })
        }
      ]
    })
  })
}
