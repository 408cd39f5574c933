/**
 * Events of the exchange lifecycle: what happened, in the past tense. An
 * exchange is the fold of its events (`Decider.evolve`); the exchange snapshot
 * is that fold.
 *
 * Each event is a tagged Schema struct (JSON: `{"_tag": "SessionScheduled",
 * …}`) and carries `at`, the UTC instant it happened.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Agent, Name, PersonName } from "./Agent.js"
import {
  Action,
  Approval,
  Charter,
  Communication,
  Conclusions,
  DirectionResponse,
  Invitation,
  Member,
  Restitution,
  Review,
  Testimonial,
  TrainingNeed
} from "./Exchange.js"
import { Framing, Origin } from "./Framing.js"
import { ActionId, AgentId, ExchangeId, SessionId, TestimonialId, VariantId } from "./Ids.js"
import { Instant } from "./Instant.js"
import { Agenda, Arbitration, CasePresentation, Guest, MinutesVersion, PracticeVariant, SpeakingTime, Venue } from "./Session.js"
import { WorkQuestion } from "./WorkQuestion.js"

const at = Instant

/** @since 0.1.0 */
export const ExchangeProposed = Schema.TaggedStruct("ExchangeProposed", {
  at,
  exchangeId: ExchangeId,
  title: Name,
  service: Schema.optional(Name),
  origin: Origin
})
/** @since 0.1.0 */
export const ExchangeFramed = Schema.TaggedStruct("ExchangeFramed", {
  at,
  framing: Framing,
  agents: Schema.optionalWith(Schema.Array(Agent), { default: () => [] })
})
/** @since 0.1.0 */
export const ExchangeApproved = Schema.TaggedStruct("ExchangeApproved", { at, approval: Approval })
/** @since 0.1.0 */
export const ApproachCommunicated = Schema.TaggedStruct("ApproachCommunicated", { at, communication: Communication })
/** @since 0.1.0 */
export const AgentsInvited = Schema.TaggedStruct("AgentsInvited", {
  at,
  agents: Schema.Array(Agent),
  invitations: Schema.Array(Invitation)
})
/** @since 0.1.0 */
export const AgentVolunteered = Schema.TaggedStruct("AgentVolunteered", { at, agentId: AgentId })
/** @since 0.1.0 */
export const ParticipantWithdrew = Schema.TaggedStruct("ParticipantWithdrew", {
  at,
  agentId: AgentId,
  reason: Schema.optional(Schema.String)
})
/** @since 0.1.0 */
export const GroupComposed = Schema.TaggedStruct("GroupComposed", { at, members: Schema.Array(Member) })
/** @since 0.1.0 */
export const LiaisonDesignated = Schema.TaggedStruct("LiaisonDesignated", { at, agentId: AgentId })
/** @since 0.1.0 */
export const TaskDelegated = Schema.TaggedStruct("TaskDelegated", {
  at,
  agentId: AgentId,
  task: Schema.Literal("noteTaking", "timekeeping", "other")
})
/** @since 0.1.0 */
export const CharterAdopted = Schema.TaggedStruct("CharterAdopted", { at, charter: Charter })
/** @since 0.1.0 */
export const SessionScheduled = Schema.TaggedStruct("SessionScheduled", {
  at,
  sessionId: SessionId,
  kind: Schema.Literal("questionChoice", "casework"),
  scheduledAt: Instant,
  durationMinutes: Schema.Int.pipe(Schema.positive()),
  venue: Schema.optional(Venue),
  /** Guests' directory entries (not members), added to the exchange's agents. */
  guestAgents: Schema.Array(Agent),
  guests: Schema.Array(Guest)
})
/** @since 0.1.0 */
export const AgendaSet = Schema.TaggedStruct("AgendaSet", { at, sessionId: SessionId, agenda: Agenda })
/** @since 0.1.0 */
export const SessionHeld = Schema.TaggedStruct("SessionHeld", {
  at,
  sessionId: SessionId,
  attendees: Schema.Array(AgentId)
})
/** @since 0.1.0 */
export const SessionCancelled = Schema.TaggedStruct("SessionCancelled", {
  at,
  sessionId: SessionId,
  reason: Schema.String
})
/**
 * A scheduled session moved: its date and time, duration and venue as they
 * now are (unchanged ones repeated), and the reason. @since 0.2.0
 */
