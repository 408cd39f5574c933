/**
 * The core views the layouts read: core's own types (`@entre-pairs/core`
 * `View`), so a renderer accepts nothing but what core built for an audience.
 * `CompositionView` (profile data, facilitators only, CNF-04) is left out on
 * purpose: no document is ever produced from it.
 */
import type { View } from "@entre-pairs/core"

export type Header = View.Header
export type SessionRef = View.SessionRef
export type FramingView = View.FramingView
export type InvitationView = View.InvitationView
export type CharterView = View.CharterView
export type CalendarView = View.CalendarView
export type AgendaItemView = View.AgendaItemView
export type AgendaView = View.AgendaView
export type GuestView = View.AgendaView["guests"][number]
export type CaseView = View.CaseView
export type VariantView = View.VariantView
export type MinutesView = View.MinutesView
export type TrainingNeedsView = View.TrainingNeedsView
export type ConclusionEntry = View.ConclusionEntry
export type ConclusionsView = View.ConclusionsView
export type ActionView = View.ActionView
export type DirectionResponseView = View.DirectionResponseView
export type ReviewView = View.ReviewView
export type AttestationView = View.AttestationView

/** Every view a document can be made of: all of core's views but the facilitators' composition. */
export type DocumentView = Exclude<View.View, View.CompositionView>
