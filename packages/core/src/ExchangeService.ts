/**
 * The application service: what an embedding application calls. Executing a
 * command is one unit — load the exchange's stream, fold it, decide, append
 * the encoded events with the exchange's read model in one transaction of the
 * event store. Queries read the snapshot of one exchange (a fold of its
 * events), the read models across exchanges (by state, obligations), or build
 * a view for an audience.
 *
 * Events cross the store boundary as JSON: `type` is the event's tag, `data`
 * the rest of `Event.encode`'s output, decoded back with `Event.decode`.
 *
 * Longer than 450 lines on purpose: it is the public contract of the
 * service (its interface, each method's documentation and examples, the
 * query and filter schemas the facade and the CLI share) with the one layer
 * that implements it over the event-store port.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Encoding from "effect/Encoding"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as Command from "./Command.js"
import * as Decider from "./Decider.js"
import * as Event from "./Event.js"
import {
  type ConcurrencyConflict,
  EventStore,
  EventStoreError,
  type ExchangeRow,
  MAX_PAGE,
  type ObligationCursor,
  type ObligationRow,
  type ReadModel,
  type StoredEvent
} from "./EventStore.js"
import type { ExchangeSnapshot, ExchangeState } from "./Exchange.js"
import * as Obligations from "./Obligations.js"
import type { PolicyOverrides } from "./Policy.js"
import * as View from "./View.js"

/**
 * No exchange has this ID (its stream has no event).
 *
 * @since 0.1.0
 */
export class ExchangeNotFound extends Schema.TaggedError<ExchangeNotFound>("@entre-pairs/core/ExchangeNotFound")(
  "ExchangeNotFound",
  { exchangeId: Schema.String }
) {
  override get message(): string {
    return `no exchange "${this.exchangeId}"`
  }
}

/**
 * A command accepted and recorded.
 *
 * @since 0.1.0
 */
export interface Executed {
  readonly exchangeId: string
  readonly command: Command.CommandTag
  /** The events appended (none when the command changed nothing). */
  readonly events: ReadonlyArray<Event.ExchangeEvent>
  /** Advisory rules the command raised: shown, never blocking. */
  readonly advisories: Decider.Decision["advisories"]
  /** The stream's version after the command. */
  readonly version: number
  readonly snapshot: ExchangeSnapshot
}

/**
 * An exchange in a list: its read model.
 *
 * @since 0.1.0
 */
export interface Summary {
  readonly exchangeId: string
  readonly title: string
  readonly state: ExchangeState
  readonly version: number
  /** The service running it, when known. @since 0.2.0 */
  readonly service?: string | undefined
  /** The themes of its framing. @since 0.2.0 */
  readonly themes?: ReadonlyArray<string> | undefined
  /** When it was proposed (its origin's date). @since 0.2.0 */
  readonly openedAt?: DateTime.Utc | undefined
  /** When it was closed. @since 0.2.0 */
  readonly closedAt?: DateTime.Utc | undefined
  /** When its latest event was recorded (in `exchanges` pages). @since 0.2.0 */
  readonly updatedAt?: DateTime.Utc | undefined
}

/**
 * A page of an estate query, and the cursor of the next one (absent on the
 * last page). The cursor is opaque: pass it back as `cursor` with the same
 * filters.
 *
 * @since 0.2.0
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next?: string | undefined
}

/**
 * Filters of {@link ExchangeService}'s `obligations` query: only obligations
 * of one service, one owner (an action owner's label, or a role: `liaison`,
 * `facilitators`, `direction`), one rule, due in a period (`dueFrom`
 * inclusive, `dueBefore` exclusive), or only those overdue (or not yet) at
 * the query's instant.
 *
 * @since 0.2.0
 */
export interface ObligationFilter {
  readonly service?: string | undefined
  readonly owner?: string | undefined
  readonly rule?: Obligations.Obligation["rule"] | undefined
  readonly dueFrom?: DateTime.Utc | undefined
  readonly dueBefore?: DateTime.Utc | undefined
  readonly status?: Obligations.Obligation["status"] | undefined
}

