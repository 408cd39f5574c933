/**
 * An in-memory implementation of the event-store port, for tests and for
 * applications that bring their own persistence (they can snapshot it with
 * `read`/`streams` and replay it on start). It has the semantics of the SQL
 * adapter in `@entre-pairs/adapters-sql`, checked by the same contract suite:
 * versions gap-free from 1, `ConcurrencyConflict` with the actual version on a
 * stale expected version, the read model written in the same atomic step as
 * the events, and data stored as JSON text (what goes in is what a database
 * would give back, not a shared mutable object).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import {
  ConcurrencyConflict,
  EventStore,
  EventStoreError,
  type ExchangeRow,
  type ObligationCursor,
  type ObligationRow,
  type ReadModel,
  type ReadModelObligation,
  type StoredEvent,
  type StreamInfo,
  validateAppend,
  validateExchangeQuery,
  validateObligationQuery
} from "./EventStore.js"

interface Row {
  readonly stream: string
  readonly version: number
  readonly type: string
  readonly data: string
  readonly recordedAt: string
}

/** Compares by Unicode code point, the order of SQLite's BINARY and PostgreSQL's "C" collations. */
const compareCodePoints = (a: string, b: string): number => {
  const ia = a[Symbol.iterator]()
  const ib = b[Symbol.iterator]()
  for (;;) {
    const x = ia.next()
    const y = ib.next()
    if (x.done) return y.done ? 0 : -1
    if (y.done) return 1
    const cx = x.value.codePointAt(0)!
    const cy = y.value.codePointAt(0)!
    if (cx !== cy) return cx < cy ? -1 : 1
  }
}

const toStored = (row: Row): StoredEvent => ({
  stream: row.stream,
  version: row.version,
  type: row.type,
  data: JSON.parse(row.data),
  recordedAt: row.recordedAt
})

const copyObligation = (o: ReadModelObligation): ReadModelObligation => ({
  rule: o.rule,
  dueAt: o.dueAt,
  owner: o.owner,
  path: o.path,
  ...(o.from === undefined ? {} : { from: o.from }),
  ...(o.what === undefined ? {} : { what: { fr: o.what.fr, en: o.what.en } })
})

/** The summary fields a read model carries, only those present (what a database gives back). */
const summaryOf = (model: ReadModel) => ({
  ...(model.service === undefined ? {} : { service: model.service }),
  ...(model.themes === undefined ? {} : { themes: [...model.themes] }),
  ...(model.openedAt === undefined ? {} : { openedAt: model.openedAt }),
  ...(model.closedAt === undefined ? {} : { closedAt: model.closedAt })
})

const copyReadModel = (model: ReadModel): ReadModel => ({
  stream: model.stream,
  title: model.title,
  state: model.state,
  version: model.version,
  obligations: model.obligations.map(copyObligation),
  ...summaryOf(model)
})

/**
 * Builds an empty in-memory event store.
 *
 * @example
 * import { EventStore, MemoryEventStore } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * const program = Effect.gen(function* () {
 *   const store = yield* MemoryEventStore.make
 *   return yield* store.streams()
 * })
 * @since 0.1.0
 */
