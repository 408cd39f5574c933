// Over 450 lines on purpose: this module is the composer's whole public
// surface (request, result and error schemas, each with its JSDoc and
// example, and the draw that anyone re-checks); the algorithms live in
// internal/composer/ (engine, search, lottery, exact, fair).
/**
 * The group composer (DIV-01, DIV-02, DIV-03): when more agents volunteer
 * than a group of 8 to 10 can hold (note, II-a), it proposes a group that
 *
 * 1. respects every blocking rule — volunteers only (ELI-01), inside the
 *    perimeter (ELI-02), same occupation for professionalisation (ELI-03),
 *    through the shared {@link Eligibility.ineligibility} predicate — plus the
 *    mandatory members and the quotas of the request;
 * 2. maximises diversity, lexicographically: first the number of distinct
 *    known categories summed over the five profile dimensions (age,
 *    seniority, sex, status, function held), then balance (the lowest
 *    concentration, i.e. sum of squared category counts), then the number of
 *    occupations concerned represented (ELI-04);
 * 3. is drawn by a fair lottery over a portfolio of such groups that
 *    maximises the smallest selection probability of any volunteer who can be
 *    selected at all (maximin, refined to leximin; Flanigan et al., Nature
 *    2021), with an optional
 *    priority for volunteers not selected in the previous cycle;
 * 4. is reproducible: the portfolio depends only on the request, and the
 *    draw on the published portfolio and seed through SHA-256, so anyone can
 *    re-check it ({@link redraw}, {@link verifyDraw}).
 *
 * The result is meant for the facilitators (CNF-04): it carries profile
 * data (the diversity report).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { Agent, dimensionCategories } from "./Agent.js"
import { Purpose } from "./Framing.js"
import { AgentId, OccupationId, UnitId } from "./Ids.js"
import * as Engine from "./internal/composer/engine.js"
import type { Solver } from "./internal/composer/exact.js"
import { fairLottery, UNITS } from "./internal/composer/fair.js"
import { stream, seedString } from "./internal/composer/prng.js"
import { NDIM, profileDims, quotaDims, UNKNOWN } from "./internal/composer/problem.js"

// ---------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------

/**
 * Role of a volunteer in the group (ELI-05): an `operational` participant
 * (agent, manager) or a `resource` person (work psychologist…). Resource
 * persons are exempt from the perimeter and occupation conditions (ELI-02,
 * ELI-03).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Role)("resource") // "resource"
 * @since 0.1.0
 */
export const Role = Schema.Literal("operational", "resource").annotations({ identifier: "ComposerRole" })
/** @since 0.1.0 */
export type Role = typeof Role.Type

/**
 * A volunteer (ELI-01: an agent who answered the invitation): the agent's
 * record, its role, and whether it was selected in the previous cycle.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const v = Schema.decodeUnknownSync(Composer.Volunteer)({
 *   id: "agt-1", firstName: "Élodie", lastName: "Dupont",
 *   occupation: "inspecteur-travail", unit: "ut-75", sex: "female"
 * })
 * v.role // "operational"
 * @since 0.1.0
 */
export const Volunteer = Schema.Struct({
  ...Agent.fields,
  role: Schema.optionalWith(Role, { default: () => "operational" as const }),
  previouslySelected: Schema.optionalWith(Schema.Boolean, { default: () => false })
}).annotations({ identifier: "Volunteer", description: "an agent who volunteered for the exchange" })
/** @since 0.1.0 */
export interface Volunteer extends Schema.Schema.Type<typeof Volunteer> {}
/** @since 0.1.0 */
export interface VolunteerEncoded extends Schema.Schema.Encoded<typeof Volunteer> {}

const Seats = Schema.Int.pipe(Schema.greaterThanOrEqualTo(1))
const Count = Schema.Int.pipe(Schema.nonNegative())

/**
 * A size range (SIZ-01: the note's 8 to 10 by default).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.SizeRange)({ min: 8, max: 10 })
 * @since 0.1.0
 */
export const SizeRange = Schema.Struct({ min: Seats, max: Seats }).annotations({ identifier: "SizeRange" })
/** @since 0.1.0 */
export interface SizeRange extends Schema.Schema.Type<typeof SizeRange> {}

/**
 * The group size: an exact number of members or a range. With a range, the
 * composer seats as many volunteers as it can: the largest size of the range
 * that the eligible pool and the quotas allow (diversity never decreases
 * with size, and more volunteers get a seat).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Size)(9) // 9
 * @since 0.1.0
 */
export const Size = Schema.Union(Seats, SizeRange).annotations({ identifier: "ComposerSize" })
/** @since 0.1.0 */
export type Size = typeof Size.Type

/**
 * What a quota counts: a profile dimension, the occupation, or the role.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * Composer.QuotaDimension.literals.includes("occupation") // true
 * @since 0.1.0
 */
export const QuotaDimension = Schema.Literal(...quotaDims).annotations({ identifier: "QuotaDimension" })
/** @since 0.1.0 */
export type QuotaDimension = typeof QuotaDimension.Type

/**
 * A quota: at least `min` and at most `max` members in one category of a
 * dimension (e.g. at least 1 `sex: male`, at most 4 `occupation:
 * inspecteur-travail`). Quotas are hard constraints.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Quota)({ dimension: "functionHeld", category: "lineManager", max: 2 })
 * @since 0.1.0
 */
