/**
 * The event-store port of `@entre-pairs/core` over `@effect/sql`: one
 * implementation for every dialect, SQLite as the embedded default (one file,
 * zero set-up) and PostgreSQL when one machine or one file is not enough.
 *
 * Each append is atomic: the version check, the command's events and the
 * exchange's read model in one transaction (one statement on PostgreSQL).
 * The primary key `(stream, version)` is the last word on concurrency: a
 * writer that loses a race gets `ConcurrencyConflict` with the version it
 * lost to.
 *
 * The body is in `internal/` (store, statements, rows, drivers); this module
 * holds the signatures and their documentation.
 *
 * @since 0.1.0
 */
import * as Reactivity from "@effect/experimental/Reactivity"
import * as SqlClient from "@effect/sql/SqlClient"
import { EventStore as Port } from "@entre-pairs/core"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { OpenError, SchemaVersionMismatch, storeError } from "./internal/errors.js"
import * as Store from "./internal/store.js"

export {
  /**
   * The database's schema is not the one this release writes (see the class).
   *
   * @since 0.1.0
   */
  SchemaVersionMismatch
}

type EventStore = Port.EventStore
type EventStoreError = Port.EventStoreError

/**
 * What opening a store can fail with: the store itself (file, server,
 * permissions, a migration), or a schema this release must not write to.
 *
 * @since 0.1.0
 */
export type OpenFailure = EventStoreError | SchemaVersionMismatch

/**
 * Options of {@link make}.
 *
 * @since 0.1.0
 */
export interface Options {
  /**
   * Run the migrations before serving (default `true`). Turn it off when
   * migrations are run by a deployment step with {@link migrate}: the store
   * then checks that the database is exactly at this release's schema.
   */
  readonly migrate?: boolean | undefined
  /**
   * Runs inside the append transaction, after the events are inserted and
   * before the read model is written. For tests that prove a failure there
   * leaves nothing behind; leave it unset otherwise (it turns off the
   * direct driver path).
   */
  readonly afterEventsInsert?: ((stream: string) => Effect.Effect<void, EventStoreError>) | undefined
}

/**
 * Runs the migrations (all of them, or up to `to`), in one transaction that
 * concurrent starters wait for: `BEGIN IMMEDIATE` on SQLite, an advisory lock
 * on PostgreSQL. Returns the migrations applied by this call (empty when the
 * schema was already current). Fails with {@link SchemaVersionMismatch},
 * changing nothing, when a newer release has migrated the database.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * // e.g. in a deployment step, with `migrate: false` in the servers' layers
 * const program = SqlEventStore.migrate()
 * @since 0.1.0
 */
export const migrate: (
  options?: { readonly to?: number | undefined }
) => Effect.Effect<ReadonlyArray<readonly [id: number, name: string]>, OpenFailure, SqlClient.SqlClient> =
  Store.migrate

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
export const make: (options?: Options) => Effect.Effect<EventStore["Type"], OpenFailure, SqlClient.SqlClient> =
  Store.make

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
export const layer = (options?: Options): Layer.Layer<EventStore, OpenFailure, SqlClient.SqlClient> =>
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

const opened = <A, R>(effect: Effect.Effect<A, OpenError, R>): Effect.Effect<A, EventStoreError, R> =>
  Effect.mapError(effect, (error) => storeError(OPEN)(error.cause))

/**
 * Loads a driver module on first use: `better-sqlite3` and `pg` are optional
 * peer dependencies, so an application installs only the one it opens, and
 * a missing one is a store failure that says what to install.
 */
const driver = <M>(load: () => Promise<M>, install: string): Effect.Effect<M, OpenError> =>
  Effect.tryPromise({
    try: load,
    catch: (cause) =>
      new OpenError(
        new Error(`cannot load the database driver (${install}): ${cause instanceof Error ? cause.message : String(cause)}`, {
          cause
        })
      )
  })

/** The operation of a failure to open the database. */
const OPEN = "migrate" as const

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
export const layerSqlite = (options: SqliteOptions): Layer.Layer<EventStore | SqlClient.SqlClient, OpenFailure> => {
  const client = Layer.scopedContext(
    Effect.map(
      opened(Effect.flatMap(
        driver(() => import("./internal/sqlite.js"), "npm install better-sqlite3@12.9.0"),
        (Sqlite) =>
          Sqlite.make({
            filename: options.filename,
            busyTimeoutMillis: Duration.toMillis(Duration.decode(options.busyTimeout ?? Duration.seconds(10))),
            synchronous: options.synchronous === "NORMAL" ? "NORMAL" : "FULL"
          })
      )),
      (sql) => Context.make(SqlClient.SqlClient, sql)
    )
  ).pipe(Layer.provide(Reactivity.layer))
  return layer({ afterEventsInsert: options.afterEventsInsert, migrate: options.migrate }).pipe(
    Layer.provideMerge(client)
  )
}

/**
 * The connection options of {@link layerPg}: `@effect/sql-pg`'s client
 * options, written here so that this module's types never name `pg` (a
 * SQLite application does not install it).
 *
 * @since 0.1.0
 */
export interface PgConnectionOptions {
  /** A connection URL, e.g. `postgres://app@db.internal/entre_pairs`. */
  readonly url?: string | Redacted.Redacted | undefined
  readonly host?: string | undefined
  readonly port?: number | undefined
  readonly database?: string | undefined
  readonly username?: string | undefined
  readonly password?: string | Redacted.Redacted | undefined
  /** `true`, or the options of Node's `tls.connect`. */
  readonly ssl?: boolean | object | undefined
  /** How long to wait for a connection (default 5 seconds). */
  readonly connectTimeout?: Duration.DurationInput | undefined
  readonly idleTimeout?: Duration.DurationInput | undefined
  readonly connectionTTL?: Duration.DurationInput | undefined
  readonly maxConnections?: number | undefined
  readonly minConnections?: number | undefined
  /** Shown in `pg_stat_activity` (default `entre-pairs`). */
  readonly applicationName?: string | undefined
  readonly spanAttributes?: Record<string, unknown> | undefined
}

/**
 * Options of {@link layerPg}.
 *
 * @since 0.1.0
 */
export type PgOptions = Options & PgConnectionOptions

/**
 * The event store on a PostgreSQL server: several application servers can
 * share it (see docs/recipes/several-servers.md). The `SqlClient` is provided
 * too.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * const StoreLive = SqlEventStore.layerPg({ url: "postgres://app@db.internal/entre_pairs" })
 * @since 0.1.0
 */
export const layerPg = (options: PgOptions): Layer.Layer<EventStore | SqlClient.SqlClient, OpenFailure> => {
  const { afterEventsInsert, migrate: migrateOption, ...rest } = options
  const secret = (value: string | Redacted.Redacted | undefined) =>
    typeof value === "string" ? Redacted.make(value) : value
  const config = { ...rest, url: secret(rest.url), password: secret(rest.password) }
  const client = Layer.scopedContext(
    Effect.map(
      opened(Effect.flatMap(driver(() => import("./internal/pg.js"), "npm install @effect/sql-pg pg"), (Pg) => Pg.make(config))),
      (sql) => Context.make(SqlClient.SqlClient, sql)
    )
  ).pipe(Layer.provide(Reactivity.layer))
  return layer({ afterEventsInsert, migrate: migrateOption }).pipe(Layer.provideMerge(client))
}
