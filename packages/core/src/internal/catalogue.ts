/**
 * The kinds of every rule of the catalogue (`RULES.md`, version 2), as data
 * that `Policy` can read without importing the rule modules (which import the
 * model, which imports `Policy`). The registry test checks that every rule of
 * `Rules.all` has exactly these kinds.
 */
import type { RuleId, RuleKind } from "../Violation.js"

type Kinds = readonly [RuleKind, ...ReadonlyArray<RuleKind>]

const b: Kinds = ["blocking"]
const a: Kinds = ["advisory"]
const o: Kinds = ["obligation"]
const g: Kinds = ["guarantee"]
const ba: Kinds = ["blocking", "advisory"]

/** The kind of each rule, then its second kind when it has one (LIF-07: blocking and advisory). */
export const kinds: { readonly [K in RuleId]: Kinds } = {
  "PUR-01": b,
  "PUR-02": b,
  "PUR-03": b,
  "PUR-04": b,
  "PUR-05": g,
  "PUR-06": a,
  "LIF-01": b,
  "LIF-02": b,
  "LIF-03": b,
  "LIF-04": ba,
  "LIF-05": b,
  "LIF-06": ba,
  "LIF-07": ba,
  "LIF-08": b,
  "ELI-01": b,
  "ELI-02": b,
  "ELI-03": b,
  "ELI-04": a,
  "ELI-05": a,
  "ELI-06": a,
  "ELI-07": a,
  "SIZ-01": a,
  "SIZ-02": b,
  "DIV-01": a,
  "DIV-02": a,
  "DIV-03": g,
  "ANI-01": a,
  "ANI-02": a,
  "ANI-03": a,
  "ANI-04": ba,
  "ANI-05": b,
  "ANI-06": b,
  "ANI-07": g,
  "ANI-08": ba,
  "CHA-01": b,
  "CHA-02": a,
  "CNF-01": g,
  "CNF-02": g,
  "CNF-03": g,
  "CNF-04": g,
  "CNF-05": b,
  "CNF-06": b,
  "CNF-07": b,
  "CNF-08": b,
  "SES-01": b,
  "SES-02": a,
  "SES-03": b,
  "SES-04": a,
  "SES-05": a,
  "SES-06": b,
  "SES-07": b,
  "SES-08": b,
  "SES-09": a,
  "ARB-01": b,
  "ARB-02": g,
  "ARB-03": b,
  "RES-01": ["blocking", "obligation"],
  "RES-02": o,
  "RES-03": o,
  "RES-04": b,
  "RES-05": o,
  "RES-06": o,
  "RES-07": o,
  "RES-08": o,
  "RES-09": b
}

/**
 * Rules a local policy may only tighten (`RULES.md`, "Local severity"): the
 * CNF rules, and ELI-01, LIF-03, ANI-05 and PUR-04, which the note states
 * without condition. Guarantees cannot be set at all.
 */
export const tightenOnly: ReadonlySet<RuleId> = new Set<RuleId>([
  "CNF-01",
  "CNF-02",
  "CNF-03",
  "CNF-04",
  "CNF-05",
  "CNF-06",
  "CNF-07",
  "CNF-08",
  "ELI-01",
  "LIF-03",
  "ANI-05",
  "PUR-04"
])

/** Rules enforced by the lifecycle itself (the order of the states): no local severity. */
export const lifecycleOnly: ReadonlySet<RuleId> = new Set<RuleId>(["LIF-08"])
