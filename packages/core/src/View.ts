/**
 * Views: everything that leaves the core for people, each built for one
 * audience (DOMAIN.md, Audiences). Renderers (`@entre-pairs/adapters-docs`)
 * accept views only, never raw state, so confidentiality is decided here once:
 *
 * - CNF-03: an output not allowed for an audience at this phase of the
 *   confidentiality window is refused with `ViewRefused`.
 * - CNF-02: no view pairs a participant with a statement, a case or an
 *   arbitration: views carry no participant's name at all, except the
 *   attestation (the agent it is for, and no statement) and the composition
 *   (facilitators only, no statement).
 * - CNF-04: sensitive profile data (age band, seniority band, sex, status)
 *   appears only in the composition view, for the facilitators.
 * - CNF-06: every text of a view is scanned for participants' names before
 *   it is returned; a hit refuses the view and says where.
 *
 * Each output's builder is in `internal/views/<output>.ts` (`framing.ts`,
 * `minutes.ts`, `directionResponse.ts`, …), an entry of the typed table
 * `{ [O in Output]: Builder<O> }` below. This module is longer than 450 lines
 * because it holds every view's type with its documentation — the contract
 * renderers and integrators read — and nothing else but that table and
 * `build`.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { AgeBand, EmploymentStatus, FunctionHeld, SeniorityBand, Sex } from "./Agent.js"
import * as AudienceM from "./Audience.js"
import type { Audience, Output } from "./Audience.js"
import type * as Diversity from "./Diversity.js"
import type { CharterItem, ExchangeSnapshot, ExchangeState } from "./Exchange.js"
import type { FacilitatorProfile, FramingElement, Objective, Purpose } from "./Framing.js"
import type { AgentId, OccupationId, SessionId, UnitId } from "./Ids.js"
import * as Obligations from "./Obligations.js"
import * as Policy from "./Policy.js"
import type { PolicyOverrides } from "./Policy.js"
import type { ActivityTrace, GuestRole, Outcome, Session } from "./Session.js"
import type { RuleId, RuleKind, Text } from "./Violation.js"
import type { Nature, Subject } from "./WorkQuestion.js"
import * as Release from "./internal/release.js"
import * as Rules from "./Rules.js"
import * as agenda from "./internal/views/agenda.js"
import * as attestation from "./internal/views/attestation.js"
import * as calendar from "./internal/views/calendar.js"
import * as charter from "./internal/views/charter.js"
import type * as Views from "./internal/views/common.js"
import * as composition from "./internal/views/composition.js"
import * as conclusions from "./internal/views/conclusions.js"
import * as directionResponse from "./internal/views/directionResponse.js"
import * as framing from "./internal/views/framing.js"
import * as invitation from "./internal/views/invitation.js"
import * as minutes from "./internal/views/minutes.js"
import * as review from "./internal/views/review.js"
import * as trainingNeeds from "./internal/views/trainingNeeds.js"

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

const TextS = Schema.Struct({ fr: Schema.String, en: Schema.String })

/**
 * A view refused for confidentiality: the output is not allowed for this
 * audience at this phase (CNF-03), or its text names a participant (CNF-06,
 * with every hit's location).
 *
 * @since 0.1.0
 */
export class ViewRefused extends Schema.TaggedError<ViewRefused>("@entre-pairs/core/ViewRefused")("ViewRefused", {
  rule: Schema.Literal("CNF-03", "CNF-06"),
  output: Schema.String,
  audience: Schema.String,
  reason: TextS,
  hits: Schema.optionalWith(
    Schema.Array(
      Schema.Struct({
        path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
        match: Schema.String,
        offset: Schema.Number
      })
    ),
    { default: () => [] }
  )
}) {
  override get message(): string {
    const where = this.hits.map((h) => `${h.path.join(".")} @${h.offset} "${h.match}"`).join("; ")
    return `${this.rule}: ${this.output} for ${this.audience}: ${this.reason.en}${where === "" ? "" : ` (${where})`}`
  }
}

/**
 * A view that cannot be built yet: the thing it shows does not exist (no
 * such session, minutes not sent yet, no conclusions yet…).
 *
 * @since 0.1.0
 */
