/**
 * Versioned migrations: a database created by migration 1 (the first
 * release) upgrades in place with its data, and running the migrations again
 * changes nothing.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import * as PgClient from "@effect/sql-pg/PgClient"
import * as SqliteClient from "@effect/sql-sqlite-node/SqliteClient"
import { assert, describe, it } from "@effect/vitest"
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import type { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Redacted from "effect/Redacted"
import { model, scheduleCommand } from "./contract.js"
import { describePg, pgDatabase, sqliteFile } from "./helpers.js"

const tables = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.onDialectOrElse({
    pg: () =>
      sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
WHERE table_schema = 'public' ORDER BY table_name`,
    orElse: () =>
      sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name`
  })).pipe(Effect.map((rows) => rows.map((row) => row.name)))

const suite = (name: string, client: () => Layer.Layer<SqlClient.SqlClient, unknown>) =>
  describe(`migrations: ${name}`, () => {
    it.effect("a database at migration 1 upgrades in place with its events", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        assert.deepStrictEqual(yield* SqlEventStore.migrate({ to: 1 }), [[1, "create_events"]])
        // Events as the first release wrote them, one command per stream.
        const rows = ["ech-1", "ech-2"].flatMap((stream) =>
          scheduleCommand(stream, 0).map((event, i) => ({
            stream,
            version: i + 1,
            type: event.type,
            data: JSON.stringify(event.data),
            recorded_at: event.recordedAt
          }))
        )
        yield* sql`INSERT INTO events ${sql.insert(rows)}`

        assert.deepStrictEqual(yield* SqlEventStore.migrate(), [[2, "create_read_models"], [3, "estate_read_models"], [4, "obligations_by_rule"]])
        const store = yield* SqlEventStore.make({ migrate: false })
        const events = yield* store.read("ech-1")
        assert.deepStrictEqual(
          events.map(({ data, recordedAt, type }) => ({ type, data, recordedAt })),
          scheduleCommand("ech-1", 0)
        )
        // Read models are projections: empty after the upgrade until rebuilt.
        assert.deepStrictEqual(yield* store.readModels(), [])
        const project = (stream: string, evs: ReadonlyArray<EventStore.StoredEvent>) =>
          model(stream, evs[evs.length - 1]!.version)
        assert.strictEqual(yield* store.rebuildReadModels(project), 2)
        assert.deepStrictEqual(yield* store.readModels(), [model("ech-1", 3), model("ech-2", 3)])
        // Appends continue where the first release stopped.
        assert.strictEqual(yield* store.append("ech-1", 3, scheduleCommand("ech-1", 1), model("ech-1", 6)), 6)
        assert.deepStrictEqual(yield* store.streams(), [{ stream: "ech-1", version: 6 }, { stream: "ech-2", version: 3 }])
      }).pipe(Effect.provide(client())))

    it.effect("a database at migration 2 upgrades to 3: exchanges kept, obligations rebuilt with their owed-from instants", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        yield* SqlEventStore.migrate({ to: 2 })
        yield* sql`INSERT INTO events ${
          sql.insert(scheduleCommand("ech-1", 0).map((event, i) => ({
            stream: "ech-1",
            version: i + 1,
            type: event.type,
            data: JSON.stringify(event.data),
            recorded_at: event.recordedAt
          })))
        }`
        yield* sql`INSERT INTO exchanges ${
          sql.insert({ stream: "ech-1", title: "Échange ech-1", state: "scheduled", version: 3, updated_at: "2026-12-03T13:30:00.000Z" })
        }`
        yield* sql`INSERT INTO obligations ${
          sql.insert({ stream: "ech-1", position: 0, rule: "RES-02", due_at: "2026-12-20T00:00:00.000Z", owner: "liaison", path: "sessions.0.minutes" })
        }`
        assert.deepStrictEqual(yield* SqlEventStore.migrate(), [[3, "estate_read_models"], [4, "obligations_by_rule"]])
        const store = yield* SqlEventStore.make({ migrate: false })
        // The exchange's row survives (its new columns empty); the obligations wait for a rebuild.
        assert.deepStrictEqual(yield* store.readModels(), [model("ech-1", 3)])
        const due = { rule: "RES-02", dueAt: "2026-12-20T00:00:00.000Z", owner: "liaison", path: "sessions.0.minutes" }
        const project = (stream: string, evs: ReadonlyArray<EventStore.StoredEvent>) => ({
          ...model(stream, evs[evs.length - 1]!.version, "scheduled", [
            { ...due, from: "2026-12-10T09:00:00.000Z", what: { fr: "Transmettre", en: "Send" } }
          ]),
          service: "DRH"
        })
        assert.strictEqual(yield* store.rebuildReadModels(project), 1)
        const before = yield* store.obligations({ at: "2026-12-09T00:00:00.000Z", limit: 10 })
        assert.deepStrictEqual(before.rows, [])
        const after = yield* store.obligations({ at: "2026-12-10T09:00:00.000Z", service: "DRH", limit: 10 })
        assert.deepStrictEqual(after.rows.map((r) => [r.stream, r.position, r.rule, r.from]), [
          ["ech-1", 0, "RES-02", "2026-12-10T09:00:00.000Z"]
        ])
      }).pipe(Effect.provide(client())))

    it.effect("running the migrations twice is a no-op", () =>
      Effect.gen(function*() {
        assert.deepStrictEqual(yield* SqlEventStore.migrate(), [
          [1, "create_events"],
          [2, "create_read_models"],
          [3, "estate_read_models"],
          [4, "obligations_by_rule"]
        ])
        const schema = yield* tables
        const store = yield* SqlEventStore.make({ migrate: false })
        yield* store.append("ech-1", 0, scheduleCommand("ech-1", 0), model("ech-1", 3))
        assert.deepStrictEqual(yield* SqlEventStore.migrate(), [])
        // make() migrates by default: also a no-op now.
        const again = yield* SqlEventStore.make()
        assert.deepStrictEqual(yield* tables, schema)
        assert.strictEqual((yield* again.read("ech-1")).length, 3)
        assert.deepStrictEqual(yield* again.readModels(), [model("ech-1", 3)])
      }).pipe(Effect.provide(client())))

    it.effect("a database migrated by a newer release is refused at open, naming both versions, and left as it was", () =>
      Effect.gen(function*() {
        const sql = yield* SqlClient.SqlClient
        const applied = yield* SqlEventStore.migrate()
        const latest = applied[applied.length - 1]![0]
        const store = yield* SqlEventStore.make({ migrate: false })
        yield* store.append("ech-1", 0, scheduleCommand("ech-1", 0), model("ech-1", 3))
        // What a later release's migration leaves behind.
        yield* sql`INSERT INTO entre_pairs_migrations (migration_id, name) VALUES (${latest + 1}, 'from_the_future')`
        const before = yield* tables
        const opens: ReadonlyArray<Effect.Effect<unknown, SqlEventStore.OpenFailure, SqlClient.SqlClient>> = [
          SqlEventStore.make(),
          SqlEventStore.make({ migrate: false }),
          SqlEventStore.migrate()
        ]
        for (const open of opens) {
          const error = yield* Effect.flip(open)
          assert.strictEqual(error._tag, "SchemaVersionMismatch")
          if (error._tag === "SchemaVersionMismatch") {
            assert.strictEqual(error.databaseVersion, latest + 1)
            assert.strictEqual(error.supportedVersion, latest)
            assert.isTrue(error.newer)
            assert.include(error.message, `version ${latest + 1}`)
            assert.include(error.message, `version ${latest}`)
            assert.include(error.reason.fr, "plus récente")
          }
        }
        assert.deepStrictEqual(yield* tables, before)
        const events = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM events`
        assert.strictEqual(Number(events[0]!.n), 3)
      }).pipe(Effect.provide(client())))

    it.effect("migrate: false on an older schema is refused: run the migrations first", () =>
      Effect.gen(function*() {
        yield* SqlEventStore.migrate({ to: 1 })
        const error = yield* Effect.flip(SqlEventStore.make({ migrate: false }))
        assert.strictEqual(error._tag, "SchemaVersionMismatch")
        if (error._tag === "SchemaVersionMismatch") {
          assert.strictEqual(error.databaseVersion, 1)
          assert.isFalse(error.newer)
          assert.include(error.message, "run the migrations")
        }
        const fresh = yield* Effect.flip(SqlEventStore.make({ migrate: false }))
        assert.strictEqual(fresh._tag, "SchemaVersionMismatch")
      }).pipe(Effect.provide(client())))
  })

suite("SQLite", () => Layer.unwrapScoped(Effect.map(sqliteFile, (filename) => SqliteClient.layer({ filename }))))

describePg("PostgreSQL", () => {
  suite("PostgreSQL", () =>
    Layer.unwrapScoped(Effect.map(pgDatabase, (url) => PgClient.layer({ url: Redacted.make(url) }))))
})