export const make: Effect.Effect<EventStore["Type"]> = Effect.sync(() => {
  // Each operation runs inside one synchronous block, so it is atomic with
  // respect to every other fiber: no lock is needed.
  const streams = new Map<string, Array<Row>>()
  const readModels = new Map<string, ReadModel>()
  /** When each read model was last written: its latest event's `recordedAt`. */
  const updated = new Map<string, string>()

  const append: EventStore["Type"]["append"] = (stream, expectedVersion, events, readModel) =>
    Effect.suspend((): Effect.Effect<number, ConcurrencyConflict | EventStoreError> => {
      const invalid = validateAppend(stream, expectedVersion, events, readModel)
      if (invalid !== undefined) {
        return Effect.fail(new EventStoreError({ operation: "append", reason: invalid }))
      }
      const rows = streams.get(stream) ?? []
      if (rows.length !== expectedVersion) {
        return Effect.fail(new ConcurrencyConflict({ stream, expectedVersion, actualVersion: rows.length }))
      }
      let encoded: Array<Row>
      let model: ReadModel
      try {
        encoded = events.map((event, index) => ({
          stream,
          version: expectedVersion + index + 1,
          type: event.type,
          data: JSON.stringify(event.data),
          recordedAt: event.recordedAt
        }))
        model = copyReadModel(readModel)
      } catch (cause) {
        return Effect.fail(new EventStoreError({ operation: "append", reason: "event data is not JSON", cause }))
      }
      if (encoded.some((row) => typeof row.data !== "string")) {
        return Effect.fail(new EventStoreError({ operation: "append", reason: "event data is not JSON" }))
      }
      streams.set(stream, rows.concat(encoded))
      readModels.set(stream, model)
      updated.set(stream, events[events.length - 1]!.recordedAt)
      return Effect.succeed(expectedVersion + events.length)
    })

  const read: EventStore["Type"]["read"] = (stream, afterVersion = 0) =>
    Effect.sync(() => (streams.get(stream) ?? []).slice(Math.max(0, afterVersion)).map(toStored))

  const listStreams = (): Effect.Effect<ReadonlyArray<StreamInfo>> =>
    Effect.sync(() =>
      Array.from(streams, ([stream, rows]) => ({ stream, version: rows.length })).sort((a, b) =>
        compareCodePoints(a.stream, b.stream)
      )
    )

  const listReadModels: EventStore["Type"]["readModels"] = (filter) =>
    Effect.sync(() =>
      Array.from(readModels.values())
        .filter((model) => filter?.state === undefined || model.state === filter.state)
        .sort((a, b) => compareCodePoints(a.stream, b.stream))
        .map(copyReadModel)
    )

  const rebuildReadModels: EventStore["Type"]["rebuildReadModels"] = (project) =>
    Effect.suspend((): Effect.Effect<number, EventStoreError> => {
      const rebuilt = new Map<string, ReadModel>()
      try {
        for (const [stream, rows] of streams) {
          rebuilt.set(stream, { ...copyReadModel(project(stream, rows.map(toStored))), stream })
        }
      } catch (cause) {
        return Effect.fail(new EventStoreError({ operation: "rebuild", reason: "projection failed", cause }))
      }
      readModels.clear()
      updated.clear()
      for (const [stream, model] of rebuilt) {
        readModels.set(stream, model)
        const rows = streams.get(stream)!
        updated.set(stream, rows[rows.length - 1]!.recordedAt)
      }
      return Effect.succeed(rebuilt.size)
    })

  // The queries scan every read model: the memory store is for tests and
  // small stores; the SQL adapter answers them from indexes.
  const obligations: EventStore["Type"]["obligations"] = (query) =>
    Effect.suspend(() => {
      const invalid = validateObligationQuery(query)
      if (invalid !== undefined) return Effect.fail(new EventStoreError({ operation: "query", reason: invalid }))
      const at = Date.parse(query.at)
      const dueFrom = query.dueFrom === undefined ? -Infinity : Date.parse(query.dueFrom)
      const dueBefore = query.dueBefore === undefined ? Infinity : Date.parse(query.dueBefore)
      const after = query.after
      const afterDue = after === undefined ? -Infinity : Date.parse(after.dueAt)
      const found: Array<{ readonly due: number; readonly row: ObligationRow }> = []
      for (const model of readModels.values()) {
        if (query.service !== undefined && model.service !== query.service) continue
        model.obligations.forEach((o, position) => {
          const due = Date.parse(o.dueAt)
          if (o.from !== undefined && Date.parse(o.from) > at) return
          if (query.owner !== undefined && o.owner !== query.owner) return
          if (query.rule !== undefined && o.rule !== query.rule) return
          if (due < dueFrom || due >= dueBefore) return
          if (query.status === "overdue" ? !(due < at) : query.status === "due" ? due < at : false) return
          if (after !== undefined) {
            const order = due - afterDue || compareCodePoints(model.stream, after.stream) || position - after.position
            if (order <= 0) return
          }
          found.push({
            due,
            row: {
              stream: model.stream,
              title: model.title,
              ...(model.service === undefined ? {} : { service: model.service }),
              position,
              ...copyObligation(o)
            }
          })
        })
      }
      found.sort((a, b) =>
        a.due - b.due || compareCodePoints(a.row.stream, b.row.stream) || a.row.position - b.row.position
      )
      const rows = found.slice(0, query.limit).map((f) => f.row)
      const last = rows[rows.length - 1]
      const next: ObligationCursor | undefined = found.length > query.limit && last !== undefined
        ? { dueAt: last.dueAt, stream: last.stream, position: last.position }
        : undefined
      return Effect.succeed(next === undefined ? { rows } : { rows, next })
    })

  const exchanges: EventStore["Type"]["exchanges"] = (query) =>
    Effect.suspend(() => {
      const invalid = validateExchangeQuery(query)
      if (invalid !== undefined) return Effect.fail(new EventStoreError({ operation: "query", reason: invalid }))
      const found = Array.from(readModels.values())
        .filter((m) =>
          (query.state === undefined || m.state === query.state) &&
          (query.service === undefined || m.service === query.service) &&
          (query.theme === undefined || (m.themes ?? []).includes(query.theme)) &&
          (query.after === undefined || compareCodePoints(m.stream, query.after) > 0)
        )
        .sort((a, b) => compareCodePoints(a.stream, b.stream))
      const rows = found.slice(0, query.limit).map((m): ExchangeRow => ({
        stream: m.stream,
        title: m.title,
        state: m.state,
        version: m.version,
        ...summaryOf(m),
        updatedAt: updated.get(m.stream)!
      }))
      return Effect.succeed(
        found.length > query.limit ? { rows, next: rows[rows.length - 1]!.stream } : { rows }
      )
    })

  return EventStore.of({
    append,
    read,
    streams: listStreams,
    readModels: listReadModels,
    obligations,
    exchanges,
    rebuildReadModels
  })
})

/**
 * A layer providing a fresh, empty in-memory event store.
 *
 * @example
 * import { EventStore, MemoryEventStore } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * const versions = Effect.gen(function* () {
 *   const store = yield* EventStore.EventStore
 *   return yield* store.streams()
 * }).pipe(Effect.provide(MemoryEventStore.layer))
 * @since 0.1.0
 */
export const layer: Layer.Layer<EventStore> = Layer.effect(EventStore, make)
