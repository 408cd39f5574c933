/**
 * SqlEventStore against the same SQL through the raw drivers, in the same run:
 * - append 10,000 commands (about three realistic events each, 1,000 streams
 *   of 10 commands): one transaction per command;
 * - load a 500-event stream.
 * Targets: append ≥ 0.7× the raw throughput, load ≤ 2× the raw time.
 * The PostgreSQL groups need ENTRE_PAIRS_PG_URL (skipped without it).
 */
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore } from "@entre-pairs/core"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { randomUUID } from "node:crypto"
import { mkdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { afterAll, bench, describe } from "vitest"

const COMMANDS = 10_000
const PER_STREAM = 10
const LOAD = 500

interface Command {
  readonly stream: string
  readonly expected: number
  readonly events: ReadonlyArray<EventStore.NewEvent>
  readonly model: EventStore.ReadModel
}

/** Realistic encoded events, built before timing starts. */
const commands = (prefix: string): ReadonlyArray<Command> => {
  const out: Array<Command> = []
  const base = Date.UTC(2026, 11, 3, 13, 30)
  for (let i = 0; i < COMMANDS; i++) {
    const stream = `${prefix}-ech-${Math.floor(i / PER_STREAM)}`
    const n = i % PER_STREAM
    const recordedAt = new Date(base + i * 1000).toISOString()
    const sessionId = `${stream}-s${n}`
    out.push({
      stream,
      expected: 3 * n,
      events: [
        {
          type: "SessionScheduled",
          data: {
            _tag: "SessionScheduled",
            at: recordedAt,
            sessionId,
            kind: "exchange",
            scheduledAt: new Date(base + 86_400_000 * (n + 7)).toISOString(),
            durationMinutes: 120,
            venue: "Salle Pierre Laroque, 14 avenue Duquesne, Paris 7e",
            guests: []
          },
          recordedAt
        },
        {
          type: "AgendaSet",
          data: {
            _tag: "AgendaSet",
            at: recordedAt,
            sessionId,
            agenda: ["Tour de table", "Exposé de la situation par l'agent", "Questions de clarification", "Pistes"]
              .map((title, position) => ({ position, title, minutes: 20 }))
          },
          recordedAt
        },
        {
          type: "AgentVolunteered",
          data: { _tag: "AgentVolunteered", at: recordedAt, agentId: `agt-${i % 37}` },
          recordedAt
        }
      ],
      model: {
        stream,
        title: `Échange entre pairs n° ${Math.floor(i / PER_STREAM)} — accueil des usagers`,
        state: "inSessions",
        version: 3 * n + 3,
        obligations: [
          {
            rule: "RES-01",
            dueAt: new Date(base + 86_400_000 * (n + 30)).toISOString(),
            owner: "agt-1",
            path: `sessions/${n}/minutes`
          }
        ]
      }
    })
  }
  return out
}

const rowsOf = (c: Command) =>
  c.events.map((e, i) => [c.stream, c.expected + i + 1, e.type, JSON.stringify(e.data), e.recordedAt] as const)

let run = 0
const prefix = () => `r${run++}-${randomUUID().slice(0, 8)}`

const storeAppend = (c: Command) =>
  Effect.flatMap(EventStore.EventStore, (store) => store.append(c.stream, c.expected, c.events, c.model))

const storeLoad = (stream: string) => Effect.flatMap(EventStore.EventStore, (store) => store.read(stream))

const loadStream = (prefixed: string) => commands(prefixed).slice(0, Math.ceil(LOAD / 3)).map((c, i) => ({
  ...c,
  stream: prefixed,
  expected: 3 * i,
  model: { ...c.model, stream: prefixed, version: 3 * i + 3 }
}))

const options = { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 }
const loadOptions = { time: 1000, warmupTime: 200 }

// --------------------------------------------------------------------------
// SQLite
// --------------------------------------------------------------------------

// Fixed places, emptied at the start of each run: vitest's bench mode does not
// run afterAll hooks, so a run cannot clean up after itself.
const dir = join(tmpdir(), "entre-pairs-bench")
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

/**
 * With `FULL` (the adapter's default) every commit waits for an fsync, which
 * dominates and turns the ratio into a measure of the disk (4.5–15 s for the
 * same baseline here); `NORMAL` measures what the adapter adds. Set
 * ENTRE_PAIRS_BENCH_SYNCHRONOUS=FULL to see the durable figures.
 */
const SYNCHRONOUS = process.env["ENTRE_PAIRS_BENCH_SYNCHRONOUS"] === "FULL" ? "FULL" : "NORMAL"

describe("SQLite: append 10,000 commands (3 events each)", async () => {
  // Same schema for the baseline: let the adapter's migrations create it.
  const schema = ManagedRuntime.make(SqlEventStore.layerSqlite({ filename: join(dir, "raw.db") }))
  await schema.runPromise(Effect.void)
  await schema.dispose()
  const raw = new Database(join(dir, "raw.db"))
  raw.pragma("journal_mode = WAL")
  raw.pragma("busy_timeout = 10000")
  raw.pragma(`synchronous = ${SYNCHRONOUS}`)
  const effect = ManagedRuntime.make(
    SqlEventStore.layerSqlite({ filename: join(dir, "effect.db"), synchronous: SYNCHRONOUS })
  )
  await effect.runPromise(Effect.void)
  afterAll(async () => {
    raw.close()
    await effect.dispose()
  })
  const begin = raw.prepare("BEGIN IMMEDIATE")
  const commit = raw.prepare("COMMIT")
  // The adapter's statements (src/internal/statements.ts), prepared once.
  const insert = raw.prepare(`INSERT INTO events (stream, version, type, data, recorded_at)
SELECT column1, column2, column3, column4, column5 FROM (VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?), (?, ?, ?, ?, ?))
WHERE (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?) = ?
RETURNING version`)
  const upsert = raw.prepare(`INSERT INTO exchanges (stream, title, state, version, updated_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (stream) DO UPDATE SET title = excluded.title, state = excluded.state,
version = excluded.version, updated_at = excluded.updated_at`)
  const deleteObligations = raw.prepare("DELETE FROM obligations WHERE stream = ?")
  const insertObligation = raw.prepare(
    "INSERT INTO obligations (stream, position, rule, due_at, owner, path) VALUES (?, ?, ?, ?, ?, ?)"
  )

  bench("baseline: raw better-sqlite3", () => {
    for (const c of commands(prefix())) {
      begin.run()
      if (insert.all(...rowsOf(c).flat(), c.stream, c.expected).length !== c.events.length) throw new Error("conflict")
      const last = c.events[c.events.length - 1]!.recordedAt
      upsert.run(c.stream, c.model.title, c.model.state, c.model.version, last)
      if (c.expected !== 0) deleteObligations.run(c.stream)
      c.model.obligations.forEach((o, i) => insertObligation.run(c.stream, i, o.rule, o.dueAt, o.owner, o.path))
      commit.run()
    }
  }, options)

  bench("SqlEventStore", async () => {
    await effect.runPromise(Effect.forEach(commands(prefix()), storeAppend, { discard: true }))
  }, options)
})

describe("SQLite: load a 500-event stream", async () => {
  const effect = ManagedRuntime.make(SqlEventStore.layerSqlite({ filename: join(dir, "load.db") }))
  await effect.runPromise(Effect.forEach(loadStream("load"), storeAppend, { discard: true }))
  const raw = new Database(join(dir, "load.db"))
  afterAll(async () => {
    raw.close()
    await effect.dispose()
  })
  const select = raw.prepare(
    "SELECT stream, version, type, data, recorded_at FROM events WHERE stream = ? AND version > ? ORDER BY version"
  )
  bench("baseline: raw better-sqlite3", () => {
    const rows = select.all("load", 0) as Array<
      { stream: string; version: number; type: string; data: string; recorded_at: string }
    >
    const events = rows.map((r) => ({
      stream: r.stream,
      version: r.version,
      type: r.type,
      data: JSON.parse(r.data) as unknown,
      recordedAt: r.recorded_at
    }))
    if (events.length < LOAD) throw new Error("short stream")
  }, loadOptions)
  bench("SqlEventStore", async () => {
    const events = await effect.runPromise(storeLoad("load"))
    if (events.length < LOAD) throw new Error("short stream")
  }, loadOptions)
})

// --------------------------------------------------------------------------
// PostgreSQL
// --------------------------------------------------------------------------

const pgUrl = process.env["ENTRE_PAIRS_PG_URL"]

const database = async (group: string) => {
  const name = `entre_pairs_bench_${group}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(pgUrl!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: pgUrl })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
}

describe.skipIf(pgUrl === undefined)("PostgreSQL: append 10,000 commands (3 events each)", async () => {
  if (pgUrl === undefined) return
  const db = await database("append")
  const effect = ManagedRuntime.make(SqlEventStore.layerPg({ url: db.url }))
  await effect.runPromise(Effect.void)
  // A pool, as an application server would use (and as @effect/sql-pg does):
  // one connection checked out per transaction.
  const pool = new pg.Pool({ connectionString: db.url })
  afterAll(async () => {
    await pool.end()
    await effect.dispose()
    await db.drop()
  })
  const insertSql = `INSERT INTO events (stream, version, type, data, recorded_at)
SELECT v.stream, v.version, v.type, v.data, v.recorded_at
FROM (VALUES ($1, $2::integer, $3, $4::json, $5), ($6, $7::integer, $8, $9::json, $10),
($11, $12::integer, $13, $14::json, $15)) AS v (stream, version, type, data, recorded_at)
WHERE (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $16) = $17::integer
RETURNING version`
  const upsertSql = `INSERT INTO exchanges (stream, title, state, version, updated_at) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (stream) DO UPDATE SET title = excluded.title, state = excluded.state,
version = excluded.version, updated_at = excluded.updated_at`

  bench("baseline: raw pg", async () => {
    for (const c of commands(prefix())) {
      const raw = await pool.connect()
      await raw.query("BEGIN")
      const { rows } = await raw.query(insertSql, [...rowsOf(c).flat(), c.stream, c.expected])
      if (rows.length !== c.events.length) throw new Error("conflict")
      const last = c.events[c.events.length - 1]!.recordedAt
      await raw.query(upsertSql, [c.stream, c.model.title, c.model.state, c.model.version, last])
      if (c.expected !== 0) await raw.query("DELETE FROM obligations WHERE stream = $1", [c.stream])
      for (const [i, o] of c.model.obligations.entries()) {
        await raw.query(
          "INSERT INTO obligations (stream, position, rule, due_at, owner, path) VALUES ($1, $2, $3, $4, $5, $6)",
          [c.stream, i, o.rule, o.dueAt, o.owner, o.path]
        )
      }
      await raw.query("COMMIT")
      raw.release()
    }
  }, options)

  bench("SqlEventStore", async () => {
    await effect.runPromise(Effect.forEach(commands(prefix()), storeAppend, { discard: true }))
  }, options)
})

describe.skipIf(pgUrl === undefined)("PostgreSQL: load a 500-event stream", async () => {
  if (pgUrl === undefined) return
  const db = await database("load")
  const effect = ManagedRuntime.make(SqlEventStore.layerPg({ url: db.url }))
  await effect.runPromise(Effect.forEach(loadStream("load"), storeAppend, { discard: true }))
  const pool = new pg.Pool({ connectionString: db.url })
  afterAll(async () => {
    await pool.end()
    await effect.dispose()
    await db.drop()
  })
  bench("baseline: raw pg", async () => {
    const { rows } = await pool.query<{ stream: string; version: number; type: string; data: string; recorded_at: string }>(
      "SELECT stream, version, type, data::text AS data, recorded_at FROM events WHERE stream = $1 AND version > $2 ORDER BY version",
      ["load", 0]
    )
    const events = rows.map((r) => ({
      stream: r.stream,
      version: r.version,
      type: r.type,
      data: JSON.parse(r.data) as unknown,
      recordedAt: r.recorded_at
    }))
    if (events.length < LOAD) throw new Error("short stream")
  }, loadOptions)
  bench("SqlEventStore", async () => {
    const events = await effect.runPromise(storeLoad("load"))
    if (events.length < LOAD) throw new Error("short stream")
  }, loadOptions)
})