export const Quota = Schema.Struct({
  dimension: QuotaDimension,
  category: Schema.String,
  min: Schema.optional(Count),
  max: Schema.optional(Count)
}).annotations({ identifier: "Quota" })
/** @since 0.1.0 */
export interface Quota extends Schema.Schema.Type<typeof Quota> {}

/**
 * How far from the optimum a group may be and still enter the lottery, tier
 * by tier: categories that may be given up, extra concentration accepted,
 * occupations concerned that may be left out. All 0 (the default): only
 * optimal groups are drawn. A tolerance widens the lottery, so volunteers
 * get fairer chances at a small cost in diversity.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Tolerance)({ concentration: 4 })
 * // { categories: 0, concentration: 4, coverage: 0 }
 * @since 0.1.0
 */
export const Tolerance = Schema.Struct({
  categories: Schema.optionalWith(Count, { default: () => 0 }),
  concentration: Schema.optionalWith(Count, { default: () => 0 }),
  coverage: Schema.optionalWith(Count, { default: () => 0 })
}).annotations({ identifier: "Tolerance" })
/** @since 0.1.0 */
export interface Tolerance extends Schema.Schema.Type<typeof Tolerance> {}

/**
 * Deterministic work budgets: of each exact search (bound evaluations), of
 * the whole lottery (listing, cover and pricing searches together) and of
 * the column generation (groups added to the portfolio). Past a budget the
 * answer is the best found, flagged as not proven (`optimal`,
 * `fairness.proven`).
 * Budgets are counts, never clock time, so that results are reproducible.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Budget)({}) // { search: 1000000, lottery: 4000000, columns: 400 }
 * @since 0.1.0
 */
export const Budget = Schema.Struct({
  search: Schema.optionalWith(Seats, { default: () => 1_000_000 }),
  lottery: Schema.optionalWith(Seats, { default: () => 4_000_000 }),
  columns: Schema.optionalWith(Count, { default: () => 400 })
}).annotations({ identifier: "ComposerBudget" })
/** @since 0.1.0 */
export interface Budget extends Schema.Schema.Type<typeof Budget> {}

/**
 * The seed of the draw: a string or a number (used through its canonical
 * string form). Publish it after the portfolio, e.g. taken from a public
 * lottery result, so that nobody could have chosen it to favour a group.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Seed)("2026-11-28 Loto 7 12 25 33 41")
 * @since 0.1.0
 */
export const Seed = Schema.Union(Schema.String, Schema.Number).annotations({ identifier: "Seed" })
/** @since 0.1.0 */
export type Seed = typeof Seed.Type

/**
 * Which groups the lottery may draw: `"tolerance"` (the default), the groups
 * within the request's {@link Tolerance} of the diversity optimum (only
 * optimal groups at tolerance 0); `"quotas"`, every group that meets the
 * quotas and the blocking rules, diversity given up beyond the quotas for the
 * fairest lottery. The result reports the price of each
 * (`tradeOff`, with {@link composeEffect}).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Admissible)("quotas") // "quotas"
 * @since 0.2.0
 */
export const Admissible = Schema.Literal("tolerance", "quotas").annotations({ identifier: "ComposerAdmissible" })
/** @since 0.2.0 */
export type Admissible = typeof Admissible.Type

/**
 * A composition request. Everything but the perimeter and the seed has a
 * default: size 8 to 10 (note, SIZ-01), no purpose, no occupation, no
 * mandatory member, no quota, no previous cycle, priority weight 1 (no
 * priority), tolerance 0 and `admissible: "tolerance"` (optimal groups
 * only; `"quotas"` admits every quota-feasible group), `minMembers` 2 (SIZ-02) and
 * `fairness: "leximin"` (refine the maximin lottery to leximin when the
 * admissible groups can be listed; `"maximin"` stops at the floor).
 *
 * `priorityWeight` w ≥ 1 gives volunteers not selected in the previous cycle
 * (the last entry of `previousSelections`, or `previouslySelected: false`)
 * a selection probability floor w times that of the others.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const request = Schema.decodeUnknownSync(Composer.ComposeRequest)({
 *   perimeter: ["ut-75"], purpose: "problemSolving", seed: "2026-11-28"
 * })
 * request.size // { min: 8, max: 10 }
 * @since 0.1.0
 */
export const ComposeRequest = Schema.Struct({
  size: Schema.optionalWith(Size, { default: () => ({ min: 8, max: 10 }) }),
  purpose: Schema.optional(Purpose),
  occupationsConcerned: Schema.optionalWith(Schema.Array(OccupationId), { default: () => [] }),
  perimeter: Schema.Array(UnitId),
  mandatory: Schema.optionalWith(Schema.Array(AgentId), { default: () => [] }),
  quotas: Schema.optionalWith(Schema.Array(Quota), { default: () => [] }),
  previousSelections: Schema.optionalWith(Schema.Array(Schema.Array(AgentId)), { default: () => [] }),
  priorityWeight: Schema.optionalWith(Schema.Number.pipe(Schema.greaterThanOrEqualTo(1), Schema.finite()), {
    default: () => 1
  }),
  tolerance: Schema.optionalWith(Tolerance, { default: () => ({ categories: 0, concentration: 0, coverage: 0 }) }),
  admissible: Schema.optionalWith(Admissible, { default: () => "tolerance" as const }),
  minMembers: Schema.optionalWith(Seats, { default: () => 2 }),
  fairness: Schema.optionalWith(Schema.Literal("leximin", "maximin"), { default: () => "leximin" as const }),
  budget: Schema.optionalWith(Budget, { default: () => ({ search: 1_000_000, lottery: 4_000_000, columns: 400 }) }),
  seed: Seed
}).annotations({ identifier: "ComposeRequest" })
/** @since 0.1.0 */
export interface ComposeRequest extends Schema.Schema.Type<typeof ComposeRequest> {}
/** @since 0.1.0 */
export interface ComposeRequestEncoded extends Schema.Schema.Encoded<typeof ComposeRequest> {}

