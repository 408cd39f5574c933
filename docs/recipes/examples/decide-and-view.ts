/**
 * Recipe: drive an exchange with the decider, read the rules' advisories,
 * and build the minutes for the members' line managers.
 * Run by packages/core/test/Recipes.test.ts.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Command, Decider, Example, Instant, SessionId, View } from "@entre-pairs/core"

export const main = Effect.gen(function* () {
  // Commands usually arrive as JSON (an HTTP body, a form): decode them at the boundary.
  const commands = Schema.decodeUnknownSync(Schema.Array(Command.ExchangeCommand))(Example.cycleEncoded.slice(0, 44))
  let state: Decider.State = Decider.initialState
  const advisories: Array<string> = []
  for (const command of commands) {
    // decide() reads the clock from Effect's Clock unless the command carries its own date.
    const decision = yield* Decider.decide(command, state)
    advisories.push(...decision.advisories.map((a) => `${a.rule}: ${a.message.fr}`))
    state = Decider.replay(decision.events, state)
  }

  // A refused command: the typed error carries the rule IDs and the path.
  const refused = yield* Effect.either(
    Decider.decide({ _tag: "Restitute", form: "serviceMeeting" }, state)
  )
  const refusal = Either.isLeft(refused) ? refused.left.message : "accepted"

  // The minutes of session 2 for the members' line managers: anonymous by construction.
  const minutes = View.build(
    state!,
    { output: "minutes", audience: "lineManagers", sessionId: SessionId.make("s2") },
    { at: Instant.unsafeMake("2026-12-01T00:00:00Z") }
  )
  return { state: state!.state, advisories, refusal, minutes }
})
