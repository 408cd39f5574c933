/**
 * The body of `SqlEventStore`: the event-store port of core over any
 * `SqlClient`, with direct driver paths for this package's own clients.
 *
 * Longer than 450 lines on purpose: it is one implementation of one port
 * (append, read, read models, the estate queries, migrations at open), each
 * operation beside the transaction and lock discipline it shares with the
 * others; the statements, rows and parameters are already in their own
 * modules.
 *
 * @internal
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import { EventStore as Port } from "@entre-pairs/core"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { excerpt, isUniqueViolation, type Operation, SchemaVersionMismatch, storeError } from "./errors.js"
import * as Migrations from "./migrations.js"
import * as Params from "./params.js"
import * as Rows from "./rows.js"
import * as Runner from "./runner.js"
import * as Statements from "./statements.js"
import * as Transaction from "./transaction.js"

type EventStore = Port.EventStore["Type"]
type ReadModel = Port.ReadModel
type StoredEvent = Port.StoredEvent

/** @internal */
export interface Options {
  readonly migrate?: boolean | undefined
  readonly afterEventsInsert?: ((stream: string) => Effect.Effect<void, Port.EventStoreError>) | undefined
}

const decodeError = (operation: Operation, what: string) => (error: ParseResult.ParseError) =>
  new Port.EventStoreError({
    operation,
    reason: `${what} does not decode: ${excerpt(ParseResult.TreeFormatter.formatErrorSync(error), 480)}`,
    cause: error
  })

const MIGRATION_LOCK = 0x656e7472

/** @internal */
export const migrate = (
  options?: { readonly to?: number | undefined }
): Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  Port.EventStoreError | SchemaVersionMismatch,
  SqlClient.SqlClient
> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    const to = options?.to ?? Migrations.latest
    const selected = Object.fromEntries(
      Object.entries(Migrations.migrations).filter(([key]) => Number(key.split("_")[0]) <= to)
    )
    const run = Migrator.make({})({ loader: Migrator.fromRecord(selected), table: Migrations.table })
    const prepare = sql.onDialectOrElse({
      // The migrator probes for its table with a statement that fails when
      // the table is missing, which would abort our transaction: create it
      // first (same shape as the migrator's), under a lock.
      pg: () =>
        Effect.zipRight(
          sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`,
          sql`CREATE TABLE IF NOT EXISTS ${sql(Migrations.table)} (
  migration_id integer primary key,
  created_at timestamp with time zone not null default now(),
  name text not null
)`
        ),
      orElse: () => Effect.void
    })
    // Under the lock, before anything runs: a database that a newer release
    // migrated is left alone.
    const check = Effect.flatMap(
      Effect.mapError(Migrations.databaseVersion, storeError("migrate")),
      (version) =>
        version > Migrations.latest
          ? Effect.fail(new SchemaVersionMismatch({ databaseVersion: version, supportedVersion: Migrations.latest }))
          : Effect.void
    )
    return yield* Transaction.make(sql).run(Effect.zipRight(Effect.zipRight(prepare, check), run))
  }).pipe(
    // The migrator turns a failed migration into a defect; it is an expected
    // failure of the store (disk, permissions, a foreign table in the way).
    Effect.catchSomeDefect((defect) =>
      typeof defect === "object" && defect !== null && "_tag" in defect && defect._tag === "MigrationError"
        ? Option.some(Effect.fail(storeError("migrate")(defect)))
        : Option.none()
    ),
    Effect.mapError((error) =>
      error instanceof SchemaVersionMismatch || error instanceof Port.EventStoreError
        ? error
        : storeError("migrate")(error)
    )
  )

/** Rows per statement when a whole table is rewritten (below SQLite's and PostgreSQL's parameter limits). */
const CHUNK = 500
/** Append shapes (events:obligations) prepared on PostgreSQL per connection; others are sent unnamed. */
const NAMED_SHAPES = 64
/** Events read per statement by a rebuild. */
const REBUILD_CHUNK = 5_000

/** @internal */
export const make = (
  options?: Options
): Effect.Effect<EventStore, Port.EventStoreError | SchemaVersionMismatch, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    if (options?.migrate !== false) {
      yield* migrate()
    } else {
      const version = yield* Effect.mapError(Migrations.databaseVersion, storeError("migrate"))
      if (version !== Migrations.latest) {
        return yield* new SchemaVersionMismatch({ databaseVersion: version, supportedVersion: Migrations.latest })
      }
    }
    const transaction = Transaction.make(sql)
    const afterEventsInsert = options?.afterEventsInsert
    const statements = Statements.make(sql.onDialectOrElse({ pg: () => "pg" as const, orElse: () => "sqlite" as const }))
    const runner = Runner.make(sql)

    /**
     * A statement whose rows are decoded by `result`. Rows that already are
     * of its type (`is`, a hand-written guard for the hot rows) are taken as
     * they are; the Schema decodes the others, and reports the first that is
     * not a row of that kind. `name`: see `Runner.values`.
     */
    const query = <A, I>(
      result: Schema.Schema<A, I>,
      operation: Operation,
      what: string,
      is: (row: unknown) => row is A = Schema.is(result),
      name?: string
    ) => {
      const decode = Schema.decodeUnknown(Schema.Array(result))
      const mapError = Effect.mapError((error: SqlError | ParseResult.ParseError) =>
        error._tag === "SqlError" ? storeError(operation)(error) : decodeError(operation, what)(error)
      )
      return (text: string, params: ReadonlyArray<string | number | null>) =>
        mapError(
          Effect.flatMap(runner.values(text, params, name), (rows) => {
            for (let i = 0; i < rows.length; i++) {
              if (!is(rows[i])) return decode(rows)
            }
            return Effect.succeed(rows as unknown as ReadonlyArray<A>)
          })
        )
    }

    const versionOf = query(Rows.Version, "append", "the stream's version", undefined, "entre_pairs_version")
    const conflict = (stream: string, expectedVersion: number) =>
      Effect.flatMap(
        versionOf(statements.currentVersion, [stream]),
        (rows) =>
          Effect.fail(new Port.ConcurrencyConflict({ stream, expectedVersion, actualVersion: rows[0]?.[0] ?? 0 }))
      )

    const append: EventStore["append"] = (stream, expectedVersion, events, readModel) =>
      Effect.withFiberRuntime((fiber) => {
        const invalid = Port.validateAppend(stream, expectedVersion, events, readModel)
        if (invalid !== undefined) {
          return Effect.fail(new Port.EventStoreError({ operation: "append", reason: invalid }))
        }
        const eventParams: Array<unknown> = []
        for (let i = 0; i < events.length; i++) {
          const event = events[i]!
          let data: string | undefined
          try {
            data = JSON.stringify(event.data) as string | undefined
          } catch {
            data = undefined
          }
          if (typeof data !== "string") {
            return Effect.fail(
              new Port.EventStoreError({
                operation: "append",
                reason: `data of event ${i + 1} (${excerpt(event.type)}) is not JSON`
              })
            )
          }
          eventParams.push(stream, expectedVersion + i + 1, event.type, data, event.recordedAt)
        }
        const exchangeParams = Params.exchange(readModel, events[events.length - 1]!.recordedAt)
        const obligationParams: Array<unknown> = []
        Params.obligations(stream, readModel, obligationParams)
        const owed = readModel.obligations.length
        const write = new Write(stream, expectedVersion, events.length, eventParams, exchangeParams, obligationParams, owed)
        // Straight to the driver unless a transaction of the caller is open
        // (its statements must join it) or a hook runs between the writes.
        const direct = afterEventsInsert === undefined &&
          Option.isNone(Context.getOption(fiber.currentContext, SqlClient.TransactionConnection))
        const h = runner.sqlite
        if (direct && h !== undefined) {
          // The synchronous block runs at once when no one holds the lock
          // (the common case: no effect at all between the command and its
          // result), else once the lock is free.
          return h.busy()
            ? Effect.flatMap(h.withLock(Effect.sync(() => sqliteWrite(h, write))), settle(write))
            : settle(write)(sqliteWrite(h, write))
        }
        const written = direct && runner.pg !== undefined
          ? pgAppend(runner.pg, write)
          : transaction.withConnection((conn) => genericAppend(conn, write))
        return Effect.matchEffect(written, {
          onFailure: (error) => (error instanceof SqlError ? settle(write)(error) : Effect.fail(error)),
          onSuccess: settle(write)
        })
      })

    /**
     * The outcome of an append from what its writing gave: the events
     * inserted (all of them, or none when the stream was not at the expected
     * version), or the driver's failure.
     */
    const settle = (w: Write) =>
    (
      result: number | SqlError
    ): Effect.Effect<number, Port.EventStoreError | Port.ConcurrencyConflict> =>
      typeof result === "number"
        ? result === w.events ? Effect.succeed(w.newVersion) : conflict(w.stream, w.expectedVersion)
        : isUniqueViolation(result)
        // Lost a race the version check could not see (PostgreSQL's READ
        // COMMITTED): report the version that won.
        ? conflict(w.stream, w.expectedVersion)
        : Effect.fail(storeError("append")(result))

    /** Separate statements in a transaction (the caller's, as a savepoint, or ours). Returns how many events went in. */
    const genericAppend = (conn: Connection, w: Write): Effect.Effect<number, Port.EventStoreError | SqlError> =>
      Effect.flatMap(
        conn.execute(statements.insertEvents(w.events), [...w.eventParams, w.stream, w.expectedVersion], undefined),
        (inserted) => {
          // Nothing inserted: the transaction is rolled back by the caller of withConnection on failure only,
          // and there is nothing to undo here.
          if (inserted.length !== w.events) return Effect.succeed(inserted.length)
          let rest: Effect.Effect<unknown, Port.EventStoreError | SqlError> = conn.execute(
            statements.upsertExchange,
            w.exchangeParams,
            undefined
          )
          if (afterEventsInsert !== undefined) rest = Effect.zipRight(afterEventsInsert(w.stream), rest)
          if (w.owed > 0) {
            rest = Effect.zipRight(rest, conn.execute(statements.upsertObligations(w.owed), w.obligationParams, undefined))
          }
          rest = Effect.zipRight(rest, conn.execute(statements.trimObligations, [w.stream, w.owed], undefined))
          return Effect.as(rest, inserted.length)
        }
      )

    /**
     * The statements of `genericAppend` through better-sqlite3 directly, in
     * one synchronous block (the caller holds the lock or no one does).
     * Returns how many events went in, or the driver's failure.
     */
    const begin = "BEGIN IMMEDIATE"
    const sqliteWrite = (h: NonNullable<Runner.Runner["sqlite"]>, w: Write): number | SqlError => {
      try {
        h.prepare(begin).run()
      } catch (cause) {
        return new SqlError({ cause, message: "Failed to begin a transaction" })
      }
      try {
        const inserted = h.prepare(statements.insertEvents(w.events)).all(
          ...w.eventParams,
          w.stream,
          w.expectedVersion
        ).length
        if (inserted === w.events) {
          h.prepare(statements.upsertExchange).run(...w.exchangeParams)
          if (w.owed > 0) h.prepare(statements.upsertObligations(w.owed)).run(...w.obligationParams)
          h.prepare(statements.trimObligations).run(w.stream, w.owed)
          h.prepare("COMMIT").run()
        } else {
          h.prepare("ROLLBACK").run()
        }
        return inserted
      } catch (cause) {
        try {
          if (h.db.inTransaction) h.prepare("ROLLBACK").run()
        } catch {
          // The connection reports the first failure.
        }
        return new SqlError({ cause, message: "Failed to execute statement" })
      }
    }

    /**
     * Names of the append statements prepared on the server, by shape (events
     * and obligations of a command): the first `NAMED_SHAPES` shapes seen, so
     * that each connection keeps a bounded set; rarer shapes are sent unnamed.
     */
    const appendNames = new Map<string, string>()
    const appendName = (shape: `${number}:${number}`): string | undefined => {
      let name = appendNames.get(shape)
      if (name === undefined && appendNames.size < NAMED_SHAPES) {
        name = `entre_pairs_append_${shape.replace(":", "_")}`
        appendNames.set(shape, name)
      }
      return name
    }

    /**
     * The whole append as one statement (atomic on its own) sent to the pool,
     * as a named prepared statement: parsed and planned once per connection.
     */
    const pgAppend = (h: NonNullable<Runner.Runner["pg"]>, w: Write): Effect.Effect<number, SqlError> =>
      Effect.async<number, SqlError>((resume) => {
        const shape = `${w.events}:${w.owed}` as const
        const name = appendName(shape)
        h.pool.query(
          {
            ...(name === undefined ? {} : { name }),
            text: statements.appendPg(shape),
            values: [
              ...w.eventParams,
              w.stream,
              w.expectedVersion,
              ...w.exchangeParams,
              w.stream,
              ...w.obligationParams,
              w.owed
            ],
            rowMode: "array"
          },
          (error, result) => {
            resume(
              error
                ? Effect.fail(new SqlError({ cause: error, message: "Failed to execute statement" }))
                : Effect.succeed(result.rows.length)
            )
          }
        )
      })

    const readEvents = query(Rows.Event, "read", "an event row", Rows.isEvent, "entre_pairs_read")
    const toStored = (operation: Operation) => (rows: ReadonlyArray<typeof Rows.Event.Type>) =>
      Effect.suspend(() => {
        const events: Array<StoredEvent> = new Array(rows.length)
        for (let i = 0; i < rows.length; i++) {
          const [stream, version, type, data, recordedAt] = rows[i]!
          let parsed: unknown
          try {
            parsed = JSON.parse(data)
          } catch (cause) {
            return Effect.fail(
              new Port.EventStoreError({
                operation,
                reason: `event ${version} of "${excerpt(stream)}" holds data that is not JSON`,
                cause
              })
            )
          }
          events[i] = { stream, version, type, data: parsed, recordedAt }
        }
        return Effect.succeed(events)
      })

    const read: EventStore["read"] = (stream, afterVersion = 0) =>
      Effect.flatMap(readEvents(statements.readEvents, [stream, afterVersion]), toStored("read"))

    const readStreams = query(Rows.Stream, "streams", "a stream row")
    const streams: EventStore["streams"] = () =>
      Effect.map(readStreams(statements.streams, []), (rows) => rows.map(([stream, version]) => ({ stream, version })))

    const readReadModels = query(Rows.ReadModel, "readModels", "a read-model row")
    const readModels: EventStore["readModels"] = (filter) => {
      const state = filter?.state
      return Effect.map(
        readReadModels(statements.readModels(state !== undefined), state === undefined ? [] : [state]),
        (rows) => {
          const models: Array<ReadModel> = []
          let current: { stream: string; obligations: Array<ReadModel["obligations"][number]> } | undefined
          for (const row of rows) {
            const [stream, title, state, version, service, themes, openedAt, closedAt] = row
            if (current === undefined || current.stream !== stream) {
              current = { stream, obligations: [] }
              models.push({
                stream,
                title,
                state,
                version,
                obligations: current.obligations,
                ...summaryFields(service, themes, openedAt, closedAt)
              })
            }
            const [, , , , , , , , rule, dueAt, owner, path, from, whatFr, whatEn] = row
            if (rule != null && dueAt != null && owner != null && path != null) {
              current.obligations.push(obligation(rule, dueAt, owner, path, from, whatFr, whatEn))
            }
          }
          return models
        }
      )
    }

    const readObligations = query(Rows.Obligation, "query", "an obligation row")
    const obligations: EventStore["obligations"] = (q) =>
      Effect.suspend(() => {
        const invalid = Port.validateObligationQuery(q)
        if (invalid !== undefined) return Effect.fail(new Port.EventStoreError({ operation: "query", reason: invalid }))
        const { params, text } = Statements.obligationsQuery(statements, q)
        return Effect.map(readObligations(text, params), (rows) => {
          const page: Array<Port.ObligationRow> = []
          for (let i = 0; i < Math.min(rows.length, q.limit); i++) {
            const [stream, title, service, position, rule, dueAt, owner, path, from, whatFr, whatEn] = rows[i]!
            page.push({
              stream,
              title,
              ...(service === null ? {} : { service }),
              position,
              ...obligation(rule, dueAt, owner, path, from, whatFr, whatEn)
            })
          }
          const last = page[page.length - 1]
          return rows.length > q.limit && last !== undefined
            ? { rows: page, next: { dueAt: last.dueAt, stream: last.stream, position: last.position } }
            : { rows: page }
        })
      })

    const readExchanges = query(Rows.Exchange, "query", "an exchange row")
    const exchanges: EventStore["exchanges"] = (q) =>
      Effect.suspend(() => {
        const invalid = Port.validateExchangeQuery(q)
        if (invalid !== undefined) return Effect.fail(new Port.EventStoreError({ operation: "query", reason: invalid }))
        const { params, text } = Statements.exchangesQuery(statements, q)
        return Effect.map(readExchanges(text, params), (rows) => {
          const page: Array<Port.ExchangeRow> = []
          for (let i = 0; i < Math.min(rows.length, q.limit); i++) {
            const [stream, title, state, version, service, themes, openedAt, closedAt, updatedAt] = rows[i]!
            page.push({ stream, title, state, version, ...summaryFields(service, themes, openedAt, closedAt), updatedAt })
          }
          return rows.length > q.limit ? { rows: page, next: page[page.length - 1]!.stream } : { rows: page }
        })
      })

    const rebuildEvents = query(Rows.Event, "rebuild", "an event row", Rows.isEvent)
    const rebuildReadModels: EventStore["rebuildReadModels"] = (project) =>
      transaction.run(Effect.gen(function*() {
        yield* sql`DELETE FROM obligations`
        yield* sql`DELETE FROM exchanges`
        let exchanges: Array<Record<string, string | number | null>> = []
        let obligations: Array<Record<string, string | number | null>> = []
        const flush = (all: boolean) =>
          Effect.gen(function*() {
            while (exchanges.length >= (all ? 1 : CHUNK)) {
              yield* sql`INSERT INTO exchanges ${sql.insert(exchanges.slice(0, CHUNK))}`
              exchanges = exchanges.slice(CHUNK)
            }
            while (obligations.length >= (all ? 1 : CHUNK)) {
              yield* sql`INSERT INTO obligations ${sql.insert(obligations.slice(0, CHUNK))}`
              obligations = obligations.slice(CHUNK)
            }
          })
        const projectStream = (events: ReadonlyArray<StoredEvent>) =>
          Effect.suspend(() => {
            const stream = events[0]!.stream
            let model: ReadModel
            try {
              // Rows belong to the stream projected, whatever the projection says.
              model = { ...project(stream, events), stream }
            } catch (cause) {
              return Effect.fail(
                new Port.EventStoreError({ operation: "rebuild", reason: `projection of "${excerpt(stream)}" failed`, cause })
              )
            }
            exchanges.push(row(EXCHANGE_COLUMNS, Params.exchange(model, events[events.length - 1]!.recordedAt), 0))
            const values: Array<unknown> = []
            Params.obligations(stream, model, values)
            for (let i = 0; i < values.length; i += OBLIGATION_COLUMNS.length) {
              obligations.push(row(OBLIGATION_COLUMNS, values as Array<string | number | null>, i))
            }
            return Effect.void
          })
        // The events in index order, a chunk at a time (memory stays bounded
        // whatever the size of the store); a stream cut by a chunk boundary
        // is projected once its last event is in.
        let pending: Array<StoredEvent> = []
        let after: readonly [string, number] | undefined
        let count = 0
        for (;;) {
          const rows = yield* rebuildEvents(
            statements.eventsAfter(after !== undefined),
            after === undefined ? [REBUILD_CHUNK] : [after[0], after[1], REBUILD_CHUNK]
          )
          const events = yield* toStored("rebuild")(rows)
          for (const event of events) {
            if (pending.length > 0 && pending[0]!.stream !== event.stream) {
              yield* projectStream(pending)
              count++
              pending = []
            }
            pending.push(event)
          }
          yield* flush(false)
          if (rows.length < REBUILD_CHUNK) break
          const last = events[events.length - 1]!
          after = [last.stream, last.version]
        }
        if (pending.length > 0) {
          yield* projectStream(pending)
          count++
        }
        yield* flush(true)
        return count
      })).pipe(Effect.mapError(storeError("rebuild")))

    return Port.EventStore.of({ append, read, streams, readModels, obligations, exchanges, rebuildReadModels })
  })

const EXCHANGE_COLUMNS = [
  "stream",
  "title",
  "state",
  "version",
  "updated_at",
  "service",
  "themes",
  "opened_at",
  "closed_at"
] as const
const OBLIGATION_COLUMNS = [
  "stream",
  "position",
  "rule",
  "due_at",
  "due_ms",
  "from_at",
  "from_ms",
  "owner",
  "path",
  "service",
  "what_fr",
  "what_en"
] as const

/** A row object for `sql.insert` from the parameters of `params.ts`, starting at `offset`. */
const row = (columns: ReadonlyArray<string>, values: ReadonlyArray<string | number | null>, offset: number) => {
  const out: Record<string, string | number | null> = {}
  columns.forEach((column, i) => (out[column] = values[offset + i]!))
  return out
}

/** The summary fields of a row, only those present (what went in). */
const summaryFields = (
  service: string | null,
  themes: string | null,
  openedAt: string | null,
  closedAt: string | null
) => ({
  ...(service === null ? {} : { service }),
  ...(themes === null ? {} : { themes: JSON.parse(themes) as ReadonlyArray<string> }),
  ...(openedAt === null ? {} : { openedAt }),
  ...(closedAt === null ? {} : { closedAt })
})

/** An obligation of a row, its optional fields only when present. */
const obligation = (
  rule: string,
  dueAt: string,
  owner: string,
  path: string,
  from: string | null,
  whatFr: string | null,
  whatEn: string | null
): Port.ReadModelObligation => ({
  rule,
  dueAt,
  owner,
  path,
  ...(from === null ? {} : { from }),
  ...(whatFr === null || whatEn === null ? {} : { what: { fr: whatFr, en: whatEn } })
})

/** The rows of one append, built once. */
class Write {
  readonly newVersion: number
  constructor(
    readonly stream: string,
    readonly expectedVersion: number,
    readonly events: number,
    readonly eventParams: ReadonlyArray<unknown>,
    readonly exchangeParams: ReadonlyArray<unknown>,
    readonly obligationParams: ReadonlyArray<unknown>,
    readonly owed: number
  ) {
    this.newVersion = expectedVersion + events
  }
}