// ---------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------

/**
 * The lexicographic diversity objective of a group: `categories` (distinct
 * known categories summed over the five profile dimensions; higher is
 * better), `concentration` (sum over the dimensions of the squared counts of
 * each category, unknown values counted as one category; lower is better),
 * `coverage` (occupations concerned represented; higher is better).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Objective)({ categories: 17, concentration: 96, coverage: 3 })
 * @since 0.1.0
 */
export const Objective = Schema.Struct({
  categories: Count,
  concentration: Count,
  coverage: Count
}).annotations({ identifier: "ComposerObjective" })
/** @since 0.1.0 */
export interface Objective extends Schema.Schema.Type<typeof Objective> {}

/**
 * Compares two objectives lexicographically: positive when `a` is better.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * Composer.compareObjective(
 *   { categories: 17, concentration: 90, coverage: 2 },
 *   { categories: 17, concentration: 96, coverage: 3 }
 * ) > 0 // true: same categories, less concentrated
 * @since 0.1.0
 */
export const compareObjective = (a: Objective, b: Objective): number =>
  a.categories !== b.categories
    ? a.categories - b.categories
    : a.concentration !== b.concentration
      ? b.concentration - a.concentration
      : a.coverage - b.coverage

/**
 * Diversity of the group on one profile dimension (DIV-01): categories
 * present, counts, members whose value is unknown, categories the eligible
 * pool offered, and a normalised Gini–Simpson index in [0, 1] over the known
 * values (1 = as even as possible given the number of categories).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.DimensionReport)({
 *   dimension: "sex", present: ["female", "male"], counts: [{ category: "female", count: 5 }, { category: "male", count: 5 }],
 *   unknown: 0, availableInPool: ["female", "male"], missing: [], index: 1
 * })
 * @since 0.1.0
 */
export const DimensionReport = Schema.Struct({
  dimension: Schema.Literal(...profileDims),
  present: Schema.Array(Schema.String),
  counts: Schema.Array(Schema.Struct({ category: Schema.String, count: Count })),
  unknown: Count,
  availableInPool: Schema.Array(Schema.String),
  missing: Schema.Array(Schema.String),
  index: Schema.Number
}).annotations({ identifier: "DimensionReport" })
/** @since 0.1.0 */
export interface DimensionReport extends Schema.Schema.Type<typeof DimensionReport> {}

/**
 * A volunteer's selection probability and status: `mandatory` (always
 * selected), `selectable` (in some admissible group), `unselectable`
 * (eligible but in no admissible group: probability 0), `ineligible` (the
 * blocking rules in `rules`).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.SelectionProbability)({
 *   agentId: "agt-1", probability: 0.4, weight: 1, status: "selectable", rules: []
 * })
 * @since 0.1.0
 */
export const SelectionProbability = Schema.Struct({
  agentId: AgentId,
  probability: Schema.Number,
  weight: Schema.Number,
  status: Schema.Literal("mandatory", "selectable", "unselectable", "ineligible"),
  rules: Schema.Array(Schema.String)
}).annotations({ identifier: "SelectionProbability" })
/** @since 0.1.0 */
export interface SelectionProbability extends Schema.Schema.Type<typeof SelectionProbability> {}

/**
 * One group of the portfolio, with its probability: the mandatory members
 * plus, for each entry, `count` agents drawn uniformly from the agents of
 * type `type` (agents of a type are interchangeable for the objective, the
 * quotas and the priority).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Panel)({ probability: 0.5, seats: [{ type: 0, count: 2 }] })
 * @since 0.1.0
 */
export const Panel = Schema.Struct({
  probability: Schema.Number,
  seats: Schema.Array(Schema.Struct({ type: Count, count: Seats }))
}).annotations({ identifier: "Panel" })
/** @since 0.1.0 */
export interface Panel extends Schema.Schema.Type<typeof Panel> {}

/**
 * The published portfolio: mandatory members, types (agent IDs sorted by
 * code unit) and panels. Together with the seed it determines the drawn
 * group ({@link redraw}).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const portfolio = Schema.decodeUnknownSync(Composer.Portfolio)({
 *   mandatory: [], types: [{ agents: ["a", "b"] }], panels: [{ probability: 1, seats: [{ type: 0, count: 1 }] }]
 * })
 * @since 0.1.0
 */
export const Portfolio = Schema.Struct({
  mandatory: Schema.Array(AgentId),
  types: Schema.Array(Schema.Struct({ agents: Schema.Array(AgentId) })),
  panels: Schema.Array(Panel)
}).annotations({ identifier: "Portfolio" })
/** @since 0.1.0 */
export interface Portfolio extends Schema.Schema.Type<typeof Portfolio> {}

const Price = Schema.Struct({
  selectable: Count,
  minWeightedProbability: Schema.Number,
  upperBound: Schema.Number,
  proven: Schema.Boolean
})

