/**
 * The lifecycle of an exchange as a decider (functional event sourcing):
 * `decide(command, state)` accepts a command and returns the events it
 * produces with the advisories it raises, or refuses it with a typed error;
 * `evolve(state, event)` folds one event; `initialState` is "no exchange yet".
 * The exchange snapshot is the fold of the events: one model, not two.
 *
 * A command is refused when
 * - it is out of order (LIF-08, or the specific rule: LIF-03 for invitations
 *   before approval, SES-01 for a case before any question, …);
 * - it names something that does not exist (`InvalidCommand`, with the path);
 * - the state it would lead to breaks a blocking rule that the current state
 *   does not break (every snapshot rule of the registry is checked on the
 *   next state), so no reachable state breaks a blocking rule;
 * - a text would leave the group with a participant's name in it (CNF-06).
 * Advisories the next state raises and the current one did not ride along
 * with the events.
 *
 * Withdrawal (ELI-01: participation is voluntary) and abandonment are never
 * refused by a rule other than the lifecycle order.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { match } from "ts-pattern"
import type { Agent } from "./Agent.js"
import type * as Command from "./Command.js"
import * as Evaluate from "./Evaluate.js"
import type { ExchangeSnapshot, ExchangeState, Member } from "./Exchange.js"
import * as Exchange from "./Exchange.js"
import type * as Event from "./Event.js"
import type { AgentId, SessionId } from "./Ids.js"
import type { PolicyOverrides } from "./Policy.js"
import type { Session } from "./Session.js"
import * as Release from "./internal/release.js"
import type { RuleId, Text } from "./Violation.js"
import { make as makeViolation, RuleViolation, type Violation } from "./Violation.js"

/**
 * The state a decider works on: `null` before the exchange is proposed.
 *
 * @since 0.1.0
 */
export type State = ExchangeSnapshot | null

/**
 * No exchange yet.
 *
 * @since 0.1.0
 */
export const initialState: State = null

/**
 * What a decision may depend on besides the command and the state.
 *
 * @since 0.1.0
 */
export interface Context {
  /** The service's policy overrides (the exchange's own are in its framing). */
  readonly config?: PolicyOverrides | undefined
}

/**
 * An accepted command: the events to append and the advisories raised.
 *
 * @since 0.1.0
 */
export interface Decision {
  readonly events: ReadonlyArray<Event.ExchangeEvent>
  readonly advisories: ReadonlyArray<Violation>
}

/**
 * A command that names something that does not exist or is malformed in a
 * way no rule covers (e.g. an unknown session ID). Carries the path of the
 * faulty field in the command.
 *
 * @since 0.1.0
 */
export class InvalidCommand extends Schema.TaggedError<InvalidCommand>("@entre-pairs/core/InvalidCommand")(
  "InvalidCommand",
  {
    command: Schema.String,
    path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
    reason: Schema.Struct({ fr: Schema.String, en: Schema.String })
  }
) {
  override get message(): string {
    return `${this.command}: ${this.path.join(".")}: ${this.reason.en}`
  }
}

/** @since 0.1.0 */
export type DecideError = RuleViolation | InvalidCommand

// ---------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------

type Handlers = {
  readonly [K in Event.EventTag]: (
    s: ExchangeSnapshot,
    e: Extract<Event.ExchangeEvent, { readonly _tag: K }>
  ) => ExchangeSnapshot
}

const updateSession = (s: ExchangeSnapshot, id: SessionId, f: (session: Session) => Session): ExchangeSnapshot => ({
  ...s,
  sessions: s.sessions.map((x) => (x.id === id ? f(x) : x))
})

const upsertAgents = (agents: ReadonlyArray<Agent>, added: ReadonlyArray<Agent>): ReadonlyArray<Agent> => {
  if (added.length === 0) return agents
  const byId = new Map(added.map((a) => [a.id as string, a]))
  const out = agents.map((a) => {
    const b = byId.get(a.id)
    if (b === undefined) return a
    byId.delete(a.id)
    return b
  })
  for (const a of byId.values()) out.push(a)
  return out
}

