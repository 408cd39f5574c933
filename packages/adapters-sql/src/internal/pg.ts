/**
 * The PostgreSQL client of `layerPg`: `@effect/sql-pg`'s client over a `pg`
 * pool this adapter creates (the same options as `PgClient.make`), so that
 * the append and read paths, once per command, can send their one statement
 * to the pool directly, as a hand-written `pg` program does. Everything else
 * (migrations, rebuilds, an application's own queries, transactions) goes
 * through the `SqlClient`.
 *
 * @internal
 */
import type * as Reactivity from "@effect/experimental/Reactivity"
import * as PgClient from "@effect/sql-pg/PgClient"
import type * as SqlClient from "@effect/sql/SqlClient"
import { SqlError } from "@effect/sql/SqlError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Scope from "effect/Scope"
import Pg from "pg"
import { OpenError } from "./errors.js"
import * as Handles from "./handles.js"

/** @internal */
export type Handle = Handles.PgHandle


const millis = (duration: Duration.DurationInput | undefined) =>
  duration === undefined ? undefined : Duration.toMillis(Duration.decode(duration))

/**
 * `PgClient.PgClientConfig` as the public options give it: secrets redacted,
 * `ssl` as Node's TLS options without naming their type.
 *
 * @internal
 */
export type Config = Omit<PgClient.PgClientConfig, "ssl"> & { readonly ssl?: boolean | object | undefined }

/** @internal */
export const make = (
  config: Config
): Effect.Effect<SqlClient.SqlClient, OpenError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    let pool: Pg.Pool | undefined
    const client = yield* PgClient.fromPool({
      acquire: Effect.acquireRelease(
        Effect.tryPromise({
          try: async () => {
            const created = new Pg.Pool({
              connectionString: config.url === undefined ? undefined : Redacted.value(config.url),
              user: config.username,
              host: config.host,
              database: config.database,
              password: config.password === undefined ? undefined : Redacted.value(config.password),
              ssl: config.ssl as Pg.PoolConfig["ssl"],
              port: config.port,
              ...(config.stream === undefined ? {} : { stream: config.stream }),
              connectionTimeoutMillis: millis(config.connectTimeout ?? Duration.seconds(5)),
              idleTimeoutMillis: millis(config.idleTimeout),
              max: config.maxConnections,
              min: config.minConnections,
              maxLifetimeSeconds: config.connectionTTL === undefined
                ? undefined
                : Duration.toSeconds(Duration.decode(config.connectionTTL)),
              application_name: config.applicationName ?? "entre-pairs",
              types: config.types
            })
            // An idle client's error (server restart) is reported by the
            // next query; without a listener it would crash the process.
            created.on("error", () => {})
            try {
              await created.query("SELECT 1")
            } catch (error) {
              await created.end().catch(() => {})
              throw error
            }
            pool = created
            return created
          },
          catch: (cause) => new SqlError({ cause, message: "Failed to connect" })
        }),
        (created) => Effect.promise(() => created.end().catch(() => {}))
      ),
      applicationName: config.applicationName ?? "entre-pairs",
      spanAttributes: config.spanAttributes,
      transformResultNames: config.transformResultNames,
      transformQueryNames: config.transformQueryNames,
      transformJson: config.transformJson,
      types: config.types
    }).pipe(Effect.mapError((error) => new OpenError(error.cause)))
    Handles.setPg(client, { pool: pool! })
    return client
  })
