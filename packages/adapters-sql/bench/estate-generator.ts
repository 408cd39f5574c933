/**
 * A generated estate for the scale benchmark (bench/estate.bench.ts) and its
 * reduced CI version (test/estate-scale.test.ts); nothing is committed but
 * this generator.
 *
 * - Events: every stream holds the real domain events of the example cycle
 *   (`Example.cycleEncoded` played by `ExchangeService` once, in memory),
 *   its exchange ID replaced: 80 per stream, or more (`events`) with more
 *   Communicate commands in the follow-up phase (the bench's default, 100,
 *   gives 1,000,000 events at 10,000 exchanges); they are BULK-LOADED with multi-row INSERTs
 *   (better-sqlite3 prepared statements in transactions of 100 exchanges;
 *   `INSERT … SELECT FROM unnest(…)` on PostgreSQL), not through the append
 *   path: the append path is measured by bench/eventstore.bench.ts and by the
 *   command figures here.
 * - Read models: the real projection (`ExchangeService.readModel`) of the
 *   exchange after a prefix of the cycle (so that the estate holds every
 *   state, rule and status), dates shifted by 0–729 days, one of 50
 *   services; a stream's read model is thus that of a prefix of its events.
 * - A probe exchange created through `ExchangeService`, for the command
 *   figures (decide + append on a store of that size).
 */
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { Command, EventStore, Example, ExchangeService, MemoryEventStore } from "@entre-pairs/core"
import Database from "better-sqlite3"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import pg from "pg"
import * as Params from "../src/internal/params.js"
import * as Statements from "../src/internal/statements.js"

const TEMPLATE = "ech-ddets33-uc3-2026"
const DAY = 86_400_000
export const SERVICES = 50
/** Events of the example cycle, one per command. */
export const CYCLE_EVENTS = 80

interface Template {
  /** Events as JSON rows, the template ID to replace. */
  readonly events: ReadonlyArray<{ readonly type: string; readonly data: string; readonly recordedAt: string }>
  /** The read model after each command that appended something. */
  readonly models: ReadonlyArray<EventStore.ReadModel>
}

const templates = new Map<number, Promise<Template>>()

/** The example cycle's commands, with `extra` more Communicate commands after its last one (more events per exchange). */
const cycleCommands = (extra: number) => {
  const commands = [...Example.cycleEncoded]
  const last = commands.map((c) => c._tag).lastIndexOf("Communicate")
  commands.splice(last + 1, 0, ...Array.from({ length: extra }, () => commands[last]!))
  return commands
}

/**
 * The example cycle, played once in memory; `events` per exchange (at least
 * the cycle's own, 80: more are Communicate events of the follow-up phase).
 */
export const cycleTemplate = (events = CYCLE_EVENTS): Promise<Template> => {
  let template = templates.get(events)
  if (template === undefined) {
    template = Effect.runPromise(Effect.gen(function*() {
      const service = yield* ExchangeService.ExchangeService
      const store = yield* EventStore.EventStore
      const decode = Schema.decodeUnknownSync(Command.ExchangeCommand)
      const models: Array<EventStore.ReadModel> = []
      for (const encoded of cycleCommands(Math.max(0, events - CYCLE_EVENTS))) {
        const executed = yield* service.execute(TEMPLATE, decode(encoded))
        if (executed.events.length > 0) models.push(ExchangeService.readModel(TEMPLATE, executed.snapshot, executed.version))
      }
      const stored = (yield* store.read(TEMPLATE)).map((e) => ({ type: e.type, data: JSON.stringify(e.data), recordedAt: e.recordedAt }))
      return { events: stored, models }
    }).pipe(Effect.provide(ExchangeService.layer().pipe(Layer.provideMerge(MemoryEventStore.layer)))))
    templates.set(events, template)
  }
  return template
}

export const streamOf = (i: number) => `ech-${String(i).padStart(6, "0")}`
export const serviceOf = (i: number) => `Service ${i % SERVICES}`

