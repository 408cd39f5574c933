/**
 * Policy configuration: every parameter of the rules catalogue, with the
 * note's default, and the local severity of the rules. The note says its
 * framework "peut être adapté aux configurations locales", so each parameter
 * can be overridden per service (passed by the integrator) and per exchange
 * (recorded in the framing). The effective configuration is
 * `defaults ← service ← exchange`.
 *
 * Local severity (`RULES.md`, preamble): a service or an exchange may set
 * any blocking or advisory rule to `blocking` or `advisory`, and an
 * advisory rule to `off`. Guarantees, the CNF rules, and ELI-01, LIF-03,
 * ANI-05 and PUR-04 (which the note states without condition) can only be
 * tightened: a policy that loosens them does not decode, and
 * `Policy.validate` refuses it with `LocalSeverityRefused`, naming the rule.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Catalogue from "./internal/catalogue.js"
import { type RuleId, ruleIds, type RuleKind } from "./Violation.js"

const PositiveInt = Schema.Int.pipe(Schema.positive())
const NonNegativeInt = Schema.Int.pipe(Schema.nonNegative())

/**
 * The kind a local policy gives a rule: `blocking`, `advisory`, or `off`
 * (advisory rules only).
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * const severity: Policy.Severity = "advisory"
 * @since 0.1.0
 */
export const Severity = Schema.Literal("blocking", "advisory", "off").annotations({ identifier: "Severity" })
/** @since 0.1.0 */
export type Severity = typeof Severity.Type

/**
 * The holiday calendars of the working-day shift of due dates (see
 * `Obligations`): metropolitan France, or Alsace-Moselle (Good Friday and
 * 26 December too), from `@socialgouv/jours-feries`.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * const calendar: Policy.HolidayCalendar = "alsaceMoselle"
 * @since 0.1.0
 */
export const HolidayCalendar = Schema.Literal("france", "alsaceMoselle").annotations({ identifier: "HolidayCalendar" })
/** @since 0.1.0 */
export type HolidayCalendar = typeof HolidayCalendar.Type

const isRuleId = (key: string): key is RuleId => (ruleIds as ReadonlyArray<string>).includes(key)

const kindsFr: Record<RuleKind, string> = {
  blocking: "bloquante",
  advisory: "d'avertissement",
  obligation: "obligation",
  guarantee: "garantie"
}

/**
 * Why a rule cannot take a severity, or `undefined` when it can: in French
 * and English, naming the rule.
 */
const refusal = (rule: string, requested: Severity): { readonly fr: string; readonly en: string } | undefined => {
  if (!isRuleId(rule)) {
    return { fr: `« ${rule} » n'est pas une règle du catalogue.`, en: `"${rule}" is not a rule of the catalogue.` }
  }
  const kinds = Catalogue.kinds[rule]
  if (Catalogue.lifecycleOnly.has(rule)) {
    return {
      fr: `${rule} est l'ordre du cycle de vie lui-même : sa force ne se règle pas localement.`,
      en: `${rule} is the lifecycle order itself: its kind cannot be set locally.`
    }
  }
  if (!kinds.includes("blocking") && !kinds.includes("advisory")) {
    return {
      fr: `${rule} est une ${kindsFr[kinds[0]]}, ni bloquante ni d'avertissement : sa force ne se règle pas localement.`,
      en: `${rule} is a ${kinds[0]}, neither blocking nor advisory: its kind cannot be set locally.`
    }
  }
  if (Catalogue.tightenOnly.has(rule) && requested !== "blocking") {
    return {
      fr: `${rule} ne peut pas être assouplie (« ${requested === "off" ? "désactivée" : "avertissement"} » demandé) : la note l'énonce sans condition, une politique locale peut seulement la renforcer.`,
      en: `${rule} cannot be loosened ("${requested}" requested): the note states it without condition, a local policy can only tighten it.`
    }
  }
  if (requested === "off" && kinds.includes("blocking")) {
    return {
      fr: `${rule} est bloquante : elle peut devenir un avertissement, pas être désactivée.`,
      en: `${rule} is blocking: it may become advisory, not be switched off.`
    }
  }
  return undefined
}

/**
 * The local severity of rules, by rule ID. Decoding refuses a setting the
 * catalogue does not allow, with the rule's ID in the path and the message.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Policy.LocalSeverity)({ "SIZ-01": "off", "LIF-05": "advisory" })
 * @since 0.1.0
 */
export const LocalSeverity = Schema.Record({ key: Schema.String, value: Severity }).pipe(
  Schema.filter((record) => {
    const issues: Array<{ path: ReadonlyArray<PropertyKey>; message: string }> = []
    for (const [rule, requested] of Object.entries(record)) {
      const why = refusal(rule, requested)
      if (why !== undefined) issues.push({ path: [rule], message: `${why.en} — ${why.fr}` })
    }
    return issues.length === 0 ? undefined : issues
  })
).annotations({
  identifier: "LocalSeverity",
  // Only settings the catalogue allows, so that generated policies decode.
  arbitrary: () => (fc) =>
    fc
      .array(fc.tuple(fc.constantFrom(...ruleIds), fc.constantFrom<Severity>("blocking", "advisory", "off")), { maxLength: 4 })
      .map((pairs) => Object.fromEntries(pairs.filter(([rule, severity]) => refusal(rule, severity) === undefined)))
})
/** @since 0.1.0 */
export type LocalSeverity = typeof LocalSeverity.Type

