/**
 * Commands of the exchange lifecycle: what someone asks for, in the
 * imperative. `Decider.decide` accepts or refuses each one against the rules.
 *
 * Every command may carry `at`, the instant it happened (an intranet often
 * records a meeting after the fact); without it the decider uses the current
 * time from Effect's `Clock`. Commands are tagged Schema structs, so a JSON
 * command from an HTTP body or a CLI file decodes with precise errors.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Agent, Name, PersonName } from "./Agent.js"
import { Action, CharterItem, Communication } from "./Exchange.js"
import { Framing, FramingElement } from "./Framing.js"
import { ActionId, AgentId, ExchangeId, PresentationId, QuestionId, SessionId, TestimonialId, TrainingNeedId, VariantId } from "./Ids.js"
import { Instant } from "./Instant.js"
import { AgendaItem, CasePresentation, GuestRole, SpeakingTime, Venue } from "./Session.js"
import { Nature, Subject } from "./WorkQuestion.js"

const at = Schema.optional(Instant)
const OccupationIds = Schema.optionalWith(Schema.Array(Agent.fields.occupation), { default: () => [] })

/** Propose an exchange (LIF-01): the direction or the agents themselves. @since 0.1.0 */
export const Propose = Schema.TaggedStruct("Propose", {
  at,
  exchangeId: ExchangeId,
  title: Name,
  service: Schema.optional(Name),
  by: Schema.Literal("direction", "agents"),
  description: Schema.optional(Schema.String)
})
/** Formalise the framing (LIF-02); can be redone until approval. @since 0.1.0 */
export const Frame = Schema.TaggedStruct("Frame", {
  at,
  framing: Schema.Struct(Framing.fields).pipe(Schema.omit("at")),
  /** Directory entries of the facilitators (and anyone else the framing names) not yet known. */
  agents: Schema.optionalWith(Schema.Array(Agent), { default: () => [] })
})
/** Management accepts the exchange (LIF-03). @since 0.1.0 */
export const Approve = Schema.TaggedStruct("Approve", { at, by: Name })
/** Communicate about the approach or its results (LIF-04, RES-07). @since 0.1.0 */
export const Communicate = Schema.TaggedStruct("Communicate", {
  at,
  channel: Communication.fields.channel,
  about: Communication.fields.about
})
/** Invite the agents of the perimeter (ELI-02, LIF-03, LIF-04). @since 0.1.0 */
export const Invite = Schema.TaggedStruct("Invite", {
  at,
  agents: Schema.Array(Agent),
  carries: Schema.optionalWith(Schema.Array(FramingElement), {
    default: () => ["origin", "objectives", "perimeter", "themes", "facilitation"] as const
  })
})
/** An invited agent volunteers (ELI-01). @since 0.1.0 */
export const Volunteer = Schema.TaggedStruct("Volunteer", { at, agentId: AgentId })
/** A volunteer or member withdraws (ELI-01): never refused by a rule. @since 0.1.0 */
export const Withdraw = Schema.TaggedStruct("Withdraw", { at, agentId: AgentId, reason: Schema.optional(Schema.String) })
/** Compose the group from the volunteers (ELI-*, SIZ-*, DIV-*). @since 0.1.0 */
export const Compose = Schema.TaggedStruct("Compose", {
  at,
  members: Schema.Array(
    Schema.Struct({
      agentId: AgentId,
      role: Schema.optionalWith(Schema.Literal("operational", "resource"), { default: () => "operational" as const })
    })
  )
})
/** Designate the liaison who sends calendar, agendas and minutes to line managers (RES-01). @since 0.1.0 */
export const DesignateLiaison = Schema.TaggedStruct("DesignateLiaison", { at, agentId: AgentId })
/** Delegate a task such as note-taking to a member (ANI-07). @since 0.1.0 */
export const DelegateTask = Schema.TaggedStruct("DelegateTask", {
  at,
  agentId: AgentId,
  task: Schema.Literal("noteTaking", "timekeeping", "other")
})
/** Adopt the group's rules (CHA-01); opens the confidentiality window (CNF-01). @since 0.1.0 */
export const AdoptCharter = Schema.TaggedStruct("AdoptCharter", {
  at,
  items: Schema.Array(CharterItem),
  text: Schema.optional(Schema.String)
})
/** Schedule a session with its venue and guests (LIF-06, ELI-06). @since 0.1.0 */
export const ScheduleSession = Schema.TaggedStruct("ScheduleSession", {
  at,
  sessionId: SessionId,
  kind: Schema.Literal("questionChoice", "casework"),
  scheduledAt: Instant,
  durationMinutes: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 180 }),
  venue: Schema.optional(Venue),
  guests: Schema.optionalWith(
    Schema.Array(Schema.Struct({ agent: Agent, role: GuestRole, reason: Schema.optional(Schema.String) })),
    { default: () => [] }
  )
})
/** Set a session's agenda (SES-06, PUR-04). @since 0.1.0 */
export const SetAgenda = Schema.TaggedStruct("SetAgenda", { at, sessionId: SessionId, items: Schema.Array(AgendaItem) })
/** Record that a session was held, with the members present. @since 0.1.0 */
export const HoldSession = Schema.TaggedStruct("HoldSession", {
  at,
  sessionId: SessionId,
  attendees: Schema.Array(AgentId)
})
/** Cancel a scheduled session. @since 0.1.0 */
export const CancelSession = Schema.TaggedStruct("CancelSession", { at, sessionId: SessionId, reason: Name })
/**
 * Move a scheduled session: a new date and time, duration or venue (at least
 * one), with the reason. Refused once the session is held or cancelled
 * (LIF-08); the new date and venue must meet the same rules as a scheduling
 * (LIF-06, LIF-07, CHA-01…). Calendars get the change: the session's
 * SEQUENCE goes up, its DTSTAMP is this command's date.
 *
 * @example
 * import { Command } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Command.RescheduleSession)({
 *   _tag: "RescheduleSession", sessionId: "s2", scheduledAt: "2026-11-26T13:00:00Z", reason: "Salle indisponible le 19"
 * })
 * @since 0.2.0
 */
