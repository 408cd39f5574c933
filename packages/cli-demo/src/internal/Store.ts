/**
 * The CLI's access to exchanges: `@entre-pairs/core`'s `ExchangeService`
 * (load, decide, append events and read model in one unit) over the SQL
 * event store.
 */
import { type Command, type EventStore, type Exchange, ExchangeService } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"

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
