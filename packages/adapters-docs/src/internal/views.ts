/**
 * The shapes of core's views that the layouts read, mirrored field for field
 * from `packages/core/src/View.ts` (commit d47fe75) because `@entre-pairs/core`
 * does not export its `View` module yet. Each interface is a subset of the
 * core one, so core's views are assignable to them; when core exports `View`,
 * these become `import type { View } from "@entre-pairs/core"` and this file
 * goes away. `CompositionView` (profile data, facilitators only, CNF-04) is
 * deliberately absent: no document is ever produced from it.
 */
import type { Exchange, Framing, Session, WorkQuestion } from "@entre-pairs/core"
import type * as DateTime from "effect/DateTime"

type Audience = "facilitators" | "group" | "lineManagers" | "direction" | "socialDialogue" | "organisation"
type Output =
  | "framing"
  | "invitation"
  | "charter"
  | "calendar"
  | "agenda"
  | "minutes"
  | "trainingNeeds"
  | "conclusions"
  | "directionResponse"
  | "review"
  | "attestation"
  | "composition"

export interface Header {
  readonly exchangeId: string
  readonly title: string
  readonly service: string | undefined
  readonly audience: Audience
  readonly output: Output
  readonly state: Exchange.ExchangeState
  readonly generatedAt: DateTime.Utc
  readonly circulation: "group" | "restricted" | "public"
}

export interface SessionRef {
  readonly id: string
  readonly number: number
  readonly kind: Session.Session["kind"]
  readonly scheduledAt: DateTime.Utc
  readonly durationMinutes: number
  readonly venue: string | undefined
  readonly status: Session.Session["status"]
}

export interface FramingView {
  readonly _tag: "FramingView"
  readonly header: Header
  readonly origin: { readonly by: "direction" | "agents"; readonly at: DateTime.Utc } | undefined
  readonly objectives: ReadonlyArray<Framing.Objective>
  readonly purpose: Framing.Purpose | undefined
  readonly perimeter: ReadonlyArray<string>
  readonly occupationsConcerned: ReadonlyArray<string>
  readonly themes: ReadonlyArray<string>
  readonly facilitation:
    | {
        readonly mode: "pair" | "solo"
        readonly soloReason: string | undefined
        readonly facilitators: ReadonlyArray<{ readonly role: "lead" | "resource"; readonly profile: Framing.FacilitatorProfile; readonly trained: boolean }>
      }
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

export interface InvitationView {
  readonly _tag: "InvitationView"
  readonly header: Header
  readonly carries: ReadonlyArray<Framing.FramingElement>
  readonly framing: FramingView
  readonly voluntary: true
  readonly groupRules: ReadonlyArray<Exchange.CharterItem>
}

export interface CharterView {
  readonly _tag: "CharterView"
  readonly header: Header
  readonly adoptedAt: DateTime.Utc | undefined
  readonly items: ReadonlyArray<Exchange.CharterItem>
  readonly text: string | undefined
}

export interface CalendarView {
  readonly _tag: "CalendarView"
  readonly header: Header
  readonly sessions: ReadonlyArray<SessionRef>
  readonly plannedEnd: DateTime.Utc | undefined
}

export interface AgendaItemView {
  readonly title: string
  readonly nature: WorkQuestion.Nature
  readonly question: string | undefined
}

export interface GuestView {
  readonly role: Session.GuestRole
  readonly reason: string | undefined
}

export interface AgendaView {
  readonly _tag: "AgendaView"
  readonly header: Header
  readonly session: SessionRef
  readonly items: ReadonlyArray<AgendaItemView>
  readonly guests: ReadonlyArray<GuestView>
}

export interface CaseView {
  readonly number: number
  readonly question: string
  readonly trace: Session.ActivityTrace | undefined
  readonly context: string
  readonly situation: string
  readonly reasons: string
  readonly result: string
  readonly questions: ReadonlyArray<string>
  readonly comparablePractices: ReadonlyArray<string>
}

export interface VariantView {
  readonly question: string
  readonly description: string
  readonly outcome: Session.Outcome | undefined
  readonly conditions: ReadonlyArray<string>
  readonly validated: boolean
}

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
  readonly attendance: { readonly present: number; readonly members: number }
  readonly guests: ReadonlyArray<GuestView>
  readonly agenda: ReadonlyArray<AgendaItemView>
  readonly questionsChosen: ReadonlyArray<{ readonly title: string; readonly subject: WorkQuestion.Subject | undefined }>
  readonly cases: ReadonlyArray<CaseView>
  readonly variants: ReadonlyArray<VariantView>
  readonly trainingNeeds: ReadonlyArray<string>
  readonly summary: string
}

export interface TrainingNeedsView {
  readonly _tag: "TrainingNeedsView"
  readonly header: Header
  readonly needs: ReadonlyArray<{
    readonly session: SessionRef
    readonly description: string
    readonly recordedAt: DateTime.Utc
    readonly transmitted: boolean
  }>
}

export interface ConclusionEntry {
  readonly questions: ReadonlyArray<string>
  readonly description: string
  readonly conditions: ReadonlyArray<string>
}

export interface ConclusionsView {
  readonly _tag: "ConclusionsView"
  readonly header: Header
  readonly draftedAt: DateTime.Utc
  readonly circulatedAt: DateTime.Utc | undefined
  readonly summary: string
  readonly groups: ReadonlyArray<{ readonly outcome: Session.Outcome; readonly entries: ReadonlyArray<ConclusionEntry> }>
  readonly questions: ReadonlyArray<{ readonly title: string; readonly subject: WorkQuestion.Subject | undefined }>
}

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

export interface AttestationView {
  readonly _tag: "AttestationView"
  readonly header: Header
  readonly agent: {
    readonly civility: string | undefined
    readonly firstName: string
    readonly lastName: string
    readonly occupation: string
    readonly unit: string
  }
  readonly theme: string
  readonly sessions: ReadonlyArray<SessionRef>
  readonly totalMinutes: number
}

/** Every view a document can be made of. */
export type DocumentView =
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
