/**
 * The driver handles of the clients this package makes, by client. Kept
 * apart from `sqlite.ts` and `pg.ts` so that the store can look a handle up
 * without loading a driver: `better-sqlite3` and `pg` are optional peers, and
 * each is loaded only by the layer that opens it.
 *
 * @internal
 */
import type * as SqlClient from "@effect/sql/SqlClient"
import type * as Pg from "./pg.js"
import type * as Sqlite from "./sqlite.js"

const sqliteHandles = new WeakMap<SqlClient.SqlClient, Sqlite.Handle>()
const pgHandles = new WeakMap<SqlClient.SqlClient, Pg.Handle>()

/** The SQLite handle of a client made by `sqlite.ts`, if `sql` is one. @internal */
export const sqlite = (sql: SqlClient.SqlClient): Sqlite.Handle | undefined => sqliteHandles.get(sql)

/** The PostgreSQL handle of a client made by `pg.ts`, if `sql` is one. @internal */
export const pg = (sql: SqlClient.SqlClient): Pg.Handle | undefined => pgHandles.get(sql)

/** @internal */
export const setSqlite = (sql: SqlClient.SqlClient, handle: Sqlite.Handle): void => {
  sqliteHandles.set(sql, handle)
}

/** @internal */
export const setPg = (sql: SqlClient.SqlClient, handle: Pg.Handle): void => {
  pgHandles.set(sql, handle)
}
