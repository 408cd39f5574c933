/**
 * Branded identifiers of the domain. An identifier is an opaque string chosen
 * by the integrator (an HR number, a UUID, a slug…): 1 to 64 characters among
 * letters, digits and `._:-`. Each kind has its own brand so that a session ID
 * can never be passed where an agent ID is expected.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

const idPattern = /^[A-Za-z0-9._:-]{1,64}$/
const idChars = "abcdefghijklmnopqrstuvwxyz0123456789-".split("")

const makeId = <B extends string>(brand: B, prefix: string, description: string) =>
  Schema.String.pipe(
    Schema.pattern(idPattern, {
      message: () => `${description}: 1 to 64 characters among letters, digits and ._:- expected`
    }),
    Schema.brand(brand),
    Schema.annotations({
      identifier: brand,
      description,
      jsonSchema: { type: "string", pattern: idPattern.source, minLength: 1, maxLength: 64 },
      arbitrary: () => (fc) =>
        fc
          .array(fc.constantFrom(...idChars), { minLength: 1, maxLength: 12 })
          .map((cs) => (`${prefix}-${cs.join("")}` as string & Schema.Schema.Type<typeof Schema.String>) as any)
    })
  )

/**
 * Identifies a peer exchange (the aggregate).
 *
 * @example
 * import { ExchangeId } from "@entre-pairs/core"
 * const id = ExchangeId.make("ech-2026-sit-75")
 * @since 0.1.0
 */
export const ExchangeId = makeId("ExchangeId", "ech", "identifier of a peer exchange")
/** @since 0.1.0 */
export type ExchangeId = typeof ExchangeId.Type

/**
 * Identifies an agent (a person of the organisation: volunteer, member,
 * facilitator, guest).
 *
 * @example
 * import { AgentId } from "@entre-pairs/core"
 * const id = AgentId.make("agt-0042")
 * @since 0.1.0
 */
export const AgentId = makeId("AgentId", "agt", "identifier of an agent")
/** @since 0.1.0 */
export type AgentId = typeof AgentId.Type

/**
 * Identifies a unit (service, work unit, structure) of the organisation.
 *
 * @example
 * import { UnitId } from "@entre-pairs/core"
 * const id = UnitId.make("ut-75-sect3")
 * @since 0.1.0
 */
export const UnitId = makeId("UnitId", "unit", "identifier of a unit (service, work unit, structure)")
/** @since 0.1.0 */
export type UnitId = typeof UnitId.Type

/**
 * Identifies an occupation (métier), e.g. `inspecteur-travail`.
 *
 * @example
 * import { OccupationId } from "@entre-pairs/core"
 * const id = OccupationId.make("inspecteur-travail")
 * @since 0.1.0
 */
export const OccupationId = makeId("OccupationId", "occ", "identifier of an occupation (métier)")
/** @since 0.1.0 */
export type OccupationId = typeof OccupationId.Type

/**
 * Identifies a session (séance) of an exchange.
 *
 * @example
 * import { SessionId } from "@entre-pairs/core"
 * const id = SessionId.make("s1")
 * @since 0.1.0
 */
export const SessionId = makeId("SessionId", "ses", "identifier of a session")
/** @since 0.1.0 */
export type SessionId = typeof SessionId.Type

/**
 * Identifies a work question (question de travail).
 *
 * @example
 * import { QuestionId } from "@entre-pairs/core"
 * const id = QuestionId.make("q1")
 * @since 0.1.0
 */
export const QuestionId = makeId("QuestionId", "q", "identifier of a work question")
/** @since 0.1.0 */
export type QuestionId = typeof QuestionId.Type

/**
 * Identifies a case presentation (exposé).
 *
 * @example
 * import { PresentationId } from "@entre-pairs/core"
 * const id = PresentationId.make("p1")
 * @since 0.1.0
 */
export const PresentationId = makeId("PresentationId", "pres", "identifier of a case presentation")
/** @since 0.1.0 */
export type PresentationId = typeof PresentationId.Type

/**
 * Identifies a practice variant (variante de pratique).
 *
 * @example
 * import { VariantId } from "@entre-pairs/core"
 * const id = VariantId.make("v1")
 * @since 0.1.0
 */
export const VariantId = makeId("VariantId", "var", "identifier of a practice variant")
/** @since 0.1.0 */
export type VariantId = typeof VariantId.Type

/**
 * Identifies an identified training need (besoin de formation).
 *
 * @example
 * import { TrainingNeedId } from "@entre-pairs/core"
 * const id = TrainingNeedId.make("bf1")
 * @since 0.1.0
 */
export const TrainingNeedId = makeId("TrainingNeedId", "need", "identifier of a training need")
/** @since 0.1.0 */
export type TrainingNeedId = typeof TrainingNeedId.Type

/**
 * Identifies an action of the follow-up grid (grille de suivi).
 *
 * @example
 * import { ActionId } from "@entre-pairs/core"
 * const id = ActionId.make("a1")
 * @since 0.1.0
 */
export const ActionId = makeId("ActionId", "act", "identifier of an action of the follow-up grid")
/** @since 0.1.0 */
export type ActionId = typeof ActionId.Type

/**
 * Identifies a testimonial (témoignage).
 *
 * @example
 * import { TestimonialId } from "@entre-pairs/core"
 * const id = TestimonialId.make("t1")
 * @since 0.1.0
 */
export const TestimonialId = makeId("TestimonialId", "tem", "identifier of a testimonial")
/** @since 0.1.0 */
export type TestimonialId = typeof TestimonialId.Type