/**
 * The diversity/fairness trade-off of a composition: which groups were
 * admissible (`chosen`), and the maximin lottery's smallest weighted
 * selection probability over the diversity-optimal groups
 * (`optimalDiversity`) and over every quota-feasible group (`quotasOnly`),
 * each with its proven upper bound and the number of volunteers who get a
 * chance at all (`selectable`; the others are in no admissible group). The gap between the two is the price in
 * fairness of insisting on the optimal diversity.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.TradeOff)({
 *   chosen: "quotas",
 *   optimalDiversity: { selectable: 10, minWeightedProbability: 0.33, upperBound: 0.33, proven: true },
 *   quotasOnly: { selectable: 20, minWeightedProbability: 0.45, upperBound: 0.45, proven: true }
 * })
 * @since 0.2.0
 */
export const TradeOff = Schema.Struct({
  chosen: Admissible,
  optimalDiversity: Price,
  quotasOnly: Price
}).annotations({ identifier: "ComposerTradeOff" })
/** @since 0.2.0 */
export interface TradeOff extends Schema.Schema.Type<typeof TradeOff> {}

/**
 * The composer's answer: the drawn group, its objective and the optimum,
 * the diversity report, the occupations concerned represented, every
 * volunteer's selection probability, the fairness reached, the portfolio,
 * the seed and where the draw landed (`draw.u`, `draw.panel`).
 *
 * `optimal` says that the optimum is proven (exact search finished within
 * its budget); `fairness.proven` that the maximin lottery is proven optimal
 * (`upperBound` bounds the best achievable minimum otherwise).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * const toJson = Schema.encodeSync(Composer.ComposeResult) // JSON-ready
 * @since 0.1.0
 */
export const ComposeResult = Schema.Struct({
  seed: Schema.String,
  size: Seats,
  group: Schema.Array(AgentId),
  draw: Schema.Struct({ u: Schema.Number, panel: Count }),
  objective: Objective,
  optimum: Objective,
  optimal: Schema.Boolean,
  tolerance: Tolerance,
  diversity: Schema.Array(DimensionReport),
  occupations: Schema.Struct({
    concerned: Schema.Array(OccupationId),
    represented: Schema.Array(OccupationId),
    missing: Schema.Array(OccupationId)
  }),
  probabilities: Schema.Array(SelectionProbability),
  fairness: Schema.Struct({
    method: Schema.Literal("maximin", "leximin"),
    minWeightedProbability: Schema.Number,
    upperBound: Schema.Number,
    proven: Schema.Boolean,
    priorityWeight: Schema.Number,
    solver: Schema.optional(Schema.Literal("builtin", "highs")),
    reason: Schema.optional(Schema.String)
  }),
  tradeOff: Schema.optional(TradeOff),
  portfolio: Portfolio,
  stats: Schema.Struct({ types: Count, panels: Count, columnsGenerated: Count, work: Count })
}).annotations({ identifier: "ComposeResult" })
/** @since 0.1.0 */
export interface ComposeResult extends Schema.Schema.Type<typeof ComposeResult> {}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/**
 * The request is malformed (does not decode, or contradicts itself: a quota
 * with min > max, a size range with min > max, a duplicate volunteer…).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * Either.isLeft(Composer.compose([], { perimeter: [], seed: 1, size: { min: 9, max: 8 } })) // true
 * @since 0.1.0
 */
export class InvalidComposeRequest extends Schema.TaggedError<InvalidComposeRequest>(
  "@entre-pairs/core/InvalidComposeRequest"
)("InvalidComposeRequest", { issues: Schema.Array(Schema.String) }) {
  override get message(): string {
    return `invalid composition request:\n${this.issues.map((i) => `  - ${i}`).join("\n")}`
  }
}

/**
 * Why no group can be composed, by rule (`QUOTA` for the request's quotas).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Obstacle)({ rule: "SIZ-01", message: "5 eligible volunteers for a group of at least 8" })
 * @since 0.1.0
 */
export const Obstacle = Schema.Struct({
  rule: Schema.Literal("ELI-01", "ELI-02", "ELI-03", "SIZ-01", "SIZ-02", "QUOTA"),
  message: Schema.String,
  agentId: Schema.optional(AgentId)
}).annotations({ identifier: "Obstacle" })
/** @since 0.1.0 */
export interface Obstacle extends Schema.Schema.Type<typeof Obstacle> {}

const Bounds = Schema.Struct({ from: Count, to: Count })

/**
 * A change of the request that makes it feasible, each one sufficient on its
 * own: drop mandatory members, change the size, loosen quotas (the least
 * total loosening, quota by quota), or extend the perimeter.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Composer.Relaxation)({ _tag: "ChangeSize", size: { min: 6, max: 6 } })
 * @since 0.1.0
 */
export const Relaxation = Schema.Union(
  Schema.TaggedStruct("DropMandatory", { agentIds: Schema.Array(AgentId), rules: Schema.Array(Schema.String) }),
  Schema.TaggedStruct("ChangeSize", { size: SizeRange }),
  Schema.TaggedStruct("LoosenQuotas", {
    size: Seats,
    total: Count,
    changes: Schema.Array(
      Schema.Struct({
        dimension: QuotaDimension,
        category: Schema.String,
        min: Schema.optional(Bounds),
        max: Schema.optional(Bounds)
      })
    )
  }),
  Schema.TaggedStruct("ExtendPerimeter", { units: Schema.Array(UnitId), eligibleAfter: Count })
).annotations({ identifier: "Relaxation" })
/** @since 0.1.0 */
export type Relaxation = typeof Relaxation.Type

