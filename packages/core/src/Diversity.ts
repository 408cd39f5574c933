/**
 * Diversity of the group's composition (DIV-01, DIV-02): for each profile
 * dimension of the note ("âge, ancienneté, sexe, statut, fonctions exercées"),
 * the categories present among the active members, a normalised diversity
 * index, and how many categories the eligible volunteer pool could have given
 * at this group size. The rules engine, the composer and the views share this
 * one computation.
 *
 * The index is the normalised Gini–Simpson index: `(1 − Σ pᵢ²) / (1 − 1/K)`,
 * where `pᵢ` is the share of category `i` among the members whose value is
 * known and `K` the number of categories the dimension allows (e.g. 3 for
 * sex, 5 for age bands). It is 0 when at most one member's value is known,
 * and 1 when members are spread evenly over every category. Members whose
 * value is unknown are counted apart (`unknown`), never guessed.
 *
 * "Where possible" (the note's "si possible") is read as: achievable from the
 * eligible pool at this size, i.e. `min(group size, distinct known categories
 * among volunteers who have not withdrawn and are eligible, members
 * included)`. DIV-01 warns for a dimension only when the group shows fewer
 * categories than that.
 *
 * @since 0.1.0
 */
import type * as DateTime from "effect/DateTime"
import type { ExchangeSnapshot } from "./Exchange.js"
import { agentMap, eligibilityOf, isActiveAt } from "./internal/context.js"
import * as internal from "./internal/diversity.js"

/**
 * How many members show one category of a dimension.
 *
 * @example
 * import type { Diversity } from "@entre-pairs/core"
 * const c: Diversity.CategoryCount = { category: "female", count: 5 }
 * @since 0.1.0
 */
export interface CategoryCount extends internal.CategoryCount {}

/**
 * The report for one profile dimension.
 *
 * @example
 * import type { Diversity } from "@entre-pairs/core"
 * const warn = (d: Diversity.DimensionReport) => d.belowAchievable
 * @since 0.1.0
 */
export interface DimensionReport extends internal.DimensionReport {}

/**
 * Representation of the occupations concerned named by the framing (DIV-02,
 * ELI-04).
 *
 * @example
 * import type { Diversity } from "@entre-pairs/core"
 * const gaps = (o: Diversity.OccupationReport) => o.missing
 * @since 0.1.0
 */
export interface OccupationReport extends internal.OccupationReport {}

/**
 * The diversity report of a group.
 *
 * @example
 * import type { Diversity } from "@entre-pairs/core"
 * const size = (r: Diversity.DiversityReport) => r.groupSize
 * @since 0.1.0
 */
export interface DiversityReport extends internal.DiversityReport {}

/**
 * The normalised Gini–Simpson index of category counts over `possible`
 * categories.
 *
 * @example
 * import { Diversity } from "@entre-pairs/core"
 * Diversity.index([2, 2], 2) // 1
 * Diversity.index([4], 3) // 0
 * @since 0.1.0
 */
export const index: (counts: ReadonlyArray<number>, possible: number) => number = internal.giniSimpson

/**
 * The diversity report of an exchange's group. Members are those active at
 * `at` (joined by then, not withdrawn); without `at`, those who have not
 * withdrawn. The pool is the volunteers who have not withdrawn and are
 * eligible (`Eligibility.ineligibility`), plus the members.
 *
 * @example
 * import { Diversity, Exchange } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * Diversity.diversityReport(snapshot).groupSize // 0
 * @since 0.1.0
 */
export const diversityReport = (snapshot: ExchangeSnapshot, options?: { readonly at?: DateTime.Utc }): DiversityReport => {
  const atMillis = options?.at?.epochMillis
  const agents = agentMap(snapshot)
  const members = snapshot.members.filter((m) =>
    atMillis === undefined ? m.withdrawnAt === undefined : isActiveAt(m, atMillis)
  )
  return internal.compute(snapshot, members, agents, eligibilityOf(snapshot, members, agents), atMillis)
}
