/**
 * The framing of an exchange (note or réunion de cadrage, LIF-02): origin,
 * objectives, purpose, perimeter, themes, facilitation, calendar and the time
 * set aside for the work.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Name } from "./Agent.js"
import { AgentId, OccupationId, UnitId } from "./Ids.js"
import { Instant } from "./Instant.js"
import { PolicyOverrides } from "./Policy.js"

/**
 * Who proposed the exchange (LIF-01): the direction or the agents themselves.
 *
 * @since 0.1.0
 */
export const Origin = Schema.Struct({
  by: Schema.Literal("direction", "agents"),
  at: Instant,
  /** Free description of who proposed it (a role, a team); optional. */
  description: Schema.optional(Schema.String)
}).annotations({ identifier: "Origin" })
/** @since 0.1.0 */
export interface Origin extends Schema.Schema.Type<typeof Origin> {}

/**
 * Objectives of the note (I-c, PUR-01): collective regulation of activity;
 * identification, analysis and resolution of a problem; professional
 * development.
 *
 * @since 0.1.0
 */
export const Objective = Schema.Literal("collectiveRegulation", "problemResolution", "professionalDevelopment").annotations(
  { identifier: "Objective" }
)
/** @since 0.1.0 */
export type Objective = typeof Objective.Type

/**
 * Purpose of the note (I-d, PUR-02): `problemSolving` (résoudre des problèmes /
 * améliorer des situations) or `professionalisation` (se professionnaliser /
 * développer les pratiques).
 *
 * @since 0.1.0
 */
export const Purpose = Schema.Literal("problemSolving", "professionalisation").annotations({ identifier: "Purpose" })
/** @since 0.1.0 */
export type Purpose = typeof Purpose.Type

/**
 * Profile of a facilitator (II-b). `lineManager` is the note's "manager de
 * proximité"; `executive` a "cadre"; `occupationExpert` an "expert métier".
 *
 * @since 0.1.0
 */
export const FacilitatorProfile = Schema.Literal(
  "lineManager",
  "executive",
  "occupationExpert",
  "hr",
  "prevention",
  "workPsychologist",
  "technical",
  "other"
).annotations({ identifier: "FacilitatorProfile" })
/** @since 0.1.0 */
export type FacilitatorProfile = typeof FacilitatorProfile.Type

/**
 * A facilitator (animateur). The `lead` carries the approach (porteur de la
 * démarche); a `resource` facilitator brings a complementary profile.
 *
 * @since 0.1.0
 */
export const Facilitator = Schema.Struct({
  agentId: AgentId,
  role: Schema.Literal("lead", "resource"),
  profile: FacilitatorProfile,
  /** ANI-05: training in a facilitation method. */
  training: Schema.optional(Schema.Struct({ method: Name, completedAt: Instant })),
  /**
   * ANI-04: mandate given by the administration (required when solo). It
   * attests the two capacities the note names with « il faudra »: to act as a
   * facilitator (`canFacilitate`) and to step back from their own position in
   * the organisation (`canStepBack`).
   */
  mandate: Schema.optional(
    Schema.Struct({
      by: Name,
      at: Instant,
      canFacilitate: Schema.optional(Schema.Boolean),
      canStepBack: Schema.optional(Schema.Boolean)
    })
  )
}).annotations({ identifier: "Facilitator" })
/** @since 0.1.0 */
export interface Facilitator extends Schema.Schema.Type<typeof Facilitator> {}

/**
 * Facilitation mode and facilitators (ANI-01..05, ANI-08).
 *
 * @since 0.1.0
 */
export const Facilitation = Schema.Struct({
  mode: Schema.Literal("pair", "solo"),
  /** ANI-01: why a pair could not be formed. */
  soloReason: Schema.optional(Schema.String),
  facilitators: Schema.Array(Facilitator)
}).annotations({ identifier: "Facilitation" })
/** @since 0.1.0 */
export interface Facilitation extends Schema.Schema.Type<typeof Facilitation> {}

/**
 * An amendment of the planned end (LIF-07), with its reason.
 *
 * @since 0.1.0
 */
export const PlannedEndAmendment = Schema.Struct({
  at: Instant,
  from: Schema.optional(Instant),
  to: Instant,
  reason: Name
}).annotations({ identifier: "PlannedEndAmendment" })
/** @since 0.1.0 */
export interface PlannedEndAmendment extends Schema.Schema.Type<typeof PlannedEndAmendment> {}

/**
 * Provisional calendar (LIF-07: a cycle declares its planned end; a session
 * after it needs the planned end amended first, with a reason). RES-01: the
 * liaison sends it to the members' line managers (`sentAt`).
 *
 * @since 0.1.0
 */
