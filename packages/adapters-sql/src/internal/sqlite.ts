/**
 * The SQLite client of `layerSqlite`: one better-sqlite3 connection per file,
 * behind a lock of this adapter, served to `@effect/sql` as a `SqlClient`
 * (the same discipline as `@effect/sql-sqlite-node`: one statement at a time,
 * a transaction holds the lock until it ends).
 *
 * The adapter owns the driver's handle so that the append path, once per
 * command, can run its prepared statements in one synchronous block under the
 * lock: what a hand-written better-sqlite3 program does, with no per-statement
 * effect (see bench/eventstore.bench.ts). Everything else goes through the
 * `SqlClient`.
 *
 * @internal
 */
import type * as Reactivity from "@effect/experimental/Reactivity"
import * as SqlClient from "@effect/sql/SqlClient"
import type { Connection } from "@effect/sql/SqlConnection"
import { SqlError } from "@effect/sql/SqlError"
import * as Statement from "@effect/sql/Statement"
import Database from "better-sqlite3"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Scope from "effect/Scope"
import { OpenError } from "./errors.js"
import * as Handles from "./handles.js"

/** @internal */
export interface Options {
  readonly filename: string
  readonly busyTimeoutMillis: number
  readonly synchronous: "FULL" | "NORMAL"
}

/** The SQLite handle (defined in `handles.ts`). @internal */
export type Handle = Handles.SqliteHandle


const PREPARED = 256

/** @internal */
export const make = (
  options: Options
): Effect.Effect<SqlClient.SqlClient, OpenError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => {
          const db = new Database(options.filename)
          try {
            // The first statements read the file: a file that is not a
            // database fails here, not at the first command.
            db.pragma("journal_mode = WAL")
            db.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMillis))}`)
            db.pragma(`synchronous = ${options.synchronous}`)
          } catch (error) {
            db.close()
            throw error
          }
          return db
        },
        catch: (cause) => new OpenError(cause)
      }),
      (db) => Effect.sync(() => db.close())
    )

    // Prepared statements by SQL text, least recently used dropped first.
    const statements = new Map<string, Database.Statement>()
    const prepare = (sql: string): Database.Statement => {
      let statement = statements.get(sql)
      if (statement === undefined) {
        statement = db.prepare(sql)
        if (statements.size >= PREPARED) statements.delete(statements.keys().next().value!)
      } else {
        statements.delete(sql)
      }
      statements.set(sql, statement)
      return statement
    }

    const run = (
      sql: string,
      params: ReadonlyArray<unknown>,
      raw: boolean,
      prepared: boolean
    ): Effect.Effect<ReadonlyArray<any>, SqlError> =>
      Effect.withFiberRuntime((fiber) => {
        try {
          const statement = prepared ? prepare(sql) : db.prepare(sql)
          statement.safeIntegers(Context.get(fiber.currentContext, SqlClient.SafeIntegers))
          if (statement.reader) return Effect.succeed(statement.all(...params))
          const result = statement.run(...params)
          return Effect.succeed(raw ? result as unknown as ReadonlyArray<any> : [])
        } catch (cause) {
          return Effect.fail(new SqlError({ cause, message: "Failed to execute statement" }))
        }
      })

    const connection: Connection = {
      execute: (sql, params, transformRows) =>
        transformRows ? Effect.map(run(sql, params, false, true), transformRows) : run(sql, params, false, true),
      executeRaw: (sql, params) => run(sql, params, true, true),
      executeValues: (sql, params) =>
        Effect.try({
          try: () => {
            const statement = prepare(sql)
            if (!statement.reader) {
              statement.run(...params)
              return []
            }
            try {
              return statement.raw(true).all(...params) as ReadonlyArray<ReadonlyArray<unknown>>
            } finally {
              statement.raw(false)
            }
          },
          catch: (cause) => new SqlError({ cause, message: "Failed to execute statement" })
        }),
      executeUnprepared: (sql, params, transformRows) =>
        transformRows
          ? Effect.map(run(sql, params ?? [], false, false), transformRows)
          : run(sql, params ?? [], false, false),
      executeStream: () => Effect.dieMessage("executeStream is not implemented for SQLite") as never
    }

    // How many holders of the lock are between taking and releasing it (at
    // most one): a transaction in progress spans asynchronous steps, and no
    // other statement may run inside it.
    let inside = 0
    const enter = Effect.sync(() => {
      inside++
    })
    const leave = Effect.sync(() => {
      inside--
    })
    const lock = yield* Effect.makeSemaphore(1)
    const withLock = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
      lock.withPermits(1)(Effect.ensuring(Effect.zipRight(enter, effect), leave))
    const exclusive = <A, E>(body: () => Effect.Effect<A, E>): Effect.Effect<A, E> =>
      Effect.suspend(() => (inside === 0 ? body() : withLock(Effect.suspend(body))))
    const client = yield* SqlClient.make({
      acquirer: withLock(Effect.succeed(connection)),
      transactionAcquirer: Effect.uninterruptibleMask((restore) =>
        Effect.as(
          Effect.zipRight(
            Effect.zipRight(restore(lock.take(1)), enter),
            Effect.tap(Effect.scope, (scope) => Scope.addFinalizer(scope, Effect.zipRight(leave, lock.release(1))))
          ),
          connection
        )
      ),
      compiler: Statement.makeCompilerSqlite(),
      spanAttributes: [["db.system.name", "sqlite"]]
    })
    Handles.setSqlite(client, { db, prepare, withLock, exclusive, busy: () => inside !== 0, connection })
    return client
  })
