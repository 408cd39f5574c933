/**
 * The event-store port of `@entre-pairs/core` over `@effect/sql`: one
 * implementation for every dialect, SQLite as the embedded default (one file,
 * zero set-up) and PostgreSQL when one machine or one file is not enough.
 *
 * Each append is one transaction: a version check, ONE multi-row `INSERT` of
 * the command's events, and the upsert of the exchange's read model. The
 * primary key `(stream, version)` is the last word on concurrency: a writer
 * that loses a race gets `ConcurrencyConflict` with the version it lost to.
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import { EventStore as Port } from "@entre-pairs/core"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Scope from "effect/Scope"
import * as Migrations from "./internal/migrations.js"
import * as Statements from "./internal/statements.js"
import * as Transaction from "./internal/transaction.js"

type EventStore = Port.EventStore
type EventStoreError = Port.EventStoreError
type ReadModel = Port.ReadModel
type StoredEvent = Port.StoredEvent
type StreamInfo = Port.StreamInfo

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /**
   * Run the migrations before serving (default `true`). Turn it off when
   * migrations are run by a deployment step with {@link migrate}.
   */
  readonly migrate?: boolean | undefined
  /**
   * Runs inside the append transaction, after the events are inserted and
   * before the read model is written. For tests that prove a failure there
   * leaves nothing behind; leave it unset otherwise.
   */
  readonly afterEventsInsert?: ((stream: string) => Effect.Effect<void, EventStoreError>) | undefined
}

type Operation = EventStoreError["operation"]

const describe = (error: unknown): string => {
  if (error instanceof SqlError) {
    const cause = error.cause
    const detail = cause instanceof Error ? cause.message : cause === undefined ? "" : String(cause)
    return detail === "" || detail === error.message ? error.message : `${error.message}: ${detail}`
  }
  return error instanceof Error ? error.message : String(error)
}

const storeError = (operation: Operation) => (error: unknown): EventStoreError =>
  new Port.EventStoreError({ operation, reason: describe(error), cause: error })

/** The driver's verdict that `(stream, version)` already exists. */
const isUniqueViolation = (error: SqlError): boolean => {
  const cause = error.cause as { readonly code?: unknown } | undefined
  const code = cause?.code
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE"
}

type EventRow = {
  readonly stream: string
  readonly version: number
  readonly type: string
  readonly data: string
  readonly recorded_at: string
}

type ExchangeRow = {
  readonly stream: string
  readonly title: string
  readonly state: string
  readonly version: number
  readonly updated_at: string
}

type ReadModelRow = {
  readonly stream: string
  readonly title: string
  readonly state: string
  readonly version: number
  readonly rule: string | null
  readonly due_at: string | null
  readonly owner: string | null
  readonly path: string | null
}

type ObligationRow = {
  readonly stream: string
  readonly position: number
  readonly rule: string
  readonly due_at: string
  readonly owner: string
  readonly path: string
}

/** Rows per statement when a whole table is rewritten (below SQLite's and PostgreSQL's parameter limits). */
const CHUNK = 500