/**
 * Page size and position of a paginated query: at most `limit` items
 * (default 100, at most 1,000), after `cursor` (the `next` of the previous
 * page).
 *
 * @since 0.2.0
 */
export interface PageRequest {
  readonly limit?: number | undefined
  readonly cursor?: string | undefined
}

/**
 * An obligation open at an instant, with its exchange.
 *
 * @since 0.1.0
 */
export interface DueObligation {
  readonly exchangeId: string
  readonly title: string
  readonly obligation: Obligations.Obligation
}

/**
 * The error of `execute`.
 *
 * @since 0.1.0
 */
export type ExecuteError = Decider.DecideError | ConcurrencyConflict | EventStoreError

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The service's policy overrides (each exchange's own are in its framing). */
  readonly config?: PolicyOverrides | undefined
  /**
   * How many times `execute` reloads and decides again when another writer
   * appended to the same exchange in between (default 3). The command is
   * checked against the new state every time, so a retry never bypasses a
   * rule; 0 surfaces every `ConcurrencyConflict`.
   */
  readonly retries?: number | undefined
  /**
   * How many exchanges' folded states the service keeps between commands
   * (default 256; 0 disables). A command on a cached exchange is decided on
   * that state and appended at its version without reading the store first:
   * the append's version check is the read (one round trip instead of two).
   * If another writer appended in between, or if the cached state refuses
   * the command or decides nothing, the command is decided again on the
   * stored state, as without the cache (that first attempt does not count
   * among `retries`). Loading reads only the events appended since.
   */
  readonly cacheSize?: number | undefined
}

/**
 * The service.
 *
 * @example
 * import { ExchangeId, ExchangeService, MemoryEventStore } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import * as assert from "node:assert"
 * const program = Effect.gen(function* () {
 *   const service = yield* ExchangeService.ExchangeService
 *   yield* service.execute("ech-1", {
 *     _tag: "Propose", exchangeId: ExchangeId.make("ech-1"), title: "Accueil des usagers", by: "agents"
 *   })
 *   return yield* service.list({ state: "proposed" })
 * }).pipe(Effect.provide(ExchangeService.layer().pipe(Layer.provide(MemoryEventStore.layer))))
 * const listed = await Effect.runPromise(program)
 * assert.deepStrictEqual(listed.map((s) => s.exchangeId), ["ech-1"])
 * @since 0.1.0
 */
export class ExchangeService extends Context.Tag("@entre-pairs/core/ExchangeService")<
  ExchangeService,
  {
    /** Loads, decides and appends (events and read model in one transaction). */
    readonly execute: (
      exchangeId: string,
      command: Command.ExchangeCommand
    ) => Effect.Effect<Executed, ExecuteError>
    /** The exchange's snapshot (the fold of its events) and version, if it exists. */
    readonly get: (
      exchangeId: string
    ) => Effect.Effect<Option.Option<{ readonly snapshot: ExchangeSnapshot; readonly version: number }>, EventStoreError>
    /** Exchanges from the read models, optionally in one state. */
    readonly list: (
      filter?: { readonly state?: ExchangeState | undefined }
    ) => Effect.Effect<ReadonlyArray<Summary>, EventStoreError>
    /**
     * Obligations open at `at` (due or overdue) across all exchanges, by due
     * date then exchange, from the read models (no stream is replayed): every
     * page of `obligations`, optionally filtered.
     */
    readonly obligationsDue: (
      at: DateTime.Utc,
      filter?: ObligationFilter
    ) => Effect.Effect<ReadonlyArray<DueObligation>, EventStoreError>
    /**
     * One page of the obligations open at `at` across exchanges, by due date,
     * then exchange (code-point order), then rank within the exchange. The
     * status is computed from the stored due date: the same answer as
     * `Obligations.due` on each exchange's snapshot.
     *
     * @since 0.2.0
     */
    readonly obligations: (
      at: DateTime.Utc,
      options?: ObligationFilter & PageRequest
    ) => Effect.Effect<Page<DueObligation>, EventStoreError>
    /**
     * One page of exchanges by state, service and theme (one of the
     * exchange's themes, the same text), in code-point order of their IDs.
     *
     * @since 0.2.0
     */
    readonly exchanges: (
      options?: {
        readonly state?: ExchangeState | undefined
        readonly service?: string | undefined
        readonly theme?: string | undefined
      } & PageRequest
    ) => Effect.Effect<Page<Summary>, EventStoreError>
    /** A view of one exchange for an audience, at `at` (default: now, from `Clock`). */
    readonly view: (
      exchangeId: string,
      request: View.Request,
      options?: { readonly at?: DateTime.Utc | undefined }
    ) => Effect.Effect<View.View, View.ViewError | ExchangeNotFound | EventStoreError>
    /** Rebuilds every read model from the events (after an upgrade or a projection change). */
    readonly rebuildReadModels: () => Effect.Effect<number, EventStoreError>
  }