export class ViewUnavailable extends Schema.TaggedError<ViewUnavailable>("@entre-pairs/core/ViewUnavailable")(
  "ViewUnavailable",
  { output: Schema.String, reason: TextS }
) {
  override get message(): string {
    return `${this.output}: ${this.reason.en}`
  }
}

/** @since 0.1.0 */
export type ViewError = ViewRefused | ViewUnavailable

// ---------------------------------------------------------------------------
// View types
// ---------------------------------------------------------------------------

/**
 * What every view starts with.
 *
 * @since 0.1.0
 */
export interface Header {
  readonly exchangeId: string
  readonly title: string
  readonly service: string | undefined
  readonly audience: Audience
  readonly output: Output
  readonly state: ExchangeState
  /** The instant the view was built at (`Options.at`). */
  readonly generatedAt: DateTime.Utc
  /**
   * The instant of the event that issues the document, which dates it: the
   * framing's approval, the invitation's sending, the charter's adoption, the
   * latest change of the calendar, the agenda's sending (else its setting),
   * the minutes version's sending (else its finalisation or drafting), the
   * latest training need recorded, the conclusions' circulation (else their
   * drafting), the latest of the restitution, the direction's response and
   * the actions' updates, the review's presentation (else its preparation),
   * the closing of the exchange for an attestation (else the last session
   * attended). `generatedAt` when the document has no such event yet.
   *
   * @since 0.2.0
   */
  readonly issuedAt: DateTime.Utc
  /** `group`: stays within the group; `restricted`: named recipients; `public`: may circulate. */
  readonly circulation: "group" | "restricted" | "public"
}

/**
 * A rule whose kind the service's or the exchange's policy changed (local
 * severity, `Policy.localRules`), as documents state it: a local rule, shown
 * as such beside the note's kind.
 *
 * @since 0.1.0
 */
export interface LocalRuleView {
  readonly rule: RuleId
  /** The rule's text in the catalogue. */
  readonly title: Text
  /** The kinds the note gives it (`RULES.md`). */
  readonly noteKinds: ReadonlyArray<RuleKind>
  /** The kind in force here: `blocking`, `advisory` or `off`. */
  readonly localKind: Policy.Severity
  /** Who set it: the service's policy or the exchange's own (framing). */
  readonly level: "service" | "exchange"
}

/** @since 0.1.0 */
export interface SessionRef {
  readonly id: SessionId
  readonly number: number
  readonly kind: Session["kind"]
  readonly scheduledAt: DateTime.Utc
  readonly durationMinutes: number
  readonly venue: string | undefined
  readonly status: Session["status"]
  /** The natures of the items of its agenda (none before the agenda is set): a session of syntheses is not a casework session. @since 0.2.0 */
  readonly natures: ReadonlyArray<Nature>
  /** What calendars must apply: 0 when scheduled, +1 for each later change (agenda set, cancellation). @since 0.2.0 */
  readonly sequence: number
  /** When the session last changed (scheduling included): the iCalendar DTSTAMP. @since 0.2.0 */
  readonly changedAt: DateTime.Utc | undefined
}

/** @since 0.1.0 */
export interface FacilitatorRef {
  readonly role: "lead" | "resource"
  readonly profile: FacilitatorProfile
  readonly trained: boolean
}

