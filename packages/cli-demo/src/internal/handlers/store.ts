/** Handler of `store rebuild`: every read model rebuilt from the events. */
import { ExchangeService } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import type { Common } from "../Common.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"
import * as Store from "../Store.js"

/**
 * `store rebuild`: the read models (exchange summaries, obligations) rebuilt
 * from the events in one transaction (`ExchangeService.rebuildReadModels`),
 * after an upgrade or a change of the projection. Exit 0 with the count; 1
 * when an exchange cannot be projected (nothing is changed then); 2 when the
 * database cannot be opened.
 */
export const rebuild = (c: Common) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const service = yield* ExchangeService.ExchangeService
      const count = yield* service.rebuildReadModels()
      yield* Output.result(c, {
        json: () => ({ ok: true, rebuilt: count }),
        text: () => [messages(c.lang).rebuilt(count)]
      })
    })
  )
