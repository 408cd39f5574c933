/**
 * The event-store port: where the events of each exchange are kept. Adapters
 * implement it (in memory here; SQLite and PostgreSQL in
 * `@entre-pairs/adapters-sql`). The port speaks JSON: events arrive already
 * encoded by the application service (`type` + `data`), so an adapter never
 * needs the domain's schemas, and read models travel with the events so that
 * both are written in one transaction.
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/**
 * An encoded event ready to be appended.
 *
 * @since 0.1.0
 */
export interface NewEvent {
  /** The event's tag, e.g. `"SessionScheduled"`. */
  readonly type: string
  /** The event encoded as a JSON value. */
  readonly data: unknown
  /** UTC ISO-8601 instant the event was recorded at. */
  readonly recordedAt: string
}

/**
 * An event as stored: its stream (the exchange ID) and its version (1, 2, 3…
 * gap-free within the stream).
 *
 * @since 0.1.0
 */
export interface StoredEvent extends NewEvent {
  readonly stream: string
  readonly version: number
}

/**
 * An obligation in a read model, encoded. `from`, `what` and the exchange's
 * `service` (in {@link ReadModel}) are what the estate queries need to give
 * an obligation's status at any instant without replaying the stream; a read
 * model written without them is answered as owed whatever the instant, with
 * an empty description.
 *
 * @since 0.2.0
 */
export interface ReadModelObligation {
  readonly rule: string
  /** Due date, UTC ISO-8601. */
  readonly dueAt: string
  /** The owner's label, or its role when it has none. */
  readonly owner: string
  /** Path into the snapshot, its segments joined with `.`. */
  readonly path: string
  /** UTC ISO-8601 instant from which it is owed; absent: whatever the instant. */
  readonly from?: string | undefined
  /** What is to be done, in French and English. */
  readonly what?: { readonly fr: string; readonly en: string } | undefined
}

/**
 * The read model of one exchange, updated in the same transaction as its
 * events: what queries across exchanges need without replaying streams.
 *
 * @since 0.1.0
 */
export interface ReadModel {
  readonly stream: string
  readonly title: string
  readonly state: string
  readonly version: number
  /** Open obligations (RES-*), encoded: rule, due date (UTC ISO-8601), owner, path. */
  readonly obligations: ReadonlyArray<ReadModelObligation>
  /** The service (direction) running the exchange. @since 0.2.0 */
  readonly service?: string | undefined
  /** Themes of its framing. @since 0.2.0 */
  readonly themes?: ReadonlyArray<string> | undefined
  /** UTC ISO-8601 instant it was proposed. @since 0.2.0 */
  readonly openedAt?: string | undefined
  /** UTC ISO-8601 instant it was closed. @since 0.2.0 */
  readonly closedAt?: string | undefined
}

/**
 * A page of a query: its rows in the query's order, and where the next page
 * starts (absent on the last page). Pages are keyset-paginated: a row
 * appended or changed meanwhile never makes a row repeat or vanish from the
 * rows that were already there.
 *
 * @since 0.2.0
 */
export interface Page<A, Cursor> {
  readonly rows: ReadonlyArray<A>
  readonly next?: Cursor | undefined
}

/**
 * Obligations owed at an instant across exchanges, in order of due date, then
 * stream (code-point order), then position within the stream.
 *
 * @since 0.2.0
 */
export interface ObligationQuery {
  /** UTC ISO-8601 instant: obligations owed then (`from <= at`). */
  readonly at: string
  readonly service?: string | undefined
  readonly owner?: string | undefined
  readonly rule?: string | undefined
  /** Only obligations due from this instant (inclusive, UTC ISO-8601). */
  readonly dueFrom?: string | undefined
  /** Only obligations due before this instant (exclusive, UTC ISO-8601). */
  readonly dueBefore?: string | undefined
  /** Only those overdue at `at` (`dueAt < at`), or only those not yet overdue. */
  readonly status?: "due" | "overdue" | undefined
  /** Rows per page (1 to 1,000). */
  readonly limit: number
  /** Start after this row (the `next` of the previous page). */
  readonly after?: ObligationCursor | undefined
}

/**
 * Where a page of obligations starts: the last row of the previous one.
 *
 * @since 0.2.0
 */
