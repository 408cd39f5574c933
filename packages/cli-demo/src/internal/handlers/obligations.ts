/** Handler of `obligations [exchange] [--at]`: obligations due or overdue at a date. */
import { ExchangeService, Obligations } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { Common } from "../Common.js"
import { formatDate, obligationJson, obligationLine } from "../Format.js"
import { parseAt } from "../Input.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"
import * as Store from "../Store.js"
import { loadOrExit } from "./exchange.js"

/** `obligations [exchange] [--at]`: due or overdue at that date (`ExchangeService.obligationsDue`). */
export const obligations = (c: Common, exchangeId: Option.Option<string>, at: Option.Option<string>) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const now = yield* parseAt(at, c.lang)
      const service = yield* ExchangeService.ExchangeService
      let rows: ReadonlyArray<ExchangeService.DueObligation>
      if (Option.isSome(exchangeId)) {
        const { snapshot } = yield* loadOrExit(exchangeId.value, c.lang)
        rows = Obligations.due(snapshot, { at: now }).map((obligation) => ({ exchangeId: exchangeId.value, title: snapshot.title, obligation }))
      } else rows = yield* service.obligationsDue(now)
      const m = messages(c.lang)
      const date = formatDate(now, c.lang)
      yield* Output.result(c, {
        json: () => rows.map((r) => ({ exchange: r.exchangeId, ...obligationJson(r.obligation, c.lang) })),
        text: () =>
          rows.length === 0
            ? [m.noOpenObligationOn(date)]
            : [m.openObligationsOn(date), ...rows.map((r) => `  ${r.exchangeId}  ${obligationLine(r.obligation, c.lang)}`)]
      })
    })
  )