>() {}

/**
 * The read model of an exchange.
 *
 * @example
 * import { Exchange, ExchangeService } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "Accueil", state: "proposed" })
 * ExchangeService.readModel("ech-1", snapshot, 1).state // "proposed"
 * @since 0.1.0
 */
export const readModel = (
  exchangeId: string,
  snapshot: ExchangeSnapshot,
  version: number,
  config?: PolicyOverrides
): ReadModel => ({
  stream: exchangeId,
  title: snapshot.title,
  state: snapshot.state,
  version,
  obligations: Obligations.schedule(snapshot, { config }).map((o) => ({
    rule: o.rule,
    dueAt: DateTime.formatIso(o.dueAt),
    owner: o.owner.label ?? o.owner.role,
    path: o.path.join("."),
    ...(o.from === undefined ? {} : { from: DateTime.formatIso(o.from) }),
    what: { fr: o.what.fr, en: o.what.en }
  })),
  ...(snapshot.service === undefined ? {} : { service: snapshot.service }),
  themes: snapshot.framing?.themes ?? [],
  ...(snapshot.origin === undefined ? {} : { openedAt: DateTime.formatIso(snapshot.origin.at) }),
  ...(snapshot.closedAt === undefined ? {} : { closedAt: DateTime.formatIso(snapshot.closedAt) })
})

const roles: ReadonlySet<string> = new Set(["liaison", "facilitators", "direction"])

/** The obligation of a read-model row, its status at `at` computed from the stored due date. */
const dueObligation = (row: ObligationRow, at: number): DueObligation => {
  const dueAt = DateTime.unsafeMake(row.dueAt)
  return {
    exchangeId: row.stream,
    title: row.title,
    obligation: {
      rule: row.rule as Obligations.Obligation["rule"],
      what: row.what ?? { fr: "", en: "" },
      owner: row.rule !== "RES-08" && roles.has(row.owner)
        ? { role: row.owner as "liaison" }
        : { role: "actionOwner", label: row.owner },
      dueAt,
      status: at > dueAt.epochMillis ? "overdue" : "due",
      path: row.path === "" ? [] : row.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))
    }
  }
}

const summary = (row: ExchangeRow): Summary => ({
  exchangeId: row.stream,
  title: row.title,
  state: row.state as ExchangeState,
  version: row.version,
  ...(row.service === undefined ? {} : { service: row.service }),
  ...(row.themes === undefined ? {} : { themes: row.themes }),
  ...(row.openedAt === undefined ? {} : { openedAt: DateTime.unsafeMake(row.openedAt) }),
  ...(row.closedAt === undefined ? {} : { closedAt: DateTime.unsafeMake(row.closedAt) }),
  updatedAt: DateTime.unsafeMake(row.updatedAt)
})

