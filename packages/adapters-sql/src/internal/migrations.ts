/**
 * The schema, as versioned migrations run by `@effect/sql`'s migrator. A
 * migration is never edited once released: a change is a new migration, so a
 * database created by any earlier release upgrades in place.
 *
 * @internal
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import * as Effect from "effect/Effect"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as Rows from "./rows.js"

/**
 * 1 — the events. `(stream, version)` is the primary key: the unique
 * constraint that makes optimistic concurrency race-safe. `data` keeps the
 * JSON text exactly as written (SQLite `TEXT` checked by `json_valid`,
 * PostgreSQL `json`, not `jsonb`: see docs/decisions/0004-event-store-schema.md).
 * Instants are canonical UTC ISO-8601 text, whose lexicographic order is
 * chronological.
 */
const createEvents = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql.onDialectOrElse({
    pg: () =>
      sql`CREATE TABLE events (
  stream text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  type text NOT NULL,
  data json NOT NULL,
  recorded_at text NOT NULL,
  CONSTRAINT events_pkey PRIMARY KEY (stream, version)
)`,
    orElse: () =>
      sql`CREATE TABLE events (
  stream TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  type TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (stream, version)
)`
  })
})

/**
 * 2 — the read models: one row per exchange (queried by state) and its open
 * obligations (queried by due date). They are projections: empty after the
 * upgrade of a database that already holds events, until
 * `rebuildReadModels` fills them.
 */
const createReadModels = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE TABLE exchanges (
  stream TEXT NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
)`
  yield* sql`CREATE INDEX exchanges_state ON exchanges (state)`
  yield* sql`CREATE TABLE obligations (
  stream TEXT NOT NULL,
  position INTEGER NOT NULL,
  rule TEXT NOT NULL,
  due_at TEXT NOT NULL,
  owner TEXT NOT NULL,
  path TEXT NOT NULL,
  PRIMARY KEY (stream, position)
)`
  yield* sql`CREATE INDEX obligations_due_at ON obligations (due_at)`
})

/**
 * 3 — the estate's read models. Exchanges gain their service, themes (JSON
 * text), opening and closing dates; obligations are recreated with what the
 * status at any instant needs without replaying: the due date and the instant
 * from which the obligation is owed as epoch milliseconds (`due_ms`,
 * `from_ms`, ordered as numbers whatever the year), the description, and the
 * exchange's service (denormalised, so that a service's obligations are one
 * index range). Keyset pagination orders by `(due_ms, stream, position)` and
 * `stream`: every query has an index that returns its rows in that order, so
 * a page reads about `limit` index entries whatever the size of the estate.
 * On PostgreSQL the streams take the "C" collation (code-point order, the
 * order of SQLite's BINARY and of the memory store), so the indexes serve
 * `ORDER BY stream` as is. The obligations are empty after the upgrade of a
 * database that holds events, until `rebuildReadModels` fills them.
 */
const createEstate = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const isPg = sql.onDialectOrElse({ pg: () => true, orElse: () => false })
  const stream = isPg ? `stream text COLLATE "C" NOT NULL` : "stream TEXT NOT NULL"
  const bigint = isPg ? "bigint" : "INTEGER"
  if (isPg) yield* sql.unsafe(`ALTER TABLE exchanges ALTER COLUMN stream TYPE text COLLATE "C"`)
  for (const column of ["service", "themes", "opened_at", "closed_at"]) {
    yield* sql.unsafe(`ALTER TABLE exchanges ADD COLUMN ${column} TEXT`)
  }
  yield* sql`DROP INDEX exchanges_state`
  yield* sql`CREATE INDEX exchanges_state ON exchanges (state, stream)`
  yield* sql`CREATE INDEX exchanges_service ON exchanges (service, stream)`
  yield* sql`CREATE INDEX exchanges_service_state ON exchanges (service, state, stream)`
  yield* sql`DROP TABLE obligations`
  yield* sql.unsafe(`CREATE TABLE obligations (
  ${stream},
  position INTEGER NOT NULL,
  rule TEXT NOT NULL,
  due_at TEXT NOT NULL,
  due_ms ${bigint},
  from_at TEXT,
  from_ms ${bigint},
  owner TEXT NOT NULL,
  path TEXT NOT NULL,
  service TEXT,
  what_fr TEXT,
  what_en TEXT,
  PRIMARY KEY (stream, position)
)`)
  yield* sql`CREATE INDEX obligations_due ON obligations (due_ms, stream, position)`
  yield* sql`CREATE INDEX obligations_service_due ON obligations (service, due_ms, stream, position)`
  yield* sql`CREATE INDEX obligations_owner_due ON obligations (owner, due_ms, stream, position)`
})

/**
 * 4 — obligations by rule in due order: a page of one rule's obligations is
 * a range of this index (it walked the due-date index and skipped the other
 * rules' rows, a cost that grew with the estate: ×22 from 10 to 10,000
 * exchanges on SQLite).
 */
const obligationsByRule = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  yield* sql`CREATE INDEX obligations_rule_due ON obligations (rule, due_ms, stream, position)`
})

/** @internal */
export const migrations: Record<string, Effect.Effect<void, unknown, SqlClient.SqlClient>> = {
  "1_create_events": createEvents,
  "2_create_read_models": createReadModels,
  "3_estate_read_models": createEstate,
  "4_obligations_by_rule": obligationsByRule
}

/** @internal */
export const latest = 4

/** @internal */
export const table = "entre_pairs_migrations"

/**
 * The last migration applied to the database (0 when none), read without
 * failing when the migrations table does not exist yet.
 *
 * @internal
 */
export const databaseVersion: Effect.Effect<number, SqlError | ParseResult.ParseError, SqlClient.SqlClient> = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const exists = yield* sql.onDialectOrElse({
    pg: () => sql`SELECT to_regclass(${table}) IS NOT NULL AS found`.values,
    orElse: () => sql`SELECT COUNT(*) > 0 AS found FROM sqlite_master WHERE type = 'table' AND name = ${table}`.values
  })
  const [found] = yield* decodeFound(exists)
  if (!found[0]) return 0
  const rows = yield* sql`SELECT COALESCE(MAX(migration_id), 0) FROM ${sql(table)}`.values
  const [[version]] = yield* decodeVersion(rows)
  return version
})

const decodeFound = Schema.decodeUnknown(
  Schema.Tuple(Schema.Tuple(Schema.Union(Schema.Boolean, Schema.transform(Schema.Literal(0, 1), Schema.Boolean, {
    strict: true,
    decode: (n) => n === 1,
    encode: (b) => (b ? 1 : 0)
  }))))
)
const decodeVersion = Schema.decodeUnknown(Schema.Tuple(Rows.Version))
