/**
 * One transaction per command, with what `SqlClient.withTransaction` does not
 * give: `BEGIN IMMEDIATE` on SQLite (the write lock is taken before the
 * version check, so two processes on one file serialise in the busy handler
 * instead of both passing the check), prepared `BEGIN`/`COMMIT` (this runs
 * once per command: it is the adapter's hot path), and a failed `COMMIT`
 * reported as a `SqlError` rather than a defect.
 *
 * @internal
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"

const none: ReadonlyArray<unknown> = []

/** @internal */
export const make = (sql: SqlClient.SqlClient) => {
  const begin = sql.onDialectOrElse({ sqlite: () => "BEGIN IMMEDIATE", orElse: () => "BEGIN" })
  const run = (conn: Connection, statement: string): Effect.Effect<void, SqlError> =>
    Effect.asVoid(conn.execute(statement, none, undefined))
  return <A, E, R>(
    effect: Effect.Effect<A, E, R>
  ): Effect.Effect<A, E | SqlError, Exclude<R, SqlClient.TransactionConnection>> =>
    Effect.uninterruptibleMask((restore) => {
      type Out = Exclude<R, SqlClient.TransactionConnection>
      const within = (conn: Connection, depth: number): Effect.Effect<Exit.Exit<A, E>, never, Out> =>
        Effect.exit(
          Effect.provideService(restore(effect), SqlClient.TransactionConnection, [conn, depth] as const)
        )
      const nested = (conn: Connection, depth: number): Effect.Effect<A, E | SqlError, Out> => {
        // Inside the caller's transaction: a savepoint, so a conflict or a
        // failure undoes our writes only and the caller decides the rest.
        const name = `entre_pairs_${depth + 1}`
        return Effect.zipRight(
          run(conn, `SAVEPOINT ${name}`),
          Effect.flatMap(within(conn, depth + 1), (exit): Effect.Effect<A, E | SqlError> =>
            Exit.isSuccess(exit)
              ? Effect.as(run(conn, `RELEASE SAVEPOINT ${name}`), exit.value)
              : Effect.zipRight(Effect.ignore(run(conn, `ROLLBACK TO SAVEPOINT ${name}`)), exit))
        )
      }
      const outermost: Effect.Effect<A, E | SqlError, Out> = Effect.scoped(
        Effect.flatMap(sql.reserve, (conn) =>
          Effect.zipRight(
            run(conn, begin),
            Effect.flatMap(within(conn, 0), (exit): Effect.Effect<A, E | SqlError> =>
              Exit.isSuccess(exit)
                ? Effect.catchAll(
                  Effect.as(run(conn, "COMMIT"), exit.value),
                  (error: SqlError) => Effect.zipRight(Effect.ignore(run(conn, "ROLLBACK")), Effect.fail(error))
                )
                : Effect.zipRight(Effect.ignore(run(conn, "ROLLBACK")), exit))
          ))
      )
      return Effect.flatMap(
        Effect.serviceOption(SqlClient.TransactionConnection),
        (outer) => outer._tag === "Some" ? nested(outer.value[0], outer.value[1]) : outermost
      )
    })
}