/** Cursors are opaque to callers: base64url JSON of the store's cursor. */
const encodeCursor = (value: unknown): string => Encoding.encodeBase64Url(JSON.stringify(value))
const badCursor = new EventStoreError({ operation: "query", reason: "the cursor is not one this query returned" })
const decodeCursor = <A>(cursor: string | undefined, check: (value: unknown) => value is A) =>
  Effect.suspend((): Effect.Effect<A | undefined, EventStoreError> => {
    if (cursor === undefined) return Effect.succeed(undefined)
    try {
      const text = Encoding.decodeBase64UrlString(cursor)
      if (Either.isLeft(text)) return Effect.fail(badCursor)
      const value: unknown = JSON.parse(text.right)
      return check(value) ? Effect.succeed(value) : Effect.fail(badCursor)
    } catch {
      return Effect.fail(badCursor)
    }
  })
const isObligationCursor = (value: unknown): value is ObligationCursor =>
  typeof value === "object" && value !== null && typeof (value as ObligationCursor).dueAt === "string" &&
  typeof (value as ObligationCursor).stream === "string" && typeof (value as ObligationCursor).position === "number"
const isString = (value: unknown): value is string => typeof value === "string"

const DEFAULT_PAGE = 100

/**
 * Encodes an event for the store: its tag as `type`, the rest as `data`.
 *
 * @example
 * import { ExchangeService, Instant } from "@entre-pairs/core"
 * ExchangeService.encodeEvent({ _tag: "ExchangeClosed", at: Instant.unsafeMake(0) }, "2026-01-01T00:00:00.000Z").type
 * // "ExchangeClosed"
 * @since 0.1.0
 */
export const encodeEvent = (event: Event.ExchangeEvent, recordedAt: string) => {
  const { _tag, ...data } = Event.encode(event)
  return { type: _tag, data, recordedAt }
}

const decodeEither = Schema.decodeUnknownEither(Event.ExchangeEvent)

/** Decodes stored events, failing on the first that does not decode (a corrupt or foreign row). */
const decodeEvents = (
  stream: string,
  stored: ReadonlyArray<StoredEvent>
): Either.Either<Array<Event.ExchangeEvent>, EventStoreError> => {
  const events: Array<Event.ExchangeEvent> = []
  for (const e of stored) {
    const data = typeof e.data === "object" && e.data !== null && !Array.isArray(e.data) ? e.data : {}
    const decoded = decodeEither({ ...data, _tag: e.type })
    if (Either.isLeft(decoded)) {
      return Either.left(
        new EventStoreError({
          operation: "read",
          reason: `event ${e.version} of "${stream}" (${e.type}) does not decode: ${
            ParseResult.TreeFormatter.formatErrorSync(decoded.left)
          }`
        })
      )
    }
    events.push(decoded.right)
  }
  return Either.right(events)
}

/**
 * Builds the service over the `EventStore` in context.
 *
 * @example
 * import { ExchangeService, MemoryEventStore } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * const service = ExchangeService.make().pipe(Effect.provide(MemoryEventStore.layer))
 * @since 0.1.0
 */
