/**
 * Builds the `RuleContext` shared by every check of one evaluation.
 */
import type * as DateTime from "effect/DateTime"
import type { Agent } from "../Agent.js"
import type { EligibilityContext } from "../Eligibility.js"
import { type ExchangeSnapshot, type Member, stateRank } from "../Exchange.js"
import type { PolicyConfig } from "../Policy.js"
import type { LiveSession, RuleContext } from "../Rule.js"
import type { PracticeVariant } from "../Session.js"

/** A member is active at `at` when they joined by then and had not withdrawn. */
export const isActiveAt = (m: Member, atMillis: number): boolean =>
  m.joinedAt.epochMillis <= atMillis && (m.withdrawnAt === undefined || m.withdrawnAt.epochMillis > atMillis)

/**
 * The eligibility context of a snapshot (ELI-02, ELI-03). The occupations
 * concerned are the framing's, never guessed from the members (ELI-03,
 * version 2: a professionalisation exchange names its occupation).
 */
export const eligibilityOf = (
  snapshot: ExchangeSnapshot,
  _members?: ReadonlyArray<Member>,
  _agents?: ReadonlyMap<string, Agent>
): EligibilityContext => {
  const framing = snapshot.framing
  return {
    perimeter: framing?.perimeter.units ?? [],
    purpose: framing?.purpose,
    occupationsConcerned: framing?.occupationsConcerned ?? []
  }
}

export const agentMap = (snapshot: ExchangeSnapshot): Map<string, Agent> => {
  const agents = new Map<string, Agent>()
  for (const a of snapshot.agents) agents.set(a.id, a)
  return agents
}

export const make = (snapshot: ExchangeSnapshot, at: DateTime.Utc, config: PolicyConfig): RuleContext => {
  const atMillis = at.epochMillis
  const agents = agentMap(snapshot)
  const memberIndex = new Map<string, number>()
  const activeMembers: Array<Member> = []
  const activeMemberIds = new Set<string>()
  snapshot.members.forEach((m, i) => {
    memberIndex.set(m.agentId, i)
    if (isActiveAt(m, atMillis)) {
      activeMembers.push(m)
      activeMemberIds.add(m.agentId)
    }
  })
  const volunteerIndex = new Map<string, number>()
  snapshot.volunteers.forEach((v, i) => {
    if (!volunteerIndex.has(v.agentId)) volunteerIndex.set(v.agentId, i)
  })
  const liveSessions: Array<LiveSession> = []
  const sessionMillis = new Map<string, number>()
  const variants = new Map<string, { variant: PracticeVariant; session: number; index: number }>()
  snapshot.sessions.forEach((session, index) => {
    const millis = session.scheduledAt.epochMillis
    sessionMillis.set(session.id, millis)
    session.variants.forEach((variant, vi) => variants.set(variant.id, { variant, session: index, index: vi }))
    if (session.status === "cancelled") return
    liveSessions.push({ session, index, millis, held: session.status === "held" })
  })
  liveSessions.sort((a, b) => a.millis - b.millis || a.index - b.index)
  const questionChosenMillis = new Map<string, number>()
  for (const q of snapshot.questions) {
    if (q.chosenAt !== undefined) questionChosenMillis.set(q.id, q.chosenAt.epochMillis)
    else if (q.chosenInSession !== undefined) {
      const ms = sessionMillis.get(q.chosenInSession)
      if (ms !== undefined) questionChosenMillis.set(q.id, ms)
    }
  }
  return {
    snapshot,
    at,
    atMillis,
    config,
    rank: stateRank(snapshot.state),
    agents,
    memberIndex,
    activeMembers,
    activeMemberIds,
    volunteerIndex,
    facilitators: snapshot.framing?.facilitation?.facilitators ?? [],
    eligibility: eligibilityOf(snapshot, activeMembers, agents),
    liveSessions,
    firstSessionMillis: liveSessions[0]?.millis,
    variants,
    questionChosenMillis
  }
}