/**
 * No group meets the request: the obstacles, and the smallest relaxations
 * that would make it feasible (alternatives, the least disruptive first).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * const r = Composer.compose([], { perimeter: ["u1"], seed: 1 })
 * Either.isLeft(r) && r.left._tag === "CompositionInfeasible" // true
 * @since 0.1.0
 */
export class CompositionInfeasible extends Schema.TaggedError<CompositionInfeasible>(
  "@entre-pairs/core/CompositionInfeasible"
)("CompositionInfeasible", { obstacles: Schema.Array(Obstacle), relaxations: Schema.Array(Relaxation) }) {
  override get message(): string {
    return `no group meets the request: ${this.obstacles.map((o) => `${o.rule} ${o.message}`).join("; ")}`
  }
}

/**
 * Everything `compose` can answer instead of a group.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * const describe = (e: Composer.ComposeError) => e._tag
 * @since 0.1.0
 */
export type ComposeError = InvalidComposeRequest | CompositionInfeasible

// ---------------------------------------------------------------------------
// Draw
// ---------------------------------------------------------------------------

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Re-draws the group from a published portfolio and seed, without the pool
 * or the request. The procedure, reproducible in any language:
 * `u_j` = first 53 bits of SHA-256(`"entre-pairs/composer/v1|" + seed + "|"
 * + j`) / 2^53; the panel is the first whose cumulative probability (summed
 * in portfolio order) exceeds `u_0`; then for each entry of the panel in
 * order, `count` agents are taken from the type's sorted agent list by a
 * partial Fisher–Yates shuffle (position i swaps with i + ⌊u_j·(n − i)⌋,
 * j = 1, 2, …); the group is the mandatory members plus those agents,
 * sorted by code unit.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * const portfolio = {
 *   mandatory: [], types: [{ agents: ["a", "b", "c"] }],
 *   panels: [{ probability: 1, seats: [{ type: 0, count: 2 }] }]
 * } as unknown as Composer.Portfolio
 * Composer.redraw(portfolio, "seed").group.length // 2
 * @since 0.1.0
 */
export const redraw = (
  portfolio: Portfolio,
  seed: Seed
): { readonly group: ReadonlyArray<AgentId>; readonly u: number; readonly panel: number } => {
  const next = stream(seed)
  const u = next()
  const panels = portfolio.panels
  let panel = panels.length - 1
  let acc = 0
  for (let i = 0; i < panels.length; i++) {
    acc += panels[i]!.probability
    if (u < acc) {
      panel = i
      break
    }
  }
  const group: Array<AgentId> = [...portfolio.mandatory]
  for (const { count, type } of panels[panel]?.seats ?? []) {
    const agents = [...(portfolio.types[type]?.agents ?? [])]
    for (let i = 0; i < count && i < agents.length; i++) {
      const j = i + Math.floor(next() * (agents.length - i))
      const tmp = agents[i]!
      agents[i] = agents[j]!
      agents[j] = tmp
      group.push(agents[i]!)
    }
  }
  group.sort(byCodeUnit)
  return { group, u, panel }
}

/**
 * Selection probability of every agent implied by a portfolio (mandatory
 * members 1): what anyone can recompute from the published portfolio.
 *
 * @example
 * import { AgentId, Composer } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * import * as assert from "node:assert"
 * const portfolio = Schema.decodeUnknownSync(Composer.Portfolio)({
 *   mandatory: [], types: [{ agents: ["agt-a", "agt-b"] }],
 *   panels: [{ probability: 1, seats: [{ type: 0, count: 1 }] }]
 * })
 * assert.strictEqual(Composer.portfolioProbabilities(portfolio).get(AgentId.make("agt-a")), 0.5)
 * @since 0.1.0
 */
export const portfolioProbabilities = (portfolio: Portfolio): ReadonlyMap<AgentId, number> => {
  const out = new Map<AgentId, number>()
  for (const id of portfolio.mandatory) out.set(id, 1)
  for (const t of portfolio.types) for (const id of t.agents) out.set(id, 0)
  for (const panel of portfolio.panels) {
    for (const { count, type } of panel.seats) {
      const agents = portfolio.types[type]?.agents ?? []
      for (const id of agents) out.set(id, (out.get(id) ?? 0) + (panel.probability * count) / agents.length)
    }
  }
  return out
}

/**
 * Re-checks a published result: the drawn group is what {@link redraw}
 * gives for its portfolio and seed, the panel probabilities sum to 1, and
 * the published selection probabilities are those the portfolio implies.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * const pool = ["a", "b", "c"].map((id) => ({ id, firstName: "A", lastName: id, occupation: "o", unit: "u" }))
 * const result = Composer.compose(pool, { perimeter: ["u"], size: 2, seed: "public seed" })
 * Either.isRight(result) && Composer.verifyDraw(result.right).ok // true
 * @since 0.1.0
 */