export interface ObligationCursor {
  readonly dueAt: string
  readonly stream: string
  readonly position: number
}

/**
 * One obligation owed at the query's instant, with its exchange.
 *
 * @since 0.2.0
 */
export interface ObligationRow extends ReadModelObligation {
  readonly stream: string
  readonly title: string
  readonly service?: string | undefined
  /** Rank of the obligation in its read model. */
  readonly position: number
}

/**
 * Exchanges by state and service, in code-point order of their stream.
 *
 * @since 0.2.0
 */
export interface ExchangeQuery {
  readonly state?: string | undefined
  readonly service?: string | undefined
  /** Exchanges whose themes include this one (the same text). */
  readonly theme?: string | undefined
  /** Rows per page (1 to 1,000). */
  readonly limit: number
  /** Start after this stream (the `next` of the previous page). */
  readonly after?: string | undefined
}

/**
 * An exchange's summary (its read model without the obligations), with when
 * it was last changed.
 *
 * @since 0.2.0
 */
export interface ExchangeRow extends Omit<ReadModel, "obligations"> {
  /** UTC ISO-8601 instant of its latest event. */
  readonly updatedAt: string
}

/** Largest page a query returns. @since 0.2.0 */
export const MAX_PAGE = 1000

/**
 * A stream's name and current version.
 *
 * @since 0.1.0
 */
export interface StreamInfo {
  readonly stream: string
  readonly version: number
}

/**
 * The expected version was stale: another writer appended first. Reload and
 * decide again.
 *
 * @since 0.1.0
 */
export class ConcurrencyConflict extends Schema.TaggedError<ConcurrencyConflict>(
  "@entre-pairs/core/ConcurrencyConflict"
)("ConcurrencyConflict", {
  stream: Schema.String,
  expectedVersion: Schema.Number,
  actualVersion: Schema.Number
}) {
  override get message(): string {
    return `concurrency conflict on "${this.stream}": expected version ${this.expectedVersion}, found ${this.actualVersion}`
  }
}

/**
 * Any failure of the store itself (connection lost, disk full, corrupt row…),
 * with the adapter's explanation. Adapters map their driver errors into it.
 *
 * @since 0.1.0
 */
export class EventStoreError extends Schema.TaggedError<EventStoreError>("@entre-pairs/core/EventStoreError")(
  "EventStoreError",
  {
    operation: Schema.Literal("append", "read", "streams", "readModels", "rebuild", "migrate", "query"),
    reason: Schema.String,
    cause: Schema.optional(Schema.Defect)
  }
) {
  override get message(): string {
    return `event store ${this.operation} failed: ${this.reason}`
  }
}

/**
 * The port.
 *
 * @example
 * import { EventStore } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * const program = Effect.gen(function* () {
 *   const store = yield* EventStore.EventStore
 *   return yield* store.read("ech-1")
 * })
 * @since 0.1.0
 */
export class EventStore extends Context.Tag("@entre-pairs/core/EventStore")<
  EventStore,
  {
    /**
     * Appends the events of one command atomically if the stream is at
     * `expectedVersion` (0 for a new stream), and upserts the read model in
     * the same transaction. Returns the new version.
     *
     * Fails with `ConcurrencyConflict` (carrying the actual version) when the
     * stream is at another version, and with `EventStoreError`, writing
     * nothing, when `events` is empty (a command that decides nothing has
     * nothing to store), when an event's data is not JSON, or when the read
     * model does not match the append (another stream, or a version other
     * than `expectedVersion + events.length`).
     */
    readonly append: (
      stream: string,
      expectedVersion: number,
      events: ReadonlyArray<NewEvent>,
      readModel: ReadModel
    ) => Effect.Effect<number, ConcurrencyConflict | EventStoreError>
    /** Reads a stream from a version (exclusive; default 0 = all), in order. */
    readonly read: (stream: string, afterVersion?: number) => Effect.Effect<ReadonlyArray<StoredEvent>, EventStoreError>
    /** Lists every stream with its current version. */
    readonly streams: () => Effect.Effect<ReadonlyArray<StreamInfo>, EventStoreError>
    /** Read models, optionally only those in one state. */
    readonly readModels: (filter?: { readonly state?: string }) => Effect.Effect<ReadonlyArray<ReadModel>, EventStoreError>
    /**
     * Obligations owed at `query.at` across exchanges, a page at a time, from
     * the read models (no stream is read). Fails with `EventStoreError`
     * (operation `query`) on a malformed query.
     *
     * @since 0.2.0
     */
    readonly obligations: (
      query: ObligationQuery
    ) => Effect.Effect<Page<ObligationRow, ObligationCursor>, EventStoreError>
    /**
     * Exchange summaries by state and service, a page at a time.
     *
     * @since 0.2.0
     */
    readonly exchanges: (query: ExchangeQuery) => Effect.Effect<Page<ExchangeRow, string>, EventStoreError>
    /**
     * Rebuilds every read model from the events with `project` (in one
     * transaction); returns how many streams were rebuilt.
     */
    readonly rebuildReadModels: (
      project: (stream: string, events: ReadonlyArray<StoredEvent>) => ReadModel
    ) => Effect.Effect<number, EventStoreError>
  }