export const RescheduleSession = Schema.TaggedStruct("RescheduleSession", {
  at,
  sessionId: SessionId,
  /** The new date and time; absent: unchanged. */
  scheduledAt: Schema.optional(Instant),
  /** The new duration in minutes; absent: unchanged. */
  durationMinutes: Schema.optional(Schema.Int.pipe(Schema.positive())),
  /** The new venue; absent: unchanged. */
  venue: Schema.optional(Venue),
  /** Why the session moves (kept in its event). */
  reason: Name
}).annotations({
  description:
    "Moves a scheduled session: a new date and time, duration or venue (at least one, and something must change), with the reason. Refused once the session is held or cancelled (LIF-08); the new date and venue meet the rules a scheduling meets (LIF-06, LIF-07, CHA-01…). Calendars get the change: SEQUENCE + 1, DTSTAMP the move."
})
/** The group chooses its work questions (SES-01, PUR-03, PUR-04). @since 0.1.0 */
export const ChooseQuestions = Schema.TaggedStruct("ChooseQuestions", {
  at,
  sessionId: SessionId,
  questions: Schema.Array(
    Schema.Struct({
      id: QuestionId,
      title: Name,
      subject: Schema.optional(Subject),
      nature: Schema.optionalWith(Nature, { default: () => "experienceSharing" as const }),
      anchoring: Schema.optional(Schema.String),
      occupationsConcerned: OccupationIds
    })
  )
})
/** Close a work question once treated. @since 0.1.0 */
export const CloseQuestion = Schema.TaggedStruct("CloseQuestion", { at, questionId: QuestionId })
/** Record a case presentation resting on a trace (SES-03, SES-07). @since 0.1.0 */
export const RecordPresentation = Schema.TaggedStruct("RecordPresentation", {
  at,
  sessionId: SessionId,
  presentation: CasePresentation
})
/** Record the practice variants that came up (ARB-01). @since 0.1.0 */
export const RecordVariants = Schema.TaggedStruct("RecordVariants", {
  at,
  sessionId: SessionId,
  variants: Schema.Array(
    Schema.Struct({
      id: VariantId,
      questionId: QuestionId,
      presentationId: Schema.optional(PresentationId),
      description: Schema.String
    })
  )
})
/** The group arbitrates a variant (ARB-01, ARB-02): no votes, no attribution. @since 0.1.0 */
export const Arbitrate = Schema.TaggedStruct("Arbitrate", {
  at,
  sessionId: SessionId,
  variantId: VariantId,
  outcome: Schema.Literal("desirable", "conditional", "discontinue"),
  conditions: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] })
})
/** The facilitators have the group validate arbitrations (ANI-06). @since 0.1.0 */
export const ValidateArbitrations = Schema.TaggedStruct("ValidateArbitrations", {
  at,
  sessionId: SessionId,
  variantIds: Schema.Array(VariantId)
})
/** Record speaking times (CHA-02). @since 0.1.0 */
export const RecordSpeakingTimes = Schema.TaggedStruct("RecordSpeakingTimes", {
  at,
  sessionId: SessionId,
  times: Schema.Array(SpeakingTime)
})
/** Record a training need identified by the group (RES-03). @since 0.1.0 */
export const RecordTrainingNeed = Schema.TaggedStruct("RecordTrainingNeed", {
  at,
  needId: TrainingNeedId,
  sessionId: SessionId,
  description: Schema.String
})
/** Draft (or redraft, or correct with a new version) a session's minutes (RES-09). @since 0.1.0 */
export const DraftMinutes = Schema.TaggedStruct("DraftMinutes", {
  at,
  sessionId: SessionId,
  summary: Schema.String,
  correction: Schema.optional(Schema.String)
})
/** The facilitators finalise the latest minutes version (RES-09). @since 0.1.0 */
export const FinaliseMinutes = Schema.TaggedStruct("FinaliseMinutes", { at, sessionId: SessionId })
/** The liaison sends the finalised minutes to line managers (RES-01, RES-02, CNF-06). @since 0.1.0 */
export const SendMinutes = Schema.TaggedStruct("SendMinutes", { at, sessionId: SessionId })
/** Produce and circulate the statement of conclusions (ARB-03, RES-04, CNF-06). @since 0.1.0 */
export const Conclude = Schema.TaggedStruct("Conclude", {
  at,
  /** Defaults to every validated variant. */
  variantIds: Schema.optional(Schema.Array(VariantId)),
  summary: Schema.optionalWith(Schema.String, { default: () => "" })
})
/** The restitution (closes the confidentiality window, CNF-01). @since 0.1.0 */
export const Restitute = Schema.TaggedStruct("Restitute", {
  at,
  form: Schema.Literal("serviceMeeting", "directionMeeting", "written")
})
/** Record the direction's response (RES-05). @since 0.1.0 */
export const RecordDirectionResponse = Schema.TaggedStruct("RecordDirectionResponse", {
  at,
  analysis: Schema.String,
  plannedDecisions: Schema.Array(Schema.String)
})
/** Add an action to the follow-up grid (RES-08). @since 0.1.0 */
export const AddAction = Schema.TaggedStruct("AddAction", {
  at,
  actionId: ActionId,
  title: Name,
  owner: Name,
  dueDate: Instant,
  variantIds: Schema.optionalWith(Schema.Array(VariantId), { default: () => [] })
})
/** Update an action's status (RES-08). @since 0.1.0 */
export const UpdateAction = Schema.TaggedStruct("UpdateAction", {
  at,
  actionId: ActionId,
  status: Action.fields.status,
  dueDate: Schema.optional(Instant),
  comment: Schema.optional(Schema.String)
})
/** Present the review (bilan) to the social-dialogue bodies (RES-06, CNF-06). @since 0.1.0 */
export const PresentReview = Schema.TaggedStruct("PresentReview", { at, text: Schema.String, body: Name })
/** Record a testimonial, with or without the agent's consent (CNF-05). @since 0.1.0 */
export const RecordTestimonial = Schema.TaggedStruct("RecordTestimonial", {
  at,
  testimonialId: TestimonialId,
  agentId: AgentId,
  text: Schema.String,
  consent: Schema.Boolean
})
/** Publish a testimonial: only with recorded consent (CNF-05, RES-07). @since 0.1.0 */
export const PublishTestimonial = Schema.TaggedStruct("PublishTestimonial", { at, testimonialId: TestimonialId })
/**
 * Rename an agent (CNF-08): a typo corrected, a married name. The only way
 * to change the name of a known agent ID — a command that carries a known ID
 * under another name is refused — and the old name stays in the CNF-06 scan.
 *
 * @example
 * import { Command } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const command = Schema.decodeUnknownSync(Command.ExchangeCommand)({
 *   _tag: "RenameAgent", agentId: "agt-001", firstName: "Élodie", lastName: "Martin", reason: "nom d'usage"
 * })
 * @since 0.2.0
 */
