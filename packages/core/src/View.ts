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
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { addDays } from "date-fns"
import type { Agent, AgeBand, EmploymentStatus, FunctionHeld, SeniorityBand, Sex } from "./Agent.js"
import * as AudienceM from "./Audience.js"
import type { Audience, Output } from "./Audience.js"
import * as Diversity from "./Diversity.js"
import type { CharterItem, ExchangeSnapshot, ExchangeState } from "./Exchange.js"
import type { FacilitatorProfile, FramingElement, Objective, Purpose } from "./Framing.js"
import type { AgentId, OccupationId, SessionId, UnitId } from "./Ids.js"
import * as Instant from "./Instant.js"
import * as Obligations from "./Obligations.js"
import * as Policy from "./Policy.js"
import type { PolicyOverrides } from "./Policy.js"
import type { ActivityTrace, GuestRole, Outcome, Session } from "./Session.js"
import type { Nature, Subject } from "./WorkQuestion.js"
import * as Release from "./internal/release.js"
import * as Speaking from "./Speaking.js"

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
  readonly generatedAt: DateTime.Utc
  /** `group`: stays within the group; `restricted`: named recipients; `public`: may circulate. */
  readonly circulation: "group" | "restricted" | "public"
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
  }
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

// ---------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------

type Build<V> = Either.Either<V, ViewError>

const header = (s: ExchangeSnapshot, output: Output, audience: Audience, at: DateTime.Utc): Header => ({
  exchangeId: s.id,
  title: s.title,
  service: s.service,
  audience,
  output,
  state: s.state,
  generatedAt: at,
  circulation: AudienceM.insideGroup(audience) ? "group" : audience === "organisation" ? "public" : "restricted"
})

const unavailable = (output: Output, fr: string, en: string): Build<never> =>
  Either.left(new ViewUnavailable({ output, reason: { fr, en } }))

const sessionOrder = (s: ExchangeSnapshot): ReadonlyArray<Session> =>
  [...s.sessions].sort((a, b) => a.scheduledAt.epochMillis - b.scheduledAt.epochMillis)

const sessionRef = (s: ExchangeSnapshot, session: Session): SessionRef => ({
  id: session.id,
  number: sessionOrder(s).indexOf(session) + 1,
  kind: session.kind,
  scheduledAt: session.scheduledAt,
  durationMinutes: session.durationMinutes,
  venue: session.venue?.name,
  status: session.status
})

const unitLabel = (s: ExchangeSnapshot, id: string): string => s.framing?.labels?.units[id] ?? id
const occupationLabel = (s: ExchangeSnapshot, id: string): string => s.framing?.labels?.occupations[id] ?? id

const questionTitle = (s: ExchangeSnapshot, id: string): string => s.questions.find((q) => q.id === id)?.title ?? id

const agendaItems = (s: ExchangeSnapshot, session: Session): ReadonlyArray<AgendaItemView> =>
  (session.agenda?.items ?? []).map((i) => ({
    title: i.title,
    nature: i.nature,
    question: i.questionId === undefined ? undefined : questionTitle(s, i.questionId)
  }))

const framingView = (s: ExchangeSnapshot, audience: Audience, at: DateTime.Utc): FramingView => {
  const f = s.framing
  return {
    _tag: "FramingView",
    header: header(s, "framing", audience, at),
    origin: s.origin === undefined ? undefined : { by: s.origin.by, at: s.origin.at },
    objectives: f?.objectives ?? [],
    purpose: f?.purpose,
    perimeter: f?.perimeter.units ?? [],
    occupationsConcerned: f?.occupationsConcerned ?? [],
    perimeterLabels: (f?.perimeter.units ?? []).map((u) => unitLabel(s, u)),
    occupationLabels: (f?.occupationsConcerned ?? []).map((o) => occupationLabel(s, o)),
    themes: f?.themes ?? [],
    facilitation:
      f?.facilitation === undefined
        ? undefined
        : {
            mode: f.facilitation.mode,
            soloReason: f.facilitation.soloReason,
            facilitators: f.facilitation.facilitators.map((x) => ({
              role: x.role,
              profile: x.profile,
              trained: x.training !== undefined
            }))
          },
    plannedEnd: f?.calendar.plannedEnd,
    provisionalDates: f?.calendar.provisionalDates ?? [],
    dedicatedTime:
      f?.dedicatedTime === undefined
        ? undefined
        : {
            preparationHours: f.dedicatedTime.preparationHours,
            participationHours: f.dedicatedTime.participationHours,
            facilitationHours: f.dedicatedTime.facilitationHours,
            formalisationHours: f.dedicatedTime.formalisationHours
          },
    reviewForSocialDialogue: f?.reviewForSocialDialogue ?? false,
    approval: s.approval === undefined ? undefined : { at: s.approval.at, by: s.approval.by }
  }
}

