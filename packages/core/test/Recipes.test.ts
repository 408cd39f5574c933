import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { main } from "../../../docs/recipes/examples/decide-and-view.js"

describe("docs/recipes", () => {
  it.effect("LIF-08 embedding-effect: the recipe runs, shows an advisory, a refusal and anonymous minutes", () =>
    Effect.gen(function* () {
      const result = yield* main
      assert.strictEqual(result.state, "inSessions")
      assert.isTrue(result.advisories.some((a) => a.startsWith("DIV-01")))
      assert.include(result.refusal, "LIF-08")
      assert.isTrue(Either.isRight(result.minutes))
    })
  )
})
