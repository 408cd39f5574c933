/**
 * The estate's queries from the command line: obligations across exchanges
 * filtered by service, owner, rule, due period and status, a page at a time
 * (`--limit`, `--cursor`), and exchanges by service; a bad cursor, limit or
 * date exits 2.
 */
import { Example } from "./core.js"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cliAsync, tempDir } from "./helpers.js"

describe("estate queries over the SQLite store (built bin)", () => {
  const dir = tempDir()
  const db = ["--database", join(dir, "estate.db")]
  const end = Example.cycleEncoded.findIndex((c) => c._tag === "RecordTrainingNeed" && (c as { needId?: string }).needId === "bf2") + 1

  it("filters obligations across exchanges and pages them; lists exchanges by service", async () => {
    for (const [id, service] of [["ech-a", "DGT"], ["ech-b", "DRH"], ["ech-c", "DRH"]] as const) {
      const commands = Example.cycleEncoded.slice(0, end).map((c) => (c._tag === "Propose" ? { ...c, exchangeId: id, service } : c))
      const r = await cliAsync(["exchange", "exec", id, "--json", "--command", "-", ...db], { input: JSON.stringify(commands) })
      expect(r.stderr).toBe("")
      expect(r.code).toBe(0)
    }
    const at = ["--at", "2026-12-20T00:00:00Z"]
    const all = await cliAsync(["obligations", ...at, "--json", ...db])
    expect(all.code).toBe(0)
    const rows = JSON.parse(all.stdout) as Array<{ exchange: string; rule: string; status: string }>
    expect(rows.length).toBe(6)
    const drh = JSON.parse((await cliAsync(["obligations", ...at, "--service", "DRH", "--rule", "RES-03", "--json", ...db])).stdout) as typeof rows
    expect(drh.map((r) => [r.exchange, r.rule])).toEqual([["ech-b", "RES-03"], ["ech-c", "RES-03"]])
    const paged: typeof rows = []
    let cursor: Array<string> = []
    for (;;) {
      const page = await cliAsync(["obligations", ...at, "--limit", "4", ...cursor, "--json", ...db])
      expect(page.code).toBe(0)
      const body = JSON.parse(page.stdout) as { obligations: typeof rows; next?: string }
      paged.push(...body.obligations)
      if (body.next === undefined) break
      cursor = ["--cursor", body.next]
    }
    expect(paged).toEqual(rows)
    const text = await cliAsync(["obligations", ...at, "--limit", "2", ...db])
    expect(text.stdout).toMatch(/Page suivante : --cursor \S+/)
    const none = JSON.parse((await cliAsync(["obligations", ...at, "--status", "overdue", "--owner", "liaison", "--due-before", "2026-12-01", "--json", ...db])).stdout)
    expect(none).toEqual([])
    const listed = await cliAsync(["exchange", "list", "--service", "DRH", "--limit", "1", "--json", ...db])
    const body = JSON.parse(listed.stdout) as { exchanges: Array<{ id: string; service: string }>; next?: string }
    expect(body.exchanges.map((e) => [e.id, e.service])).toEqual([["ech-b", "DRH"]])
    const rest = JSON.parse((await cliAsync(["exchange", "list", "--service", "DRH", "--limit", "1", "--cursor", body.next!, "--json", ...db])).stdout)
    expect(rest).toEqual({ exchanges: [{ id: "ech-c", title: expect.any(String), state: "inSessions", version: expect.any(Number), service: "DRH" }] })
    // By theme (one of the framing's themes, the same text).
    const theme = "Gérer une visite de contrôle qui se tend"
    const themed = JSON.parse((await cliAsync(["exchange", "list", "--theme", theme, "--service", "DRH", "--json", ...db])).stdout) as Array<{ id: string }>
    expect(themed.map((e) => e.id)).toEqual(["ech-b", "ech-c"])
    expect(JSON.parse((await cliAsync(["exchange", "list", "--theme", "Gérer", "--json", ...db])).stdout)).toEqual([])
  })

  it("exits 2 on a bad cursor, limit or date", async () => {
    expect((await cliAsync(["obligations", "--cursor", "pas-un-curseur", ...db])).code).toBe(2)
    expect((await cliAsync(["obligations", "--limit", "0", ...db])).code).toBe(2)
    expect((await cliAsync(["obligations", "--due-from", "demain", ...db])).code).toBe(2)
    expect((await cliAsync(["exchange", "list", "--limit", "5000", ...db])).code).toBe(2)
  })
})
