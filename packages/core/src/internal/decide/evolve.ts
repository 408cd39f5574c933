/**
 * `evolve` as a table: one entry per event, exhaustive at compile time. Each
 * entry returns a fresh snapshot that records the event's instant as
 * `updatedAt` (the type requires it, so no entry can forget it).
 */
import type * as DateTime from "effect/DateTime"
import type { Agent, FormerName } from "../../Agent.js"
import type * as Event from "../../Event.js"
import * as Exchange from "../../Exchange.js"
import type { ExchangeSnapshot, Member } from "../../Exchange.js"
import type { SessionId } from "../../Ids.js"
import type { Session } from "../../Session.js"
import type { State } from "./common.js"

type EventOf<K extends Event.EventTag> = Extract<Event.ExchangeEvent, { readonly _tag: K }>

/** A snapshot after an event: `updatedAt` is always set. */
type Evolved = ExchangeSnapshot & { readonly updatedAt: DateTime.Utc }

type Evolvers = { readonly [K in Event.EventTag]: (s: ExchangeSnapshot, e: EventOf<K>) => Evolved }

/** A change calendars must apply (agenda, move, cancellation): the session's SEQUENCE goes up, DTSTAMP moves to the event. */
const revised = (x: Session, at: DateTime.Utc): Session => ({ ...x, sequence: (x.sequence ?? 0) + 1, changedAt: at })

const updateSession = (
  s: ExchangeSnapshot,
  e: { readonly sessionId: SessionId; readonly at: DateTime.Utc },
  f: (session: Session) => Session
): Evolved => ({
  ...s,
  sessions: s.sessions.map((x) => (x.id === e.sessionId ? f(x) : x)),
  updatedAt: e.at
})

const sameName = (a: { readonly firstName: string; readonly lastName: string }, b: { readonly firstName: string; readonly lastName: string }) =>
  a.firstName === b.firstName && a.lastName === b.lastName

/** `names` with `more` added, each name once (CNF-08: a former name is never dropped). */
const withFormer = (names: ReadonlyArray<FormerName>, more: ReadonlyArray<FormerName>): ReadonlyArray<FormerName> => {
  let out: Array<FormerName> | undefined
  for (const n of more) {
    if ((out ?? names).some((m) => sameName(m, n))) continue
    ;(out ??= [...names]).push(n)
  }
  return out ?? names
}

/** `agent` with these former names (none: no field). */
const withFormerNames = (agent: Agent, names: ReadonlyArray<FormerName>): Agent => {
  if (names.length === 0) {
    if (agent.formerNames === undefined) return agent
    const { formerNames: _, ...rest } = agent
    return rest
  }
  return { ...agent, formerNames: names }
}

/**
 * Directory entries added or updated. An update keeps every former name the
 * exchange recorded; and an update under another name (events written before
 * CNF-08 refused it) keeps the old name as a former one, so it stays scanned.
 */
const upsertAgents = (agents: ReadonlyArray<Agent>, added: ReadonlyArray<Agent>, at: DateTime.Utc): ReadonlyArray<Agent> => {
  if (added.length === 0) return agents
  const byId = new Map(added.map((a) => [a.id as string, a]))
  const out = agents.map((a) => {
    const b = byId.get(a.id)
    if (b === undefined) return a
    byId.delete(a.id)
    let former = withFormer(a.formerNames ?? [], b.formerNames ?? [])
    if (!sameName(a, b)) former = withFormer(former, [{ firstName: a.firstName, lastName: a.lastName, until: at }])
    return withFormerNames(b, former.filter((n) => !sameName(n, b)))
  })
  for (const a of byId.values()) out.push(a)
  return out
}

/** CNF-08: the agent takes its new name, the old one becomes a former name. */
const renamed = (agents: ReadonlyArray<Agent>, e: EventOf<"AgentRenamed">): ReadonlyArray<Agent> =>
  agents.map((a) => {
    if (a.id !== e.agentId) return a
    const former: FormerName = e.reason === undefined ? { ...e.from, until: e.at } : { ...e.from, until: e.at, reason: e.reason }
    const names = withFormer(a.formerNames ?? [], [former]).filter((n) => !sameName(n, e.to))
    return withFormerNames({ ...a, firstName: e.to.firstName, lastName: e.to.lastName }, names)
  })

