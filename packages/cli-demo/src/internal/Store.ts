/**
 * The CLI's access to exchanges: `@entre-pairs/core`'s `ExchangeService`
 * (load, decide, append events and read model in one unit) over the SQL
 * event store, on PostgreSQL when a URL is given, else on the SQLite file.
 */
import { type Command, type EventStore, type Exchange, ExchangeService, type Policy } from "@entre-pairs/core"
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import type { Common } from "./Common.js"
import { handleFailures } from "./Failure.js"

/**
 * The store of the options: PostgreSQL when a URL is given, else the SQLite
 * file; `service` is the service's policy, recorded with an exchange's framing.
 */
export const layer = (
  c: Pick<Common, "database" | "databaseUrl">,
  sqlite: { synchronous?: "FULL" | "NORMAL" } = {},
  service?: Policy.PolicyOverrides
) =>
  ExchangeService.layer(service === undefined ? undefined : { config: service }).pipe(
    Layer.provideMerge(
      // An empty DATABASE_URL (as CI systems often export) means "not set".
      Option.match(Option.filter(c.databaseUrl, (url) => url.trim() !== ""), {
        onNone: () => SqlEventStore.layerSqlite({ filename: c.database, ...sqlite }),
        onSome: (url) => SqlEventStore.layerPg({ url })
      })
    )
  )

/** What the store layer provides. */
export type Services = Layer.Layer.Success<ReturnType<typeof layer>>

/** Runs a program against the configured store; every expected failure becomes an exit code. */
export const withStore = <A, E, R>(c: Common, program: Effect.Effect<A, E, R>) =>
  program.pipe(Effect.provide(layer(c)), handleFailures(c))

/** A command accepted and recorded. */
export type Executed = ExchangeService.Executed

/** Executes one command on one exchange. */
export const execute = (
  exchangeId: string,
  command: Command.ExchangeCommand
): Effect.Effect<Executed, ExchangeService.ExecuteError, ExchangeService.ExchangeService> =>
  Effect.flatMap(ExchangeService.ExchangeService, (service) => service.execute(exchangeId, command))

/** An exchange's snapshot (`null` when it does not exist) and version. */
export const load = (
  exchangeId: string
): Effect.Effect<
  { readonly state: Exchange.ExchangeSnapshot | null; readonly version: number },
  EventStore.EventStoreError,
  ExchangeService.ExchangeService
> =>
  Effect.flatMap(ExchangeService.ExchangeService, (service) => service.get(exchangeId)).pipe(
    Effect.map(Option.match({ onNone: () => ({ state: null, version: 0 }), onSome: ({ snapshot, version }) => ({ state: snapshot, version }) }))
  )