const findSession = (s: ExchangeSnapshot, output: Output, id: SessionId): Build<Session> => {
  const session = s.sessions.find((x) => x.id === id)
  return session === undefined
    ? unavailable(output, `La séance « ${id} » n'existe pas.`, `Session "${id}" does not exist.`)
    : Either.right(session)
}

const guestsOf = (session: Session) => session.guests.map((g) => ({ role: g.role, reason: g.reason }))

const minutesView = (s: ExchangeSnapshot, audience: Audience, at: DateTime.Utc, sessionId: SessionId): Build<MinutesView> =>
  Either.flatMap(findSession(s, "minutes", sessionId), (session) => {
    const inside = AudienceM.insideGroup(audience)
    const versions = inside ? session.minutes : session.minutes.filter((m) => m.sentAt !== undefined)
    const version = versions[versions.length - 1]
    if (version === undefined) {
      return inside
        ? unavailable("minutes", "Aucun compte rendu n'a encore été rédigé pour cette séance.", "No minutes have been drafted for this session yet.")
        : unavailable(
            "minutes",
            "Aucune version de ce compte rendu n'a encore été envoyée à l'encadrement.",
            "No version of these minutes has been sent to line managers yet."
          )
    }
    const members = s.members.filter(
      (m) => m.joinedAt.epochMillis <= session.scheduledAt.epochMillis + session.durationMinutes * 60_000 &&
        (m.withdrawnAt === undefined || m.withdrawnAt.epochMillis > session.scheduledAt.epochMillis)
    ).length
    return Either.right({
      _tag: "MinutesView" as const,
      header: header(s, "minutes", audience, at),
      session: sessionRef(s, session),
      version: {
        number: version.version,
        status: version.sentAt !== undefined ? ("sent" as const) : version.finalisedAt !== undefined ? ("final" as const) : ("draft" as const),
        draftedAt: version.draftedAt,
        finalisedAt: version.finalisedAt,
        sentAt: version.sentAt,
        correction: version.correction
      },
      // Members present only: facilitators and guests are not counted (SIZ-01).
      attendance: { present: session.attendees.filter((a) => s.members.some((m) => m.agentId === a)).length, members },
      guests: guestsOf(session),
      agenda: agendaItems(s, session),
      questionsChosen: s.questions
        .filter((q) => q.chosenInSession === session.id)
        .map((q) => ({ title: q.title, subject: q.subject })),
      cases: session.presentations.map((p, i) => ({
        number: i + 1,
        question: questionTitle(s, p.questionId),
        trace: p.trace,
        context: p.context,
        situation: p.situation,
        reasons: p.reasons,
        result: p.result,
        questions: p.discussion.questions,
        comparablePractices: p.discussion.comparablePractices
      })),
      variants: session.variants.map((v) => ({
        question: questionTitle(s, v.questionId),
        description: v.description,
        outcome: v.arbitration?.outcome,
        conditions: v.arbitration?.outcome === "conditional" ? v.arbitration.conditions : [],
        validated: v.validatedAt !== undefined
      })),
      trainingNeeds: s.trainingNeeds.filter((n) => n.sessionId === session.id).map((n) => n.description),
      summary: version.summary
    })
  })

const conclusionsView = (s: ExchangeSnapshot, audience: Audience, at: DateTime.Utc): Build<ConclusionsView> => {
  const c = s.conclusions
  if (c === undefined) {
    return unavailable("conclusions", "Le relevé de conclusions n'est pas encore établi.", "The statement of conclusions does not exist yet.")
  }
  const variants = s.sessions.flatMap((x) => x.variants)
  const chosen = c.variantIds.flatMap((id) => variants.filter((v) => v.id === id && v.validatedAt !== undefined))
  const groups = (["desirable", "conditional", "discontinue"] as const).map((outcome) => ({
    outcome,
    entries: chosen
      .filter((v) => v.arbitration?.outcome === outcome)
      .map((v) => ({
        questions: [questionTitle(s, v.questionId)],
        description: v.description,
        conditions: v.arbitration?.outcome === "conditional" ? v.arbitration.conditions : []
      }))
  }))
  const questionIds = new Set(chosen.map((v) => v.questionId as string))
  return Either.right({
    _tag: "ConclusionsView",
    header: header(s, "conclusions", audience, at),
    draftedAt: c.draftedAt,
    circulatedAt: c.circulatedAt,
    summary: c.summary,
    groups,
    questions: s.questions.filter((q) => questionIds.has(q.id)).map((q) => ({ title: q.title, subject: q.subject }))
  })
}