export const make = (options?: Options): Effect.Effect<ExchangeService["Type"], never, EventStore> =>
  Effect.gen(function*() {
    const store = yield* EventStore
    const config = options?.config
    const retries = Math.max(0, options?.retries ?? 3)
    const cacheSize = Math.max(0, options?.cacheSize ?? 256)

    // Folded states of recently used exchanges. Events never change once
    // stored, so a cached state is a valid prefix: loading reads only the
    // events after it (appended by this process or another one) instead of
    // decoding the whole stream at every command.
    const cache = new Map<string, { readonly state: Decider.State; readonly version: number }>()
    const remember = (exchangeId: string, entry: { readonly state: Decider.State; readonly version: number }) => {
      cache.delete(exchangeId)
      cache.set(exchangeId, entry)
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!)
    }

    const load = (exchangeId: string) => {
      const cached = cache.get(exchangeId)
      const from = cached?.version ?? 0
      return Effect.flatMap(store.read(exchangeId, from), (stored) =>
        Either.match(decodeEvents(exchangeId, stored), {
          onLeft: Effect.fail,
          onRight: (events) => {
            const entry = {
              state: Decider.replay(events, cached?.state ?? Decider.initialState),
              version: stored.length === 0 ? from : stored[stored.length - 1]!.version
            }
            if (cacheSize > 0 && entry.state !== null) remember(exchangeId, entry)
            return Effect.succeed(entry)
          }
        }))
    }

    const once = (exchangeId: string, command: Command.ExchangeCommand) =>
      Effect.gen(function*() {
        if (command._tag === "Propose" && command.exchangeId !== exchangeId) {
          return yield* new Decider.InvalidCommand({
            command: command._tag,
            path: ["exchangeId"],
            reason: {
              fr: `la commande propose l'échange « ${command.exchangeId} » mais s'adresse à « ${exchangeId} »`,
              en: `the command proposes exchange "${command.exchangeId}" but is addressed to "${exchangeId}"`
            }
          })
        }
        const { state, version } = yield* load(exchangeId)
        const decision = yield* Decider.decide(command, state, { config })
        // The decision carries the exchange after its events: nothing folds them again.
        const snapshot = decision.state
        if (decision.events.length === 0) {
          return { exchangeId, command: command._tag, events: [], advisories: decision.advisories, version, snapshot }
        }
        const recordedAt = DateTime.formatIso(yield* DateTime.now)
        const newVersion = yield* store.append(
          exchangeId,
          version,
          decision.events.map((event) => encodeEvent(event, recordedAt)),
          readModel(exchangeId, snapshot, version + decision.events.length, config)
        )
        if (cacheSize > 0) remember(exchangeId, { state: snapshot, version: newVersion })
        return {
          exchangeId,
          command: command._tag,
          events: decision.events,
          advisories: decision.advisories,
          version: newVersion,
          snapshot
        } satisfies Executed
      })

    const checked = (exchangeId: string, command: Command.ExchangeCommand) =>
      once(exchangeId, command).pipe(
        Effect.retry({ times: retries, while: (error) => error._tag === "ConcurrencyConflict" })
      )

    /**
     * The command decided on the cached state and appended at its version,
     * without reading the store: `None` when that is not enough to answer
     * (the state is stale: another writer appended; or the cached state
     * refuses the command or decides nothing, which a newer state might not),
     * and the command then goes through `checked`. A store failure is
     * reported as is (never retried: the append may have been written).
     */
    const optimistic = (
      exchangeId: string,
      command: Command.ExchangeCommand,
      cached: { readonly state: Decider.State; readonly version: number }
    ): Effect.Effect<Option.Option<Executed>, EventStoreError> =>
      Effect.gen(function*() {
        const decision = yield* Effect.either(Decider.decide(command, cached.state, { config }))
        if (Either.isLeft(decision) || decision.right.events.length === 0) return Option.none()
        const { events, advisories, state: snapshot } = decision.right
        const recordedAt = DateTime.formatIso(yield* DateTime.now)
        const appended = yield* Effect.either(store.append(
          exchangeId,
          cached.version,
          events.map((event) => encodeEvent(event, recordedAt)),
          readModel(exchangeId, snapshot, cached.version + events.length, config)
        ))
        if (Either.isLeft(appended)) {
          if (appended.left._tag === "ConcurrencyConflict") return Option.none()
          return yield* appended.left
        }
        remember(exchangeId, { state: snapshot, version: appended.right })
        return Option.some({
          exchangeId,
          command: command._tag,
          events,
          advisories,
          version: appended.right,
          snapshot
        } satisfies Executed)
      })

    const execute = (exchangeId: string, command: Command.ExchangeCommand) =>
      Effect.suspend(() => {
        // The cache as it is when the command runs (an effect may run later, or twice).
        const cached = command._tag === "Propose" && command.exchangeId !== exchangeId
          ? undefined
          : cache.get(exchangeId)
        return cached === undefined
          ? checked(exchangeId, command)
          : Effect.flatMap(optimistic(exchangeId, command, cached), (executed) =>
            Option.isSome(executed) ? Effect.succeed(executed.value) : checked(exchangeId, command))
      })

    const get = (exchangeId: string) =>
      Effect.map(load(exchangeId), ({ state, version }) =>
        state === null ? Option.none() : Option.some({ snapshot: state, version }))

    const list = (filter?: { readonly state?: ExchangeState | undefined }) =>
      Effect.map(
        store.readModels(filter?.state === undefined ? undefined : { state: filter.state }),
        (models) =>
          models.map((m): Summary => ({
            exchangeId: m.stream,
            title: m.title,
            state: m.state as ExchangeState,
            version: m.version
          }))
      )

    const obligations = (at: DateTime.Utc, options?: ObligationFilter & PageRequest) =>
      Effect.gen(function*() {
        const after = yield* decodeCursor(options?.cursor, isObligationCursor)
        const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))
        const page = yield* store.obligations({
          at: DateTime.formatIso(at),
          service: options?.service,
          owner: options?.owner,
          rule: options?.rule,
          dueFrom: iso(options?.dueFrom),
          dueBefore: iso(options?.dueBefore),
          status: options?.status,
          limit: options?.limit ?? DEFAULT_PAGE,
          after
        })
        const items = page.rows.map((row) => dueObligation(row, at.epochMillis))
        return page.next === undefined ? { items } : { items, next: encodeCursor(page.next) }
      })

    const obligationsDue = (at: DateTime.Utc, filter?: ObligationFilter) =>
      Effect.gen(function*() {
        const out: Array<DueObligation> = []
        let cursor: string | undefined
        do {
          const page = yield* obligations(at, { ...filter, limit: MAX_PAGE, cursor })
          out.push(...page.items)
          cursor = page.next
        } while (cursor !== undefined)
        return out
      })

    const exchanges = (
      options?: {
        readonly state?: ExchangeState | undefined
        readonly service?: string | undefined
        readonly theme?: string | undefined
      } & PageRequest
    ) =>
      Effect.gen(function*() {
        const after = yield* decodeCursor(options?.cursor, isString)
        const page = yield* store.exchanges({
          state: options?.state,
          service: options?.service,
          theme: options?.theme,
          limit: options?.limit ?? DEFAULT_PAGE,
          after
        })
        const items = page.rows.map(summary)
        return page.next === undefined ? { items } : { items, next: encodeCursor(page.next) }
      })

    const view = (exchangeId: string, request: View.Request, viewOptions?: { readonly at?: DateTime.Utc | undefined }) =>
      Effect.gen(function*() {
        const { state } = yield* load(exchangeId)
        if (state === null) return yield* new ExchangeNotFound({ exchangeId })
        const at = viewOptions?.at ?? (yield* DateTime.now)
        return yield* Either.match(View.build(state, request, { at, config }), {
          onLeft: (error): Effect.Effect<View.View, View.ViewError> => Effect.fail(error),
          onRight: Effect.succeed
        })
      })

    const rebuildReadModels = () =>
      store.rebuildReadModels((stream, stored) => {
        const events = decodeEvents(stream, stored)
        if (Either.isLeft(events)) throw events.left
        const snapshot = Decider.replay(events.right)
        if (snapshot === null) throw new Error(`stream "${stream}" does not start with ExchangeProposed`)
        return readModel(stream, snapshot, stored[stored.length - 1]!.version, config)
      })

    return ExchangeService.of({ execute, get, list, obligationsDue, obligations, exchanges, view, rebuildReadModels })
  })

/**
 * The service as a layer over the `EventStore` in context.
 *
 * @example
 * import { ExchangeService, MemoryEventStore } from "@entre-pairs/core"
 * import * as Layer from "effect/Layer"
 * const Live = ExchangeService.layer().pipe(Layer.provide(MemoryEventStore.layer))
 * @since 0.1.0
 */
export const layer = (options?: Options): Layer.Layer<ExchangeService, never, EventStore> =>
  Layer.effect(ExchangeService, make(options))
