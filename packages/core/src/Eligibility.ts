/**
 * Eligibility of an agent for membership (ELI-01, ELI-02, ELI-03), shared by
 * the rules engine and the group composer so that both apply the note's
 * conditions identically.
 *
 * @since 0.1.0
 */
import type { Agent } from "./Agent.js"
import type { Purpose } from "./Framing.js"
import type { OccupationId, UnitId } from "./Ids.js"

/**
 * What eligibility depends on: the perimeter's units, the purpose and the
 * occupations concerned (from the framing).
 *
 * @since 0.1.0
 */
export interface EligibilityContext {
  readonly perimeter: ReadonlyArray<UnitId>
  readonly purpose: Purpose | undefined
  readonly occupationsConcerned: ReadonlyArray<OccupationId>
}

/**
 * ELI-02: the agent is assigned to a unit of the perimeter.
 *
 * @example
 * import { Eligibility, UnitId } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * assert.ok(Eligibility.inPerimeter({ unit: UnitId.make("unit-1") }, [UnitId.make("unit-1")]))
 * @since 0.1.0
 */
export const inPerimeter = (agent: Pick<Agent, "unit">, perimeter: ReadonlyArray<UnitId>): boolean =>
  perimeter.includes(agent.unit)

/**
 * ELI-03: the agent exercises one of the occupations, or contributes to it.
 *
 * @example
 * import { Eligibility, OccupationId } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * const inspector = OccupationId.make("occ-inspection")
 * assert.ok(Eligibility.exercisesOrContributes({ occupation: inspector, contributesTo: [] }, [inspector]))
 * @since 0.1.0
 */
export const exercisesOrContributes = (
  agent: Pick<Agent, "occupation" | "contributesTo">,
  occupations: ReadonlyArray<OccupationId>
): boolean => occupations.includes(agent.occupation) || agent.contributesTo.some((o) => occupations.includes(o))

/**
 * Why an agent cannot be a member, as rule IDs (empty when eligible). The
 * volunteering condition (ELI-01) is the caller's: this only looks at the
 * agent. `role: "resource"` exempts resource persons from the perimeter
 * (ELI-02) and from the occupation condition (ELI-03).
 *
 * For purpose `professionalisation`, members exercise the same occupation or
 * contribute to it (ELI-03): the occupations concerned of the framing, or,
 * when the framing names none, the occupation most members share (decided by
 * the caller and passed in `occupationsConcerned`).
 *
 * @example
 * import { Eligibility, OccupationId, UnitId } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * const inspector = OccupationId.make("occ-inspection")
 * const reasons = Eligibility.ineligibility(
 *   { unit: UnitId.make("unit-2"), occupation: inspector, contributesTo: [] },
 *   { perimeter: [UnitId.make("unit-1")], purpose: "professionalisation", occupationsConcerned: [inspector] }
 * )
 * assert.deepStrictEqual(reasons, ["ELI-02"])
 * @since 0.1.0
 */
export const ineligibility = (
  agent: Pick<Agent, "unit" | "occupation" | "contributesTo">,
  context: EligibilityContext,
  role: "operational" | "resource" = "operational"
): ReadonlyArray<"ELI-02" | "ELI-03"> => {
  if (role === "resource") return []
  const out: Array<"ELI-02" | "ELI-03"> = []
  if (!inPerimeter(agent, context.perimeter)) out.push("ELI-02")
  if (
    context.purpose === "professionalisation" &&
    context.occupationsConcerned.length > 0 &&
    !exercisesOrContributes(agent, context.occupationsConcerned)
  ) {
    out.push("ELI-03")
  }
  return out
}