const reviewView = (s: ExchangeSnapshot, audience: Audience, at: DateTime.Utc, config: Policy.PolicyConfig): ReviewView => {
  const held = s.sessions.filter((x) => x.status === "held")
  const variants = s.sessions.flatMap((x) => x.variants).filter((v) => v.validatedAt !== undefined)
  const count = (o: Outcome) => variants.filter((v) => v.arbitration?.outcome === o).length
  const sent = s.sessions.flatMap((x) =>
    x.minutes.filter((m) => m.sentAt !== undefined && m.version === 1).map((m) => ({ session: x, m }))
  )
  const onTime = sent.filter(
    ({ session, m }) => m.sentAt!.epochMillis <= addDays(session.scheduledAt.epochMillis, config.minutesDueDays).getTime()
  ).length
  const memberCount = s.members.length
  const possible = held.reduce(
    (n, x) =>
      n +
      s.members.filter((m) => m.joinedAt.epochMillis <= x.scheduledAt.epochMillis + x.durationMinutes * 60_000 &&
        (m.withdrawnAt === undefined || m.withdrawnAt.epochMillis > x.scheduledAt.epochMillis)).length,
    0
  )
  const memberIds = new Set<string>(s.members.map((m) => m.agentId))
  const present = held.reduce((n, x) => n + x.attendees.filter((a) => memberIds.has(a)).length, 0)
  const sorted = sessionOrder(s).filter((x) => x.status !== "cancelled")
  const actions = (st: ActionView["status"]) => s.actions.filter((a) => a.status === st).length
  return {
    _tag: "ReviewView",
    header: header(s, "review", audience, at),
    period: { from: sorted[0]?.scheduledAt, to: s.restitution?.at ?? sorted[sorted.length - 1]?.scheduledAt },
    figures: {
      sessionsHeld: held.length,
      sessionsCancelled: s.sessions.filter((x) => x.status === "cancelled").length,
      members: memberCount,
      withdrawals: s.members.filter((m) => m.withdrawnAt !== undefined).length,
      attendanceRate: possible === 0 ? undefined : Math.round((present / possible) * 1000) / 1000,
      questions: s.questions.length,
      presentations: s.sessions.reduce((n, x) => n + x.presentations.length, 0),
      variants: { desirable: count("desirable"), conditional: count("conditional"), discontinue: count("discontinue") },
      trainingNeeds: s.trainingNeeds.length,
      minutesSent: sent.length,
      minutesSentOnTime: onTime,
      directionResponseDays:
        s.restitution === undefined || s.directionResponse === undefined
          ? undefined
          : Math.round((s.directionResponse.at.epochMillis - s.restitution.at.epochMillis) / 86_400_000),
      actions: { planned: actions("planned"), inProgress: actions("inProgress"), done: actions("done"), dropped: actions("dropped") },
      guests: new Set(s.sessions.flatMap((x) => x.guests.map((g) => g.agentId as string))).size
    },
    text: s.review?.text,
    presentedAt: s.review?.presentedAt,
    body: s.review?.body,
    testimonials: s.testimonials.filter((t) => t.publishedAt !== undefined && t.consentAt !== undefined).map((t) => t.text)
  }
}

