/**
 * One transaction per command, with what `SqlClient.withTransaction` does not
 * give: `BEGIN IMMEDIATE` on SQLite (the write lock is taken before the
 * version check, so two processes on one file serialise in the busy handler
 * instead of both passing the check), and a failed `COMMIT` reported as a
 * `SqlError` rather than a defect.
 *
 * @internal
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"

const run = (conn: Connection, statement: string): Effect.Effect<void, SqlError> =>
  Effect.asVoid(conn.executeUnprepared(statement, [], undefined))

/** @internal */
export const make = (sql: SqlClient.SqlClient) => {
  const begin = sql.onDialectOrElse({ sqlite: () => "BEGIN IMMEDIATE", orElse: () => "BEGIN" })
  return <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | SqlError, R> =>
    Effect.uninterruptibleMask((restore) => {
      const within = (conn: Connection, depth: number): Effect.Effect<Exit.Exit<A, E>, never, R> =>
        Effect.exit(
          Effect.provideService(restore(effect), SqlClient.TransactionConnection, [conn, depth] as const)
        )
      const nested = (conn: Connection, depth: number): Effect.Effect<A, E | SqlError, R> => {
        // Inside the caller's transaction: a savepoint, so a conflict or a
        // failure undoes our writes only and the caller decides the rest.
        const name = `entre_pairs_${depth + 1}`
        return Effect.gen(function*() {
          yield* run(conn, `SAVEPOINT ${name}`)
          const exit = yield* within(conn, depth + 1)
          if (Exit.isSuccess(exit)) {
            yield* run(conn, `RELEASE SAVEPOINT ${name}`)
            return exit.value
          }
          yield* Effect.ignore(run(conn, `ROLLBACK TO SAVEPOINT ${name}`))
          return yield* exit
        })
      }
      const outermost: Effect.Effect<A, E | SqlError, R> = Effect.scoped(
        Effect.gen(function*() {
          const conn = yield* sql.reserve
          yield* run(conn, begin)
          const exit = yield* within(conn, 0)
          if (Exit.isSuccess(exit)) {
            const committed = yield* Effect.exit(run(conn, "COMMIT"))
            if (Exit.isFailure(committed)) {
              yield* Effect.ignore(run(conn, "ROLLBACK"))
              return yield* Effect.failCause(committed.cause)
            }
            return exit.value
          }
          yield* Effect.ignore(run(conn, "ROLLBACK"))
          return yield* exit
        })
      )
      return Effect.flatMap(
        Effect.serviceOption(SqlClient.TransactionConnection),
        (outer) => outer._tag === "Some" ? nested(outer.value[0], outer.value[1]) : outermost
      )
    })
}