export const verifyDraw = (
  result: Pick<ComposeResult, "portfolio" | "seed" | "group" | "probabilities">
): { readonly ok: boolean; readonly expected: ReadonlyArray<AgentId>; readonly issues: ReadonlyArray<string> } => {
  const issues: Array<string> = []
  const { group } = redraw(result.portfolio, result.seed)
  const published = [...result.group].sort(byCodeUnit)
  if (group.length !== published.length || group.some((id, i) => id !== published[i])) {
    issues.push(`the seed draws ${group.join(", ")}, not ${published.join(", ")}`)
  }
  const total = result.portfolio.panels.reduce((s, p) => s + p.probability, 0)
  if (Math.abs(total - 1) > 1e-9) issues.push(`panel probabilities sum to ${total}, not 1`)
  const implied = portfolioProbabilities(result.portfolio)
  for (const p of result.probabilities) {
    const q = implied.get(p.agentId) ?? 0
    if (Math.abs(q - p.probability) > 1e-9) issues.push(`${p.agentId}: published ${p.probability}, portfolio gives ${q}`)
  }
  return { ok: issues.length === 0, expected: group, issues }
}

// ---------------------------------------------------------------------------
// Compose
// ---------------------------------------------------------------------------

const decodePool = Schema.decodeUnknownEither(Schema.Array(Volunteer), { errors: "all" })
const decodeRequest = Schema.decodeUnknownEither(ComposeRequest, { errors: "all" })

const formatIssues = (e: ParseResult.ParseError, prefix: string): Array<string> =>
  ParseResult.ArrayFormatter.formatErrorSync(e).map((i) => `${prefix}${i.path.join(".")}: ${i.message}`)

const validate = (pool: ReadonlyArray<Volunteer>, req: ComposeRequest): Array<string> => {
  const issues: Array<string> = []
  const seen = new Set<string>()
  for (const v of pool) {
    if (seen.has(v.id)) issues.push(`pool: volunteer ${v.id} appears twice`)
    seen.add(v.id)
  }
  const size = typeof req.size === "number" ? { min: req.size, max: req.size } : req.size
  if (size.min > size.max) issues.push(`size: min ${size.min} > max ${size.max}`)
  if (new Set(req.mandatory).size !== req.mandatory.length) issues.push("mandatory: duplicate agent")
  const quotaKeys = new Set<string>()
  req.quotas.forEach((q, i) => {
    const k = `${q.dimension}/${q.category}`
    if (quotaKeys.has(k)) issues.push(`quotas.${i}: a second quota on ${k} (merge them)`)
    quotaKeys.add(k)
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) issues.push(`quotas.${i}: min ${q.min} > max ${q.max}`)
    if (q.dimension !== "occupation") {
      const allowed: ReadonlyArray<string> =
        q.dimension === "role" ? Role.literals : dimensionCategories[q.dimension as (typeof profileDims)[number]]
      if (!allowed.includes(q.category)) {
        issues.push(`quotas.${i}: ${q.category} is not a category of ${q.dimension} (${allowed.join(", ")})`)
      }
    }
  })
  return issues
}

const indexOf = (values: ReadonlyArray<number>): number => {
  const m = values.reduce((s, n) => s + n, 0)
  const k = Math.min(values.length, m)
  if (m <= 1 || k <= 1) return 0
  const simpson = 1 - values.reduce((s, n) => s + (n / m) ** 2, 0)
  return Math.min(1, Math.max(0, simpson / (1 - 1 / k)))
}