/** The exchange an `ExchangeProposed` starts. */
export const proposed = (e: EventOf<"ExchangeProposed">): Evolved => {
  const base = Exchange.empty(e.exchangeId, e.title)
  return e.service === undefined
    ? { ...base, origin: e.origin, updatedAt: e.at }
    : { ...base, service: e.service, origin: e.origin, updatedAt: e.at }
}

const evolvers: Evolvers = {
  // A new proposal starts a new exchange, whatever came before.
  ExchangeProposed: (_, e) => proposed(e),
  ExchangeFramed: (s, e) => ({ ...s, agents: upsertAgents(s.agents, e.agents, e.at), framing: e.framing, state: "framed", updatedAt: e.at }),
  ExchangeApproved: (s, e) => ({ ...s, approval: e.approval, state: "approved", updatedAt: e.at }),
  ApproachCommunicated: (s, e) => ({ ...s, communications: [...s.communications, e.communication], updatedAt: e.at }),
  AgentsInvited: (s, e) => ({
    ...s,
    agents: upsertAgents(s.agents, e.agents, e.at),
    invitations: [...s.invitations, ...e.invitations],
    state: s.state === "approved" ? "announced" : s.state,
    updatedAt: e.at
  }),
  AgentVolunteered: (s, e) => ({ ...s, volunteers: [...s.volunteers, { agentId: e.agentId, at: e.at }], updatedAt: e.at }),
  ParticipantWithdrew: (s, e) => ({
    ...s,
    volunteers: s.volunteers.map((v) =>
      v.agentId === e.agentId && v.withdrawnAt === undefined ? { ...v, withdrawnAt: e.at } : v
    ),
    members: s.members.map((m): Member => {
      if (m.agentId !== e.agentId || m.withdrawnAt !== undefined) return m
      return e.reason === undefined
        ? { ...m, withdrawnAt: e.at }
        : { ...m, withdrawnAt: e.at, withdrawalReason: e.reason }
    }),
    updatedAt: e.at
  }),
  GroupComposed: (s, e) => ({ ...s, members: e.members, state: "composed", updatedAt: e.at }),
  LiaisonDesignated: (s, e) => ({ ...s, liaison: e.agentId, updatedAt: e.at }),
  TaskDelegated: (s, e) => ({
    ...s,
    delegations: [...s.delegations, { agentId: e.agentId, task: e.task, at: e.at }],
    updatedAt: e.at
  }),
  CharterAdopted: (s, e) => ({ ...s, charter: e.charter, state: "charterAdopted", updatedAt: e.at }),
  SessionScheduled: (s, e) => {
    const session: Session = {
      id: e.sessionId,
      kind: e.kind,
      scheduledAt: e.scheduledAt,
      durationMinutes: e.durationMinutes,
      guests: e.guests,
      status: "scheduled",
      attendees: [],
      presentations: [],
      variants: [],
      minutes: [],
      changedAt: e.at
    }
    return {
      ...s,
      agents: upsertAgents(s.agents, e.guestAgents, e.at),
      sessions: [...s.sessions, e.venue === undefined ? session : { ...session, venue: e.venue }],
      state: s.state === "charterAdopted" ? "inSessions" : s.state,
      updatedAt: e.at
    }
  },
  AgendaSet: (s, e) => updateSession(s, e, (x) => ({ ...revised(x, e.at), agenda: e.agenda })),
  SessionHeld: (s, e) => updateSession(s, e, (x) => ({ ...x, status: "held", heldAt: e.at, attendees: e.attendees })),
  SessionCancelled: (s, e) => updateSession(s, e, (x) => ({ ...revised(x, e.at), status: "cancelled" })),
  SessionRescheduled: (s, e) =>
    updateSession(s, e, (x) => {
      const { venue: _, ...rest } = revised(x, e.at)
      const moved = { ...rest, scheduledAt: e.scheduledAt, durationMinutes: e.durationMinutes }
      return e.venue === undefined ? moved : { ...moved, venue: e.venue }
    }),
  QuestionsChosen: (s, e) => ({ ...s, questions: [...s.questions, ...e.questions], updatedAt: e.at }),
  QuestionClosed: (s, e) => ({
    ...s,
    questions: s.questions.map((q) => (q.id === e.questionId ? { ...q, status: "closed" } : q)),
    updatedAt: e.at
  }),
  CasePresented: (s, e) => updateSession(s, e, (x) => ({ ...x, presentations: [...x.presentations, e.presentation] })),
  VariantsRecorded: (s, e) => updateSession(s, e, (x) => ({ ...x, variants: [...x.variants, ...e.variants] })),
  VariantArbitrated: (s, e) =>
    updateSession(s, e, (x) => ({
      ...x,
      variants: x.variants.map((v) => (v.id === e.variantId ? { ...v, arbitration: e.arbitration } : v))
    })),
  ArbitrationsValidated: (s, e) =>
    updateSession(s, e, (x) => ({
      ...x,
      variants: x.variants.map((v) => (e.variantIds.includes(v.id) ? { ...v, validatedAt: e.at } : v))
    })),
  SpeakingTimesRecorded: (s, e) => updateSession(s, e, (x) => ({ ...x, speakingTimes: e.times })),
  TrainingNeedRecorded: (s, e) => ({ ...s, trainingNeeds: [...s.trainingNeeds, e.need], updatedAt: e.at }),
  MinutesDrafted: (s, e) =>
    updateSession(s, e, (x) => ({
      ...x,
      minutes:
        x.minutes.length >= e.minutes.version
          ? x.minutes.map((m) => (m.version === e.minutes.version ? e.minutes : m))
          : [...x.minutes, e.minutes]
    })),
  MinutesFinalised: (s, e) =>
    updateSession(s, e, (x) => ({
      ...x,
      minutes: x.minutes.map((m) => (m.version === e.version ? { ...m, finalisedAt: e.at } : m))
    })),
  MinutesSent: (s, e) =>
    updateSession(s, e, (x) => ({
      ...x,
      minutes: x.minutes.map((m) => (m.version === e.version ? { ...m, sentAt: e.at } : m))
    })),
  ConclusionsCirculated: (s, e) => ({ ...s, conclusions: e.conclusions, state: "concluded", updatedAt: e.at }),
  Restituted: (s, e) => ({ ...s, restitution: e.restitution, state: "restituted", updatedAt: e.at }),
  DirectionResponded: (s, e) => ({ ...s, directionResponse: e.response, updatedAt: e.at }),
  ActionAdded: (s, e) => ({ ...s, actions: [...s.actions, e.action], updatedAt: e.at }),
  ActionUpdated: (s, e) => ({
    ...s,
    actions: s.actions.map((a) => {
      if (a.id !== e.actionId) return a
      let next = { ...a, status: e.status, updatedAt: e.at }
      if (e.dueDate !== undefined) next = { ...next, dueDate: e.dueDate }
      if (e.comment !== undefined) next = { ...next, comment: e.comment }
      return next
    }),
    updatedAt: e.at
  }),
  ReviewPresented: (s, e) => ({ ...s, review: e.review, updatedAt: e.at }),
  TestimonialRecorded: (s, e) => ({ ...s, testimonials: [...s.testimonials, e.testimonial], updatedAt: e.at }),
  TestimonialPublished: (s, e) => ({
    ...s,
    testimonials: s.testimonials.map((t) => (t.id === e.testimonialId ? { ...t, publishedAt: e.at } : t)),
    updatedAt: e.at
  }),
  AgentRenamed: (s, e) => ({ ...s, agents: renamed(s.agents, e), updatedAt: e.at }),
  ExchangeAbandoned: (s, e) => ({ ...s, abandonment: { at: e.at, reason: e.reason }, state: "abandoned", updatedAt: e.at }),
  ExchangeClosed: (s, e) => ({ ...s, closedAt: e.at, state: "closed", updatedAt: e.at })
}

/** Folds one event into an existing exchange. */
export const apply = (s: ExchangeSnapshot, e: Event.ExchangeEvent): ExchangeSnapshot =>
  // The table is keyed by tag: the entry for `e._tag` takes exactly `e`'s type,
  // which TypeScript cannot correlate through the index on its own.
  (evolvers[e._tag] as (s: ExchangeSnapshot, e: Event.ExchangeEvent) => Evolved)(s, e)

/** `Decider.evolve`: an event other than `ExchangeProposed` on no exchange is ignored. */
export const evolve = (state: State, event: Event.ExchangeEvent): State => {
  if (state !== null) return apply(state, event)
  return event._tag === "ExchangeProposed" ? proposed(event) : null
}

/** Folds events onto an existing exchange (never `null`). */
export const applyAll = (s: ExchangeSnapshot, events: ReadonlyArray<Event.ExchangeEvent>): ExchangeSnapshot => {
  let state = s
  for (const e of events) state = apply(state, e)
  return state
}

/** `Decider.replay`. */
export const replay = (events: Iterable<Event.ExchangeEvent>, from: State): State => {
  let state = from
  for (const e of events) state = evolve(state, e)
  return state
}