/** The framing (note de cadrage), for anyone (once approved for the organisation). @since 0.1.0 */
export interface FramingView {
  readonly _tag: "FramingView"
  readonly header: Header
  readonly origin: { readonly by: "direction" | "agents"; readonly at: DateTime.Utc } | undefined
  readonly objectives: ReadonlyArray<Objective>
  readonly purpose: Purpose | undefined
  readonly perimeter: ReadonlyArray<UnitId>
  readonly occupationsConcerned: ReadonlyArray<OccupationId>
  /** The perimeter's units as documents name them (the framing's labels, else the IDs). */
  readonly perimeterLabels: ReadonlyArray<string>
  /** The occupations concerned as documents name them. */
  readonly occupationLabels: ReadonlyArray<string>
  readonly themes: ReadonlyArray<string>
  /** Facilitation by role and profile: no names (CNF-02). */
  readonly facilitation:
    | { readonly mode: "pair" | "solo"; readonly soloReason: string | undefined; readonly facilitators: ReadonlyArray<FacilitatorRef> }
    | undefined
  readonly plannedEnd: DateTime.Utc | undefined
  readonly provisionalDates: ReadonlyArray<DateTime.Utc>
  readonly dedicatedTime:
    | {
        readonly preparationHours: number | undefined
        readonly participationHours: number | undefined
        readonly facilitationHours: number | undefined
        readonly formalisationHours: number | undefined
      }
    | undefined
  readonly reviewForSocialDialogue: boolean
  readonly approval: { readonly at: DateTime.Utc; readonly by: string } | undefined
  /** The group's size in the policy in force (the note: 8 to 10 members). @since 0.2.0 */
  readonly composition: { readonly sizeMin: number; readonly sizeMax: number }
  /** Where the group meets: the framing's venue, else the first session's. @since 0.2.0 */
  readonly venue: string | undefined
  /** How to answer the invitation: the way, the deadline, the contact. @since 0.2.0 */
  readonly reply: { readonly how: string; readonly deadline: DateTime.Utc | undefined; readonly contact: string | undefined } | undefined
  /** The rules the service's or the exchange's policy makes local (none: the note's kinds). */
  readonly localRules: ReadonlyArray<LocalRuleView>
  /** Due dates move to the next working day in this calendar; `undefined` when the policy counts calendar days. */
  readonly workingDays: { readonly holidayCalendar: Policy.HolidayCalendar } | undefined
}

/** The invitation: the framing elements it carries, and that taking part is voluntary. @since 0.1.0 */
export interface InvitationView {
  readonly _tag: "InvitationView"
  readonly header: Header
  readonly carries: ReadonlyArray<FramingElement>
  readonly framing: FramingView
  readonly voluntary: true
  readonly groupRules: ReadonlyArray<CharterItem>
}

/** The group's rules (CHA-01). @since 0.1.0 */
export interface CharterView {
  readonly _tag: "CharterView"
  readonly header: Header
  readonly adoptedAt: DateTime.Utc | undefined
  readonly items: ReadonlyArray<CharterItem>
  readonly text: string | undefined
  /** The rules the service's or the exchange's policy makes local, which the group works under. */
  readonly localRules: ReadonlyArray<LocalRuleView>
}

/** The provisional calendar. @since 0.1.0 */
export interface CalendarView {
  readonly _tag: "CalendarView"
  readonly header: Header
  readonly sessions: ReadonlyArray<SessionRef>
  readonly plannedEnd: DateTime.Utc | undefined
}

/** An agenda item, with the question it treats. @since 0.1.0 */
export interface AgendaItemView {
  readonly title: string
  readonly nature: Nature
  readonly question: string | undefined
}

/** A session's agenda (SES-06). @since 0.1.0 */
export interface AgendaView {
  readonly _tag: "AgendaView"
  readonly header: Header
  readonly session: SessionRef
  readonly items: ReadonlyArray<AgendaItemView>
  /** Guests by role and reason: no names. */
  readonly guests: ReadonlyArray<{ readonly role: GuestRole; readonly reason: string | undefined }>
}

/** A case in anonymous form (CNF-02, SES-07). @since 0.1.0 */
export interface CaseView {
  readonly number: number
  readonly question: string
  readonly trace: ActivityTrace | undefined
  readonly context: string
  readonly situation: string
  readonly reasons: string
  readonly result: string
  readonly questions: ReadonlyArray<string>
  readonly comparablePractices: ReadonlyArray<string>
}

/** A practice variant and the group's arbitration, without votes or attribution (ARB-02). @since 0.1.0 */
export interface VariantView {
  readonly question: string
  readonly description: string
  readonly outcome: Outcome | undefined
  readonly conditions: ReadonlyArray<string>
  readonly validated: boolean
}