const build_ = (s: ExchangeSnapshot, request: Request, options: Options): Build<View> => {
  const { audience } = request
  const at = options.at
  const config = Policy.resolve(options.config, s.framing?.policy)
  switch (request.output) {
    case "framing":
      return Either.right(framingView(s, audience, at))
    case "invitation":
      return Either.right({
        _tag: "InvitationView",
        header: header(s, "invitation", audience, at),
        carries: s.invitations[s.invitations.length - 1]?.carries ?? ["origin", "objectives", "perimeter", "themes", "facilitation"],
        framing: framingView(s, audience, at),
        voluntary: true,
        groupRules: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"]
      })
    case "charter":
      return Either.right({
        _tag: "CharterView",
        header: header(s, "charter", audience, at),
        adoptedAt: s.charter?.adoptedAt,
        items: s.charter?.items ?? [],
        text: s.charter?.text
      })
    case "calendar":
      return Either.right({
        _tag: "CalendarView",
        header: header(s, "calendar", audience, at),
        sessions: sessionOrder(s).map((x) => sessionRef(s, x)),
        plannedEnd: s.framing?.calendar.plannedEnd
      })
    case "agenda":
      return Either.flatMap(findSession(s, "agenda", request.sessionId), (session) =>
        session.agenda === undefined
          ? unavailable("agenda", "Cette séance n'a pas encore d'ordre du jour.", "This session has no agenda yet.")
          : Either.right({
              _tag: "AgendaView" as const,
              header: header(s, "agenda", audience, at),
              session: sessionRef(s, session),
              items: agendaItems(s, session),
              guests: guestsOf(session)
            })
      )
    case "minutes":
      return minutesView(s, audience, at, request.sessionId)
    case "trainingNeeds": {
      const inside = AudienceM.insideGroup(audience)
      return Either.right({
        _tag: "TrainingNeedsView",
        header: header(s, "trainingNeeds", audience, at),
        needs: s.trainingNeeds.flatMap((n) => {
          const session = s.sessions.find((x) => x.id === n.sessionId)
          if (session === undefined) return []
          const transmitted = session.minutes.some((m) => m.sentAt !== undefined && m.sentAt.epochMillis >= n.recordedAt.epochMillis)
          // Outside the group, needs travel with the minutes (RES-03): only transmitted ones.
          if (!inside && !transmitted) return []
          return [{ session: sessionRef(s, session), description: n.description, recordedAt: n.recordedAt, transmitted }]
        })
      })
    }
    case "conclusions":
      return conclusionsView(s, audience, at)
    case "directionResponse": {
      const restitution = s.restitution!
      const dueAt = Instant.make(addDays(restitution.at.epochMillis, config.directionResponseDueDays).getTime())
      return Either.right({
        _tag: "DirectionResponseView",
        header: header(s, "directionResponse", audience, at),
        restitutionAt: restitution.at,
        dueAt,
        response:
          s.directionResponse === undefined
            ? undefined
            : { at: s.directionResponse.at, analysis: s.directionResponse.analysis, plannedDecisions: s.directionResponse.plannedDecisions },
        overdue: s.directionResponse === undefined && at.epochMillis > dueAt.epochMillis,
        actions: s.actions.map((a) => ({
          id: a.id,
          title: a.title,
          owner: a.owner,
          dueDate: a.dueDate,
          status: a.status,
          overdue: (a.status === "planned" || a.status === "inProgress") && at.epochMillis > a.dueDate.epochMillis,
          updatedAt: a.updatedAt,
          comment: a.comment
        }))
      })
    }
    case "review":
      return Either.right(reviewView(s, audience, at, config))
    case "attestation": {
      const agent = s.agents.find((a) => a.id === request.agentId)
      const member = s.members.find((m) => m.agentId === request.agentId)
      if (agent === undefined || member === undefined) {
        return unavailable("attestation", "Cet agent n'est pas membre du groupe.", "This agent is not a member of the group.")
      }
      const attended = sessionOrder(s).filter((x) => x.status === "held" && x.attendees.includes(request.agentId))
      if (attended.length === 0) {
        return unavailable("attestation", "Cet agent n'a encore assisté à aucune séance.", "This agent has not attended any session yet.")
      }
      return Either.right({
        _tag: "AttestationView",
        header: header(s, "attestation", audience, at),
        agent: {
          civility: agent.civility,
          firstName: agent.firstName,
          lastName: agent.lastName,
          occupation: agent.occupation,
          unit: agent.unit,
          occupationLabel: occupationLabel(s, agent.occupation),
          unitLabel: unitLabel(s, agent.unit)
        },
        theme: s.title,
        sessions: attended.map((x) => sessionRef(s, x)),
        totalMinutes: attended.reduce((n, x) => n + x.durationMinutes, 0)
      })
    }
    case "composition": {
      const agents = new Map<string, Agent>(s.agents.map((a) => [a.id, a]))
      return Either.right({
        _tag: "CompositionView",
        header: header(s, "composition", audience, at),
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
        diversity: Diversity.diversityReport(s, { at }),
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
  }
}

/** Parts of a view that name someone by design and are not scanned. */
const identityKeys = new Set(["agent"])

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
 * @example
 * import { Exchange, Instant, View } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * View.obligations(snapshot, { at: Instant.unsafeMake("2026-12-01T00:00:00Z") }).length // 0
 * @since 0.1.0
 */
export const obligations = (s: ExchangeSnapshot, options: Options) =>
  Obligations.obligations(s, options.at, Policy.resolve(options.config, s.framing?.policy))
