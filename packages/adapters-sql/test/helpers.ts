/**
 * Fresh databases for the suites: a temporary SQLite file, or a new
 * PostgreSQL database on the server at ENTRE_PAIRS_PG_URL (dropped after use).
 */
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import type * as SqlClient from "@effect/sql/SqlClient"
import type { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { describe, it } from "vitest"

export const tempDir = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), "entre-pairs-sql-"))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A temporary SQLite file, removed when the scope closes. */
export const sqliteFile = Effect.acquireRelease(
  Effect.sync(() => tempDir()),
  ({ remove }) => Effect.sync(remove)
).pipe(Effect.map(({ dir }) => join(dir, "store.db")))

export const pgUrl = process.env["ENTRE_PAIRS_PG_URL"]
export const pgRequired = Boolean(process.env["ENTRE_PAIRS_REQUIRE_PG"] || process.env["CI"])

/**
 * `describe` for PostgreSQL suites: skipped when ENTRE_PAIRS_PG_URL is unset,
 * unless ENTRE_PAIRS_REQUIRE_PG or CI is set, where it fails instead (CI must
 * never skip silently).
 */
export const describePg = (name: string, body: () => void) => {
  if (pgUrl === undefined && pgRequired) {
    describe(name, () => {
      it("needs PostgreSQL", () => {
        throw new Error(
          "ENTRE_PAIRS_PG_URL is not set but ENTRE_PAIRS_REQUIRE_PG/CI is: start PostgreSQL (source scripts/services.sh && start_postgres)"
        )
      })
    })
    return
  }
  describe.skipIf(pgUrl === undefined)(name, body)
}

const admin = async <A>(f: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

export const createDatabase = async (): Promise<string> => {
  const name = `entre_pairs_test_${randomUUID().replaceAll("-", "")}`
  await admin((client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(pgUrl!)
  url.pathname = `/${name}`
  return url.toString()
}

export const dropDatabase = (url: string) =>
  admin((client) => client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`))

/** A fresh PostgreSQL database, dropped when the scope closes. */
export const pgDatabase = Effect.acquireRelease(
  Effect.promise(createDatabase),
  (url) => Effect.promise(() => dropDatabase(url))
)

type Fresh = Layer.Layer<EventStore.EventStore | SqlClient.SqlClient, SqlEventStore.OpenFailure>

export const freshSqlite = (options?: SqlEventStore.Options): Fresh =>
  Layer.unwrapScoped(Effect.map(sqliteFile, (filename) => SqlEventStore.layerSqlite({ ...options, filename })))

export const freshPg = (options?: SqlEventStore.Options): Fresh =>
  Layer.unwrapScoped(Effect.map(pgDatabase, (url) => SqlEventStore.layerPg({ ...options, url })))