const Word = Schema.String.pipe(Schema.minLength(1))

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
  /** SIZ-02 — fewer members present than this cannot hold a session (local: 2). */
  minMembersToMeet: PositiveInt,
  /** LIF-07 — sessions advised at most in any rolling 12 months (note: 4). */
  maxSessionsPer12Months: PositiveInt,
  /** LIF-04 — communication channels advised (local: 2), one a service meeting. */
  minCommunicationChannels: NonNegativeInt,
  /** SES-02 — open work questions advised at most (local: 3). */
  maxOpenQuestions: PositiveInt,
  /** SES-04 — case presentations per session advised at most (note: 3). */
  maxPresentationsPerSession: PositiveInt,
  /** SES-09 — minutes the agendas allot to choosing the questions before the first case (local: 45). */
  minQuestionChoiceMinutes: NonNegativeInt,
  /** RES-01 — days after the liaison's designation by which the calendar reaches line managers (local: 15). */
  calendarDueDays: PositiveInt,
  /** RES-02 — days after a session by which its minutes reach line managers (local: 15). */
  minutesDueDays: PositiveInt,
  /** RES-05 — days after the restitution by which the direction answers (local: 30). */
  directionResponseDueDays: PositiveInt,
  /** RES-06 — days after the restitution by which a planned review is presented (local: 90). */
  reviewDueDays: PositiveInt,
  /** RES-07 — days after the direction's response by which the work is communicated (local: 90). */
  resultsCommunicationDueDays: PositiveInt,
  /** CHA-02 — Gini coefficient of speaking times above which equity is flagged (local: 0.35). */
  speakingTimeGiniThreshold: Schema.Number.pipe(Schema.between(0, 1)),
  /**
   * PUR-06 — words and phrases that suggest an excluded use (local). Matched
   * as whole words, without regard to case or accents, with an optional
   * plural.
   */
  excludedUseLexicon: Schema.Array(Word),
  /** Working days (local): a due date on a weekend or a public holiday moves to the next working day. */
  workingDays: Schema.Boolean,
  /** The public holidays of the working-day shift (local: metropolitan France). */
  holidayCalendar: HolidayCalendar,
  /** Local severity of rules (local: none, every rule has the catalogue's kind). */
  severity: LocalSeverity
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
  minQuestionChoiceMinutes: 45,
  calendarDueDays: 15,
  minutesDueDays: 15,
  directionResponseDueDays: 30,
  reviewDueDays: 90,
  resultsCommunicationDueDays: 90,
  speakingTimeGiniThreshold: 0.35,
  excludedUseLexicon: [
    "prime",
    "rémunération",
    "revendication",
    "réclamation",
    "grève",
    "négociation",
    "évaluation individuelle",
    "entretien professionnel",
    "notation",
    "faute professionnelle",
    "sanction disciplinaire",
    "conflit entre collègues",
    "règlement de comptes",
    "information descendante",
    "décision à prendre"
  ],
  workingDays: true,
  holidayCalendar: "france",
  severity: {}
}

/**
 * A local policy that sets a rule to a severity the catalogue does not allow
 * (loosening a rule the note states without condition, switching a blocking
 * rule off, setting a guarantee or an obligation). Names each rule, in French
 * and English.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * const error = new Policy.LocalSeverityRefused({
 *   refusals: [{ rule: "ELI-01", requested: "advisory", path: ["severity", "ELI-01"], message: { fr: "…", en: "ELI-01 cannot be loosened" } }]
 * })
 * error.message // "ELI-01 cannot be loosened"
 * @since 0.1.0
 */
export class LocalSeverityRefused extends Schema.TaggedError<LocalSeverityRefused>("@entre-pairs/core/LocalSeverityRefused")(
  "LocalSeverityRefused",
  {
    refusals: Schema.Array(
      Schema.Struct({
        rule: Schema.String,
        requested: Severity,
        path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
        message: Schema.Struct({ fr: Schema.String, en: Schema.String })
      })
    )
  }
) {
  override get message(): string {
    return this.refusals.map((r) => r.message.en).join("\n")
  }
}

/**
 * Checks the local severity of a policy: the overrides unchanged, or the
 * refusal of every setting the catalogue does not allow. `path` is where the
 * overrides sit (e.g. `["framing", "policy"]`).
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * Either.isLeft(Policy.validate({ severity: { "CNF-06": "advisory" } })) // true
 * Either.isRight(Policy.validate({ severity: { "SIZ-01": "off" } })) // true
 * @since 0.1.0
 */
