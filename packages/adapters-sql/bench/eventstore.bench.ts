/**
 * SqlEventStore against the same statements (src/internal/statements.ts) sent
 * through the raw drivers, in the same run:
 * - append commands of three realistic events and one obligation (streams of
 *   10 commands), ENTRE_PAIRS_BENCH_COMMANDS per sample (default 20): one
 *   transaction per command;
 * - load a 500-event stream.
 * The raw programs do what a careful hand-written one does: better-sqlite3
 * statements prepared once; on PostgreSQL a pool and named prepared
 * statements (as the adapter sends them).
 * Bars: append and load ≥ 0.8× the raw throughput, each figure's relative
 * margin of error under 5 %: many short samples (`time`, `iterations`), the
 * figures in packages/adapters-sql/README.md.
 * ENTRE_PAIRS_BENCH_TIME (ms per task, default 10000) trades time for margin.
 * The PostgreSQL groups need ENTRE_PAIRS_PG_URL (skipped without it).
 */
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore } from "@entre-pairs/core"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { randomUUID } from "node:crypto"
import * as Params from "../src/internal/params.js"
import * as Statements from "../src/internal/statements.js"
import { mkdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { afterAll, bench, describe } from "vitest"

const COMMANDS = Number(process.env["ENTRE_PAIRS_BENCH_COMMANDS"] ?? 20)
const PER_STREAM = 10
const LOAD = 500

interface Command {
  readonly stream: string
  readonly expected: number
  readonly events: ReadonlyArray<EventStore.NewEvent>
  readonly model: EventStore.ReadModel
}

/** Realistic encoded events, built before timing starts. */
const commands = (prefix: string, count = COMMANDS): ReadonlyArray<Command> => {
  const out: Array<Command> = []
  const base = Date.UTC(2026, 11, 3, 13, 30)
  for (let i = 0; i < count; i++) {
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

const loadStream = (prefixed: string) => commands(prefixed, Math.ceil(LOAD / 3)).map((c, i) => ({
  ...c,
  stream: prefixed,
  expected: 3 * i,
  model: { ...c.model, stream: prefixed, version: 3 * i + 3 }
}))

/**
 * The clock of the samples. `wall` (default): elapsed time, what a quiet
 * machine should measure. `cpu` (ENTRE_PAIRS_BENCH_CLOCK=cpu): the CPU time
 * of this process plus, for PostgreSQL, of the server processes serving the
 * group's databases (`/proc/<pid>/schedstat`, Linux): on a machine shared
 * with other jobs, elapsed time mostly measures them, and the order of the
 * tasks biases the ratio; CPU time does not.
 */
const CLOCK = process.env["ENTRE_PAIRS_BENCH_CLOCK"] === "cpu" ? "cpu" : "wall"

const cpuClock = (backends: ReadonlyArray<number>) => () => {
  const usage = process.cpuUsage()
  let nanos = 0
  for (const pid of backends) {
    try {
      nanos += Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0])
    } catch {
      // A connection that has ended since (the migrations' own): it serves no sample.
    }
  }
  return (usage.user + usage.system) / 1000 + nanos / 1e6
}

const options = (backends: ReadonlyArray<number> = []) => ({
  iterations: 200,
  warmupIterations: 20,
  time: Number(process.env["ENTRE_PAIRS_BENCH_TIME"] ?? 10_000),
  warmupTime: 1000,
  ...(CLOCK === "cpu" ? { now: cpuClock(backends) } : {})
})

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

const sqliteStatements = Statements.make("sqlite")
const pgStatements = Statements.make("pg")

/** The parameters of a command, as the adapter builds them. */
const paramsOf = (c: Command) => {
  const obligations: Array<unknown> = []
  Params.obligations(c.stream, c.model, obligations)
  return {
    events: rowsOf(c).flat(),
    exchange: Params.exchange(c.model, c.events[c.events.length - 1]!.recordedAt),
    obligations
  }
}

describe(`SQLite: append ${COMMANDS} commands (3 events each)`, async () => {
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
  // The adapter's statements, prepared once.
  const begin = raw.prepare("BEGIN IMMEDIATE")
  const commit = raw.prepare("COMMIT")
  const insert = raw.prepare(sqliteStatements.insertEvents(3))
  const upsert = raw.prepare(sqliteStatements.upsertExchange)
  const upsertObligations = raw.prepare(sqliteStatements.upsertObligations(1))
  const trimObligations = raw.prepare(sqliteStatements.trimObligations)

  bench("baseline: raw better-sqlite3", () => {
    for (const c of commands(prefix())) {
      const p = paramsOf(c)
      begin.run()
      if (insert.all(...p.events, c.stream, c.expected).length !== c.events.length) throw new Error("conflict")
      upsert.run(...p.exchange)
      upsertObligations.run(...p.obligations)
      trimObligations.run(c.stream, c.model.obligations.length)
      commit.run()
    }
  }, options())

  bench("SqlEventStore", async () => {
    await effect.runPromise(Effect.forEach(commands(prefix()), storeAppend, { discard: true }))
  }, options())
})

describe("SQLite: load a 500-event stream", async () => {
  const effect = ManagedRuntime.make(SqlEventStore.layerSqlite({ filename: join(dir, "load.db") }))
  await effect.runPromise(Effect.forEach(loadStream("load"), storeAppend, { discard: true }))
  const raw = new Database(join(dir, "load.db"))
  afterAll(async () => {
    raw.close()
    await effect.dispose()
  })
  const select = raw.prepare(sqliteStatements.readEvents).raw(true)
  bench("baseline: raw better-sqlite3", () => {
    const rows = select.all("load", 0) as Array<[string, number, string, string, string]>
    const events = rows.map(([stream, version, type, data, recordedAt]) => ({
      stream,
      version,
      type,
      data: JSON.parse(data) as unknown,
      recordedAt
    }))
    if (events.length < LOAD) throw new Error("short stream")
  }, options())
  bench("SqlEventStore", async () => {
    const events = await effect.runPromise(storeLoad("load"))
    if (events.length < LOAD) throw new Error("short stream")
  }, options())
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
    name,
    url: url.toString(),
    drop: async () => {
      const admin = new pg.Client({ connectionString: pgUrl })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
}

/** The server processes serving these databases (each pool holds one connection). */
const backendsOf = async (...databases: ReadonlyArray<string>): Promise<ReadonlyArray<number>> => {
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)",
    [databases]
  )
  await admin.end()
  return rows.map((row) => row.pid)
}

describe.skipIf(pgUrl === undefined)(`PostgreSQL: append ${COMMANDS} commands (3 events each)`, async () => {
  if (pgUrl === undefined) return
  // One database each, so that neither writes into the other's indexes.
  const rawDb = await database("append_raw")
  const effectDb = await database("append")
  const schema = ManagedRuntime.make(SqlEventStore.layerPg({ url: rawDb.url }))
  await schema.runPromise(Effect.void)
  await schema.dispose()
  // One connection each (the commands are sequential): the same server
  // process serves every sample, whose CPU time the `cpu` clock adds.
  const effect = ManagedRuntime.make(SqlEventStore.layerPg({ url: effectDb.url, maxConnections: 1 }))
  await effect.runPromise(Effect.void)
  // A pool, as an application server would use (and as the adapter does).
  const pool = new pg.Pool({ connectionString: rawDb.url, max: 1 })
  await pool.query("SELECT 1")
  const backends = await backendsOf(rawDb.name, effectDb.name)
  afterAll(async () => {
    await pool.end()
    await effect.dispose()
    await rawDb.drop()
    await effectDb.drop()
  })
  // The adapter's statement: the whole append in one statement, prepared (named) as the adapter does.
  const text = pgStatements.appendPg("3:1")
  const name = "raw_append_3_1"

  bench("baseline: raw pg", async () => {
    for (const c of commands(prefix())) {
      const p = paramsOf(c)
      const { rows } = await pool.query({
        name,
        text,
        values: [...p.events, c.stream, c.expected, ...p.exchange, c.stream, ...p.obligations, 1],
        rowMode: "array"
      })
      if (rows.length !== c.events.length) throw new Error("conflict")
    }
  }, options(backends))

  bench("SqlEventStore", async () => {
    await effect.runPromise(Effect.forEach(commands(prefix()), storeAppend, { discard: true }))
  }, options(backends))
})

describe.skipIf(pgUrl === undefined)("PostgreSQL: load a 500-event stream", async () => {
  if (pgUrl === undefined) return
  const db = await database("load")
  const effect = ManagedRuntime.make(SqlEventStore.layerPg({ url: db.url, maxConnections: 1 }))
  await effect.runPromise(Effect.forEach(loadStream("load"), storeAppend, { discard: true }))
  const pool = new pg.Pool({ connectionString: db.url, max: 1 })
  await pool.query("SELECT 1")
  const backends = await backendsOf(db.name)
  afterAll(async () => {
    await pool.end()
    await effect.dispose()
    await db.drop()
  })
  bench("baseline: raw pg", async () => {
    const { rows } = await pool.query<[string, number, string, string, string]>({
      name: "raw_read",
      text: pgStatements.readEvents,
      values: ["load", 0],
      rowMode: "array"
    })
    const events = rows.map(([stream, version, type, data, recordedAt]) => ({
      stream,
      version,
      type,
      data: JSON.parse(data) as unknown,
      recordedAt
    }))
    if (events.length < LOAD) throw new Error("short stream")
  }, options(backends))
  bench("SqlEventStore", async () => {
    const events = await effect.runPromise(storeLoad("load"))
    if (events.length < LOAD) throw new Error("short stream")
  }, options(backends))
})
