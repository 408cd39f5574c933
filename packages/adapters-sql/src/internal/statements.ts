/**
 * The SQL of the store, compiled once per dialect and per row count. Both
 * dialects take the same statements except where noted; only the
 * placeholders differ (`?` for SQLite, `$n` for PostgreSQL).
 *
 * The benchmarks run these very strings through the raw drivers, so the
 * ratios they report measure the adapter, not a difference of SQL.
 *
 * @internal
 */
import type { EventStore } from "@entre-pairs/core"

const EVENT_COLUMNS = "(stream, version, type, data, recorded_at)"
const EXCHANGE_COLUMNS = "(stream, title, state, version, updated_at, service, themes, opened_at, closed_at)"
const OBLIGATION_COLUMNS =
  "(stream, position, rule, due_at, due_ms, from_at, from_ms, owner, path, service, what_fr, what_en)"

const EXCHANGE_UPDATE = `ON CONFLICT (stream) DO UPDATE SET title = excluded.title, state = excluded.state,
version = excluded.version, updated_at = excluded.updated_at, service = excluded.service, themes = excluded.themes,
opened_at = excluded.opened_at, closed_at = excluded.closed_at`
const OBLIGATION_UPDATE = `ON CONFLICT (stream, position) DO UPDATE SET rule = excluded.rule, due_at = excluded.due_at,
due_ms = excluded.due_ms, from_at = excluded.from_at, from_ms = excluded.from_ms, owner = excluded.owner,
path = excluded.path, service = excluded.service, what_fr = excluded.what_fr, what_en = excluded.what_en`

/** @internal */
export type Dialect = "sqlite" | "pg"

/** Parameters per event row, read-model row and obligation row, in the order of their columns. @internal */
export const EVENT_PARAMS = 5
/** @internal */
export const EXCHANGE_PARAMS = 9
/** @internal */
export const OBLIGATION_PARAMS = 12

/** A cache of SQL by shape, bounded (commands have a handful of events; odd sizes are not kept). */
const cached = <K>(build: (key: K) => string) => {
  const cache = new Map<K, string>()
  return (key: K): string => {
    let sql = cache.get(key)
    if (sql === undefined) {
      sql = build(key)
      if (cache.size < 256) cache.set(key, sql)
    }
    return sql
  }
}

