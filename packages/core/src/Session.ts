/**
 * Sessions (séances) and what happens in them: agenda, guests, case
 * presentations resting on traces of activity, practice variants and their
 * arbitration, speaking times, minutes (II-c, step 2).
 *
 * Statements are recorded without attribution (CNF-02): a presentation keeps
 * its presenter only so that the rules can check turns (SES-05); no view ever
 * shows it next to the case.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Name } from "./Agent.js"
import { AgentId, PresentationId, QuestionId, SessionId, VariantId } from "./Ids.js"
import { Instant } from "./Instant.js"
import { Nature } from "./WorkQuestion.js"

/**
 * The venue (LIF-06): a room or a remote setting, recorded before the session
 * is held. The facilitators attest that it « doit être propice aux
 * échanges »: suitable equipment (`equipped`), favours concentration
 * (`quiet`), protects freedom of speech, not overheard (`private`); each is
 * unknown until attested.
 *
 * @since 0.1.0
 */
export const Venue = Schema.Struct({
  name: Name,
  setting: Schema.optional(Schema.Literal("room", "remote")),
  equipped: Schema.optional(Schema.Boolean),
  quiet: Schema.optional(Schema.Boolean),
  private: Schema.optional(Schema.Boolean),
  /** When the facilitators attested the three conditions. */
  attestedAt: Schema.optional(Instant)
}).annotations({ identifier: "Venue" })
/** @since 0.1.0 */
export interface Venue extends Schema.Schema.Type<typeof Venue> {}

/**
 * An agenda item (SES-06; its nature is checked by PUR-04 and PUR-06; the
 * time it is allotted by SES-09).
 *
 * @since 0.1.0
 */
export const AgendaItem = Schema.Struct({
  title: Name,
  nature: Schema.optionalWith(Nature, { default: () => "experienceSharing" as const }),
  questionId: Schema.optional(QuestionId),
  /** SES-09: minutes allotted to the item. */
  durationMinutes: Schema.optional(Schema.Int.pipe(Schema.positive())),
  /** PUR-06: the facilitators confirmed its nature although its wording suggested an excluded use. */
  natureConfirmed: Schema.optional(Schema.Boolean)
}).annotations({ identifier: "AgendaItem" })
/** @since 0.1.0 */
export interface AgendaItem extends Schema.Schema.Type<typeof AgendaItem> {}

/** The agenda of a session (ordre du jour, SES-06). @since 0.1.0 */
export const Agenda = Schema.Struct({
  setAt: Instant,
  items: Schema.Array(AgendaItem),
  /** RES-01: when the liaison sent it to the members' line managers. */
  sentAt: Schema.optional(Instant)
}).annotations({ identifier: "Agenda" })
/** @since 0.1.0 */
export interface Agenda extends Schema.Schema.Type<typeof Agenda> {}

/**
 * Roles of occasional guests the note lists (II-a).
 *
 * @since 0.1.0
 */
export const GuestRole = Schema.Literal(
  "preventionOfficer",
  "occupationalPhysician",
  "workPsychologist",
  "ergonomist",
  "hrManager",
  "logisticsManager",
  "socialService",
  "other"
).annotations({ identifier: "GuestRole" })
/** @since 0.1.0 */
export type GuestRole = typeof GuestRole.Type

/** An occasional guest of one session (ELI-06): not a member. @since 0.1.0 */
export const Guest = Schema.Struct({
  agentId: AgentId,
  role: GuestRole,
  reason: Schema.optional(Schema.String)
}).annotations({ identifier: "Guest" })
/** @since 0.1.0 */
export interface Guest extends Schema.Schema.Type<typeof Guest> {}

/**
 * A trace of activity (SES-03): taken from the work itself (a report, an
 * email, a letter…) or created for the group (own notes during or after the
 * activity, observation notes by a neutral third party or by a member).
 *
 * @since 0.1.0
 */
export const ActivityTrace = Schema.Struct({
  origin: Schema.Literal("fromWork", "createdForGroup"),
  type: Schema.Literal(
    "report",
    "email",
    "letter",
    "file",
    "ownNotesDuring",
    "ownNotesAfter",
    "observationByThirdParty",
    "observationByMember",
    "other"
  ),
  description: Schema.String
}).annotations({ identifier: "ActivityTrace" })
/** @since 0.1.0 */
export interface ActivityTrace extends Schema.Schema.Type<typeof ActivityTrace> {}

/**
 * A case presentation (exposé, SES-03, SES-07): context of production, the
 * elements of the situation, the reasons for the choices made, the result;
 * then the group's questions and comparable practices, recorded without
 * attribution.
 *
 * @since 0.1.0
 */
export const CasePresentation = Schema.Struct({
  id: PresentationId,
  /** Kept for turn-taking (SES-05) only; never shown next to the case (CNF-02). */
  presenter: AgentId,
  questionId: QuestionId,
  trace: Schema.optional(ActivityTrace),
  context: Schema.String,
  situation: Schema.String,
  reasons: Schema.String,
  result: Schema.String,
  discussion: Schema.optionalWith(
    Schema.Struct({
      questions: Schema.Array(Schema.String),
      comparablePractices: Schema.Array(Schema.String)
    }),
    { default: () => ({ questions: [], comparablePractices: [] }) }
  )
}).annotations({ identifier: "CasePresentation" })
/** @since 0.1.0 */
export interface CasePresentation extends Schema.Schema.Type<typeof CasePresentation> {}

