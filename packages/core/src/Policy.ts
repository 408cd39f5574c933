/**
 * Policy configuration: every parameter of the rules catalogue, with the
 * note's default. The note says its framework "peut être adapté aux
 * configurations locales", so each parameter can be overridden per service
 * (passed by the integrator) and per exchange (recorded in the framing). The
 * effective configuration is `defaults ← service ← exchange`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

const PositiveInt = Schema.Int.pipe(Schema.positive())
const NonNegativeInt = Schema.Int.pipe(Schema.nonNegative())

/**
 * Every parameter, fully resolved.
 *
 * @since 0.1.0
 */
export const PolicyConfig = Schema.Struct({
  /** SIZ-01 — ideal minimum number of members (note: 8). */
  sizeMin: PositiveInt,
  /** SIZ-01 — ideal maximum number of members (note: 10). */
  sizeMax: PositiveInt,
  /** SIZ-02 — fewer members than this cannot hold a session (local: 2). */
  minMembersToMeet: PositiveInt,
  /** LIF-07 — sessions advised at most in any rolling 12 months (note: 4). */
  maxSessionsPer12Months: PositiveInt,
  /** LIF-04 — communication channels advised (local: 2), one a service meeting. */
  minCommunicationChannels: NonNegativeInt,
  /** SES-02 — open work questions advised at most (local: 3). */
  maxOpenQuestions: PositiveInt,
  /** SES-04 — case presentations per session advised at most (note: 3). */
  maxPresentationsPerSession: PositiveInt,
  /** RES-02 — days after a session by which its minutes reach line managers (local: 15). */
  minutesDueDays: PositiveInt,
  /** RES-05 — days after the restitution by which the direction answers (local: 30). */
  directionResponseDueDays: PositiveInt,
  /** RES-06 — days after the restitution by which a planned review is presented (local: 90). */
  reviewDueDays: PositiveInt,
  /** CHA-02 — Gini coefficient of speaking times above which equity is flagged (local: 0.35). */
  speakingTimeGiniThreshold: Schema.Number.pipe(Schema.between(0, 1))
}).annotations({ identifier: "PolicyConfig" })
/** @since 0.1.0 */
export interface PolicyConfig extends Schema.Schema.Type<typeof PolicyConfig> {}

/**
 * A partial configuration: what a service or an exchange overrides.
 *
 * @since 0.1.0
 */
export const PolicyOverrides = Schema.partial(PolicyConfig).annotations({ identifier: "PolicyOverrides" })
/** @since 0.1.0 */
export interface PolicyOverrides extends Schema.Schema.Type<typeof PolicyOverrides> {}

/**
 * The note's defaults (and the local defaults of `RULES.md` where the note
 * fixes nothing).
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.defaults.sizeMax // 10
 * @since 0.1.0
 */
export const defaults: PolicyConfig = {
  sizeMin: 8,
  sizeMax: 10,
  minMembersToMeet: 2,
  maxSessionsPer12Months: 4,
  minCommunicationChannels: 2,
  maxOpenQuestions: 3,
  maxPresentationsPerSession: 3,
  minutesDueDays: 15,
  directionResponseDueDays: 30,
  reviewDueDays: 90,
  speakingTimeGiniThreshold: 0.35
}

/**
 * Resolves the effective configuration: the defaults, then the service's
 * overrides, then the exchange's (framing) overrides. Keys set to
 * `undefined` are ignored.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.resolve({ minutesDueDays: 10 }, { minutesDueDays: 7 }).minutesDueDays // 7
 * @since 0.1.0
 */
export const resolve = (service?: PolicyOverrides, exchange?: PolicyOverrides): PolicyConfig => {
  if (service === undefined && exchange === undefined) return defaults
  const out: Record<string, unknown> = { ...defaults }
  for (const layer of [service, exchange]) {
    if (layer === undefined) continue
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) out[k] = v
  }
  return out as unknown as PolicyConfig
}
