/** A participation attestation for one agent: sessions attended, dates, theme; no statement (CNF-02). */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import type { AgentId } from "../../Ids.js"
import { type Env, header, latest, occupationLabel, sessionOrder, sessionRef, unavailable, unitLabel } from "./common.js"

export const attestation = (s: ExchangeSnapshot, env: Env, request: { readonly agentId: AgentId }) => {
  const agent = s.agents.find((a) => a.id === request.agentId)
  const member = s.members.find((m) => m.agentId === request.agentId)
  if (agent === undefined || member === undefined) {
    return unavailable("Cet agent n'est pas membre du groupe.", "This agent is not a member of the group.")
  }
  const attended = sessionOrder(s).filter((x) => x.status === "held" && x.attendees.includes(request.agentId))
  if (attended.length === 0) {
    return unavailable("Cet agent n'a encore assisté à aucune séance.", "This agent has not attended any session yet.")
  }
  return Either.right({
    _tag: "AttestationView" as const,
    header: header(s, "attestation", env, s.closedAt ?? latest(...attended.map((x) => x.heldAt))),
    agent: {
      civility: agent.civility,
      firstName: agent.firstName,
      lastName: agent.lastName,
      occupation: agent.occupation,
      unit: agent.unit,
      occupationLabel: occupationLabel(s, agent.occupation),
      jobTitle: agent.jobTitle,
      unitLabel: unitLabel(s, agent.unit)
    },
    signatory: s.framing?.signatory === undefined ? undefined : { name: s.framing.signatory.name, title: s.framing.signatory.title, place: s.framing.signatory.place },
    theme: s.title,
    sessions: attended.map((x) => sessionRef(s, x)),
    totalMinutes: attended.reduce((n, x) => n + x.durationMinutes, 0)
  })
}
