/**
 * A rule of the note as data plus a pure check. The registry (`Rules.all`)
 * lists every rule of the catalogue; `Evaluate.evaluate` runs the checks of
 * the snapshot rules against one precomputed `RuleContext`, and the rule
 * reference in `docs/rules/` is generated from the same data.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import type { Agent } from "./Agent.js"
import type { EligibilityContext } from "./Eligibility.js"
import type { ExchangeSnapshot, Member } from "./Exchange.js"
import type { Facilitator } from "./Framing.js"
import type { PolicyConfig } from "./Policy.js"
import type { PracticeVariant, Session } from "./Session.js"
import type { RuleId, RuleKind, Text, Violation } from "./Violation.js"

/**
 * The families of the catalogue, one internal module each.
 *
 * @example
 * import type { Rule } from "@entre-pairs/core"
 * const family: Rule.Family = "size"
 * @since 0.1.0
 */
export type Family =
  | "purpose"
  | "lifecycle"
  | "eligibility"
  | "size"
  | "diversity"
  | "facilitation"
  | "charter"
  | "confidentiality"
  | "sessions"
  | "arbitration"
  | "restitution"

/**
 * Where a rule is enforced: `snapshot` rules can be checked on any snapshot
 * (`Evaluate.evaluate`); `command` rules only make sense for a command
 * (LIF-08, the lifecycle); `guarantee` rules hold by construction.
 *
 * @example
 * import type { Rule } from "@entre-pairs/core"
 * const scope: Rule.Scope = "snapshot"
 * @since 0.1.0
 */
export type Scope = "snapshot" | "command" | "guarantee"

/**
 * A parameter of the policy configuration a rule uses, and where its default
 * comes from: the note itself, or a local choice (`RULES.md`).
 *
 * @example
 * import type { Rule } from "@entre-pairs/core"
 * const p: Rule.Parameter = { key: "sizeMax", provenance: "note" }
 * @since 0.1.0
 */
export interface Parameter {
  readonly key: keyof PolicyConfig
  readonly provenance: "note" | "local"
}

/**
 * A session that is not cancelled, with its position in `snapshot.sessions`
 * and its date in epoch milliseconds.
 *
 * @example
 * import type { Rule } from "@entre-pairs/core"
 * const f = (s: Rule.LiveSession) => s.millis
 * @since 0.1.0
 */
export interface LiveSession {
  readonly session: Session
  readonly index: number
  readonly millis: number
  /** Held: status `held` (a fact recorded by the lifecycle, never inferred from the date). */
  readonly held: boolean
}

/**
 * Everything the checks share, computed once per evaluation so that no check
 * scans the snapshot to find an agent or a member.
 *
 * @example
 * import type { Rule } from "@entre-pairs/core"
 * const size = (ctx: Rule.RuleContext) => ctx.activeMembers.length
 * @since 0.1.0
 */
export interface RuleContext {
  readonly snapshot: ExchangeSnapshot
  readonly at: DateTime.Utc
  readonly atMillis: number
  /** The effective configuration: defaults ← service ← exchange. */
  readonly config: PolicyConfig
  /** `Exchange.stateRank(snapshot.state)` (-1 when abandoned). */
  readonly rank: number
  readonly agents: ReadonlyMap<string, Agent>
  /** Position of each member (by agent ID) in `snapshot.members`. */
  readonly memberIndex: ReadonlyMap<string, number>
  /** Members who joined at or before the evaluation date and have not withdrawn by then. */
  readonly activeMembers: ReadonlyArray<Member>
  readonly activeMemberIds: ReadonlySet<string>
  /** Position of each volunteer (by agent ID) in `snapshot.volunteers`. */
  readonly volunteerIndex: ReadonlyMap<string, number>
  readonly facilitators: ReadonlyArray<Facilitator>
  /** Perimeter, purpose and the occupations the framing names (never guessed, ELI-03). */
  readonly eligibility: EligibilityContext
  /** Non-cancelled sessions in chronological order. */
  readonly liveSessions: ReadonlyArray<LiveSession>
  readonly firstSessionMillis: number | undefined
  /** Every practice variant by ID, with its position. */
  readonly variants: ReadonlyMap<string, { readonly variant: PracticeVariant; readonly session: number; readonly index: number }>
  /** When each work question was chosen (its `chosenAt`, else the date of the session that chose it). */
  readonly questionChosenMillis: ReadonlyMap<string, number>
}

/**
 * A rule: its public ID, kind, family, the note's section it comes from, a
 * French and English title, the parameters it uses, its scope, and for
 * snapshot rules a pure check.
 *
 * @example
 * import { Rules } from "@entre-pairs/core"
 * const rule = Rules.get("SIZ-01")
 * rule.kind // "advisory"
 * @since 0.1.0
 */
export interface Rule {
  readonly id: RuleId
  readonly kind: RuleKind
  /**
   * The second kind of a rule that has two (`RULES.md` "blocking / advisory",
   * e.g. LIF-07: planned end blocking, sessions per year advisory; RES-01:
   * blocking and obligation).
   */
  readonly alsoKind?: "advisory" | "obligation"
  readonly family: Family
  /** The note's heading, e.g. "II-c étape 2". */
  readonly section: string
  readonly title: Text
  readonly parameters: ReadonlyArray<Parameter>
  readonly scope: Scope
  /** Not in the catalogue of `RULES.md`: implied by the note and added by entre-pairs (none since version 2). */
  readonly addedByEntrePairs?: boolean
  /** The catalogue version that last changed the rule (2: changed or added by version 2). */
  readonly version?: 2
  readonly check?: (ctx: RuleContext) => ReadonlyArray<Violation>
}