const shift = (iso: string | undefined, days: number) =>
  iso === undefined ? undefined : new Date(Date.parse(iso) + days * DAY).toISOString()

/** The read model of generated exchange `i`. */
export const modelOf = (t: Template, i: number): EventStore.ReadModel => {
  const base = t.models[(i * 7919) % t.models.length]!
  const days = (i * 104_729) % 730
  const stream = streamOf(i)
  const model: EventStore.ReadModel = {
    stream,
    title: `${base.title} (${i})`,
    state: base.state,
    version: base.version,
    service: serviceOf(i),
    themes: base.themes ?? [],
    obligations: base.obligations.map((o) => ({ ...o, dueAt: shift(o.dueAt, days)!, ...(o.from === undefined ? {} : { from: shift(o.from, days)! }) })),
    ...(base.openedAt === undefined ? {} : { openedAt: shift(base.openedAt, days)! }),
    ...(base.closedAt === undefined ? {} : { closedAt: shift(base.closedAt, days)! })
  }
  return model
}

export interface Loaded {
  readonly exchanges: number
  readonly events: number
  readonly obligations: number
  readonly loadMs: number
}

const BATCH = 100

/** Bulk-loads `n` exchanges into a SQLite file (schema by the adapter's migrations). */
export const loadSqlite = async (filename: string, n: number, events = CYCLE_EVENTS): Promise<Loaded> => {
  const schema = ManagedRuntime.make(SqlEventStore.layerSqlite({ filename }))
  await schema.runPromise(Effect.void)
  await schema.dispose()
  const t = await cycleTemplate(events)
  const db = new Database(filename)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  const st = Statements.make("sqlite")
  const perStream = t.events.length
  const insertEvents = db.prepare(`INSERT INTO events (stream, version, type, data, recorded_at) VALUES ${
    Array.from({ length: perStream }, () => "(?, ?, ?, ?, ?)").join(", ")
  }`)
  const upsertExchange = db.prepare(st.upsertExchange)
  const upsertObligations = new Map<number, Database.Statement>()
  let obligations = 0
  const started = performance.now()
  for (let from = 0; from < n; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const stream = streamOf(i)
        const params: Array<unknown> = []
        t.events.forEach((e, v) => params.push(stream, v + 1, e.type, e.data.replaceAll(TEMPLATE, stream), e.recordedAt))
        insertEvents.run(...params)
        const model = modelOf(t, i)
        upsertExchange.run(...Params.exchange(model, t.events[t.events.length - 1]!.recordedAt))
        if (model.obligations.length > 0) {
          const rows: Array<unknown> = []
          Params.obligations(stream, model, rows)
          let statement = upsertObligations.get(model.obligations.length)
          if (statement === undefined) {
            statement = db.prepare(st.upsertObligations(model.obligations.length))
            upsertObligations.set(model.obligations.length, statement)
          }
          statement.run(...rows)
          obligations += model.obligations.length
        }
      }
    })()
  }
  db.exec("ANALYZE")
  db.pragma("wal_checkpoint(TRUNCATE)")
  db.close()
  return { exchanges: n, events: n * perStream, obligations, loadMs: performance.now() - started }
}

