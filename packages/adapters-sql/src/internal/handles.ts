/**
 * The driver handles of the clients this package makes, by client. Kept
 * apart from `sqlite.ts` and `pg.ts` so that the store can look a handle up
 * without loading a driver: `better-sqlite3` and `pg` are optional peers, and
 * each is loaded only by the layer that opens it.
 *
 * @internal
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import type Database from "better-sqlite3"
import type * as Effect from "effect/Effect"
import type Pg from "pg"

/**
 * What the store's fast paths use: the driver's handle, its prepared
 * statements (cached by SQL text), and the lock every user of the connection
 * takes.
 *
 * @internal
 */
export interface SqliteHandle {
  readonly db: Database.Database
  readonly prepare: (sql: string) => Database.Statement
  readonly withLock: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
  /**
   * Runs `body`, which only makes synchronous driver calls: at once when no
   * one is inside the lock (a synchronous block cannot interleave with
   * anything), else once the lock is free.
   */
  readonly exclusive: <A, E>(body: () => Effect.Effect<A, E>) => Effect.Effect<A, E>
  /** Whether someone holds the lock (a transaction in progress). */
  readonly busy: () => boolean
  /** The client's only connection (use it under the lock). */
  readonly connection: Connection
}

/** The PostgreSQL handle: the pool of the client. @internal */
export interface PgHandle {
  readonly pool: Pg.Pool
}

const sqliteHandles = new WeakMap<SqlClient.SqlClient, SqliteHandle>()
const pgHandles = new WeakMap<SqlClient.SqlClient, PgHandle>()

/** The SQLite handle of a client made by `sqlite.ts`, if `sql` is one. @internal */
export const sqlite = (sql: SqlClient.SqlClient): SqliteHandle | undefined => sqliteHandles.get(sql)

/** The PostgreSQL handle of a client made by `pg.ts`, if `sql` is one. @internal */
export const pg = (sql: SqlClient.SqlClient): PgHandle | undefined => pgHandles.get(sql)

/** @internal */
export const setSqlite = (sql: SqlClient.SqlClient, handle: SqliteHandle): void => {
  sqliteHandles.set(sql, handle)
}

/** @internal */
export const setPg = (sql: SqlClient.SqlClient, handle: PgHandle): void => {
  pgHandles.set(sql, handle)
}