/** A session's minutes (compte rendu), anonymous (CNF-02). @since 0.1.0 */
export interface MinutesView {
  readonly _tag: "MinutesView"
  readonly header: Header
  readonly session: SessionRef
  readonly version: {
    readonly number: number
    readonly status: "draft" | "final" | "sent"
    readonly draftedAt: DateTime.Utc
    readonly finalisedAt: DateTime.Utc | undefined
    readonly sentAt: DateTime.Utc | undefined
    readonly correction: string | undefined
  }
  /** RES-02: the date by which the minutes reach the members' line managers (a working day under the policy). */
  readonly transmissionDueAt: DateTime.Utc
  /** Members present and members of the group at the session's date (facilitators and guests not counted). */
  readonly attendance: { readonly present: number; readonly members: number }
  readonly guests: ReadonlyArray<{ readonly role: GuestRole; readonly reason: string | undefined }>
  readonly agenda: ReadonlyArray<AgendaItemView>
  readonly questionsChosen: ReadonlyArray<{ readonly title: string; readonly subject: Subject | undefined }>
  readonly cases: ReadonlyArray<CaseView>
  readonly variants: ReadonlyArray<VariantView>
  readonly trainingNeeds: ReadonlyArray<string>
  readonly summary: string
}

/** Training needs identified by the group (RES-03). @since 0.1.0 */
export interface TrainingNeedsView {
  readonly _tag: "TrainingNeedsView"
  readonly header: Header
  readonly needs: ReadonlyArray<{
    readonly session: SessionRef
    readonly description: string
    readonly recordedAt: DateTime.Utc
    /** Transmitted with a sent version of the session's minutes. */
    readonly transmitted: boolean
  }>
}

/** One entry of the statement of conclusions. @since 0.1.0 */
export interface ConclusionEntry {
  readonly questions: ReadonlyArray<string>
  readonly description: string
  readonly conditions: ReadonlyArray<string>
}

/** The statement of conclusions / table of proposals, grouped by outcome (ARB-03). @since 0.1.0 */
export interface ConclusionsView {
  readonly _tag: "ConclusionsView"
  readonly header: Header
  readonly draftedAt: DateTime.Utc
  readonly circulatedAt: DateTime.Utc | undefined
  readonly summary: string
  /** Always the three outcomes, in the note's order: desirable, conditional, discontinue. */
  readonly groups: ReadonlyArray<{ readonly outcome: Outcome; readonly entries: ReadonlyArray<ConclusionEntry> }>
  readonly questions: ReadonlyArray<{ readonly title: string; readonly subject: Subject | undefined }>
}

/** An action of the follow-up grid (RES-08). @since 0.1.0 */
export interface ActionView {
  readonly id: string
  readonly title: string
  readonly owner: string
  readonly dueDate: DateTime.Utc
  readonly status: "planned" | "inProgress" | "done" | "dropped"
  readonly overdue: boolean
  readonly updatedAt: DateTime.Utc | undefined
  readonly comment: string | undefined
}

/** The direction's response and the follow-up grid (RES-05, RES-08). @since 0.1.0 */
export interface DirectionResponseView {
  readonly _tag: "DirectionResponseView"
  readonly header: Header
  readonly restitutionAt: DateTime.Utc
  readonly dueAt: DateTime.Utc
  readonly response:
    | { readonly at: DateTime.Utc; readonly analysis: string; readonly plannedDecisions: ReadonlyArray<string> }
    | undefined
  readonly overdue: boolean
  readonly actions: ReadonlyArray<ActionView>
}

/** The review (bilan): figures, no personal data (RES-06). @since 0.1.0 */
export interface ReviewView {
  readonly _tag: "ReviewView"
  readonly header: Header
  readonly period: { readonly from: DateTime.Utc | undefined; readonly to: DateTime.Utc | undefined }
  readonly figures: {
    readonly sessionsHeld: number
    readonly sessionsCancelled: number
    readonly members: number
    readonly withdrawals: number
    readonly attendanceRate: number | undefined
    readonly questions: number
    readonly presentations: number
    readonly variants: { readonly desirable: number; readonly conditional: number; readonly discontinue: number }
    readonly trainingNeeds: number
    readonly minutesSent: number
    readonly minutesSentOnTime: number
    readonly directionResponseDays: number | undefined
    readonly actions: { readonly planned: number; readonly inProgress: number; readonly done: number; readonly dropped: number }
    readonly guests: number
  }
  readonly text: string | undefined
  readonly presentedAt: DateTime.Utc | undefined
  readonly body: string | undefined
  readonly testimonials: ReadonlyArray<string>
}