const composeDecoded = (
  pool: ReadonlyArray<Volunteer>,
  request: ComposeRequest,
  highs?: Solver
): Either.Either<ComposeResult, ComposeError> => {
  const issues = validate(pool, request)
  if (issues.length > 0) return Either.left(new InvalidComposeRequest({ issues }))
  const size = typeof request.size === "number" ? { min: request.size, max: request.size } : request.size
  const req: Engine.RequestIn = {
    size,
    purpose: request.purpose,
    occupationsConcerned: request.occupationsConcerned,
    perimeter: request.perimeter,
    mandatory: request.mandatory,
    quotas: request.quotas,
    previousSelections: request.previousSelections,
    priorityWeight: request.priorityWeight,
    tolerance: request.tolerance,
    budget: request.budget,
    minMembers: request.minMembers
  }
  const prep = Engine.prepare(pool, req)
  const infeasible = () => {
    const a = Engine.analyseInfeasible(pool, prep, req)
    return Either.left(new CompositionInfeasible(a))
  }
  const inPool = new Set(pool.map((v) => v.id))
  if (request.mandatory.some((id) => !inPool.has(id) || (prep.reasons.get(id)?.length ?? 0) > 0)) return infeasible()
  const M = prep.mandatory.length
  const top = Math.min(size.max, M + prep.eligible.length)
  let chosen: { k: number; opt: Engine.Optimum } | null = null
  for (let k = top; k >= Math.max(size.min, request.minMembers, M); k--) {
    const o = Engine.optimise(Engine.problemFor(prep, req, k), req.budget.search)
    if (o !== null && o !== "unknown") {
      chosen = { k, opt: o }
      break
    }
  }
  if (!chosen) return infeasible()
  const { k, opt } = chosen
  const p = Engine.problemFor(prep, req, k)
  const weights = Float64Array.from(prep.types.map((t) => t.weight))
  const quotasOnly = request.admissible === "quotas"
  const optimalOnly = Engine.thresholdsOf(opt.score, { categories: 0, concentration: 0, coverage: 0 })
  const thresholds = quotasOnly ? Engine.anyGroup : Engine.thresholdsOf(opt.score, req.tolerance)
  const builtin = (th: typeof thresholds, leximin: boolean) =>
    Engine.lottery(p, {
      thresholds: th,
      weights,
      first: opt.x,
      searchBudget: req.budget.search,
      maxColumns: req.budget.columns,
      maxListed: 20_000,
      maxPivots: 20_000,
      maxRows: 600,
      leximin,
      maxRounds: 200,
      totalBudget: req.budget.lottery
    })
  const exact = (th: typeof thresholds | null, leximin: boolean) =>
    fairLottery(highs!, {
      problem: p,
      weights,
      thresholds: th,
      first: opt.x,
      leximin,
      maxColumns: 50 * Math.max(1, req.budget.columns)
    })
  let lot: {
    readonly typeProb: Float64Array
    readonly coverable: Uint8Array
    readonly minRatio: number
    readonly upperBound: number
    readonly proven: boolean
    readonly leximin: boolean
    readonly columnsGenerated: number
    readonly work: number
    readonly reason?: string
  }
  let panels: Array<Panel>
  let portfolioTypes: ReadonlyArray<ReadonlyArray<number>>
  let tradeOff: TradeOff | undefined
  if (highs) {
    const f = exact(quotasOnly ? null : thresholds, request.fairness === "leximin")
    lot = { ...f, work: f.pricings }
    portfolioTypes = f.groups
    panels = f.panels.map((pn) => ({ probability: pn.units / UNITS, seats: pn.seats }))
    const price = (x: { coverable: Uint8Array; minRatio: number; upperBound: number; proven: boolean }) => ({
      selectable: prep.types.reduce((s, t, i) => s + (x.coverable[i] ? t.members.length : 0), 0),
      minWeightedProbability: x.minRatio,
      upperBound: x.upperBound,
      proven: x.proven
    })
    const zero = req.tolerance.categories === 0 && req.tolerance.concentration === 0 && req.tolerance.coverage === 0
    tradeOff = {
      chosen: request.admissible,
      optimalDiversity: price(!quotasOnly && zero ? f : builtin(optimalOnly, false)),
      quotasOnly: price(quotasOnly ? f : exact(null, false))
    }
  } else {
    const b = builtin(thresholds, request.fairness === "leximin")
    lot = b
    portfolioTypes = prep.types.map((_, t) => [t])
    // Portfolio, in a canonical order (panel seats by type index; panels by decreasing probability, then seats).
    panels = b.panels
      .map((pn) => ({
        probability: pn.p,
        seats: Array.from(pn.x, (count, type) => ({ type, count })).filter((s) => s.count > 0)
      }))
      .sort((a, b) => b.probability - a.probability || byCodeUnit(JSON.stringify(a.seats), JSON.stringify(b.seats)))
  }
  const portfolio: Portfolio = {
    mandatory: prep.mandatory.map((v) => v.id).sort(byCodeUnit),
    types: portfolioTypes.map((ts) => ({
      agents: ts.flatMap((t) => prep.types[t]!.members.map((v) => v.id)).sort(byCodeUnit)
    })),
    panels
  }
  const seed = seedString(request.seed)
  const drawn = redraw(portfolio, seed)
  const groupSet = new Set(drawn.group)
  const members = pool.filter((v) => groupSet.has(v.id))
  // Reports.
  const counts = new Int32Array(prep.catNames.length)
  for (const v of members) for (let d = 0; d < NDIM; d++) counts[prep.catIndex.get(`${quotaDims[d]}\u0000${Engine.categoryOf(v, d)}`)!]!++
  let categories = 0
  let concentration = 0
  let coverage = 0
  const concerned = new Set<string>(prep.ctx.occupationsConcerned)
  prep.catNames.forEach((c, i) => {
    const n = counts[i]!
    const d = quotaDims.indexOf(c.dim)
    if (d < profileDims.length) concentration += n * n
    if (n > 0 && d < profileDims.length && c.name !== UNKNOWN) categories++
    if (n > 0 && c.dim === "occupation" && concerned.has(c.name)) coverage++
  })
  const everyone = [...prep.mandatory, ...prep.eligible]
  const diversity: Array<DimensionReport> = profileDims.map((dim) => {
    const cats = dimensionCategories[dim] as ReadonlyArray<string>
    const cs = cats.map((category) => ({ category, count: members.filter((v) => v[dim] === category).length }))
    const available = cats.filter((c) => everyone.some((v) => v[dim] === c))
    const present = cs.filter((c) => c.count > 0).map((c) => c.category)
    return {
      dimension: dim,
      present,
      counts: cs.filter((c) => c.count > 0),
      unknown: members.filter((v) => v[dim] === undefined).length,
      availableInPool: available,
      missing: available.filter((c) => !present.includes(c)),
      index: indexOf(cs.map((c) => c.count).filter((n) => n > 0))
    }
  })
  const represented = prep.ctx.occupationsConcerned.filter((o) => members.some((v) => v.occupation === o))
  const typeOf = new Map<AgentId, number>()
  prep.types.forEach((t, i) => t.members.forEach((v) => typeOf.set(v.id, i)))
  const mandatorySet = new Set(portfolio.mandatory)
  const probabilities: Array<SelectionProbability> = pool.map((v) => {
    const rules = [...(prep.reasons.get(v.id) ?? [])]
    const weight = prep.weightOf.get(v.id) ?? 1
    if (rules.length > 0) return { agentId: v.id, probability: 0, weight, status: "ineligible" as const, rules }
    if (mandatorySet.has(v.id)) return { agentId: v.id, probability: 1, weight, status: "mandatory" as const, rules }
    const t = typeOf.get(v.id)!
    const probability = lot.typeProb[t]!
    return {
      agentId: v.id,
      probability,
      weight,
      status: lot.coverable[t] ? ("selectable" as const) : ("unselectable" as const),
      rules
    }
  })
  // Published probabilities are exactly what the portfolio implies.
  const implied = portfolioProbabilities(portfolio)
  for (const pr of probabilities) if (pr.status === "selectable") (pr as { probability: number }).probability = implied.get(pr.agentId) ?? 0
  return Either.right({
    seed,
    size: k,
    group: drawn.group,
    draw: { u: drawn.u, panel: drawn.panel },
    objective: { categories, concentration, coverage },
    optimum: opt.score,
    optimal: opt.proven,
    tolerance: request.tolerance,
    diversity,
    occupations: {
      concerned: prep.ctx.occupationsConcerned,
      represented,
      missing: prep.ctx.occupationsConcerned.filter((o) => !represented.includes(o))
    },
    probabilities,
    fairness: {
      method: lot.leximin ? ("leximin" as const) : ("maximin" as const),
      minWeightedProbability: lot.minRatio,
      upperBound: lot.upperBound,
      proven: lot.proven,
      priorityWeight: request.priorityWeight,
      solver: highs ? ("highs" as const) : ("builtin" as const),
      ...(lot.reason ? { reason: lot.reason } : {})
    },
    ...(tradeOff ? { tradeOff } : {}),
    portfolio,
    stats: { types: prep.types.length, panels: panels.length, columnsGenerated: lot.columnsGenerated, work: lot.work }
  })
}

