/**
 * How the store sends its statements: straight to the driver when the
 * client is one of this package's (`layerSqlite`, `layerPg`) and no
 * transaction of the caller is open, else through the `SqlClient` (which
 * joins the caller's transaction). The statements are the same either way.
 *
 * @internal
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import * as Handles from "./handles.js"
import type * as Pg from "./pg.js"
import type * as Sqlite from "./sqlite.js"

/** @internal */
export interface Runner {
  /**
   * Rows as arrays, in the column order of the statement. `name`, on
   * PostgreSQL's direct path, makes it a named prepared statement: parsed
   * and planned once per connection, then only bound and executed (give it
   * to the statements run once per command, whose plan does not depend on
   * the values; never to the estate queries, whose best plan does).
   */
  readonly values: (
    sql: string,
    params: ReadonlyArray<unknown>,
    name?: string | undefined
  ) => Effect.Effect<ReadonlyArray<ReadonlyArray<unknown>>, SqlError>
  /** The driver's handles, when the client is one of this package's. */
  readonly sqlite: Sqlite.Handle | undefined
  readonly pg: Pg.Handle | undefined
  /** `Some` inside a transaction of the caller. */
  readonly outer: Effect.Effect<Option.Option<readonly [unknown, number]>>
}

const failed = (cause: unknown) => new SqlError({ cause, message: "Failed to execute statement" })

/** @internal */
export const make = (sql: SqlClient.SqlClient): Runner => {
  const sqlite = Handles.sqlite(sql)
  const pg = Handles.pg(sql)
  const outer = Effect.serviceOption(SqlClient.TransactionConnection)
  const generic = (text: string, params: ReadonlyArray<unknown>) => sql.unsafe(text, params).values

  const direct: Runner["values"] | undefined = sqlite !== undefined
    ? (text, params) =>
      sqlite.exclusive(() =>
        Effect.try({
          try: () => {
          const statement = sqlite.prepare(text)
          statement.raw(true)
          try {
            return statement.all(...params) as ReadonlyArray<ReadonlyArray<unknown>>
          } finally {
            statement.raw(false)
          }
        },
          catch: failed
        })
      )
    : pg !== undefined
    ? (text, params, name) =>
      Effect.async<ReadonlyArray<ReadonlyArray<unknown>>, SqlError>((resume) => {
        const config = { text, values: params as Array<unknown>, rowMode: "array" as const }
        pg.pool.query(name === undefined ? config : { ...config, name }, (error, result) => {
          resume(error ? Effect.fail(failed(error)) : Effect.succeed(result.rows))
        })
      })
    : undefined

  const values: Runner["values"] = direct === undefined
    ? generic
    : (text, params, name) =>
      Effect.flatMap(outer, (o) => o._tag === "Some" ? generic(text, params) : direct(text, params, name))

  return { values, sqlite, pg, outer }
}
