/**
 * Work questions (questions de travail, thématiques) the group chooses to
 * discuss (PUR-03, PUR-04, SES-01, SES-02).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Name } from "./Agent.js"
import { OccupationId, QuestionId, SessionId } from "./Ids.js"
import { Instant } from "./Instant.js"

/**
 * What a question is about (PUR-03, from the note's introduction): activity,
 * rules and processes, resources, constraints, meaning of work, working
 * conditions, difficulties met, practices to overcome them and their limits
 * — or `other`, described in a few words (`subjectDescription`): the note's
 * list ends in « etc. », it is not closed.
 *
 * @since 0.1.0
 */
export const Subject = Schema.Literal(
  "activity",
  "rulesAndProcesses",
  "resources",
  "constraints",
  "meaningOfWork",
  "workingConditions",
  "difficulties",
  "practicesAndLimits",
  "other"
).annotations({ identifier: "Subject" })
/** @since 0.1.0 */
export type Subject = typeof Subject.Type

/**
 * Natures the note excludes (I-b, PUR-04): top-down information, collection of
 * individual opinions, settling interpersonal disputes, only prescribing what
 * should be done, negotiation or demands, taking decisions, calling agents
 * into question (judging a person or their own way of working: « remise en
 * cause des agents et de leurs pratiques professionnelles »), a general
 * discussion without an objective. The critical analysis of work processes
 * and practices (`processAnalysis`) is the approach itself, never excluded.
 *
 * @since 0.1.0
 */
export const excludedNatures = [
  "topDownInformation",
  "opinionCollection",
  "interpersonalDispute",
  "prescriptionOnly",
  "negotiation",
  "decisionMaking",
  "callingAgentsIntoQuestion",
  "aimlessDiscussion"
] as const

/**
 * Nature of a question or agenda item. Allowed natures are what the note says
 * an exchange *is* (I-b): sharing experience on concrete work situations,
 * critical analysis of work processes, collective analysis of difficulties
 * and resources, improvement proposals; plus the organisational items of a
 * session (choosing questions, method, synthesis). Excluded ones are refused
 * (PUR-04).
 *
 * @since 0.1.0
 */
export const Nature = Schema.Literal(
  "experienceSharing",
  "processAnalysis",
  "difficultiesAndResources",
  "improvementProposals",
  "questionChoice",
  "method",
  "synthesis",
  ...excludedNatures
).annotations({ identifier: "Nature" })
/** @since 0.1.0 */
export type Nature = typeof Nature.Type

/**
 * Whether a nature is one the note excludes (PUR-04).
 *
 * @example
 * import { WorkQuestion } from "@entre-pairs/core"
 * WorkQuestion.isExcluded("negotiation") // true
 * @since 0.1.0
 */
export const isExcluded = (nature: Nature): boolean => (excludedNatures as ReadonlyArray<string>).includes(nature)

/**
 * A work question.
 *
 * @since 0.1.0
 */
export const WorkQuestion = Schema.Struct({
  id: QuestionId,
  title: Name,
  subject: Schema.optional(Subject),
  /** PUR-03: the subject in a few words when it is `other`. */
  subjectDescription: Schema.optional(Schema.String),
  nature: Schema.optionalWith(Nature, { default: () => "experienceSharing" as const }),
  /** The recurring real situation the question is anchored in (PUR-03). */
  anchoring: Schema.optional(Schema.String),
  occupationsConcerned: Schema.optionalWith(Schema.Array(OccupationId), { default: () => [] }),
  status: Schema.optionalWith(Schema.Literal("open", "closed"), { default: () => "open" as const }),
  chosenInSession: Schema.optional(SessionId),
  chosenAt: Schema.optional(Instant),
  /** PUR-06: the facilitators confirmed its nature although its wording suggested an excluded use. */
  natureConfirmed: Schema.optional(Schema.Boolean)
}).annotations({ identifier: "WorkQuestion" })
/** @since 0.1.0 */
export interface WorkQuestion extends Schema.Schema.Type<typeof WorkQuestion> {}