const handlers: Handlers = {
  ExchangeProposed: (_, e) => {
    const base = Exchange.empty(e.exchangeId, e.title)
    return e.service === undefined ? { ...base, origin: e.origin } : { ...base, service: e.service, origin: e.origin }
  },
  ExchangeFramed: (s, e) => ({ ...s, agents: upsertAgents(s.agents, e.agents), framing: e.framing, state: "framed" }),
  ExchangeApproved: (s, e) => ({ ...s, approval: e.approval, state: "approved" }),
  ApproachCommunicated: (s, e) => ({ ...s, communications: [...s.communications, e.communication] }),
  AgentsInvited: (s, e) => ({
    ...s,
    agents: upsertAgents(s.agents, e.agents),
    invitations: [...s.invitations, ...e.invitations],
    state: s.state === "approved" ? "announced" : s.state
  }),
  AgentVolunteered: (s, e) => ({ ...s, volunteers: [...s.volunteers, { agentId: e.agentId, at: e.at }] }),
  ParticipantWithdrew: (s, e) => {
    const next: ExchangeSnapshot = {
      ...s,
      volunteers: s.volunteers.map((v) =>
        v.agentId === e.agentId && v.withdrawnAt === undefined ? { ...v, withdrawnAt: e.at } : v
      ),
      members: s.members.map((m): Member => {
        if (m.agentId !== e.agentId || m.withdrawnAt !== undefined) return m
        return e.reason === undefined
          ? { ...m, withdrawnAt: e.at }
          : { ...m, withdrawnAt: e.at, withdrawalReason: e.reason }
      })
    }
    return next
  },
  GroupComposed: (s, e) => ({ ...s, members: e.members, state: "composed" }),
  LiaisonDesignated: (s, e) => ({ ...s, liaison: e.agentId }),
  TaskDelegated: (s, e) => ({ ...s, delegations: [...s.delegations, { agentId: e.agentId, task: e.task, at: e.at }] }),
  CharterAdopted: (s, e) => ({ ...s, charter: e.charter, state: "charterAdopted" }),
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
      minutes: []
    }
    return {
      ...s,
      agents: upsertAgents(s.agents, e.guestAgents),
      sessions: [...s.sessions, e.venue === undefined ? session : { ...session, venue: e.venue }],
      state: s.state === "charterAdopted" ? "inSessions" : s.state
    }
  },
  AgendaSet: (s, e) => updateSession(s, e.sessionId, (x) => ({ ...x, agenda: e.agenda })),
  SessionHeld: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({ ...x, status: "held", heldAt: e.at, attendees: e.attendees })),
  SessionCancelled: (s, e) => updateSession(s, e.sessionId, (x) => ({ ...x, status: "cancelled" })),
  QuestionsChosen: (s, e) => ({ ...s, questions: [...s.questions, ...e.questions] }),
  QuestionClosed: (s, e) => ({
    ...s,
    questions: s.questions.map((q) => (q.id === e.questionId ? { ...q, status: "closed" } : q))
  }),
  CasePresented: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({ ...x, presentations: [...x.presentations, e.presentation] })),
  VariantsRecorded: (s, e) => updateSession(s, e.sessionId, (x) => ({ ...x, variants: [...x.variants, ...e.variants] })),
  VariantArbitrated: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({
      ...x,
      variants: x.variants.map((v) => (v.id === e.variantId ? { ...v, arbitration: e.arbitration } : v))
    })),
  ArbitrationsValidated: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({
      ...x,
      variants: x.variants.map((v) => (e.variantIds.includes(v.id) ? { ...v, validatedAt: e.at } : v))
    })),
  SpeakingTimesRecorded: (s, e) => updateSession(s, e.sessionId, (x) => ({ ...x, speakingTimes: e.times })),
  TrainingNeedRecorded: (s, e) => ({ ...s, trainingNeeds: [...s.trainingNeeds, e.need] }),
  MinutesDrafted: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({
      ...x,
      minutes:
        x.minutes.length >= e.minutes.version
          ? x.minutes.map((m) => (m.version === e.minutes.version ? e.minutes : m))
          : [...x.minutes, e.minutes]
    })),
  MinutesFinalised: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({
      ...x,
      minutes: x.minutes.map((m) => (m.version === e.version ? { ...m, finalisedAt: e.at } : m))
    })),
  MinutesSent: (s, e) =>
    updateSession(s, e.sessionId, (x) => ({
      ...x,
      minutes: x.minutes.map((m) => (m.version === e.version ? { ...m, sentAt: e.at } : m))
    })),
  ConclusionsCirculated: (s, e) => ({ ...s, conclusions: e.conclusions, state: "concluded" }),
  Restituted: (s, e) => ({ ...s, restitution: e.restitution, state: "restituted" }),
  DirectionResponded: (s, e) => ({ ...s, directionResponse: e.response }),
  ActionAdded: (s, e) => ({ ...s, actions: [...s.actions, e.action] }),
  ActionUpdated: (s, e) => ({
    ...s,
    actions: s.actions.map((a) => {
      if (a.id !== e.actionId) return a
      let next = { ...a, status: e.status, updatedAt: e.at }
      if (e.dueDate !== undefined) next = { ...next, dueDate: e.dueDate }
      if (e.comment !== undefined) next = { ...next, comment: e.comment }
      return next
    })
  }),
  ReviewPresented: (s, e) => ({ ...s, review: e.review }),
  TestimonialRecorded: (s, e) => ({ ...s, testimonials: [...s.testimonials, e.testimonial] }),
  TestimonialPublished: (s, e) => ({
    ...s,
    testimonials: s.testimonials.map((t) => (t.id === e.testimonialId ? { ...t, publishedAt: e.at } : t))
  }),
  ExchangeAbandoned: (s, e) => ({ ...s, abandonment: { at: e.at, reason: e.reason }, state: "abandoned" }),
  ExchangeClosed: (s, e) => ({ ...s, closedAt: e.at, state: "closed" })
}

/**
 * Folds one event into the state. Events are facts: `evolve` never refuses,
 * it only applies (an event other than `ExchangeProposed` on no exchange is
 * ignored).
 *
 * @example
 * import { Decider, Instant } from "@entre-pairs/core"
 * const s = Decider.evolve(Decider.initialState, {
 *   _tag: "ExchangeProposed", at: Instant.unsafeMake("2026-09-01T08:00:00Z"),
 *   exchangeId: "ech-1" as any, title: "Accueil des usagers",
 *   origin: { by: "direction", at: Instant.unsafeMake("2026-09-01T08:00:00Z") }
 * })
 * s?.state // "proposed"
 * @since 0.1.0
 */
export const evolve = (state: State, event: Event.ExchangeEvent): State => {
  if (state === null && event._tag !== "ExchangeProposed") return null
  const next = (handlers[event._tag] as (s: ExchangeSnapshot, e: Event.ExchangeEvent) => ExchangeSnapshot)(
    state ?? Exchange.empty((event as Event.ExchangeEvent & { _tag: "ExchangeProposed" }).exchangeId, ""),
    event
  )
  // Every handler returns a fresh object: recording the latest instant on it
  // costs no extra copy.
  ;(next as { updatedAt?: DateTime.Utc }).updatedAt = event.at
  return next
}