/**
 * Composes a group from the volunteer pool: plain function, no Effect
 * knowledge needed. Takes JSON-shaped input (it is decoded and validated
 * here) and returns `Either.right(result)` or `Either.left(error)`: an
 * {@link InvalidComposeRequest} or a {@link CompositionInfeasible} carrying
 * the smallest relaxations. Same request and seed, same result.
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * const pool = Array.from({ length: 14 }, (_, i) => ({
 *   id: `agt-${i}`, firstName: "A", lastName: `N${i}`, occupation: i % 3 ? "inspecteur-travail" : "controleur-travail",
 *   unit: "ut-75", sex: i % 2 ? ("female" as const) : ("male" as const), ageBand: (["<30", "30-39", "40-49", "50-59"] as const)[i % 4]
 * }))
 * const result = Composer.compose(pool, { perimeter: ["ut-75"], purpose: "problemSolving", seed: "2026-11-28" })
 * if (Either.isRight(result)) {
 *   result.right.group.length // 10
 *   Composer.verifyDraw(result.right).ok // true
 * }
 * @since 0.1.0
 */
export const compose = (
  pool: ReadonlyArray<VolunteerEncoded>,
  request: ComposeRequestEncoded
): Either.Either<ComposeResult, ComposeError> => {
  const p = decodePool(pool)
  const r = decodeRequest(request)
  const issues = [
    ...(Either.isLeft(p) ? formatIssues(p.left, "pool.") : []),
    ...(Either.isLeft(r) ? formatIssues(r.left, "request.") : [])
  ]
  if (Either.isLeft(p) || Either.isLeft(r)) return Either.left(new InvalidComposeRequest({ issues }))
  return composeDecoded(p.right, r.right)
}

let solver: Promise<Solver> | undefined
/** HiGHS, loaded on first use only (a WebAssembly module of a few MB, kept out of the import path). */
const loadSolver = (): Promise<Solver> =>
  (solver ??= import("highs").then((m) => (m.default as unknown as () => Promise<Solver>)()).catch((e: unknown) => {
    solver = undefined
    throw e
  }))

/**
 * {@link compose} with the exact lottery, as an Effect failing with a
 * {@link ComposeError}: the maximin, then leximin, lottery is solved by
 * column generation with HiGHS (an LP/MIP solver compiled to WebAssembly,
 * loaded on the first call only), proven optimal within a relative gap of
 * 10⁻⁵ (`fairness.proven`, `fairness.reason` otherwise), at every pool size.
 * The published panel probabilities are multiples of 10⁻⁹, in a canonical
 * order, so that the portfolio is the same on every machine. The result
 * also reports the diversity/fairness trade-off (`tradeOff`).
 *
 * @example
 * import { Composer } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * const program = Composer.composeEffect([], { perimeter: ["u1"], seed: 7 }).pipe(
 *   Effect.catchTag("CompositionInfeasible", (e) => Effect.succeed(e.relaxations))
 * )
 * @since 0.1.0
 */
export const composeEffect = (
  pool: ReadonlyArray<VolunteerEncoded>,
  request: ComposeRequestEncoded
): Effect.Effect<ComposeResult, ComposeError> =>
  Effect.suspend(() => {
    const p = decodePool(pool)
    const r = decodeRequest(request)
    const issues = [
      ...(Either.isLeft(p) ? formatIssues(p.left, "pool.") : []),
      ...(Either.isLeft(r) ? formatIssues(r.left, "request.") : [])
    ]
    if (Either.isLeft(p) || Either.isLeft(r)) return Effect.fail(new InvalidComposeRequest({ issues }))
    return Effect.flatMap(Effect.promise(loadSolver), (highs) => composeDecoded(p.right, r.right, highs))
  })
