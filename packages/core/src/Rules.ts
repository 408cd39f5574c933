/**
 * The registry of every rule: the catalogue of `RULES.md`, version 2 (65
 * rules; guarantee rules and command rules included, marked by their scope,
 * without a check). The rule reference in `docs/rules/` is generated from it.
 *
 * @since 0.1.0
 */
import { rules as arbitration } from "./internal/rules/arbitration.js"
import { rules as charter } from "./internal/rules/charter.js"
import { rules as confidentiality } from "./internal/rules/confidentiality.js"
import { rules as diversity } from "./internal/rules/diversity.js"
import { rules as eligibility } from "./internal/rules/eligibility.js"
import { rules as facilitation } from "./internal/rules/facilitation.js"
import { rules as lifecycle } from "./internal/rules/lifecycle.js"
import { rules as purpose } from "./internal/rules/purpose.js"
import { rules as restitution } from "./internal/rules/restitution.js"
import { rules as sessions } from "./internal/rules/sessions.js"
import { rules as size } from "./internal/rules/size.js"
import type { Family, Rule } from "./Rule.js"
import type { RuleId } from "./Violation.js"

/**
 * Every rule, in the catalogue's order (families PUR, LIF, ELI, SIZ, DIV,
 * ANI, CHA, CNF, SES, ARB, RES).
 *
 * @example
 * import { Rules } from "@entre-pairs/core"
 * Rules.all.filter((r) => r.kind === "blocking").length > 0 // true
 * @since 0.1.0
 */
export const all: ReadonlyArray<Rule> = [
  ...purpose,
  ...lifecycle,
  ...eligibility,
  ...size,
  ...diversity,
  ...facilitation,
  ...charter,
  ...confidentiality,
  ...sessions,
  ...arbitration,
  ...restitution
]

/**
 * The rules that `Evaluate.evaluate` runs (those with a check).
 *
 * @example
 * import { Rules } from "@entre-pairs/core"
 * Rules.checked.every((r) => r.check !== undefined) // true
 * @since 0.1.0
 */
export const checked: ReadonlyArray<Rule & { readonly check: NonNullable<Rule["check"]> }> = all.filter(
  (r): r is Rule & { readonly check: NonNullable<Rule["check"]> } => r.check !== undefined
)

const byIdMap: ReadonlyMap<RuleId, Rule> = new Map(all.map((r) => [r.id, r]))

/**
 * A rule by its ID.
 *
 * @example
 * import { Rules } from "@entre-pairs/core"
 * Rules.get("ANI-08").kind // "blocking"
 * @since 0.1.0
 */
export const get = (id: RuleId): Rule => byIdMap.get(id)!

/**
 * The rules of one family.
 *
 * @example
 * import { Rules } from "@entre-pairs/core"
 * Rules.byFamily("size").map((r) => r.id) // ["SIZ-01", "SIZ-02"]
 * @since 0.1.0
 */
export const byFamily = (family: Family): ReadonlyArray<Rule> => all.filter((r) => r.family === family)