/**
 * The group's arbitration of a practice variant (ARB-01): what is desirable,
 * possible under conditions (conditions mandatory), or to stop. A
 * recommendation of the group, never a decision (ARB-02, PUR-05): no
 * individual votes are recorded.
 *
 * @since 0.1.0
 */
export const Arbitration = Schema.Union(
  Schema.Struct({ outcome: Schema.Literal("desirable"), at: Instant }),
  Schema.Struct({ outcome: Schema.Literal("conditional"), conditions: Schema.Array(Schema.String), at: Instant }),
  Schema.Struct({ outcome: Schema.Literal("discontinue"), at: Instant })
).annotations({ identifier: "Arbitration" })
/** @since 0.1.0 */
export type Arbitration = typeof Arbitration.Type
/** @since 0.1.0 */
export type Outcome = Arbitration["outcome"]
/** The three outcomes, in the note's order. @since 0.1.0 */
export const outcomes: ReadonlyArray<Outcome> = ["desirable", "conditional", "discontinue"]

/**
 * A practice variant (variante de pratique) that came up in discussion.
 *
 * @since 0.1.0
 */
export const PracticeVariant = Schema.Struct({
  id: VariantId,
  questionId: QuestionId,
  presentationId: Schema.optional(PresentationId),
  description: Schema.String,
  arbitration: Schema.optional(Arbitration),
  /** ANI-06: the group validated the arbitration, so it may enter the reference document. */
  validatedAt: Schema.optional(Instant)
}).annotations({ identifier: "PracticeVariant" })
/** @since 0.1.0 */
export interface PracticeVariant extends Schema.Schema.Type<typeof PracticeVariant> {}

/** Speaking time of one participant in one session (CHA-02). @since 0.1.0 */
export const SpeakingTime = Schema.Struct({
  participant: AgentId,
  seconds: Schema.Number.pipe(Schema.nonNegative(), Schema.finite())
}).annotations({ identifier: "SpeakingTime" })
/** @since 0.1.0 */
export interface SpeakingTime extends Schema.Schema.Type<typeof SpeakingTime> {}

/**
 * One version of a session's minutes (RES-09): drafted, finalised by the
 * facilitators, then sent to the members' line managers. A sent version never
 * changes; a correction is a new version.
 *
 * @since 0.1.0
 */
export const MinutesVersion = Schema.Struct({
  version: Schema.Int.pipe(Schema.positive()),
  draftedAt: Instant,
  /** Free text typed by the note-taker: checked for names before release (CNF-06). */
  summary: Schema.String,
  finalisedAt: Schema.optional(Instant),
  sentAt: Schema.optional(Instant),
  /** Why this version supersedes the previous one. */
  correction: Schema.optional(Schema.String)
}).annotations({ identifier: "MinutesVersion" })
/** @since 0.1.0 */
export interface MinutesVersion extends Schema.Schema.Type<typeof MinutesVersion> {}

/**
 * A session. `kind` is `questionChoice` for the session where the group
 * chooses its work questions (SES-01) and `casework` for case sessions.
 *
 * @since 0.1.0
 */
export const Session = Schema.Struct({
  id: SessionId,
  kind: Schema.Literal("questionChoice", "casework"),
  scheduledAt: Instant,
  durationMinutes: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 180 }),
  venue: Schema.optional(Venue),
  agenda: Schema.optional(Agenda),
  guests: Schema.optionalWith(Schema.Array(Guest), { default: () => [] }),
  status: Schema.optionalWith(Schema.Literal("scheduled", "held", "cancelled"), {
    default: () => "scheduled" as const
  }),
  heldAt: Schema.optional(Instant),
  attendees: Schema.optionalWith(Schema.Array(AgentId), { default: () => [] }),
  presentations: Schema.optionalWith(Schema.Array(CasePresentation), { default: () => [] }),
  variants: Schema.optionalWith(Schema.Array(PracticeVariant), { default: () => [] }),
  speakingTimes: Schema.optional(Schema.Array(SpeakingTime)),
  minutes: Schema.optionalWith(Schema.Array(MinutesVersion), { default: () => [] }),
  /**
   * How many times what a calendar shows of the session changed after it was
   * scheduled (its agenda set, the session moved or cancelled): the iCalendar
   * SEQUENCE, derived from the events. Absent: 0. @since 0.2.0
   */
  sequence: Schema.optional(Schema.Int.pipe(Schema.nonNegative())),
  /** Instant of the latest of those events (scheduling included): the iCalendar DTSTAMP. @since 0.2.0 */
  changedAt: Schema.optional(Instant)
}).annotations({ identifier: "Session" })
/** @since 0.1.0 */
export interface Session extends Schema.Schema.Type<typeof Session> {}
