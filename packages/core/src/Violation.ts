/**
 * Violations of the rules of the note: what the rules engine reports
 * (`Evaluate.evaluate`) and what the lifecycle refuses a command with
 * (`RuleViolation`). A violation always carries the rule's public ID
 * (`RULES.md`), a message in French and English, and the path of the faulty
 * value inside the exchange snapshot's JSON.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Every rule ID of the catalogue (`RULES.md`, version 2: 65 rules), in the
 * order of the families and, within a family, of the numbers.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * Violation.ruleIds.length // 65
 * @since 0.1.0
 */
export const ruleIds = [
  "PUR-01",
  "PUR-02",
  "PUR-03",
  "PUR-04",
  "PUR-05",
  "PUR-06",
  "LIF-01",
  "LIF-02",
  "LIF-03",
  "LIF-04",
  "LIF-05",
  "LIF-06",
  "LIF-07",
  "LIF-08",
  "ELI-01",
  "ELI-02",
  "ELI-03",
  "ELI-04",
  "ELI-05",
  "ELI-06",
  "ELI-07",
  "SIZ-01",
  "SIZ-02",
  "DIV-01",
  "DIV-02",
  "DIV-03",
  "ANI-01",
  "ANI-02",
  "ANI-03",
  "ANI-04",
  "ANI-05",
  "ANI-06",
  "ANI-07",
  "ANI-08",
  "CHA-01",
  "CHA-02",
  "CNF-01",
  "CNF-02",
  "CNF-03",
  "CNF-04",
  "CNF-05",
  "CNF-06",
  "CNF-07",
  "CNF-08",
  "SES-01",
  "SES-02",
  "SES-03",
  "SES-04",
  "SES-05",
  "SES-06",
  "SES-07",
  "SES-08",
  "SES-09",
  "ARB-01",
  "ARB-02",
  "ARB-03",
  "RES-01",
  "RES-02",
  "RES-03",
  "RES-04",
  "RES-05",
  "RES-06",
  "RES-07",
  "RES-08",
  "RES-09"
] as const

/**
 * A rule ID, e.g. `"SIZ-01"`.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.is(Violation.RuleId)("SIZ-01") // true
 * @since 0.1.0
 */
export const RuleId = Schema.Literal(...ruleIds).annotations({ identifier: "RuleId" })
/** @since 0.1.0 */
export type RuleId = typeof RuleId.Type

/**
 * The kind of a rule (`RULES.md`): `blocking` refuses a command,
 * `advisory` rides along as a warning, `obligation` is something someone must
 * do by a date, `guarantee` holds by construction.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * const kind: Violation.RuleKind = "advisory"
 * @since 0.1.0
 */
export const RuleKind = Schema.Literal("blocking", "advisory", "obligation", "guarantee").annotations({
  identifier: "RuleKind"
})
/** @since 0.1.0 */
export type RuleKind = typeof RuleKind.Type

/**
 * A text in French (the documents' language) and English.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * const text: Violation.Text = { fr: "Séance sans ordre du jour", en: "Session without an agenda" }
 * @since 0.1.0
 */
export const Text = Schema.Struct({ fr: Schema.String, en: Schema.String }).annotations({ identifier: "Text" })
/** @since 0.1.0 */
export interface Text extends Schema.Schema.Type<typeof Text> {}

/**
 * A path into the snapshot's JSON, e.g. `["sessions", 2, "agenda"]`.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * const path: Violation.Path = ["sessions", 2, "agenda"]
 * @since 0.1.0
 */
export const Path = Schema.Array(Schema.Union(Schema.String, Schema.Number)).annotations({ identifier: "Path" })
/** @since 0.1.0 */
export type Path = typeof Path.Type

/**
 * One breach of a blocking or advisory rule.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * const v = Violation.make("SES-06", "blocking", ["sessions", 0, "agenda"], {
 *   fr: "La séance s1 n'a pas d'ordre du jour.",
 *   en: "Session s1 has no agenda."
 * })
 * @since 0.1.0
 */
export const Violation = Schema.Struct({
  rule: RuleId,
  kind: Schema.Literal("blocking", "advisory"),
  message: Text,
  path: Path
}).annotations({ identifier: "Violation" })
/** @since 0.1.0 */
export interface Violation extends Schema.Schema.Type<typeof Violation> {}

/**
 * Builds a violation.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * Violation.make("SIZ-01", "advisory", ["members"], { fr: "11 membres", en: "11 members" }).rule // "SIZ-01"
 * @since 0.1.0
 */
export const make = (rule: RuleId, kind: "blocking" | "advisory", path: Path, message: Text): Violation => ({
  rule,
  kind,
  message,
  path
})

/**
 * Raised when a command would break blocking rules: nothing is recorded. Its
 * `message` lists the rule IDs with their English messages.
 *
 * @example
 * import { Violation } from "@entre-pairs/core"
 * const error = new Violation.RuleViolation({
 *   violations: [Violation.make("SES-06", "blocking", ["sessions", 0], { fr: "…", en: "no agenda" })]
 * })
 * error.message // "SES-06: no agenda"
 * @since 0.1.0
 */
export class RuleViolation extends Schema.TaggedError<RuleViolation>("@entre-pairs/core/RuleViolation")(
  "RuleViolation",
  { violations: Schema.Array(Violation) }
) {
  override get message(): string {
    return this.violations.map((v) => `${v.rule}: ${v.message.en}`).join("\n")
  }
}
