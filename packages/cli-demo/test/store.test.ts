/**
 * `entre-pairs store rebuild`: the read models rebuilt from the events, on a
 * SQLite file and on PostgreSQL (built bin). Exit 0 with the count; 1 when an
 * exchange cannot be projected, nothing changed; 2 when the database cannot
 * be opened.
 */
import Database from "better-sqlite3"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import pg from "pg"
import { describe, expect, it } from "vitest"
import { Example } from "./core.js"
import { cliAsync, ownPgDatabase, tempDir } from "./helpers.js"

const end = Example.cycleEncoded.findIndex((c) => c._tag === "RecordTrainingNeed") + 1

/** Two exchanges through the CLI; returns what `exchange list` and `obligations` say of them. */
const seed = async (db: ReadonlyArray<string>) => {
  for (const [id, service] of [["ech-a", "DGT"], ["ech-b", "DRH"]] as const) {
    const commands = Example.cycleEncoded.slice(0, end).map((c) => (c._tag === "Propose" ? { ...c, exchangeId: id, service } : c))
    const r = await cliAsync(["exchange", "exec", id, "--json", "--command", "-", ...db], { input: JSON.stringify(commands) })
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
  }
  return views(db)
}

const views = async (db: ReadonlyArray<string>) => ({
  exchanges: JSON.parse((await cliAsync(["exchange", "list", "--json", ...db])).stdout) as unknown,
  obligations: JSON.parse((await cliAsync(["obligations", "--at", "2026-12-20T00:00:00Z", "--json", ...db])).stdout) as unknown
})

describe("store rebuild on a SQLite file", () => {
  const dir = tempDir()
  const file = join(dir, "store.db")
  const db = ["--database", file]

  it("rebuilds read models that were lost, the same as written by the commands (exit 0, count)", async () => {
    const before = await seed(db)
    expect((before.exchanges as Array<unknown>).length).toBe(2)
    const raw = new Database(file)
    raw.exec("DELETE FROM obligations; DELETE FROM exchanges")
    raw.close()
    expect(await views(db)).toEqual({ exchanges: [], obligations: [] })
    const r = await cliAsync(["store", "rebuild", "--json", ...db])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, rebuilt: 2 })
    expect(await views(db)).toEqual(before)
    const text = await cliAsync(["store", "rebuild", ...db])
    expect(text.stdout).toContain("Modèles de lecture reconstruits depuis les événements : 2 échanges.")
    expect((await cliAsync(["store", "rebuild", "--lang", "en", ...db])).stdout).toContain("Read models rebuilt from the events: 2 exchanges.")
  })

  it("exits 1 when an exchange cannot be projected, leaving the read models as they were", async () => {
    const before = await views(db)
    const raw = new Database(file)
    raw.prepare("INSERT INTO events (stream, version, type, data, recorded_at) VALUES (?, 1, ?, ?, ?)").run(
      "ech-broken",
      "NotAnEvent",
      "{}",
      "2026-12-01T00:00:00.000Z"
    )
    raw.close()
    const r = await cliAsync(["store", "rebuild", "--json", ...db])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, store: expect.stringContaining("ech-broken") })
    expect(await views(db)).toEqual(before)
  })

  it("exits 2 when the database cannot be opened", async () => {
    const notADatabase = join(dir, "notes.txt")
    writeFileSync(notADatabase, "ceci n'est pas une base SQLite, mais un texte assez long pour en avoir l'air".repeat(20))
    expect((await cliAsync(["store", "rebuild", "--database", notADatabase])).code).toBe(2)
    expect((await cliAsync(["store", "rebuild", "--unknown-option", ...db])).code).toBe(2)
  })
})

const server = process.env["ENTRE_PAIRS_PG_URL"]

describe.skipIf(server === undefined)("store rebuild on PostgreSQL", () => {
  const own = ownPgDatabase(server!)

  it("rebuilds read models that were lost (exit 0, count), exits 1 on an exchange that cannot be projected", async () => {
    const url = own.url()
    const db = ["--database-url", url]
    const before = await seed(db)
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query("DELETE FROM obligations; DELETE FROM exchanges")
      const r = await cliAsync(["store", "rebuild", "--json", ...db])
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toEqual({ ok: true, rebuilt: 2 })
      expect(await views(db)).toEqual(before)
      await client.query(
        "INSERT INTO events (stream, version, type, data, recorded_at) VALUES ('ech-broken', 1, 'NotAnEvent', '{}', '2026-12-01T00:00:00.000Z')"
      )
      expect((await cliAsync(["store", "rebuild", "--json", ...db])).code).toBe(1)
      expect(await views(db)).toEqual(before)
    } finally {
      await client.end()
    }
  })
})