/** A participation attestation for one agent (sessions attended, dates, theme): no statement. @since 0.1.0 */
export interface AttestationView {
  readonly _tag: "AttestationView"
  readonly header: Header
  readonly agent: {
    readonly civility: string | undefined
    readonly firstName: string
    readonly lastName: string
    readonly occupation: OccupationId
    readonly unit: UnitId
    readonly occupationLabel: string
    readonly unitLabel: string
    /** The agent's own job title, when the directory has it. @since 0.2.0 */
    readonly jobTitle: string | undefined
  }
  /** Who signs for the service, and where (the framing's `signatory`). @since 0.2.0 */
  readonly signatory: { readonly name: string; readonly title: string; readonly place: string | undefined } | undefined
  readonly theme: string
  readonly sessions: ReadonlyArray<SessionRef>
  readonly totalMinutes: number
}

/** A member's profile for the facilitators (CNF-04). @since 0.1.0 */
export interface MemberProfile {
  readonly agentId: AgentId
  readonly name: string
  readonly occupation: OccupationId
  readonly unit: UnitId
  readonly role: "operational" | "resource"
  readonly functionHeld: FunctionHeld | undefined
  readonly employmentStatus: EmploymentStatus | undefined
  readonly ageBand: AgeBand | undefined
  readonly seniorityBand: SeniorityBand | undefined
  readonly sex: Sex | undefined
  readonly withdrawn: boolean
}

/** The composition with profiles and the diversity report: facilitators only (CNF-04). @since 0.1.0 */
export interface CompositionView {
  readonly _tag: "CompositionView"
  readonly header: Header
  readonly members: ReadonlyArray<MemberProfile>
  readonly volunteers: number
  readonly diversity: Diversity.DiversityReport
  /** CHA-02: per session with a speaking-time log, each participant's share and the Gini coefficient. */
  readonly speaking: ReadonlyArray<{
    readonly session: SessionRef
    readonly gini: number
    readonly longestShare: number
    readonly shares: ReadonlyArray<{ readonly name: string; readonly share: number }>
  }>
}

/**
 * Every view.
 *
 * @since 0.1.0
 */
export type View =
  | FramingView
  | InvitationView
  | CharterView
  | CalendarView
  | AgendaView
  | MinutesView
  | TrainingNeedsView
  | ConclusionsView
  | DirectionResponseView
  | ReviewView
  | AttestationView
  | CompositionView

/**
 * What to build: the output, the audience, and the session or agent when the
 * output is about one.
 *
 * @since 0.1.0
 */
export type Request =
  | { readonly output: "agenda" | "minutes"; readonly audience: Audience; readonly sessionId: SessionId }
  | { readonly output: "attestation"; readonly audience: Audience; readonly agentId: AgentId }
  | {
      readonly output: Exclude<Output, "agenda" | "minutes" | "attestation">
      readonly audience: Audience
    }

/** @since 0.1.0 */
export interface Options {
  /** The instant the view is built at (deadlines, overdue flags). */
  readonly at: DateTime.Utc
  /** The service's policy overrides. */
  readonly config?: PolicyOverrides | undefined
}

/**
 * The view each output builds.
 *
 * @since 0.1.0
 */
export interface ViewByOutput {
  readonly framing: FramingView
  readonly invitation: InvitationView
  readonly charter: CharterView
  readonly calendar: CalendarView
  readonly agenda: AgendaView
  readonly minutes: MinutesView
  readonly trainingNeeds: TrainingNeedsView
  readonly conclusions: ConclusionsView
  readonly directionResponse: DirectionResponseView
  readonly review: ReviewView
  readonly attestation: AttestationView
  readonly composition: CompositionView
}

