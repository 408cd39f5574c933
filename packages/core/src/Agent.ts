/**
 * Agents: the people of the organisation an exchange involves (volunteers,
 * members, facilitators, guests), with the profile the rules need.
 *
 * The profile dimensions of the note's diversity clause (II-a: "âge,
 * ancienneté, sexe, statut, fonctions exercées") are all optional. Age band,
 * seniority band, sex and status are *sensitive* (CNF-04): they are stored
 * as bands, never as birth dates, used only for composition and diversity
 * reports, and no view for an audience outside the facilitators shows them.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { AgentId, OccupationId, UnitId } from "./Ids.js"
import { Instant } from "./Instant.js"
import * as Text from "./Text.js"

/**
 * A name or label typed by a person: invisible characters removed when
 * decoded (`Text.normalizeFreeText`), trimmed, non-empty, at most 200
 * characters.
 *
 * @since 0.1.0
 */
export const Name = Text.Label

/**
 * A person's first or last name: NFKC, invisible characters removed, one
 * space between words, trimmed when decoded (`Text.normalizePersonName`), so
 * a name pasted with a soft hyphen is stored as people read it (CNF-06).
 *
 * @since 0.1.0
 */
export const PersonName = Text.PersonName

/** Civility as written in French administrative documents. @since 0.1.0 */
export const Civility = Schema.Literal("Mme", "M.").annotations({ identifier: "Civility" })
/** @since 0.1.0 */
export type Civility = typeof Civility.Type

/** Age band (sensitive, CNF-04): never a birth date. @since 0.1.0 */
export const AgeBand = Schema.Literal("<30", "30-39", "40-49", "50-59", "60+").annotations({ identifier: "AgeBand" })
/** @since 0.1.0 */
export type AgeBand = typeof AgeBand.Type

/** Seniority band in the administration, in years (sensitive, CNF-04). @since 0.1.0 */
export const SeniorityBand = Schema.Literal("<2", "2-4", "5-9", "10-19", "20+").annotations({
  identifier: "SeniorityBand"
})
/** @since 0.1.0 */
export type SeniorityBand = typeof SeniorityBand.Type

/** Sex (sensitive, CNF-04). @since 0.1.0 */
export const Sex = Schema.Literal("female", "male", "other").annotations({ identifier: "Sex" })
/** @since 0.1.0 */
export type Sex = typeof Sex.Type

/**
 * Employment status (statut; sensitive, CNF-04): `tenured` (titulaire),
 * `contract` (contractuel), `trainee` (stagiaire), `apprentice` (apprenti),
 * `other`.
 *
 * @since 0.1.0
 */
export const EmploymentStatus = Schema.Literal("tenured", "contract", "trainee", "apprentice", "other").annotations({
  identifier: "EmploymentStatus"
})
/** @since 0.1.0 */
export type EmploymentStatus = typeof EmploymentStatus.Type

/**
 * Function held in the service (fonction exercée): `agent`, `lineManager`
 * (manager de proximité), `executive` (cadre), `expert` (expert métier),
 * `support` (appui, assistant).
 *
 * @since 0.1.0
 */
export const FunctionHeld = Schema.Literal("agent", "lineManager", "executive", "expert", "support").annotations({
  identifier: "FunctionHeld"
})
/** @since 0.1.0 */
export type FunctionHeld = typeof FunctionHeld.Type

/**
 * A name an agent had before a recorded rename (CNF-08): kept, and still
 * looked for in every text that leaves the group (CNF-06), because the
 * colleagues who read it knew the person by that name. `until` is the
 * instant of the rename, `reason` what the facilitator wrote (a typo, a
 * married name…).
 *
 * @example
 * import { Agent } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const former = Schema.decodeUnknownSync(Agent.FormerName)({
 *   firstName: "Élodie", lastName: "Lefèvre", until: "2026-10-01T08:00:00Z", reason: "nom d'usage"
 * })
 * @since 0.2.0
 */