/**
 * Folds a sequence of events from a state (default: no exchange).
 *
 * @example
 * import { Decider } from "@entre-pairs/core"
 * Decider.replay([]) // null
 * @since 0.1.0
 */
export const replay = (events: Iterable<Event.ExchangeEvent>, from: State = initialState): State => {
  let state = from
  for (const e of events) state = evolve(state, e)
  return state
}

// ---------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------

const open: ReadonlyArray<ExchangeState> = [
  "proposed",
  "framed",
  "approved",
  "announced",
  "composed",
  "charterAdopted",
  "inSessions",
  "concluded",
  "restituted"
]

/**
 * The states in which each command is accepted (LIF-08). `Propose` needs no
 * exchange at all.
 *
 * @since 0.1.0
 */
export const allowedStates: { readonly [K in Command.CommandTag]: ReadonlyArray<ExchangeState> } = {
  Propose: [],
  Frame: ["proposed", "framed"],
  Approve: ["framed"],
  Communicate: ["approved", "announced", "composed", "charterAdopted", "inSessions", "concluded", "restituted", "closed"],
  Invite: ["approved", "announced"],
  Volunteer: ["announced", "composed"],
  Withdraw: ["announced", "composed", "charterAdopted", "inSessions", "concluded"],
  Compose: ["announced", "composed"],
  DesignateLiaison: ["composed", "charterAdopted", "inSessions", "concluded"],
  DelegateTask: ["composed", "charterAdopted", "inSessions"],
  AdoptCharter: ["composed"],
  ScheduleSession: ["charterAdopted", "inSessions"],
  SetAgenda: ["inSessions"],
  HoldSession: ["inSessions"],
  CancelSession: ["inSessions"],
  ChooseQuestions: ["inSessions"],
  CloseQuestion: ["inSessions"],
  RecordPresentation: ["inSessions"],
  RecordVariants: ["inSessions"],
  Arbitrate: ["inSessions"],
  ValidateArbitrations: ["inSessions"],
  RecordSpeakingTimes: ["inSessions"],
  RecordTrainingNeed: ["inSessions"],
  DraftMinutes: ["inSessions", "concluded", "restituted"],
  FinaliseMinutes: ["inSessions", "concluded", "restituted"],
  SendMinutes: ["inSessions", "concluded", "restituted"],
  Conclude: ["inSessions"],
  Restitute: ["concluded"],
  RecordDirectionResponse: ["restituted"],
  AddAction: ["restituted"],
  UpdateAction: ["restituted", "closed"],
  PresentReview: ["restituted", "closed"],
  RecordTestimonial: ["restituted", "closed"],
  PublishTestimonial: ["restituted", "closed"],
  Abandon: open,
  Close: ["restituted"]
}

type Fail = Either.Either<never, DecideError>

const refuse = (rule: RuleId, path: ReadonlyArray<string | number>, message: Text): Fail =>
  Either.left(new RuleViolation({ violations: [makeViolation(rule, "blocking", path, message)] }))

const invalid = (command: Command.ExchangeCommand, path: ReadonlyArray<string | number>, reason: Text): Fail =>
  Either.left(new InvalidCommand({ command: command._tag, path, reason }))

const stateLabel: { readonly [K in ExchangeState]: string } = {
  proposed: "proposé",
  framed: "cadré",
  approved: "accepté",
  announced: "annoncé",
  composed: "composé",
  charterAdopted: "règles adoptées",
  inSessions: "en séances",
  concluded: "conclu",
  restituted: "restitué",
  closed: "clos",
  abandoned: "abandonné"
}

const outOfOrder = (command: Command.ExchangeCommand, state: State): Fail => {
  if (state === null) {
    return refuse("LIF-08", [], {
      fr: `« ${command._tag} » est refusé : aucun échange n'a encore été proposé.`,
      en: `"${command._tag}" is refused: no exchange has been proposed yet.`
    })
  }
  const allowed = allowedStates[command._tag]
  if (state.state !== "abandoned" && state.state !== "closed" && Exchange.stateRank(state.state) < Exchange.stateRank("approved")) {
    if (command._tag === "Invite" || command._tag === "Communicate") {
      return refuse("LIF-03", ["approval"], {
        fr: "Les invitations et la communication n'ont lieu qu'après l'acceptation de l'échange par l'encadrement.",
        en: "Invitations and communication happen only after management has accepted the exchange."
      })
    }
  }
  return refuse("LIF-08", ["state"], {
    fr: `« ${command._tag} » est refusé dans l'état « ${stateLabel[state.state]} » (accepté dans : ${
      allowed.map((s) => stateLabel[s]).join(", ") || "aucun état"
    }).`,
    en: `"${command._tag}" is refused in state "${state.state}" (allowed in: ${allowed.join(", ") || "none"}).`
  })
}

const findSession = (s: ExchangeSnapshot, id: SessionId) => {
  const index = s.sessions.findIndex((x) => x.id === id)
  return index < 0 ? undefined : { index, session: s.sessions[index]! }
}

const activeMember = (s: ExchangeSnapshot, id: AgentId) =>
  s.members.some((m) => m.agentId === id && m.withdrawnAt === undefined)

const nonBlank = (xs: ReadonlyArray<string>) => xs.some((x) => x.trim().length > 0)