export const validate = (
  overrides: PolicyOverrides | undefined,
  path: ReadonlyArray<string | number> = []
): Either.Either<PolicyOverrides | undefined, LocalSeverityRefused> => {
  const refusals: Array<LocalSeverityRefused["refusals"][number]> = []
  for (const [rule, requested] of Object.entries(overrides?.severity ?? {})) {
    const why = refusal(rule, requested)
    if (why !== undefined) refusals.push({ rule, requested, path: [...path, "severity", rule], message: why })
  }
  return refusals.length === 0 ? Either.right(overrides) : Either.left(new LocalSeverityRefused({ refusals }))
}

/**
 * Whether a rule may take a severity locally.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.allows("LIF-05", "advisory") // true
 * Policy.allows("ELI-01", "advisory") // false
 * @since 0.1.0
 */
export const allows = (rule: RuleId, severity: Severity): boolean => refusal(rule, severity) === undefined

/**
 * Resolves the effective configuration: the defaults, then the service's
 * overrides, then the exchange's (framing) overrides. Keys set to
 * `undefined` are ignored; the local severities of the layers merge rule by
 * rule (the exchange's win). A severity the catalogue does not allow is
 * ignored here (it never decodes; `validate` refuses it).
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.resolve({ minutesDueDays: 10 }, { minutesDueDays: 7 }).minutesDueDays // 7
 * @since 0.1.0
 */
export const resolve = (service?: PolicyOverrides, exchange?: PolicyOverrides): PolicyConfig => {
  if (service === undefined && exchange === undefined) return defaults
  const out: Record<string, unknown> = { ...defaults }
  const severity: Record<string, Severity> = {}
  for (const layer of [service, exchange]) {
    if (layer === undefined) continue
    for (const [k, v] of Object.entries(layer)) {
      if (v === undefined) continue
      if (k === "severity") {
        for (const [rule, s] of Object.entries(v as LocalSeverity)) if (refusal(rule, s) === undefined) severity[rule] = s
      } else out[k] = v
    }
  }
  out.severity = severity
  return out as unknown as PolicyConfig
}

/**
 * The policy in force for an exchange: the service's policy recorded with
 * the framing when the exchange was framed (`framing.servicePolicy`), else
 * the service's current one, then the exchange's own (`framing.policy`).
 * A framed exchange keeps the policy it was framed under.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.inForce({ sizeMax: 12 }, { servicePolicy: { sizeMax: 11 } }).sizeMax // 11
 * @since 0.1.0
 */
export const inForce = (
  service: PolicyOverrides | undefined,
  framing: { readonly policy?: PolicyOverrides | undefined; readonly servicePolicy?: PolicyOverrides | undefined } | undefined
): PolicyConfig => resolve(framing?.servicePolicy ?? service, framing?.policy)

/**
 * The severity a violation of `rule` of catalogue kind `kind` has under a
 * configuration: the local severity when one is set, else `kind`.
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.severityOf(Policy.resolve({ severity: { "SIZ-01": "off" } }), "SIZ-01", "advisory") // "off"
 * @since 0.1.0
 */
export const severityOf = (config: PolicyConfig, rule: RuleId, kind: "blocking" | "advisory"): Severity =>
  config.severity[rule] ?? kind

/**
 * A rule whose kind a local policy changed, as documents state it: the
 * rule, the note's kinds (`RULES.md`), the local severity, and the level
 * that set it (`service` or `exchange`).
 *
 * @since 0.1.0
 */
export interface LocalRule {
  readonly rule: RuleId
  readonly noteKinds: ReadonlyArray<RuleKind>
  readonly localKind: Severity
  readonly level: "service" | "exchange"
}

/**
 * The rules a policy makes local, in the catalogue's order (a setting equal
 * to the note's only kind is not a local rule).
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.localRules({ severity: { "LIF-05": "advisory" } }, undefined).map((r) => `${r.rule} ${r.localKind}`) // ["LIF-05 advisory"]
 * @since 0.1.0
 */
export const localRules = (
  service: PolicyOverrides | undefined,
  framing: { readonly policy?: PolicyOverrides | undefined; readonly servicePolicy?: PolicyOverrides | undefined } | undefined
): ReadonlyArray<LocalRule> => {
  const serviceLayer = framing?.servicePolicy ?? service
  const out: Array<LocalRule> = []
  for (const rule of ruleIds) {
    const fromExchange = framing?.policy?.severity?.[rule]
    const fromService = serviceLayer?.severity?.[rule]
    const localKind = fromExchange ?? fromService
    if (localKind === undefined || refusal(rule, localKind) !== undefined) continue
    const noteKinds = Catalogue.kinds[rule]
    if (noteKinds.length === 1 && noteKinds[0] === localKind) continue
    out.push({ rule, noteKinds, localKind, level: fromExchange !== undefined ? "exchange" : "service" })
  }
  return out
}

/**
 * The kinds the catalogue (`RULES.md`) gives a rule, its second kind after
 * the first when it has two (LIF-07: blocking, advisory).
 *
 * @example
 * import { Policy } from "@entre-pairs/core"
 * Policy.noteKinds("LIF-07") // ["blocking", "advisory"]
 * @since 0.1.0
 */
export const noteKinds = (rule: RuleId): ReadonlyArray<RuleKind> => Catalogue.kinds[rule]