export const Calendar = Schema.Struct({
  plannedEnd: Schema.optional(Instant),
  provisionalDates: Schema.optionalWith(Schema.Array(Instant), { default: () => [] }),
  amendments: Schema.optional(Schema.Array(PlannedEndAmendment)),
  sentAt: Schema.optional(Instant)
}).annotations({ identifier: "Calendar" })
/** @since 0.1.0 */
export interface Calendar extends Schema.Schema.Type<typeof Calendar> {}

const Hours = Schema.Number.pipe(Schema.nonNegative(), Schema.finite())

/**
 * The four uses of dedicated time the note names (LIF-05).
 *
 * @since 0.1.0
 */
export const timeUses = ["preparation", "participation", "facilitation", "formalisation"] as const
/** @since 0.1.0 */
export type TimeUse = (typeof timeUses)[number]

/**
 * Time set aside for the work (LIF-05): for each of preparation,
 * participation, facilitation and formalisation, an amount in hours or a
 * declaration such as « sur le temps de travail ».
 *
 * @since 0.1.0
 */
export const DedicatedTime = Schema.Struct({
  preparationHours: Schema.optional(Hours),
  participationHours: Schema.optional(Hours),
  facilitationHours: Schema.optional(Hours),
  formalisationHours: Schema.optional(Hours),
  declarations: Schema.optional(
    Schema.Struct({
      preparation: Schema.optional(Schema.String),
      participation: Schema.optional(Schema.String),
      facilitation: Schema.optional(Schema.String),
      formalisation: Schema.optional(Schema.String)
    })
  )
}).annotations({ identifier: "DedicatedTime" })
/** @since 0.1.0 */
export interface DedicatedTime extends Schema.Schema.Type<typeof DedicatedTime> {}

/**
 * The framing (LIF-02). Fields the rules require are optional in the schema so
 * that an incomplete framing is reported by the rule that needs it, with its
 * ID, rather than rejected as malformed.
 *
 * @since 0.1.0
 */
export const Framing = Schema.Struct({
  form: Schema.Literal("note", "meeting"),
  at: Instant,
  objectives: Schema.optionalWith(Schema.Array(Objective), { default: () => [] }),
  purpose: Schema.optional(Purpose),
  perimeter: Schema.optionalWith(Schema.Struct({ units: Schema.Array(UnitId) }), { default: () => ({ units: [] }) }),
  /** Occupations concerned by the themes (ELI-03, ELI-04, DIV-02). */
  occupationsConcerned: Schema.optionalWith(Schema.Array(OccupationId), { default: () => [] }),
  themes: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  facilitation: Schema.optional(Facilitation),
  calendar: Schema.optionalWith(Calendar, { default: () => ({ provisionalDates: [] }) }),
  dedicatedTime: Schema.optional(DedicatedTime),
  /** RES-06: a review is to be presented to the social-dialogue bodies. */
  reviewForSocialDialogue: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /** Per-exchange overrides of the policy configuration, local severity included. */
  policy: Schema.optional(PolicyOverrides),
  /** The service's policy in force when the exchange was framed: the exchange keeps it. */
  servicePolicy: Schema.optional(PolicyOverrides),
  /** PUR-06: the facilitators confirmed the nature of the themes although their wording suggested an excluded use. */
  themesNatureConfirmed: Schema.optional(Schema.Boolean),
  /**
   * How documents name the units and occupations the exchange refers to
   * (e.g. `"ddets33-uc3": "Unité de contrôle n° 3"`); an ID without a label
   * is shown as is.
   */
  labels: Schema.optional(
    Schema.Struct({
      units: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Name }), { default: () => ({}) }),
      occupations: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Name }), { default: () => ({}) })
    })
  ),
  /** Where the sessions take place, as the note de cadrage states it (« Cité administrative, Bordeaux »). @since 0.2.0 */
  venue: Schema.optional(Name),
  /** How an invited agent answers the invitation: the way, the deadline, whom to contact. @since 0.2.0 */
  reply: Schema.optional(
    Schema.Struct({
      /** « par courriel à … », « auprès de votre responsable d'unité ». */
      how: Name,
      deadline: Schema.optional(Instant),
      /** A service or a mailbox to ask questions (« Pôle RH — rh@… »). */
      contact: Schema.optional(Name)
    })
  ),
  /**
   * Who signs the attestations of participation for the service, and where
   * they are issued (« Fait à Bordeaux »). @since 0.2.0
   */
  signatory: Schema.optional(Schema.Struct({ name: Name, title: Name, place: Schema.optional(Name) }))
}).annotations({ identifier: "Framing" })
/** @since 0.1.0 */
export interface Framing extends Schema.Schema.Type<typeof Framing> {}

/**
 * The framing elements an invitation must carry (LIF-04).
 *
 * @since 0.1.0
 */
export const FramingElement = Schema.Literal("origin", "objectives", "perimeter", "themes", "facilitation").annotations({
  identifier: "FramingElement"
})
/** @since 0.1.0 */
export type FramingElement = typeof FramingElement.Type
