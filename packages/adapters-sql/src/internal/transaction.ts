/**
 * One transaction per command, with what `SqlClient.withTransaction` does not
 * give: `BEGIN IMMEDIATE` on SQLite (the write lock is taken before the
 * version check, so two processes on one file serialise in the busy handler
 * instead of both passing the check), prepared `BEGIN`/`COMMIT`, the
 * connection handed to the body directly (this runs once per command: it is
 * the adapter's hot path), and a failed `COMMIT` reported as a `SqlError`
 * rather than a defect.
 *
 * @internal
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Handles from "./handles.js"

const none: ReadonlyArray<unknown> = []

/** @internal */
export interface Transaction {
  /** Runs `body` in a transaction (a savepoint inside the caller's), on its connection. */
  readonly withConnection: <A, E, R>(
    body: (conn: Connection) => Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E | SqlError, R>
  /** Runs `effect` in a transaction that its `sql` statements join. */
  readonly run: <A, E, R>(
    effect: Effect.Effect<A, E, R>
  ) => Effect.Effect<A, E | SqlError, Exclude<R, SqlClient.TransactionConnection>>
}

/** @internal */
export const make = (sql: SqlClient.SqlClient): Transaction => {
  const begin = sql.onDialectOrElse({ sqlite: () => "BEGIN IMMEDIATE", orElse: () => "BEGIN" })
  const exec = (conn: Connection, statement: string): Effect.Effect<void, SqlError> =>
    Effect.asVoid(conn.execute(statement, none, undefined))
  // This package's SQLite client: its one connection, behind its lock,
  // without a Scope to provide (most of what `sql.reserve` costs).
  const exclusive = Handles.sqlite(sql)

  const withConnection = <A, E, R>(
    body: (conn: Connection, depth: number) => Effect.Effect<A, E, R>
  ): Effect.Effect<A, E | SqlError, R> =>
    Effect.uninterruptibleMask((restore) => {
      const nested = (conn: Connection, depth: number): Effect.Effect<A, E | SqlError, R> => {
        // Inside the caller's transaction: a savepoint, so a conflict or a
        // failure undoes our writes only and the caller decides the rest.
        const name = `entre_pairs_${depth + 1}`
        return Effect.zipRight(
          exec(conn, `SAVEPOINT ${name}`),
          Effect.flatMap(Effect.exit(restore(body(conn, depth + 1))), (exit): Effect.Effect<A, E | SqlError> =>
            Exit.isSuccess(exit)
              ? Effect.as(exec(conn, `RELEASE SAVEPOINT ${name}`), exit.value)
              : Effect.zipRight(Effect.ignore(exec(conn, `ROLLBACK TO SAVEPOINT ${name}`)), exit))
        )
      }
      const transact = (conn: Connection): Effect.Effect<A, E | SqlError, R> =>
        Effect.zipRight(
          exec(conn, begin),
          Effect.flatMap(Effect.exit(restore(body(conn, 0))), (exit): Effect.Effect<A, E | SqlError> =>
            Exit.isSuccess(exit)
              ? Effect.catchAll(
                Effect.as(exec(conn, "COMMIT"), exit.value),
                (error: SqlError) => Effect.zipRight(Effect.ignore(exec(conn, "ROLLBACK")), Effect.fail(error))
              )
              : Effect.zipRight(Effect.ignore(exec(conn, "ROLLBACK")), exit))
        )
      const outermost: Effect.Effect<A, E | SqlError, R> = exclusive !== undefined
        ? exclusive.withLock(transact(exclusive.connection))
        : Effect.scoped(Effect.flatMap(sql.reserve, transact))
      return Effect.flatMap(
        Effect.serviceOption(SqlClient.TransactionConnection),
        (outer) => outer._tag === "Some" ? nested(outer.value[0], outer.value[1]) : outermost
      )
    })

  const run = <A, E, R>(
    effect: Effect.Effect<A, E, R>
  ): Effect.Effect<A, E | SqlError, Exclude<R, SqlClient.TransactionConnection>> =>
    withConnection((conn, depth) =>
      Effect.provideService(effect, SqlClient.TransactionConnection, [conn, depth] as const)
    )

  return { withConnection, run }
}
