/** Handler of `obligations [exchange] [--at] [filters] [--limit --cursor]`: obligations due or overdue at a date. */
import { ExchangeService, Instant, Obligations } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { Common } from "../Common.js"
import { invalid } from "../Failure.js"
import { formatDate, obligationJson, obligationLine } from "../Format.js"
import { parseAt } from "../Input.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"
import * as Store from "../Store.js"
import { loadOrExit } from "./exchange.js"

/** The filters and page options of `obligations`. */
export interface Filters {
  readonly service: Option.Option<string>
  readonly owner: Option.Option<string>
  readonly rule: Option.Option<string>
  readonly dueFrom: Option.Option<string>
  readonly dueBefore: Option.Option<string>
  readonly status: Option.Option<Obligations.Obligation["status"]>
  readonly limit: Option.Option<number>
  readonly cursor: Option.Option<string>
}

const instantOption = (option: string, raw: Option.Option<string>) =>
  Option.match(raw, {
    onNone: () => Effect.succeed(undefined),
    onSome: (s) =>
      Either.match(Instant.parse(s), {
        onLeft: () => {
          const message = `${option} : ${JSON.stringify(s)} n'est pas une date ISO 8601 / is not an ISO 8601 date`
          return Effect.fail(invalid(message, { error: "InvalidDate", option, message }))
        },
        onRight: (at): Effect.Effect<DateTime.Utc | undefined> => Effect.succeed(at)
      })
  })

/**
 * `obligations`: due or overdue at that date, across exchanges from the read
 * models (`ExchangeService.obligations`), or of one exchange from its
 * snapshot. With `--limit`, one page and the cursor of the next.
 */
export const obligations = (c: Common, exchangeId: Option.Option<string>, at: Option.Option<string>, f?: Filters) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const now = yield* parseAt(at, c.lang)
      const service = yield* ExchangeService.ExchangeService
      const limit = f === undefined ? undefined : Option.getOrUndefined(f.limit)
      if (limit !== undefined && (limit < 1 || limit > 1000)) {
        const message = `--limit : 1 à 1000 / 1 to 1000 (${limit})`
        return yield* Effect.fail(invalid(message, { error: "InvalidLimit", option: "--limit", message }))
      }
      const filter: ExchangeService.ObligationFilter = f === undefined ? {} : {
        service: Option.getOrUndefined(f.service),
        owner: Option.getOrUndefined(f.owner),
        rule: Option.getOrUndefined(f.rule) as Obligations.Obligation["rule"] | undefined,
        status: Option.getOrUndefined(f.status),
        dueFrom: yield* instantOption("--due-from", f.dueFrom),
        dueBefore: yield* instantOption("--due-before", f.dueBefore)
      }
      let rows: ReadonlyArray<ExchangeService.DueObligation>
      let next: string | undefined
      if (Option.isSome(exchangeId)) {
        const { snapshot } = yield* loadOrExit(exchangeId.value, c.lang)
        rows = Obligations.due(snapshot, { at: now }).map((obligation) => ({ exchangeId: exchangeId.value, title: snapshot.title, obligation }))
      } else if (limit !== undefined || (f !== undefined && Option.isSome(f.cursor))) {
        const page = yield* service.obligations(now, { ...filter, limit, cursor: f === undefined ? undefined : Option.getOrUndefined(f.cursor) })
        rows = page.items
        next = page.next
      } else rows = yield* service.obligationsDue(now, filter)
      const m = messages(c.lang)
      const date = formatDate(now, c.lang)
      const json = () => rows.map((r) => ({ exchange: r.exchangeId, ...obligationJson(r.obligation, c.lang) }))
      yield* Output.result(c, {
        json: () => (limit === undefined ? json() : { obligations: json(), ...(next === undefined ? {} : { next }) }),
        text: () => [
          ...(rows.length === 0
            ? [m.noOpenObligationOn(date)]
            : [m.openObligationsOn(date), ...rows.map((r) => `  ${r.exchangeId}  ${obligationLine(r.obligation, c.lang)}`)]),
          ...(next === undefined ? [] : [m.nextPage(next)])
        ]
      })
    })
  )
