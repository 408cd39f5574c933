/**
 * The views of the example cycle, on record: every output for every
 * audience, while the sessions go on and once the exchange is closed — what each view
 * shows, or why it is unavailable (CNF-03: before the window closes only
 * calendar, agendas, minutes and training needs leave the group).
 *
 * The record is __snapshots__/views.example.json. A deliberate change of a
 * view shows as its diff; accept it with
 * `node_modules/.bin/vitest run --project core test/mutants/views.test.ts -u`.
 */
import { expect, it } from "@effect/vitest"
import { Audience, Instant, View } from "@entre-pairs/core"
import * as Either from "effect/Either"
import { fullCycle, runnerUntil } from "../support/runner.js"

const outputs = ["framing", "invitation", "charter", "calendar", "trainingNeeds", "conclusions", "directionResponse", "review", "composition"] as const
const audiences = Audience.audiences

it("CNF-03 every view of the example cycle, for every audience, mid-cycle and closed, is the one on record", async () => {
  const record: Record<string, unknown> = {}
  for (const [phase, r] of [["inSessions", runnerUntil("Conclude")], ["closed", fullCycle()]] as const) {
    const s = r.snapshot
    const at = Instant.make(r.clock)
    for (const audience of audiences) {
      const requests: ReadonlyArray<View.Request> = [
        ...outputs.map((output) => ({ output, audience })),
        ...s.sessions.flatMap((x) => [
          { output: "agenda" as const, audience, sessionId: x.id },
          { output: "minutes" as const, audience, sessionId: x.id }
        ]),
        { output: "attestation" as const, audience, agentId: s.members[0]!.agentId }
      ]
      for (const request of requests) {
        const built = View.build(s, request, { at })
        const key = [phase, audience, request.output, "sessionId" in request ? request.sessionId : ""].join(" ").trim()
        record[key] = Either.isLeft(built) ? { refused: built.left._tag, reason: built.left.reason, ...("rule" in built.left ? { rule: built.left.rule } : {}) } : built.right
      }
    }
  }
  await expect(`${JSON.stringify(record, null, 1)}\n`).toMatchFileSnapshot("./__snapshots__/views.example.json")
})