const chunks = <A>(rows: ReadonlyArray<A>): Array<ReadonlyArray<A>> => {
  const out: Array<ReadonlyArray<A>> = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

const exchangeRow = (model: ReadModel, updatedAt: string): ExchangeRow => ({
  stream: model.stream,
  title: model.title,
  state: model.state,
  version: model.version,
  updated_at: updatedAt
})

const obligationRows = (model: ReadModel): Array<ObligationRow> =>
  model.obligations.map((obligation, position) => ({
    stream: model.stream,
    position,
    rule: obligation.rule,
    due_at: obligation.dueAt,
    owner: obligation.owner,
    path: obligation.path
  }))

/**
 * Runs the migrations (all of them, or up to `to`), in one transaction that
 * concurrent starters wait for: `BEGIN IMMEDIATE` on SQLite, an advisory lock
 * on PostgreSQL. Returns the migrations applied by this call (empty when the
 * schema was already current).
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * // e.g. in a deployment step, with `migrate: false` in the servers' layers
 * const program = SqlEventStore.migrate()
 * @since 0.1.0
 */
export const migrate = (
  options?: { readonly to?: number | undefined }
): Effect.Effect<ReadonlyArray<readonly [id: number, name: string]>, EventStoreError, SqlClient.SqlClient> =>
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
          sql`SELECT pg_advisory_xact_lock(${0x656e7472})`,
          sql`CREATE TABLE IF NOT EXISTS ${sql(Migrations.table)} (
  migration_id integer primary key,
  created_at timestamp with time zone not null default now(),
  name text not null
)`
        ),
      orElse: () => Effect.void
    })
    return yield* Transaction.make(sql).run(Effect.zipRight(prepare, run))
  }).pipe(
    // The migrator turns a failed migration into a defect; it is an expected
    // failure of the store (disk, permissions, a foreign table in the way).
    Effect.catchSomeDefect((defect) =>
      (defect as { readonly _tag?: unknown })._tag === "MigrationError"
        ? Option.some(Effect.fail(storeError("migrate")(defect)))
        : Option.none()
    ),
    Effect.mapError((error) => error instanceof Port.EventStoreError ? error : storeError("migrate")(error))
  )

/**
 * Builds the event store over the `SqlClient` in context (SQLite or
 * PostgreSQL), running the migrations first unless `migrate: false`.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
 * import * as Effect from "effect/Effect"
 * const store = SqlEventStore.make().pipe(
 *   Effect.provide(SqliteClient.layer({ filename: ":memory:" }))
 * )
 * @since 0.1.0
 */