>() {}

/**
 * What every adapter refuses before writing, with the same reasons: a
 * negative or non-integer expected version, an empty append (a command that
 * decides nothing has nothing to store), a read model that does not describe
 * the stream at its new version. Returns the reason, or `undefined` when the
 * append is well formed.
 *
 * @example
 * import { EventStore } from "@entre-pairs/core"
 * EventStore.validateAppend("ech-1", 0, [], { stream: "ech-1", title: "T", state: "proposed", version: 0, obligations: [] })
 * // "no events to append: a command that decides nothing has nothing to store"
 * @since 0.1.0
 */
export const validateAppend = (
  stream: string,
  expectedVersion: number,
  events: ReadonlyArray<NewEvent>,
  readModel: ReadModel
): string | undefined => {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    return `expected version must be a non-negative integer, got ${expectedVersion}`
  }
  if (events.length === 0) {
    return "no events to append: a command that decides nothing has nothing to store"
  }
  if (readModel.stream !== stream || readModel.version !== expectedVersion + events.length) {
    return `read model of "${readModel.stream}" at version ${readModel.version} does not match the append to "${stream}" at version ${
      expectedVersion + events.length
    }`
  }
  return undefined
}

const isInstant = (text: string): boolean =>
  /^([+-]\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text) && Number.isFinite(Date.parse(text))

const isLimit = (limit: number): boolean => Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_PAGE

/**
 * What every adapter refuses in an obligation query, with the same reasons:
 * an instant that is not UTC ISO-8601, a limit outside 1…{@link MAX_PAGE}, a
 * malformed cursor. Returns the reason, or `undefined`.
 *
 * @example
 * import { EventStore } from "@entre-pairs/core"
 * EventStore.validateObligationQuery({ at: "demain", limit: 10 })
 * // "at must be a UTC ISO-8601 instant, got \"demain\""
 * @since 0.2.0
 */
export const validateObligationQuery = (query: ObligationQuery): string | undefined => {
  for (const key of ["at", "dueFrom", "dueBefore"] as const) {
    const value = query[key]
    if ((key === "at" || value !== undefined) && (typeof value !== "string" || !isInstant(value))) {
      return `${key} must be a UTC ISO-8601 instant, got ${JSON.stringify(value)}`
    }
  }
  if (!isLimit(query.limit)) return `limit must be an integer from 1 to ${MAX_PAGE}, got ${query.limit}`
  const after = query.after
  if (
    after !== undefined &&
    (!isInstant(after.dueAt) || typeof after.stream !== "string" || !Number.isSafeInteger(after.position) ||
      after.position < 0)
  ) {
    return "after is not a cursor of this query"
  }
  return undefined
}

/**
 * What every adapter refuses in an exchange query: a limit outside
 * 1…{@link MAX_PAGE}. Returns the reason, or `undefined`.
 *
 * @example
 * import { EventStore } from "@entre-pairs/core"
 * EventStore.validateExchangeQuery({ limit: 0 }) // "limit must be an integer from 1 to 1000, got 0"
 * @since 0.2.0
 */
export const validateExchangeQuery = (query: ExchangeQuery): string | undefined =>
  isLimit(query.limit) ? undefined : `limit must be an integer from 1 to ${MAX_PAGE}, got ${query.limit}`
