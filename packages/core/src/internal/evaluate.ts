/**
 * The snapshot rules of the registry run against one snapshot: what
 * `Evaluate.evaluate` reports and what the decider compares before and after
 * a command (which needs no obligations).
 */
import type * as DateTime from "effect/DateTime"
import type { ExchangeSnapshot } from "../Exchange.js"
import type { PolicyConfig } from "../Policy.js"
import { checked } from "../Rules.js"
import type { Violation } from "../Violation.js"
import * as Context from "./context.js"

export interface Violations {
  readonly blocking: ReadonlyArray<Violation>
  readonly advisories: ReadonlyArray<Violation>
}

/**
 * Every snapshot rule's violations at `at`, under an already resolved
 * configuration, each with its rule's local severity (`config.severity`):
 * a rule set to `off` reports nothing.
 */
export const violations = (snapshot: ExchangeSnapshot, at: DateTime.Utc, config: PolicyConfig): Violations => {
  const ctx = Context.make(snapshot, at, config)
  const severity = config.severity
  const blocking: Array<Violation> = []
  const advisories: Array<Violation> = []
  for (const rule of checked) {
    const found = rule.check(ctx)
    const local = severity[rule.id]
    for (let i = 0; i < found.length; i++) {
      let v = found[i]!
      if (local !== undefined) {
        if (local === "off") continue
        if (local !== v.kind) v = { ...v, kind: local }
      }
      if (v.kind === "blocking") blocking.push(v)
      else advisories.push(v)
    }
  }
  return { blocking, advisories }
}