/** Bulk-loads `n` exchanges into a PostgreSQL database (schema by the adapter's migrations). */
export const loadPg = async (url: string, n: number, events = CYCLE_EVENTS): Promise<Loaded> => {
  const schema = ManagedRuntime.make(SqlEventStore.layerPg({ url }))
  await schema.runPromise(Effect.void)
  await schema.dispose()
  const t = await cycleTemplate(events)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  let obligations = 0
  const started = performance.now()
  try {
    for (let from = 0; from < n; from += BATCH) {
      const ev: Array<Array<unknown>> = [[], [], [], [], []]
      const ex: Array<Array<unknown>> = Array.from({ length: 9 }, () => [])
      const ob: Array<Array<unknown>> = Array.from({ length: 12 }, () => [])
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const stream = streamOf(i)
        t.events.forEach((e, v) => {
          ev[0]!.push(stream)
          ev[1]!.push(v + 1)
          ev[2]!.push(e.type)
          ev[3]!.push(e.data.replaceAll(TEMPLATE, stream))
          ev[4]!.push(e.recordedAt)
        })
        const model = modelOf(t, i)
        Params.exchange(model, t.events[t.events.length - 1]!.recordedAt).forEach((value, c) => ex[c]!.push(value))
        const rows: Array<unknown> = []
        Params.obligations(stream, model, rows)
        rows.forEach((value, k) => ob[k % 12]!.push(value))
        obligations += model.obligations.length
      }
      await client.query("BEGIN")
      await client.query(
        `INSERT INTO events (stream, version, type, data, recorded_at)
SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::json[], $5::text[])`,
        ev
      )
      await client.query(
        `INSERT INTO exchanges (stream, title, state, version, updated_at, service, themes, opened_at, closed_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
        ex
      )
      await client.query(
        `INSERT INTO obligations (stream, position, rule, due_at, due_ms, from_at, from_ms, owner, path, service, what_fr, what_en)
SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::bigint[], $8::text[],
$9::text[], $10::text[], $11::text[], $12::text[])`,
        ob
      )
      await client.query("COMMIT")
    }
    await client.query("ANALYZE")
  } finally {
    await client.end()
  }
  return { exchanges: n, events: n * t.events.length, obligations, loadMs: performance.now() - started }
}

/** An estate query, named, as the port takes it. */
export type Query =
  | { readonly name: string; readonly obligations: EventStore.ObligationQuery }
  | { readonly name: string; readonly exchanges: EventStore.ExchangeQuery }

/** Runs a query through the store's port. */
export const runQuery = (store: EventStore.EventStore["Type"], q: Query): Effect.Effect<number, EventStore.EventStoreError> =>
  "obligations" in q
    ? Effect.map(store.obligations(q.obligations), (page) => page.rows.length)
    : Effect.map(store.exchanges(q.exchanges), (page) => page.rows.length)

/** The estate's queries (what a ministry's dashboards ask), at instant `at`. */
export const queries = (at: string): ReadonlyArray<Query> => [
  { name: "obligations owed at an instant, first page of 50", obligations: { at, limit: 50 } },
  { name: "obligations of one service", obligations: { at, service: serviceOf(7), limit: 50 } },
  { name: "obligations of one owner (liaison)", obligations: { at, owner: "liaison", limit: 50 } },
  { name: "obligations of one rule (RES-08)", obligations: { at, rule: "RES-08", limit: 50 } },
  { name: "overdue obligations of one service", obligations: { at, service: serviceOf(3), status: "overdue", limit: 50 } },
  {
    name: "obligations due in a month",
    obligations: { at, dueFrom: "2027-03-01T00:00:00.000Z", dueBefore: "2027-04-01T00:00:00.000Z", limit: 50 }
  },
  {
    name: "obligations, a page after a cursor",
    obligations: { at, limit: 50, after: { dueAt: "2027-06-01T00:00:00.000Z", stream: "ech-", position: 0 } }
  },
  { name: "exchanges in one state (inSessions)", exchanges: { state: "inSessions", limit: 50 } },
  { name: "exchanges of one service", exchanges: { service: serviceOf(11), limit: 50 } },
  { name: "exchanges of one service in one state", exchanges: { service: serviceOf(11), state: "closed", limit: 50 } },
  { name: "exchanges, a page after a cursor", exchanges: { limit: 50, after: streamOf(500) } }
]

/** p50 and p95 (ms) of `samples` sequential runs, after a few warm-up runs. */
export const percentiles = async (run: () => Promise<unknown>, samples: number) => {
  for (let i = 0; i < 5; i++) await run()
  const times: Array<number> = []
  for (let i = 0; i < samples; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(samples * 0.5)]!, p95: times[Math.min(samples - 1, Math.floor(samples * 0.95))]! }
}