export const SessionRescheduled = Schema.TaggedStruct("SessionRescheduled", {
  at,
  sessionId: SessionId,
  scheduledAt: Instant,
  durationMinutes: Schema.Int.pipe(Schema.positive()),
  venue: Schema.optional(Venue),
  reason: Schema.String
})
/** @since 0.1.0 */
export const QuestionsChosen = Schema.TaggedStruct("QuestionsChosen", {
  at,
  sessionId: SessionId,
  questions: Schema.Array(WorkQuestion)
})
/** @since 0.1.0 */
export const QuestionClosed = Schema.TaggedStruct("QuestionClosed", { at, questionId: WorkQuestion.fields.id })
/** @since 0.1.0 */
export const CasePresented = Schema.TaggedStruct("CasePresented", {
  at,
  sessionId: SessionId,
  presentation: CasePresentation
})
/** @since 0.1.0 */
export const VariantsRecorded = Schema.TaggedStruct("VariantsRecorded", {
  at,
  sessionId: SessionId,
  variants: Schema.Array(PracticeVariant)
})
/** @since 0.1.0 */
export const VariantArbitrated = Schema.TaggedStruct("VariantArbitrated", {
  at,
  sessionId: SessionId,
  variantId: VariantId,
  arbitration: Arbitration
})
/** @since 0.1.0 */
export const ArbitrationsValidated = Schema.TaggedStruct("ArbitrationsValidated", {
  at,
  sessionId: SessionId,
  variantIds: Schema.Array(VariantId)
})
/** @since 0.1.0 */
export const SpeakingTimesRecorded = Schema.TaggedStruct("SpeakingTimesRecorded", {
  at,
  sessionId: SessionId,
  times: Schema.Array(SpeakingTime)
})
/** @since 0.1.0 */
export const TrainingNeedRecorded = Schema.TaggedStruct("TrainingNeedRecorded", { at, need: TrainingNeed })
/** @since 0.1.0 */
export const MinutesDrafted = Schema.TaggedStruct("MinutesDrafted", {
  at,
  sessionId: SessionId,
  minutes: MinutesVersion
})
/** @since 0.1.0 */
export const MinutesFinalised = Schema.TaggedStruct("MinutesFinalised", {
  at,
  sessionId: SessionId,
  version: Schema.Int
})
/** @since 0.1.0 */
export const MinutesSent = Schema.TaggedStruct("MinutesSent", { at, sessionId: SessionId, version: Schema.Int })
/** @since 0.1.0 */
export const ConclusionsCirculated = Schema.TaggedStruct("ConclusionsCirculated", { at, conclusions: Conclusions })
/** @since 0.1.0 */
export const Restituted = Schema.TaggedStruct("Restituted", { at, restitution: Restitution })
/** @since 0.1.0 */
export const DirectionResponded = Schema.TaggedStruct("DirectionResponded", { at, response: DirectionResponse })
/** @since 0.1.0 */
export const ActionAdded = Schema.TaggedStruct("ActionAdded", { at, action: Action })
/** @since 0.1.0 */
export const ActionUpdated = Schema.TaggedStruct("ActionUpdated", {
  at,
  actionId: ActionId,
  status: Action.fields.status,
  dueDate: Schema.optional(Instant),
  comment: Schema.optional(Schema.String)
})
/** @since 0.1.0 */
export const ReviewPresented = Schema.TaggedStruct("ReviewPresented", { at, review: Review })
/** @since 0.1.0 */
export const TestimonialRecorded = Schema.TaggedStruct("TestimonialRecorded", { at, testimonial: Testimonial })
/** @since 0.1.0 */
export const TestimonialPublished = Schema.TaggedStruct("TestimonialPublished", { at, testimonialId: TestimonialId })
/**
 * An agent was renamed (CNF-08): `from` becomes one of the agent's former
 * names, still scanned by CNF-06.
 *
 * @since 0.2.0
 */
export const AgentRenamed = Schema.TaggedStruct("AgentRenamed", {
  at,
  agentId: AgentId,
  from: Schema.Struct({ firstName: PersonName, lastName: PersonName }),
  to: Schema.Struct({ firstName: PersonName, lastName: PersonName }),
  reason: Schema.optional(Name)
})
/** @since 0.1.0 */
export const ExchangeAbandoned = Schema.TaggedStruct("ExchangeAbandoned", { at, reason: Name })
/** @since 0.1.0 */
export const ExchangeClosed = Schema.TaggedStruct("ExchangeClosed", { at })

/**
 * Every event of the lifecycle.
 *
 * @example
 * import { Event } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const event = Schema.decodeUnknownSync(Event.ExchangeEvent)({
 *   _tag: "ExchangeClosed", at: "2027-06-30T10:00:00Z"
 * })
 * @since 0.1.0
 */
export const ExchangeEvent = Schema.Union(
  ExchangeProposed,
  ExchangeFramed,
  ExchangeApproved,
  ApproachCommunicated,
  AgentsInvited,
  AgentVolunteered,
  ParticipantWithdrew,
  GroupComposed,
  LiaisonDesignated,
  TaskDelegated,
  CharterAdopted,
  SessionScheduled,
  AgendaSet,
  SessionHeld,
  SessionCancelled,
  SessionRescheduled,
  QuestionsChosen,
  QuestionClosed,
  CasePresented,
  VariantsRecorded,
  VariantArbitrated,
  ArbitrationsValidated,
  SpeakingTimesRecorded,
  TrainingNeedRecorded,
  MinutesDrafted,
  MinutesFinalised,
  MinutesSent,
  ConclusionsCirculated,
  Restituted,
  DirectionResponded,
  ActionAdded,
  ActionUpdated,
  ReviewPresented,
  TestimonialRecorded,
  TestimonialPublished,
  AgentRenamed,
  ExchangeAbandoned,
  ExchangeClosed
).annotations({ identifier: "ExchangeEvent" })
/** @since 0.1.0 */
export type ExchangeEvent = typeof ExchangeEvent.Type
/** @since 0.1.0 */
export type ExchangeEventEncoded = typeof ExchangeEvent.Encoded
/** @since 0.1.0 */
export type EventTag = ExchangeEvent["_tag"]

/**
 * Encodes an event to JSON (for an event store).
 *
 * @since 0.1.0
 */
export const encode: (event: ExchangeEvent) => ExchangeEventEncoded = Schema.encodeSync(ExchangeEvent)

/**
 * Decodes a stored event.
 *
 * @since 0.1.0
 */
export const decode = Schema.decodeUnknown(ExchangeEvent)
