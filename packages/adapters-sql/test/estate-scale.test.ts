/**
 * The scale benchmark's reduced version, run by CI: the generated estate
 * (bench/estate-generator.ts) at 100 and at 1,000 exchanges (about 10,000 and
 * 100,000 real events) on SQLite and PostgreSQL. Timings are too noisy on a
 * shared runner, so growth is checked from the query plans, which do not
 * depend on the load of the machine:
 * - every estate query is answered by an index that yields its rows in the
 *   query's order (SQLite: a SEARCH or SCAN USING INDEX, never a full table
 *   scan nor a temporary B-tree for ORDER BY; PostgreSQL: no Seq Scan and no
 *   Sort node), so a page reads about `limit` entries whatever the estate;
 * - on PostgreSQL, the buffers a page touches per row it returns (EXPLAIN
 *   ANALYZE BUFFERS; per row, since a small estate may not fill a page) at
 *   1,000 exchanges are under 4× those at 100: linear growth would be 10×.
 * PostgreSQL plans are taken with sequential scans and sorts disabled: on
 * tables this small the planner rightly prefers reading everything, and the
 * question here is whether an index path exists that keeps a page's cost
 * flat (at 10,000 exchanges the planner takes it by itself: see the bench).
 */
import Database from "better-sqlite3"
import { join } from "node:path"
import pg from "pg"
import { afterAll, assert, describe, it } from "vitest"
import { loadPg, loadSqlite, queries, type Query } from "../bench/estate-generator.js"
import * as Statements from "../src/internal/statements.js"
import { createDatabase, describePg, dropDatabase, tempDir } from "./helpers.js"

const AT = "2028-06-01T00:00:00.000Z"
const SIZES = [100, 1000] as const

const statement = (dialect: Statements.Dialect, q: Query) => {
  const statements = Statements.make(dialect)
  return "obligations" in q ? Statements.obligationsQuery(statements, q.obligations) : Statements.exchangesQuery(statements, q.exchanges)
}

describe("estate at scale, reduced (SQLite): every query walks an index in its order", () => {
  const { dir, remove } = tempDir()
  afterAll(remove)
  it("query plans at 100 and 1,000 exchanges", async () => {
    for (const size of SIZES) {
      const filename = join(dir, `estate-${size}.db`)
      const loaded = await loadSqlite(filename, size)
      assert.strictEqual(loaded.exchanges, size)
      const db = new Database(filename, { readonly: true })
      try {
        for (const q of queries(AT)) {
          const { params, text } = statement("sqlite", q)
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail)
          const where = `${q.name} at ${size}: ${plan.join(" | ")}`
          assert.isFalse(plan.some((d) => d.includes("TEMP B-TREE")), `sorts its rows: ${where}`)
          const main = plan.find((d) => / (o|obligations|exchanges)\b/.test(d) && !/ e USING/.test(d)) ?? plan[0]!
          assert.match(main, /USING (COVERING )?INDEX|USING PRIMARY KEY|USING INTEGER PRIMARY KEY/, `no index: ${where}`)
          // The rows the page returns are really there (the generator reaches every query).
          if (size === 1000) assert.isAbove(db.prepare(text).raw(true).all(...params).length, 0, `no row: ${where}`)
        }
      } finally {
        db.close()
      }
    }
  }, 300_000)
})

describePg("estate at scale, reduced (PostgreSQL): index paths, pages cost the same at 10× the estate", () => {
  const urls: Array<string> = []
  afterAll(() => Promise.all(urls.map(dropDatabase)))
  it("query plans and buffers at 100 and 1,000 exchanges", async () => {
    const buffers = new Map<string, Array<number>>()
    for (const size of SIZES) {
      const url = await createDatabase()
      urls.push(url)
      await loadPg(url, size)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query("SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off")
        for (const q of queries(AT)) {
          const { params, text } = statement("pg", q)
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, params)
          const root = (rows[0] as { "QUERY PLAN": Array<{ Plan: PlanNode }> })["QUERY PLAN"][0]!.Plan
          const nodes = flatten(root)
          const where = `${q.name} at ${size}: ${nodes.map((n) => n["Node Type"]).join(" > ")}`
          assert.isFalse(nodes.some((n) => n["Node Type"] === "Seq Scan"), `sequential scan: ${where}`)
          assert.isFalse(nodes.some((n) => n["Node Type"] === "Sort"), `sorts its rows: ${where}`)
          if (size === 1000) assert.isAbove(root["Actual Rows"], 0, `no row: ${where}`)
          const touched = (root["Shared Hit Blocks"] + root["Shared Read Blocks"]) / (root["Actual Rows"] + 1)
          buffers.set(q.name, [...(buffers.get(q.name) ?? []), touched])
        }
      } finally {
        await client.end()
      }
    }
    for (const [name, [small, large]] of buffers) {
      assert.isBelow(large!, 4 * small!, `${name}: ${small!.toFixed(2)} buffers per row at 100 exchanges, ${large!.toFixed(2)} at 1,000`)
    }
  }, 300_000)
})

interface PlanNode {
  readonly "Node Type": string
  readonly "Actual Rows": number
  readonly "Shared Hit Blocks": number
  readonly "Shared Read Blocks": number
  readonly Plans?: ReadonlyArray<PlanNode>
}

const flatten = (node: PlanNode): Array<PlanNode> => [node, ...(node.Plans ?? []).flatMap(flatten)]