type Produce = Either.Either<ReadonlyArray<Event.ExchangeEvent>, DecideError>
const ok = (...events: ReadonlyArray<Event.ExchangeEvent>): Produce => Either.right(events)

/** Needs a session that exists and was held; otherwise refuses. */
const heldSession = (
  command: Command.ExchangeCommand & { readonly sessionId: SessionId },
  s: ExchangeSnapshot
): Either.Either<Session, DecideError> => {
  const found = findSession(s, command.sessionId)
  if (found === undefined) {
    return invalid(command, ["sessionId"], {
      fr: `la séance « ${command.sessionId} » n'existe pas`,
      en: `session "${command.sessionId}" does not exist`
    })
  }
  if (found.session.status !== "held") {
    return refuse("LIF-08", ["sessions", found.index, "status"], {
      fr: `La séance « ${command.sessionId} » n'a pas encore été tenue : on ne consigne ce qui s'y dit qu'une fois tenue.`,
      en: `Session "${command.sessionId}" has not been held yet: what is said there is recorded once it is held.`
    })
  }
  return Either.right(found.session)
}

const produce = (command: Command.ExchangeCommand, s: ExchangeSnapshot, at: DateTime.Utc): Produce =>
  match(command)
    .returnType<Produce>()
    .with({ _tag: "Propose" }, (c) => outOfOrder(c, s))
    .with({ _tag: "Frame" }, (c) => {
      const known = new Set<string>([...s.agents.map((a) => a.id), ...c.agents.map((a) => a.id)])
      for (const [i, f] of (c.framing.facilitation?.facilitators ?? []).entries()) {
        if (!known.has(f.agentId)) {
          return invalid(c, ["framing", "facilitation", "facilitators", i, "agentId"], {
            fr: `l'animateur « ${f.agentId} » est inconnu : joindre sa fiche dans « agents »`,
            en: `facilitator "${f.agentId}" is unknown: include their record in "agents"`
          })
        }
      }
      return ok({ _tag: "ExchangeFramed", at, framing: { ...c.framing, at }, agents: c.agents })
    })
    .with({ _tag: "Approve" }, (c) => ok({ _tag: "ExchangeApproved", at, approval: { at, by: c.by } }))
    .with({ _tag: "Communicate" }, (c) =>
      ok({ _tag: "ApproachCommunicated", at, communication: { channel: c.channel, at, about: c.about } })
    )
    .with({ _tag: "Invite" }, (c) => {
      if (c.agents.length === 0) {
        return invalid(c, ["agents"], { fr: "au moins un agent à inviter", en: "at least one agent to invite" })
      }
      return ok({
        _tag: "AgentsInvited",
        at,
        agents: c.agents,
        invitations: c.agents.map((a) => ({ agentId: a.id, at, carries: c.carries }))
      })
    })
    .with({ _tag: "Volunteer" }, (c) => {
      if (!s.invitations.some((i) => i.agentId === c.agentId)) {
        return refuse("ELI-01", ["agentId"], {
          fr: `L'agent « ${c.agentId} » n'a pas été invité : seuls les agents invités peuvent se porter volontaires.`,
          en: `Agent "${c.agentId}" was not invited: only invited agents can volunteer.`
        })
      }
      if (s.volunteers.some((v) => v.agentId === c.agentId && v.withdrawnAt === undefined)) {
        return invalid(c, ["agentId"], { fr: "déjà volontaire", en: "already a volunteer" })
      }
      return ok({ _tag: "AgentVolunteered", at, agentId: c.agentId })
    })
    .with({ _tag: "Withdraw" }, (c) => {
      const isVolunteer = s.volunteers.some((v) => v.agentId === c.agentId && v.withdrawnAt === undefined)
      if (!isVolunteer && !activeMember(s, c.agentId)) {
        return invalid(c, ["agentId"], {
          fr: `l'agent « ${c.agentId} » n'est ni volontaire ni membre`,
          en: `agent "${c.agentId}" is neither a volunteer nor a member`
        })
      }
      return ok(
        c.reason === undefined
          ? { _tag: "ParticipantWithdrew", at, agentId: c.agentId }
          : { _tag: "ParticipantWithdrew", at, agentId: c.agentId, reason: c.reason }
      )
    })
    .with({ _tag: "Compose" }, (c) => {
      const seen = new Set<string>()
      for (const [i, m] of c.members.entries()) {
        if (seen.has(m.agentId)) {
          return invalid(c, ["members", i, "agentId"], { fr: "membre en double", en: "duplicate member" })
        }
        seen.add(m.agentId)
        if (!s.volunteers.some((v) => v.agentId === m.agentId && v.withdrawnAt === undefined)) {
          return refuse("ELI-01", ["members", i, "agentId"], {
            fr: `L'agent « ${m.agentId} » n'est pas volontaire : la participation repose sur le volontariat.`,
            en: `Agent "${m.agentId}" is not a volunteer: participation is voluntary.`
          })
        }
      }
      return ok({
        _tag: "GroupComposed",
        at,
        members: c.members.map((m) => ({ agentId: m.agentId, role: m.role, joinedAt: at }))
      })
    })
    .with({ _tag: "DesignateLiaison" }, (c) =>
      activeMember(s, c.agentId)
        ? ok({ _tag: "LiaisonDesignated", at, agentId: c.agentId })
        : refuse("RES-01", ["agentId"], {
            fr: `La personne ressource désignée doit être membre du groupe (« ${c.agentId} » ne l'est pas).`,
            en: `The liaison must be a member of the group ("${c.agentId}" is not).`
          })
    )
    .with({ _tag: "DelegateTask" }, (c) =>
      s.agents.some((a) => a.id === c.agentId)
        ? ok({ _tag: "TaskDelegated", at, agentId: c.agentId, task: c.task })
        : invalid(c, ["agentId"], { fr: "agent inconnu", en: "unknown agent" })
    )
    .with({ _tag: "AdoptCharter" }, (c) =>
      ok({
        _tag: "CharterAdopted",
        at,
        charter: c.text === undefined ? { adoptedAt: at, items: c.items } : { adoptedAt: at, items: c.items, text: c.text }
      })
    )
    .with({ _tag: "ScheduleSession" }, (c) => {
      if (findSession(s, c.sessionId) !== undefined) {
        return invalid(c, ["sessionId"], { fr: "séance déjà programmée", en: "session already scheduled" })
      }
      for (const [i, g] of c.guests.entries()) {
        if (s.members.some((m) => m.agentId === g.agent.id && m.withdrawnAt === undefined)) {
          return invalid(c, ["guests", i, "agent", "id"], {
            fr: "un membre du groupe n'est pas un invité ponctuel",
            en: "a member of the group is not an occasional guest"
          })
        }
      }
      const base = {
        _tag: "SessionScheduled" as const,
        at,
        sessionId: c.sessionId,
        kind: c.kind,
        scheduledAt: c.scheduledAt,
        durationMinutes: c.durationMinutes,
        guestAgents: c.guests.map((g) => g.agent),
        guests: c.guests.map((g) =>
          g.reason === undefined ? { agentId: g.agent.id, role: g.role } : { agentId: g.agent.id, role: g.role, reason: g.reason }
        )
      }
      return ok(c.venue === undefined ? base : { ...base, venue: c.venue })
    })
    .with({ _tag: "SetAgenda" }, (c) => {
      const found = findSession(s, c.sessionId)
      if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
      if (found.session.status !== "scheduled") {
        return refuse("SES-06", ["sessions", found.index, "agenda"], {
          fr: "L'ordre du jour se fixe avant la séance.",
          en: "The agenda is set before the session is held."
        })
      }
      for (const [i, item] of c.items.entries()) {
        if (item.questionId !== undefined && !s.questions.some((q) => q.id === item.questionId)) {
          return invalid(c, ["items", i, "questionId"], { fr: "question inconnue", en: "unknown question" })
        }
      }
      return ok({ _tag: "AgendaSet", at, sessionId: c.sessionId, agenda: { setAt: at, items: c.items } })
    })
    .with({ _tag: "HoldSession" }, (c) => {
      const found = findSession(s, c.sessionId)
      if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
      if (found.session.status !== "scheduled") {
        return refuse("LIF-08", ["sessions", found.index, "status"], {
          fr: `La séance est déjà ${found.session.status === "held" ? "tenue" : "annulée"}.`,
          en: `The session is already ${found.session.status}.`
        })
      }
      if (found.session.agenda === undefined) {
        return refuse("SES-06", ["sessions", found.index, "agenda"], {
          fr: "Une séance a un ordre du jour avant d'être tenue.",
          en: "A session has an agenda before it is held."
        })
      }
      for (const [i, a] of c.attendees.entries()) {
        if (!activeMember(s, a)) {
          return invalid(c, ["attendees", i], {
            fr: `« ${a} » n'est pas membre du groupe (les invités ponctuels et animateurs ne sont pas comptés)`,
            en: `"${a}" is not a member of the group (guests and facilitators are not counted)`
          })
        }
      }
      return ok({ _tag: "SessionHeld", at, sessionId: c.sessionId, attendees: c.attendees })
    })
    .with({ _tag: "CancelSession" }, (c) => {
      const found = findSession(s, c.sessionId)
      if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
      if (found.session.status !== "scheduled") {
        return refuse("LIF-08", ["sessions", found.index, "status"], {
          fr: "Seule une séance programmée peut être annulée.",
          en: "Only a scheduled session can be cancelled."
        })
      }
      return ok({ _tag: "SessionCancelled", at, sessionId: c.sessionId, reason: c.reason })
    })
    .with({ _tag: "ChooseQuestions" }, (c) =>
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
      })
    )
    .with({ _tag: "CloseQuestion" }, (c) =>
      s.questions.some((q) => q.id === c.questionId && q.status === "open")
        ? ok({ _tag: "QuestionClosed", at, questionId: c.questionId })
        : invalid(c, ["questionId"], { fr: "pas de question ouverte de ce nom", en: "no open question with this ID" })
    )
    .with({ _tag: "RecordPresentation" }, (c) =>
      Either.flatMap(heldSession(c, s), (session) => {
        if (s.questions.length === 0) {
          return refuse("SES-01", ["questions"], {
            fr: "Aucun exposé avant que le groupe ait choisi au moins une question de travail.",
            en: "No case presentation before the group has chosen at least one work question."
          })
        }
        if (!s.questions.some((q) => q.id === c.presentation.questionId)) {
          return invalid(c, ["presentation", "questionId"], { fr: "question inconnue", en: "unknown question" })
        }
        if (s.sessions.some((x) => x.presentations.some((p) => p.id === c.presentation.id))) {
          return invalid(c, ["presentation", "id"], { fr: "exposé déjà consigné", en: "presentation already recorded" })
        }
        if (!session.attendees.includes(c.presentation.presenter)) {
          return refuse("SES-08", ["presentation", "presenter"], {
            fr: "Un exposé est présenté par un membre présent à la séance.",
            en: "A case is presented by a member who attended the session."
          })
        }
        return ok({ _tag: "CasePresented", at, sessionId: c.sessionId, presentation: c.presentation })
      })
    )
    .with({ _tag: "RecordVariants" }, (c) =>
      Either.flatMap(heldSession(c, s), (session) => {
        const known = new Set<string>(s.sessions.flatMap((x) => x.variants.map((v) => v.id)))
        for (const [i, v] of c.variants.entries()) {
          if (known.has(v.id)) return invalid(c, ["variants", i, "id"], { fr: "variante déjà consignée", en: "variant already recorded" })
          known.add(v.id)
          if (!s.questions.some((q) => q.id === v.questionId)) {
            return invalid(c, ["variants", i, "questionId"], { fr: "question inconnue", en: "unknown question" })
          }
          if (v.presentationId !== undefined && !session.presentations.some((p) => p.id === v.presentationId)) {
            return invalid(c, ["variants", i, "presentationId"], {
              fr: "exposé inconnu dans cette séance",
              en: "unknown presentation in this session"
            })
          }
        }
        return ok({ _tag: "VariantsRecorded", at, sessionId: c.sessionId, variants: c.variants })
      })
    )
    .with({ _tag: "Arbitrate" }, (c) =>
      Either.flatMap(heldSession(c, s), (session) => {
        const index = session.variants.findIndex((v) => v.id === c.variantId)
        const variant = session.variants[index]
        if (variant === undefined) return invalid(c, ["variantId"], { fr: "variante inconnue dans cette séance", en: "unknown variant in this session" })
        const si = s.sessions.indexOf(session)
        if (variant.validatedAt !== undefined) {
          return refuse("ARB-01", ["sessions", si, "variants", index, "arbitration"], {
            fr: "Chaque variante reçoit un seul arbitrage du groupe : celui-ci est déjà validé.",
            en: "Each variant gets exactly one group arbitration: this one is already validated."
          })
        }
        if (c.outcome === "conditional" && !nonBlank(c.conditions)) {
          return refuse("ARB-01", ["conditions"], {
            fr: "« Possible sous conditions » exige d'énoncer les conditions.",
            en: "\"Possible under conditions\" requires the conditions."
          })
        }
        const arbitration =
          c.outcome === "conditional"
            ? { outcome: "conditional" as const, conditions: c.conditions.filter((x) => x.trim().length > 0), at }
            : { outcome: c.outcome, at }
        return ok({ _tag: "VariantArbitrated", at, sessionId: c.sessionId, variantId: c.variantId, arbitration })
      })
    )
    .with({ _tag: "ValidateArbitrations" }, (c) =>
      Either.flatMap(heldSession(c, s), (session) => {
        for (const [i, id] of c.variantIds.entries()) {
          const v = session.variants.find((x) => x.id === id)
          if (v === undefined) return invalid(c, ["variantIds", i], { fr: "variante inconnue dans cette séance", en: "unknown variant in this session" })
          if (v.arbitration === undefined) {
            return refuse("ANI-06", ["variantIds", i], {
              fr: "Seul un arbitrage déjà rendu peut être validé par le groupe.",
              en: "Only an arbitration already made can be validated by the group."
            })
          }
        }
        return ok({ _tag: "ArbitrationsValidated", at, sessionId: c.sessionId, variantIds: c.variantIds })
      })
    )
    .with({ _tag: "RecordSpeakingTimes" }, (c) =>
      Either.flatMap(heldSession(c, s), (session) => {
        const facilitators = s.framing?.facilitation?.facilitators ?? []
        for (const [i, t] of c.times.entries()) {
          const present =
            session.attendees.includes(t.participant) ||
            session.guests.some((g) => g.agentId === t.participant) ||
            facilitators.some((f) => f.agentId === t.participant)
          if (!present) {
            return invalid(c, ["times", i, "participant"], {
              fr: `« ${t.participant} » n'a pas participé à cette séance`,
              en: `"${t.participant}" did not take part in this session`
            })
          }
        }
        return ok({ _tag: "SpeakingTimesRecorded", at, sessionId: c.sessionId, times: c.times })
      })
    )
    .with({ _tag: "RecordTrainingNeed" }, (c) =>
      Either.flatMap(heldSession(c, s), () =>
        s.trainingNeeds.some((n) => n.id === c.needId)
          ? invalid(c, ["needId"], { fr: "besoin déjà consigné", en: "training need already recorded" })
          : ok({
              _tag: "TrainingNeedRecorded",
              at,
              need: { id: c.needId, sessionId: c.sessionId, description: c.description, recordedAt: at }
            })
      )
    )
    .with({ _tag: "DraftMinutes" }, (c) =>
      Either.flatMap(heldSession(c, s), (session) => {
        const last = session.minutes[session.minutes.length - 1]
        if (last !== undefined && last.sentAt === undefined) {
          // Redraft of an unsent version: same number, back to draft.
          const version = { version: last.version, draftedAt: at, summary: c.summary }
          return ok({
            _tag: "MinutesDrafted",
            at,
            sessionId: c.sessionId,
            minutes: last.correction === undefined ? version : { ...version, correction: last.correction }
          })
        }
        if (last !== undefined && (c.correction === undefined || c.correction.trim() === "")) {
          return refuse("RES-09", ["correction"], {
            fr: "Une version envoyée ne change jamais : la correction est une nouvelle version, avec son motif.",
            en: "A sent version never changes: a correction is a new version, with its reason."
          })
        }
        const version = { version: (last?.version ?? 0) + 1, draftedAt: at, summary: c.summary }
        return ok({
          _tag: "MinutesDrafted",
          at,
          sessionId: c.sessionId,
          minutes: c.correction === undefined || last === undefined ? version : { ...version, correction: c.correction }
        })
      })
    )
    .with({ _tag: "FinaliseMinutes" }, (c) => {
      const found = findSession(s, c.sessionId)
      if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
      const last = found.session.minutes[found.session.minutes.length - 1]
      if (last === undefined || last.finalisedAt !== undefined) {
        return refuse("RES-09", ["sessions", found.index, "minutes"], {
          fr: "Il faut un projet de compte rendu (non finalisé) pour le finaliser.",
          en: "Finalising needs a draft (not yet finalised) of the minutes."
        })
      }
      return ok({ _tag: "MinutesFinalised", at, sessionId: c.sessionId, version: last.version })
    })
    .with({ _tag: "SendMinutes" }, (c) => {
      const found = findSession(s, c.sessionId)
      if (found === undefined) return invalid(c, ["sessionId"], { fr: "séance inconnue", en: "unknown session" })
      const last = found.session.minutes[found.session.minutes.length - 1]
      if (last === undefined || last.finalisedAt === undefined || last.sentAt !== undefined) {
        return refuse("RES-09", ["sessions", found.index, "minutes"], {
          fr: "Le compte rendu est finalisé par les animateurs avant d'être envoyé ; une version envoyée ne l'est qu'une fois.",
          en: "Minutes are finalised by the facilitators before they are sent; a version is sent once."
        })
      }
      if (s.liaison === undefined) {
        return refuse("RES-01", ["liaison"], {
          fr: "Le groupe désigne une personne ressource avant l'envoi du premier compte rendu.",
          en: "The group designates a liaison before the first minutes are sent."
        })
      }
      const leak = Release.minutesLeaks(s, found.index)
      if (leak.length > 0) return Either.left(new RuleViolation({ violations: leak }))
      return ok({ _tag: "MinutesSent", at, sessionId: c.sessionId, version: last.version })
    })
    .with({ _tag: "Conclude" }, (c) => {
      const violations: Array<Violation> = []
      s.sessions.forEach((session, si) =>
        session.variants.forEach((v, vi) => {
          if (v.arbitration === undefined) {
            violations.push(
              makeViolation("ARB-01", "blocking", ["sessions", si, "variants", vi, "arbitration"], {
                fr: `La variante « ${v.id} » n'a pas été arbitrée.`,
                en: `Variant "${v.id}" has not been arbitrated.`
              })
            )
          }
        })
      )
      if (violations.length > 0) return Either.left(new RuleViolation({ violations }))
      const validated = s.sessions.flatMap((x) => x.variants.filter((v) => v.validatedAt !== undefined).map((v) => v.id))
      const variantIds = c.variantIds ?? validated
      for (const [i, id] of variantIds.entries()) {
        if (!validated.includes(id)) {
          return refuse("ARB-03", ["variantIds", i], {
            fr: `Le relevé de conclusions ne reprend que des arbitrages validés par le groupe (« ${id} » ne l'est pas).`,
            en: `The statement of conclusions lists only arbitrations validated by the group ("${id}" is not).`
          })
        }
      }
      const conclusions = { draftedAt: at, variantIds, summary: c.summary, circulatedAt: at }
      const leak = Release.conclusionsLeaks({ ...s, conclusions })
      if (leak.length > 0) return Either.left(new RuleViolation({ violations: leak }))
      return ok({ _tag: "ConclusionsCirculated", at, conclusions })
    })
    .with({ _tag: "Restitute" }, (c) => ok({ _tag: "Restituted", at, restitution: { at, form: c.form } }))
    .with({ _tag: "RecordDirectionResponse" }, (c) =>
      s.directionResponse !== undefined
        ? invalid(c, [], { fr: "la direction a déjà répondu", en: "the direction has already answered" })
        : ok({ _tag: "DirectionResponded", at, response: { at, analysis: c.analysis, plannedDecisions: c.plannedDecisions } })
    )
    .with({ _tag: "AddAction" }, (c) => {
      const variants = new Set<string>(s.sessions.flatMap((x) => x.variants.map((v) => v.id)))
      const unknown = c.variantIds.findIndex((v) => !variants.has(v))
      if (unknown >= 0) return invalid(c, ["variantIds", unknown], { fr: "variante inconnue", en: "unknown variant" })
      return s.actions.some((a) => a.id === c.actionId)
        ? invalid(c, ["actionId"], { fr: "action déjà inscrite", en: "action already in the grid" })
        : ok({
            _tag: "ActionAdded",
            at,
            action: {
              id: c.actionId,
              title: c.title,
              owner: c.owner,
              dueDate: c.dueDate,
              status: "planned",
              decidedAt: at,
              variantIds: c.variantIds
            }
          })
    })
    .with({ _tag: "UpdateAction" }, (c) => {
      if (!s.actions.some((a) => a.id === c.actionId)) {
        return invalid(c, ["actionId"], { fr: "action inconnue", en: "unknown action" })
      }
      let e: Event.ExchangeEvent & { _tag: "ActionUpdated" } = { _tag: "ActionUpdated", at, actionId: c.actionId, status: c.status }
      if (c.dueDate !== undefined) e = { ...e, dueDate: c.dueDate }
      if (c.comment !== undefined) e = { ...e, comment: c.comment }
      return ok(e)
    })
    .with({ _tag: "PresentReview" }, (c) => {
      const review = { preparedAt: at, text: c.text, presentedAt: at, body: c.body }
      const leak = Release.reviewLeaks({ ...s, review })
      if (leak.length > 0) return Either.left(new RuleViolation({ violations: leak }))
      return ok({ _tag: "ReviewPresented", at, review })
    })
    .with({ _tag: "RecordTestimonial" }, (c) => {
      if (!s.members.some((m) => m.agentId === c.agentId)) {
        return invalid(c, ["agentId"], {
          fr: "un témoignage vient d'un agent ayant participé aux travaux",
          en: "a testimonial comes from an agent who took part in the work"
        })
      }
      if (s.testimonials.some((t) => t.id === c.testimonialId)) {
        return invalid(c, ["testimonialId"], { fr: "témoignage déjà consigné", en: "testimonial already recorded" })
      }
      const base = { id: c.testimonialId, agentId: c.agentId, text: c.text }
      return ok({ _tag: "TestimonialRecorded", at, testimonial: c.consent ? { ...base, consentAt: at } : base })
    })
    .with({ _tag: "PublishTestimonial" }, (c) => {
      const index = s.testimonials.findIndex((t) => t.id === c.testimonialId)
      const t = s.testimonials[index]
      if (t === undefined) return invalid(c, ["testimonialId"], { fr: "témoignage inconnu", en: "unknown testimonial" })
      if (t.consentAt === undefined) {
        return refuse("CNF-05", ["testimonials", index, "consentAt"], {
          fr: "Un témoignage n'est publié qu'avec le consentement enregistré de l'agent.",
          en: "A testimonial is published only with the agent's recorded consent."
        })
      }
      if (t.publishedAt !== undefined) return invalid(c, ["testimonialId"], { fr: "déjà publié", en: "already published" })
      return ok({ _tag: "TestimonialPublished", at, testimonialId: c.testimonialId })
    })
    .with({ _tag: "Abandon" }, (c) => ok({ _tag: "ExchangeAbandoned", at, reason: c.reason }))
    .with({ _tag: "Close" }, () => ok({ _tag: "ExchangeClosed", at }))
    .exhaustive()

