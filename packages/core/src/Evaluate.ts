/**
 * The rules engine: evaluates every snapshot rule of the registry against
 * an exchange snapshot at a date, and lists the unmet obligations. The
 * policy in force (`Policy.inForce`) gives the parameters and the local
 * severity of the rules: a rule set to `advisory` reports its blocking
 * violations as advisories, a rule set to `blocking` refuses what it only
 * advised, and a rule set to `off` reports nothing. The lifecycle decides
 * commands with the same evaluation, so a command is refused exactly when
 * `evaluate` reports a new blocking violation.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import type { ExchangeSnapshot } from "./Exchange.js"
import * as Context from "./internal/context.js"
import { violations } from "./internal/evaluate.js"
import { type Obligation, obligations } from "./Obligations.js"
import * as Policy from "./Policy.js"
import type { RuleContext } from "./Rule.js"
import type { Violation } from "./Violation.js"

/**
 * Options of an evaluation: the evaluation date (from the caller's `Clock`),
 * and the service's policy overrides.
 *
 * @example
 * import type { Evaluate } from "@entre-pairs/core"
 * import * as DateTime from "effect/DateTime"
 * const options: Evaluate.Options = { at: DateTime.unsafeMake("2026-06-01T00:00:00Z"), config: { sizeMax: 12 } }
 * @since 0.1.0
 */
export interface Options {
  readonly at: DateTime.Utc
  /**
   * Service-level overrides; the framing's overrides apply on top. A framing
   * that recorded the service's policy in force when it was framed
   * (`framing.servicePolicy`) keeps it instead.
   */
  readonly config?: Policy.PolicyOverrides | undefined
}

/**
 * The result of an evaluation.
 *
 * @example
 * import type { Evaluate } from "@entre-pairs/core"
 * const ok = (r: Evaluate.Evaluation) => r.blocking.length === 0
 * @since 0.1.0
 */
export interface Evaluation {
  readonly blocking: ReadonlyArray<Violation>
  readonly advisories: ReadonlyArray<Violation>
  readonly obligations: ReadonlyArray<Obligation>
}

/**
 * The context the checks share for one evaluation (exposed for the lifecycle
 * and for tools that run single rules).
 *
 * @example
 * import { Evaluate, Exchange, Policy, Rules } from "@entre-pairs/core"
 * import * as DateTime from "effect/DateTime"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * const ctx = Evaluate.context(snapshot, DateTime.unsafeMake("2026-01-01T00:00:00Z"), Policy.defaults)
 * Rules.get("LIF-01").check?.(ctx)
 * @since 0.1.0
 */
export const context: (snapshot: ExchangeSnapshot, at: DateTime.Utc, config: Policy.PolicyConfig) => RuleContext =
  Context.make

/**
 * Applies the local severity of a configuration to violations: each one
 * takes its rule's local kind, and those of rules set to `off` are dropped.
 *
 * @example
 * import { Evaluate, Policy, Violation } from "@entre-pairs/core"
 * const v = Violation.make("LIF-05", "blocking", ["framing", "dedicatedTime"], { fr: "…", en: "…" })
 * Evaluate.applySeverity([v], Policy.resolve({ severity: { "LIF-05": "advisory" } }))[0]?.kind // "advisory"
 * @since 0.1.0
 */
export const applySeverity = (violations: ReadonlyArray<Violation>, config: Policy.PolicyConfig): Array<Violation> => {
  const out: Array<Violation> = []
  for (const v of violations) {
    const severity = Policy.severityOf(config, v.rule, v.kind)
    if (severity === "off") continue
    out.push(severity === v.kind ? v : { ...v, kind: severity })
  }
  return out
}

/**
 * Evaluates a snapshot: blocking violations, advisories, and unmet
 * obligations at `options.at`. The effective configuration is
 * `Policy.inForce(options.config, snapshot.framing)`, local severity
 * included. Never throws on a value the snapshot schema accepts.
 *
 * @example
 * import { Evaluate, Exchange } from "@entre-pairs/core"
 * import * as DateTime from "effect/DateTime"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * const result = Evaluate.evaluate(snapshot, { at: DateTime.unsafeMake("2026-01-01T00:00:00Z") })
 * result.blocking.map((v) => v.rule) // ["LIF-01"]
 * @since 0.1.0
 */
export const evaluate = (snapshot: ExchangeSnapshot, options: Options): Evaluation => {
  const config = Policy.inForce(options.config, snapshot.framing)
  const { advisories, blocking } = violations(snapshot, options.at, config)
  return { blocking, advisories, obligations: obligations(snapshot, options.at, config) }
}