export const make = (
  options?: Options
): Effect.Effect<EventStore["Type"], EventStoreError, SqlClient.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* SqlClient.SqlClient
    if (options?.migrate !== false) yield* migrate()
    const transaction = Transaction.make(sql)
    const afterEventsInsert = options?.afterEventsInsert
    const isPg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
    // PostgreSQL hands `json` back parsed; ask for the text so that both
    // dialects parse the same bytes the same way.
    const dataColumn = isPg ? sql.literal("data::text AS data") : sql.literal("data")
    const byStream = isPg ? sql.literal(`stream COLLATE "C"`) : sql.literal("stream")

    const currentVersion = (stream: string) =>
      Effect.map(
        sql<{ readonly version: number }>`SELECT COALESCE(MAX(version), 0) AS version FROM events WHERE stream = ${stream}`,
        (rows) => Number(rows[0]?.version ?? 0)
      )

    // The append path runs once per command: it talks to the transaction's
    // connection with SQL compiled once per shape, which keeps the adapter
    // close to the raw driver (see bench/eventstore.bench.ts).
    const statements = Statements.make(isPg)

    const append: EventStore["Type"]["append"] = (stream, expectedVersion, events, readModel) =>
      Effect.suspend(() => {
        const invalid = Port.validateAppend(stream, expectedVersion, events, readModel)
        if (invalid !== undefined) {
          return Effect.fail(new Port.EventStoreError({ operation: "append", reason: invalid }))
        }
        const params: Array<unknown> = []
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
                reason: `data of event ${i + 1} (${event.type}) is not JSON`
              })
            )
          }
          params.push(stream, expectedVersion + i + 1, event.type, data, event.recordedAt)
        }
        params.push(stream, expectedVersion)
        const newVersion = expectedVersion + events.length
        const exchange = [
          readModel.stream,
          readModel.title,
          readModel.state,
          readModel.version,
          events[events.length - 1]!.recordedAt
        ]
        const obligations: Array<unknown> = []
        readModel.obligations.forEach((o, position) =>
          obligations.push(stream, position, o.rule, o.dueAt, o.owner, o.path)
        )
        const isNew = expectedVersion === 0

        // Plain flatMaps, not generators: this is once per command.
        const write = (conn: Connection) =>
          Effect.flatMap(
            // The version check is in the INSERT: no row is inserted unless
            // the stream is at the expected version.
            conn.execute(statements.insertEvents(events.length), params, undefined),
            (inserted): Effect.Effect<number, Port.ConcurrencyConflict | Port.EventStoreError | SqlError> => {
              if (inserted.length !== events.length) {
                return Effect.flatMap(
                  conn.execute(statements.currentVersion, [stream], undefined),
                  (rows) =>
                    Effect.fail(
                      new Port.ConcurrencyConflict({
                        stream,
                        expectedVersion,
                        actualVersion: Number((rows[0] as { version?: unknown } | undefined)?.version ?? 0)
                      })
                    )
                )
              }
              let rest: Effect.Effect<unknown, Port.EventStoreError | SqlError> = conn.execute(
                statements.upsertExchange,
                exchange,
                undefined
              )
              if (afterEventsInsert !== undefined) rest = Effect.zipRight(afterEventsInsert(stream), rest)
              if (!isNew) rest = Effect.zipRight(rest, conn.execute(statements.deleteObligations, [stream], undefined))
              if (obligations.length > 0) {
                rest = Effect.zipRight(
                  rest,
                  conn.execute(statements.insertObligations(readModel.obligations.length), obligations, undefined)
                )
              }
              return Effect.as(rest, newVersion)
            }
          )
        return transaction.withConnection(write).pipe(
          Effect.catchTag("SqlError", (error) =>
            isUniqueViolation(error)
              // Lost a race the version check could not see (PostgreSQL's
              // READ COMMITTED): report the version that won.
              ? Effect.flatMap(
                Effect.mapError(currentVersion(stream), storeError("append")),
                (actualVersion) => Effect.fail(new Port.ConcurrencyConflict({ stream, expectedVersion, actualVersion }))
              )
              : Effect.fail(storeError("append")(error)))
        )
      })

    const parseRows = (rows: ReadonlyArray<EventRow>): Effect.Effect<Array<StoredEvent>, EventStoreError> =>
      Effect.try({
        try: () =>
          rows.map((row) => ({
            stream: row.stream,
            version: Number(row.version),
            type: row.type,
            data: JSON.parse(row.data) as unknown,
            recordedAt: row.recorded_at
          })),
        catch: (cause) => new Port.EventStoreError({ operation: "read", reason: "corrupt event data", cause })
      })

    const read: EventStore["Type"]["read"] = (stream, afterVersion = 0) =>
      sql<EventRow>`SELECT stream, version, type, ${dataColumn}, recorded_at FROM events
WHERE stream = ${stream} AND version > ${afterVersion} ORDER BY version`.pipe(
        Effect.mapError(storeError("read")),
        Effect.flatMap(parseRows)
      )

    const streams = (): Effect.Effect<ReadonlyArray<StreamInfo>, EventStoreError> =>
      sql<StreamInfo>`SELECT stream, MAX(version) AS version FROM events GROUP BY stream ORDER BY ${byStream}`.pipe(
        Effect.map((rows) => rows.map((row) => ({ stream: row.stream, version: Number(row.version) }))),
        Effect.mapError(storeError("streams"))
      )

    // One statement, so the exchanges and their obligations come from the same snapshot.
    const byExchangeStream = isPg ? sql.literal(`e.stream COLLATE "C"`) : sql.literal("e.stream")
    const readModels: EventStore["Type"]["readModels"] = (filter) => {
      const state = filter?.state
      const where = state === undefined ? sql.literal("") : sql`WHERE e.state = ${state}`
      return sql<ReadModelRow>`SELECT e.stream, e.title, e.state, e.version, o.rule, o.due_at, o.owner, o.path
FROM exchanges e LEFT JOIN obligations o ON o.stream = e.stream
${where}
ORDER BY ${byExchangeStream}, o.position`.pipe(
        Effect.map((rows) => {
          const models: Array<ReadModel> = []
          let current: { stream: string; obligations: Array<ReadModel["obligations"][number]> } | undefined
          for (const row of rows) {
            if (current === undefined || current.stream !== row.stream) {
              current = { stream: row.stream, obligations: [] }
              models.push({
                stream: row.stream,
                title: row.title,
                state: row.state,
                version: Number(row.version),
                obligations: current.obligations
              })
            }
            if (row.rule !== null) {
              current.obligations.push({ rule: row.rule, dueAt: row.due_at!, owner: row.owner!, path: row.path! })
            }
          }
          return models
        }),
        Effect.mapError(storeError("readModels"))
      )
    }

    const rebuildReadModels: EventStore["Type"]["rebuildReadModels"] = (project) =>
      transaction.run(Effect.gen(function*() {
        const rows = yield* sql<EventRow>`SELECT stream, version, type, ${dataColumn}, recorded_at FROM events
ORDER BY stream, version`
        const events = yield* Effect.mapError(parseRows(rows), (error) => storeError("rebuild")(error.cause))
        const exchanges: Array<ExchangeRow> = []
        const obligations: Array<ObligationRow> = []
        let start = 0
        while (start < events.length) {
          const stream = events[start]!.stream
          let end = start
          while (end < events.length && events[end]!.stream === stream) end++
          const slice = events.slice(start, end)
          const model = yield* Effect.try({
            try: () => project(stream, slice),
            catch: (cause) =>
              new Port.EventStoreError({ operation: "rebuild", reason: `projection of "${stream}" failed`, cause })
          })
          // Rows belong to the stream projected, whatever the projection says.
          exchanges.push(exchangeRow({ ...model, stream }, slice[slice.length - 1]!.recordedAt))
          obligations.push(...obligationRows({ ...model, stream }))
          start = end
        }
        yield* sql`DELETE FROM obligations`
        yield* sql`DELETE FROM exchanges`
        for (const chunk of chunks(exchanges)) yield* sql`INSERT INTO exchanges ${sql.insert(chunk)}`
        for (const chunk of chunks(obligations)) yield* sql`INSERT INTO obligations ${sql.insert(chunk)}`
        return exchanges.length
      })).pipe(Effect.mapError((error) => error instanceof Port.EventStoreError ? error : storeError("rebuild")(error)))

    return Port.EventStore.of({ append, read, streams, readModels, rebuildReadModels })
  })