export const RenameAgent = Schema.TaggedStruct("RenameAgent", {
  at,
  agentId: AgentId,
  firstName: PersonName,
  lastName: PersonName,
  reason: Schema.optional(Name)
})
/** Abandon the exchange, with a reason (LIF-08). @since 0.1.0 */
export const Abandon = Schema.TaggedStruct("Abandon", { at, reason: Name })
/** Close the cycle (LIF-08). @since 0.1.0 */
export const Close = Schema.TaggedStruct("Close", { at })

/**
 * Every command of the lifecycle.
 *
 * @example
 * import { Command } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const command = Schema.decodeUnknownSync(Command.ExchangeCommand)({
 *   _tag: "Approve", by: "Directrice départementale"
 * })
 * @since 0.1.0
 */
export const ExchangeCommand = Schema.Union(
  Propose,
  Frame,
  Approve,
  Communicate,
  Invite,
  Volunteer,
  Withdraw,
  Compose,
  DesignateLiaison,
  DelegateTask,
  AdoptCharter,
  ScheduleSession,
  SetAgenda,
  HoldSession,
  CancelSession,
  RescheduleSession,
  ChooseQuestions,
  CloseQuestion,
  RecordPresentation,
  RecordVariants,
  Arbitrate,
  ValidateArbitrations,
  RecordSpeakingTimes,
  RecordTrainingNeed,
  DraftMinutes,
  FinaliseMinutes,
  SendMinutes,
  Conclude,
  Restitute,
  RecordDirectionResponse,
  AddAction,
  UpdateAction,
  PresentReview,
  RecordTestimonial,
  PublishTestimonial,
  RenameAgent,
  Abandon,
  Close
).annotations({ identifier: "ExchangeCommand" })
/** @since 0.1.0 */
export type ExchangeCommand = typeof ExchangeCommand.Type
/** @since 0.1.0 */
export type ExchangeCommandEncoded = typeof ExchangeCommand.Encoded
/** @since 0.1.0 */
export type CommandTag = ExchangeCommand["_tag"]