/** @internal */
export const make = (dialect: Dialect) => {
  const isPg = dialect === "pg"
  let n = 0
  const p = (cast = "") => (isPg ? `$${++n}${cast}` : "?")
  const reset = () => {
    n = 0
  }
  const values = (rows: number, casts: ReadonlyArray<string>): string => {
    const out: Array<string> = []
    for (let r = 0; r < rows; r++) out.push(`(${casts.map((cast) => p(cast)).join(", ")})`)
    return out.join(", ")
  }
  const sql = (build: () => string): string => {
    reset()
    return build()
  }
  const eventCasts = ["", isPg ? "::integer" : "", "", isPg ? "::json" : "", ""]
  const exchangeCasts = ["", "", "", isPg ? "::integer" : "", "", "", "", "", ""]
  const int = isPg ? "::integer" : ""
  const big = isPg ? "::bigint" : ""
  const obligationCasts = ["", int, "", "", big, "", big, "", "", "", "", ""]
  const data = isPg ? "data::text AS data" : "data"
  const byStream = isPg ? `stream COLLATE "C"` : "stream"

  /**
   * The events of one command, inserted only if the stream is at the
   * expected version (the last two parameters: stream, expected version);
   * returns one row per inserted event. A writer that raced past the check
   * hits the primary key instead.
   */
  const insertEventsBody = (rows: number) =>
    isPg
      ? `INSERT INTO events ${EVENT_COLUMNS}
SELECT v.stream, v.version, v.type, v.data, v.recorded_at
FROM (VALUES ${values(rows, eventCasts)}) AS v ${EVENT_COLUMNS}
WHERE (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ${p()}) = ${p("::integer")}
RETURNING version`
      : `INSERT INTO events ${EVENT_COLUMNS}
SELECT column1, column2, column3, column4, column5 FROM (VALUES ${values(rows, eventCasts)})
WHERE (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?) = ?
RETURNING version`

  return {
    dialect,
    currentVersion: sql(() => `SELECT COALESCE(MAX(version), 0) AS version FROM events WHERE stream = ${p()}`),
    /** Parameters: the event rows, then stream and expected version. */
    insertEvents: cached((rows: number) => sql(() => insertEventsBody(rows))),
    upsertExchange: sql(() => `INSERT INTO exchanges ${EXCHANGE_COLUMNS} VALUES ${values(1, exchangeCasts)}
${EXCHANGE_UPDATE}`),
    /** Parameters: the obligation rows. Rows past them are removed by `trimObligations`. */
    upsertObligations: cached((rows: number) =>
      sql(() => `INSERT INTO obligations ${OBLIGATION_COLUMNS} VALUES ${values(rows, obligationCasts)}
${OBLIGATION_UPDATE}`)
    ),
    /** Parameters: stream, how many obligations it has now. */
    trimObligations: sql(() => `DELETE FROM obligations WHERE stream = ${p()} AND position >= ${p("::integer")}`),
    /**
     * PostgreSQL only: the whole append as ONE statement, atomic on its own
     * (one round trip instead of seven). The read model is written only if
     * the events were (`EXISTS (SELECT 1 FROM inserted)`); the obligations'
     * upsert and trim touch disjoint rows, so the order in which PostgreSQL
     * runs the sub-statements does not matter. Parameters: the event rows,
     * stream, expected version, the exchange row, the obligation rows, then
     * the obligation count. Returns one row per inserted event.
     */
    appendPg: cached((shape: `${number}:${number}`) =>
      sql(() => {
        const [events, obligations] = shape.split(":").map(Number) as [number, number]
        const inserted = insertEventsBody(events)
        const exchange = `INSERT INTO exchanges ${EXCHANGE_COLUMNS}
SELECT * FROM (VALUES ${values(1, exchangeCasts)}) AS x ${EXCHANGE_COLUMNS} WHERE EXISTS (SELECT 1 FROM inserted)
${EXCHANGE_UPDATE}`
        const stream = p()
        const owed = obligations === 0 ? "" : `, owed AS (
INSERT INTO obligations ${OBLIGATION_COLUMNS}
SELECT * FROM (VALUES ${values(obligations, obligationCasts)}) AS o ${OBLIGATION_COLUMNS}
WHERE EXISTS (SELECT 1 FROM inserted)
${OBLIGATION_UPDATE}
)`
        return `WITH inserted AS (
${inserted}
), exchange AS (
${exchange}
), trimmed AS (
DELETE FROM obligations WHERE stream = ${stream} AND position >= ${p("::integer")} AND EXISTS (SELECT 1 FROM inserted)
)${owed}
SELECT version FROM inserted`
      })
    ),
    /** Columns: stream, version, type, data, recorded_at. Parameters: stream, after version. */
    readEvents: sql(() =>
      `SELECT stream, version, type, ${data}, recorded_at FROM events
WHERE stream = ${p()} AND version > ${p()} ORDER BY version`
    ),
    /**
     * Events in the order of the primary key, a page at a time (rebuild):
     * parameters `limit`, or `stream, version, limit` to start after that
     * event. The order is the index's (the database's collation), which is
     * all a rebuild needs: each stream's events together, by version.
     */
    eventsAfter: (after: boolean) =>
      sql(() =>
        `SELECT stream, version, type, ${data}, recorded_at FROM events
${after ? `WHERE (stream, version) > (${p()}, ${p("::integer")})` : ""}
ORDER BY stream, version LIMIT ${p("::integer")}`
      ),
    /** Columns: stream, version. */
    streams: `SELECT stream, MAX(version) AS version FROM events GROUP BY stream ORDER BY ${byStream}`,
    /**
     * Exchanges and their obligations from one statement, so both come from
     * the same snapshot. Columns: stream, title, state, version, service,
     * themes, opened_at, closed_at, rule, due_at, owner, path, from_at,
     * what_fr, what_en.
     */
    readModels: (state: boolean) =>
      sql(() =>
        `SELECT e.stream, e.title, e.state, e.version, e.service, e.themes, e.opened_at, e.closed_at,
o.rule, o.due_at, o.owner, o.path, o.from_at, o.what_fr, o.what_en
FROM exchanges e LEFT JOIN obligations o ON o.stream = e.stream
${state ? `WHERE e.state = ${p()}` : ""}
ORDER BY e.stream, o.position`
      ),
    /**
     * A page of obligations owed at an instant, in index order
     * `(due_ms, stream, position)`: the filters present pick the index
     * (service, owner, or due date alone) and the page reads about `limit`
     * entries of it. Parameters, in order: at (ms), then each filter present
     * (service, owner, rule, due from, due before, the status's instant),
     * the cursor (due ms, stream, position) if any, and the limit. Columns:
     * stream, title, service, position, rule, due_at, owner, path, from_at,
     * what_fr, what_en.
     */
    obligationsPage: cached((shape: string) =>
      sql(() => {
        const has = (flag: string) => shape.includes(flag)
        const where = [`o.due_ms IS NOT NULL`, `(o.from_at IS NULL OR o.from_ms <= ${p(big)})`]
        if (has("s")) where.push(`o.service = ${p()}`)
        if (has("o")) where.push(`o.owner = ${p()}`)
        if (has("r")) where.push(`o.rule = ${p()}`)
        if (has("f")) where.push(`o.due_ms >= ${p(big)}`)
        if (has("b")) where.push(`o.due_ms < ${p(big)}`)
        if (has("L")) where.push(`o.due_ms < ${p(big)}`)
        if (has("D")) where.push(`o.due_ms >= ${p(big)}`)
        if (has("a")) where.push(`(o.due_ms, o.stream, o.position) > (${p(big)}, ${p()}, ${p(int)})`)
        return `SELECT o.stream, e.title, o.service, o.position, o.rule, o.due_at, o.owner, o.path, o.from_at,
o.what_fr, o.what_en
FROM obligations o JOIN exchanges e ON e.stream = o.stream
WHERE ${where.join(" AND ")}
ORDER BY o.due_ms, o.stream, o.position LIMIT ${p(int)}`
      })
    ),
    /**
     * A page of exchanges in stream order. Parameters: state, service, theme
     * (those present), the stream to start after (if any), the limit. Columns:
     * stream, title, state, version, service, themes, opened_at, closed_at,
     * updated_at.
     */
    exchangesPage: cached((shape: string) =>
      sql(() => {
        const where: Array<string> = []
        if (shape.includes("t")) where.push(`state = ${p()}`)
        if (shape.includes("s")) where.push(`service = ${p()}`)
        // No index: the page walks the stream (or service) index and keeps
        // the exchanges of that theme (themes are JSON text).
        if (shape.includes("h")) {
          where.push(isPg ? `jsonb_exists(themes::jsonb, ${p()})` : `EXISTS (SELECT 1 FROM json_each(themes) WHERE value = ?)`)
        }
        if (shape.includes("a")) where.push(`stream > ${p()}`)
        return `SELECT stream, title, state, version, service, themes, opened_at, closed_at, updated_at
FROM exchanges ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`}
ORDER BY stream LIMIT ${p(int)}`
      })
    )
  }
}

/** @internal */
export type Statements = ReturnType<typeof make>

/**
 * The statement and parameters of an obligation query (one more row than the
 * limit: whether a next page exists). The query is validated by the caller.
 *
 * @internal
 */
export const obligationsQuery = (statements: Statements, q: EventStore.ObligationQuery) => {
  const at = Date.parse(q.at)
  let shape = ""
  const params: Array<string | number | null> = [at]
  const add = (flag: string, ...values: Array<string | number>) => {
    shape += flag
    params.push(...values)
  }
  if (q.service !== undefined) add("s", q.service)
  if (q.owner !== undefined) add("o", q.owner)
  if (q.rule !== undefined) add("r", q.rule)
  if (q.dueFrom !== undefined) add("f", Date.parse(q.dueFrom))
  if (q.dueBefore !== undefined) add("b", Date.parse(q.dueBefore))
  if (q.status === "overdue") add("L", at)
  if (q.status === "due") add("D", at)
  if (q.after !== undefined) add("a", Date.parse(q.after.dueAt), q.after.stream, q.after.position)
  params.push(q.limit + 1)
  return { text: statements.obligationsPage(shape), params }
}

/** The statement and parameters of an exchange query (one more row than the limit). @internal */
export const exchangesQuery = (statements: Statements, q: EventStore.ExchangeQuery) => {
  let shape = ""
  const params: Array<string | number | null> = []
  if (q.state !== undefined) (shape += "t", params.push(q.state))
  if (q.service !== undefined) (shape += "s", params.push(q.service))
  if (q.theme !== undefined) (shape += "h", params.push(q.theme))
  if (q.after !== undefined) (shape += "a", params.push(q.after))
  params.push(q.limit + 1)
  return { text: statements.exchangesPage(shape), params }
}