export const FormerName = Schema.Struct({
  firstName: PersonName,
  lastName: PersonName,
  until: Schema.optional(Instant),
  reason: Schema.optional(Name)
}).annotations({ identifier: "FormerName", description: "a name an agent had before a recorded rename (CNF-08)" })
/** @since 0.2.0 */
export interface FormerName extends Schema.Schema.Type<typeof FormerName> {}

/**
 * An agent of the organisation.
 *
 * @example
 * import { Agent } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const agent = Schema.decodeUnknownSync(Agent.Agent)({
 *   id: "agt-1", civility: "Mme", firstName: "Élodie", lastName: "Dupont",
 *   occupation: "inspecteur-travail", unit: "ut-75-s3", functionHeld: "agent"
 * })
 * @since 0.1.0
 */
export const Agent = Schema.Struct({
  id: AgentId,
  civility: Schema.optional(Civility),
  firstName: PersonName,
  lastName: PersonName,
  /**
   * Names the agent had before a recorded rename (`RenameAgent`, CNF-08),
   * oldest first; a directory may bring them too. Never shown outside the
   * facilitators' views, always scanned by CNF-06.
   */
  formerNames: Schema.optional(Schema.Array(FormerName)),
  /** The agent's occupation (métier). */
  occupation: OccupationId,
  /** Occupations the agent contributes to without exercising them (ELI-03: "concourant à la réalisation"). */
  contributesTo: Schema.optionalWith(Schema.Array(OccupationId), { default: () => [] }),
  unit: UnitId,
  functionHeld: Schema.optional(FunctionHeld),
  /**
   * The agent's own job title as the service writes it (« Inspectrice du
   * travail », « Contrôleur du travail — section 4 »): the attestation of
   * participation shows it; without it, the occupation's label. @since 0.2.0
   */
  jobTitle: Schema.optional(Name),
  status: Schema.optional(EmploymentStatus),
  ageBand: Schema.optional(AgeBand),
  seniorityBand: Schema.optional(SeniorityBand),
  sex: Schema.optional(Sex)
}).annotations({ identifier: "Agent", description: "an agent of the organisation" })
/** @since 0.1.0 */
export interface Agent extends Schema.Schema.Type<typeof Agent> {}
/** @since 0.1.0 */
export interface AgentEncoded extends Schema.Schema.Encoded<typeof Agent> {}

/**
 * The profile dimensions of the note's diversity clause (DIV-01), in the
 * note's order.
 *
 * @since 0.1.0
 */
export const profileDimensions = ["ageBand", "seniorityBand", "sex", "status", "functionHeld"] as const
/** @since 0.1.0 */
export type ProfileDimension = (typeof profileDimensions)[number]

/**
 * The categories each profile dimension can take.
 *
 * @since 0.1.0
 */
export const dimensionCategories: { readonly [D in ProfileDimension]: ReadonlyArray<NonNullable<Agent[D]>> } = {
  // Written out rather than read from the schemas (`AgeBand.literals`), so
  // that using the categories does not load `effect/Schema`; Agent.test
  // checks that they are the schemas' literals.
  ageBand: ["<30", "30-39", "40-49", "50-59", "60+"],
  seniorityBand: ["<2", "2-4", "5-9", "10-19", "20+"],
  sex: ["female", "male", "other"],
  status: ["tenured", "contract", "trainee", "apprentice", "other"],
  functionHeld: ["agent", "lineManager", "executive", "expert", "support"]
}

/**
 * The fields of an agent that are sensitive (CNF-04) and may appear only in
 * facilitators' views.
 *
 * @since 0.1.0
 */
export const sensitiveFields = ["ageBand", "seniorityBand", "sex", "status"] as const

/**
 * "Élodie Dupont".
 *
 * @example
 * import { Agent } from "@entre-pairs/core"
 * Agent.fullName({ firstName: "Élodie", lastName: "Dupont" }) // "Élodie Dupont"
 * @since 0.1.0
 */
export const fullName = (agent: Pick<Agent, "firstName" | "lastName">): string => `${agent.firstName} ${agent.lastName}`