/**
 * The event store as a layer over the `SqlClient` in context.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * import * as PgClient from "@effect/sql-pg/PgClient"
 * import * as Layer from "effect/Layer"
 * import * as Redacted from "effect/Redacted"
 * const StoreLive = SqlEventStore.layer().pipe(
 *   Layer.provide(PgClient.layer({ url: Redacted.make("postgres://localhost/entre_pairs") }))
 * )
 * @since 0.1.0
 */
export const layer = (options?: Options): Layer.Layer<EventStore, EventStoreError, SqlClient.SqlClient> =>
  Layer.effect(Port.EventStore, make(options))

/**
 * Options of {@link layerSqlite}.
 *
 * @since 0.1.0
 */
export interface SqliteOptions extends Options {
  /** The database file (created if missing); `":memory:"` for a private in-memory database. */
  readonly filename: string
  /**
   * How long a writer waits for another process's transaction on the same
   * file before failing with `EventStoreError` (default 10 seconds).
   */
  readonly busyTimeout?: Duration.DurationInput | undefined
  /**
   * `"FULL"` (default) makes every committed command durable across a power
   * loss; `"NORMAL"` is faster in WAL mode and never corrupts the file, but
   * may lose the last commands on a power loss.
   */
  readonly synchronous?: "FULL" | "NORMAL" | undefined
}

