/**
 * The SQL of the append path, compiled once per dialect and per row count.
 * Both dialects take the same statements; only the placeholders differ
 * (`?` for SQLite, `$n` for PostgreSQL).
 *
 * @internal
 */

const EVENT_COLUMNS = "(stream, version, type, data, recorded_at)"
const OBLIGATION_COLUMNS = "(stream, position, rule, due_at, owner, path)"

/** @internal */
export const make = (isPg: boolean) => {
  const values = (rows: number, columns: number, casts?: ReadonlyArray<string>): string => {
    const out: Array<string> = []
    let n = 1
    for (let r = 0; r < rows; r++) {
      const row: Array<string> = []
      for (let c = 0; c < columns; c++) row.push(isPg ? `$${n++}${casts?.[c] ?? ""}` : "?")
      out.push(`(${row.join(", ")})`)
    }
    return out.join(", ")
  }
  const cached = (build: (rows: number) => string) => {
    const cache = new Map<number, string>()
    return (rows: number): string => {
      let sql = cache.get(rows)
      if (sql === undefined) {
        sql = build(rows)
        // Commands have a handful of events; do not grow without bound on odd sizes.
        if (cache.size < 64) cache.set(rows, sql)
      }
      return sql
    }
  }
  const p = (n: number) => (isPg ? `$${n}` : "?")
  return {
    currentVersion: `SELECT COALESCE(MAX(version), 0) AS version FROM events WHERE stream = ${p(1)}`,
    /**
     * The events of one command, inserted only if the stream is at the
     * expected version (the last two parameters: stream, expected version);
     * returns one row per inserted event. A writer that raced past the check
     * hits the primary key instead.
     */
    insertEvents: cached((rows) =>
      isPg
        ? `INSERT INTO events ${EVENT_COLUMNS}
SELECT v.stream, v.version, v.type, v.data, v.recorded_at
FROM (VALUES ${values(rows, 5, ["", "::integer", "", "::json", ""])}) AS v ${EVENT_COLUMNS}
WHERE (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $${rows * 5 + 1}) = $${rows * 5 + 2}::integer
RETURNING version`
        : `INSERT INTO events ${EVENT_COLUMNS}
SELECT column1, column2, column3, column4, column5 FROM (VALUES ${values(rows, 5)})
WHERE (SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?) = ?
RETURNING version`
    ),
    upsertExchange: `INSERT INTO exchanges (stream, title, state, version, updated_at) VALUES ${values(1, 5)}
ON CONFLICT (stream) DO UPDATE SET title = excluded.title, state = excluded.state,
version = excluded.version, updated_at = excluded.updated_at`,
    deleteObligations: `DELETE FROM obligations WHERE stream = ${p(1)}`,
    insertObligations: cached((rows) => `INSERT INTO obligations ${OBLIGATION_COLUMNS} VALUES ${values(rows, 6)}`)
  }
}
