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
  readonly obligations: ReadonlyArray<{
    readonly rule: string
    readonly dueAt: string
    readonly owner: string
    readonly path: string
  }>
}

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
    operation: Schema.Literal("append", "read", "streams", "readModels", "rebuild", "migrate"),
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