const sqliteClient = (options: SqliteOptions) =>
  Layer.scopedContext(
    Effect.gen(function*() {
      const sqlite = yield* SqliteClient.make({ filename: options.filename }).pipe(
        // better-sqlite3 throws when the file cannot be opened: an expected
        // failure (path, permissions), not a bug.
        Effect.catchAllDefect((defect) => Effect.fail(storeError("migrate")(defect)))
      )
      const busy = Duration.toMillis(Duration.decode(options.busyTimeout ?? Duration.seconds(10)))
      yield* sqlite.unsafe(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busy))}`).pipe(
        Effect.zipRight(sqlite.unsafe(`PRAGMA synchronous = ${options.synchronous === "NORMAL" ? "NORMAL" : "FULL"}`)),
        Effect.mapError(storeError("migrate"))
      )
      // The client's single connection, behind a lock of ours (the same
      // discipline as @effect/sql-sqlite-node's: one statement at a time, a
      // transaction holds the lock until it ends), so that the append path
      // can hold it without providing a Scope (see internal/transaction.ts).
      const connection = yield* Effect.mapError(Effect.scoped(sqlite.reserve), storeError("migrate"))
      const lock = yield* Effect.makeSemaphore(1)
      const client = yield* SqlClient.make({
        acquirer: lock.withPermits(1)(Effect.succeed(connection)),
        transactionAcquirer: Effect.uninterruptibleMask((restore) =>
          Effect.as(
            Effect.zipRight(
              restore(lock.take(1)),
              Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, lock.release(1)))
            ),
            connection
          )
        ),
        compiler: Statement.makeCompilerSqlite(),
        spanAttributes: [["db.system.name", "sqlite"]]
      })
      Transaction.registerExclusive(client, { connection, withLock: lock.withPermits(1) })
      return Context.make(SqlClient.SqlClient, client)
    })
  ).pipe(Layer.provide(Reactivity.layer))

/**
 * The embedded default: the event store in one SQLite file, in WAL mode
 * (readers never wait for the writer), with a busy timeout so that several
 * processes on the same file take turns instead of failing. The `SqlClient`
 * is provided too, for an application's own tables in the same file.
 *
 * Open one such layer per file per process: two connections of one process
 * on one file would wait on each other synchronously.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * const StoreLive = SqlEventStore.layerSqlite({ filename: "entre-pairs.db" })
 * @since 0.1.0
 */
export const layerSqlite = (
  options: SqliteOptions
): Layer.Layer<EventStore | SqlClient.SqlClient, EventStoreError> =>
  layer(options).pipe(Layer.provideMerge(sqliteClient(options)))

/**
 * Options of {@link layerPg}: a connection URL, or every option of
 * `@effect/sql-pg`'s client.
 *
 * @since 0.1.0
 */
export type PgOptions = Options & ({ readonly url: string } | PgClient.PgClientConfig)

/**
 * The event store on a PostgreSQL server: several application servers can
 * share it. The `SqlClient` is provided too.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * const StoreLive = SqlEventStore.layerPg({ url: "postgres://app@db.internal/entre_pairs" })
 * @since 0.1.0
 */
export const layerPg = (options: PgOptions): Layer.Layer<EventStore | SqlClient.SqlClient, EventStoreError> => {
  const { afterEventsInsert, migrate: migrateOption, ...rest } = options as Options & Record<string, unknown>
  const config = (typeof rest["url"] === "string"
    ? { ...rest, url: Redacted.make(rest["url"]) }
    : rest) as PgClient.PgClientConfig
  const client = Layer.scopedContext(
    Effect.map(
      Effect.mapError(PgClient.make(config), storeError("migrate")),
      (pg) => Context.make(SqlClient.SqlClient, pg as SqlClient.SqlClient)
    )
  ).pipe(Layer.provide(Reactivity.layer))
  return layer({ afterEventsInsert, migrate: migrateOption }).pipe(Layer.provideMerge(client))
}