const key = (v: Violation) => `${v.rule}|${v.path.join(".")}`

/** Commands a rule never refuses (beyond the lifecycle order). */
const neverRefusedByRules: ReadonlySet<Command.CommandTag> = new Set(["Withdraw", "Abandon"])

/**
 * Decides a command at a given instant, without Effect: the pure core of
 * `decide`.
 *
 * @example
 * import { Decider, Instant } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * const result = Decider.decideAt(
 *   { _tag: "Propose", exchangeId: "ech-1" as any, title: "Accueil des usagers", by: "direction" },
 *   Decider.initialState,
 *   Instant.unsafeMake("2026-09-01T08:00:00Z")
 * )
 * Either.isRight(result) // true
 * @since 0.1.0
 */
export const decideAt = (
  command: Command.ExchangeCommand,
  state: State,
  now: DateTime.Utc,
  context: Context = {}
): Either.Either<Decision, DecideError> => {
  const at = command.at ?? now
  if (state === null) {
    if (command._tag !== "Propose") return outOfOrder(command, state)
    const origin =
      command.description === undefined
        ? { by: command.by, at }
        : { by: command.by, at, description: command.description }
    const base = { _tag: "ExchangeProposed" as const, at, exchangeId: command.exchangeId, title: command.title, origin }
    return Either.right({
      events: [command.service === undefined ? base : { ...base, service: command.service }],
      advisories: []
    })
  }
  if (!allowedStates[command._tag].includes(state.state)) return outOfOrder(command, state)
  if (state.updatedAt !== undefined && at.epochMillis < state.updatedAt.epochMillis) {
    return invalid(command, ["at"], {
      fr: `la commande est datée avant le dernier événement enregistré (${DateTime.formatIso(state.updatedAt)}) : l'historique ne se réécrit pas`,
      en: `the command is dated before the latest recorded event (${DateTime.formatIso(state.updatedAt)}): history is not rewritten`
    })
  }
  const produced = produce(command, state, at)
  if (Either.isLeft(produced)) return Either.left(produced.left)
  const events = produced.right
  const next = replay(events, state)!
  const options = { config: context.config, at }
  const before = Evaluate.evaluate(state, options)
  const after = Evaluate.evaluate(next, options)
  if (!neverRefusedByRules.has(command._tag)) {
    const known = new Set(before.blocking.map(key))
    const added = after.blocking.filter((v) => !known.has(key(v)))
    if (added.length > 0) return Either.left(new RuleViolation({ violations: added }))
  }
  const knownAdvisories = new Set(before.advisories.map(key))
  return Either.right({ events, advisories: after.advisories.filter((v) => !knownAdvisories.has(key(v))) })
}

/**
 * Decides a command: the events it produces and the advisories it raises, or
 * a typed refusal. The current time comes from Effect's `Clock` (so tests
 * control it with `TestClock`), unless the command carries its own `at`.
 *
 * @example
 * import { Decider } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * const program = Decider.decide(
 *   { _tag: "Propose", exchangeId: "ech-1" as any, title: "Accueil des usagers", by: "agents" },
 *   Decider.initialState
 * )
 * Effect.runSync(program).events.length // 1
 * @since 0.1.0
 */
export const decide = (
  command: Command.ExchangeCommand,
  state: State,
  context: Context = {}
): Effect.Effect<Decision, DecideError> =>
  Effect.flatMap(DateTime.now, (now) => Either.match(decideAt(command, state, now, context), {
    onLeft: Effect.fail,
    onRight: Effect.succeed
  }))