// ---------------------------------------------------------------------------
// Builders: one per output, in internal/views/<output>.ts
// ---------------------------------------------------------------------------

/** The request for one output (the session or the agent when the output is about one). */
type RequestFor<O extends Output> = Request & { readonly output: O }

/**
 * An output's builder: its view, or why it cannot be built yet (turned into
 * `ViewUnavailable` by `build`). Confidentiality (CNF-03, CNF-06) is checked
 * around it, by `build`.
 */
type Builder<O extends Output> = (
  s: ExchangeSnapshot,
  env: Views.Env,
  request: RequestFor<O>
) => Either.Either<ViewByOutput[O], Views.Unavailable>

/** Every output's builder: a missing output or a builder whose view does not match its type does not compile. */
const builders: { readonly [O in Output]: Builder<O> } = {
  framing: framing.framing,
  invitation: invitation.invitation,
  charter: charter.charter,
  calendar: calendar.calendar,
  agenda: agenda.agenda,
  minutes: minutes.minutes,
  trainingNeeds: trainingNeeds.trainingNeeds,
  conclusions: conclusions.conclusions,
  directionResponse: directionResponse.directionResponse,
  review: review.review,
  attestation: attestation.attestation,
  composition: composition.composition
}

const build_ = (s: ExchangeSnapshot, request: Request, options: Options): Either.Either<View, ViewError> => {
  const env: Views.Env = {
    audience: request.audience,
    at: options.at,
    config: Policy.inForce(options.config, s.framing),
    localRules: Policy.localRules(options.config, s.framing).map((r) => ({ ...r, title: Rules.get(r.rule).title }))
  }
  // The entry for `request.output` takes exactly that request; TypeScript
  // cannot correlate the index with the argument on its own.
  const builder = builders[request.output] as (s: ExchangeSnapshot, env: Views.Env, request: Request) => Either.Either<View, Views.Unavailable>
  return Either.mapLeft(builder(s, env, request), (reason) => new ViewUnavailable({ output: request.output, reason }))
}

/** Parts of a view that name someone by design and are not scanned. */
const identityKeys = new Set(["agent", "signatory"])

/**
 * Builds a view for an audience, or refuses it (CNF-03, CNF-06) or reports it
 * unavailable. Pure: the instant comes from `options.at`.
 *
 * @example
 * import { Exchange, Instant, View } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "Accueil des usagers", state: "proposed" })
 * const view = View.build(snapshot, { output: "calendar", audience: "group" }, { at: Instant.unsafeMake("2026-12-01T00:00:00Z") })
 * @since 0.1.0
 */
export const build = (s: ExchangeSnapshot, request: Request, options: Options): Either.Either<View, ViewError> => {
  const refused = AudienceM.refusal(request.output, request.audience, s)
  if (refused !== undefined) {
    return Either.left(new ViewRefused({ rule: "CNF-03", output: request.output, audience: request.audience, reason: refused, hits: [] }))
  }
  return Either.flatMap(build_(s, request, options), (view) => {
    // The composition names the members by design and goes to the facilitators only.
    const hits = view._tag === "CompositionView" ? [] : Release.scanView(view, Release.people(s), identityKeys)
    if (hits.length === 0) return Either.right(view)
    return Either.left(
      new ViewRefused({
        rule: "CNF-06",
        output: request.output,
        audience: request.audience,
        reason: {
          fr: "Le texte cite un participant : l'anonymat des propos consignés doit tenir dans le texte saisi.",
          en: "The text names a participant: recorded statements must stay anonymous in the text people type."
        },
        hits
      })
    )
  })
}

/**
 * The obligations view helper: what is due for this exchange at `at`.
 *
 * @deprecated Use `Obligations.due`, the same function in its own module.
 * @example
 * import { Exchange, Instant, View } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * View.obligations(snapshot, { at: Instant.unsafeMake("2026-12-01T00:00:00Z") }).length // 0
 * @since 0.1.0
 */
export const obligations: (s: ExchangeSnapshot, options: Options) => Array<Obligations.Obligation> = Obligations.due
