import { randomUUID } from "node:crypto"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cli, ownPgDatabase, tempDir } from "./helpers.js"

/**
 * PostgreSQL at ENTRE_PAIRS_PG_URL (scripts/services.sh starts one); skipped
 * without it. The tests run in a database of their own, created here and
 * dropped afterwards: the server's default database may hold anything (a
 * schema migrated by another release, other runs' exchanges).
 */
const server = process.env["ENTRE_PAIRS_PG_URL"]

describe.skipIf(server === undefined)("the CLI on PostgreSQL (--database-url, DATABASE_URL)", () => {
  const suffix = randomUUID().slice(0, 8)
  const id = `ech-pg-${suffix}`
  const own = ownPgDatabase(server!)

  it("runs commands, show and the directory on PostgreSQL", () => {
    const db = ["--database-url", own.url()]
    expect(cli(["exchange", "propose", id, "--title", "Accueil", "--by", "direction", ...db]).code).toBe(0)
    // DATABASE_URL works too, and wins over the default SQLite file.
    const show = cli(["show", id, "--json"], { env: { DATABASE_URL: own.url() }, cwd: tempDir() })
    expect(show.code).toBe(0)
    expect(JSON.parse(show.stdout)).toMatchObject({ version: 1, snapshot: { state: "proposed" } })
    const csv = join(tempDir(), "a.csv")
    writeFileSync(csv, `Nom;Prénom;Métier;Service;Identifiant\nLefèvre;Élodie;IT;pg-${suffix};agt-pg-${suffix}\n`)
    expect(cli(["agents", "import", csv, ...db]).code).toBe(0)
    const agents = JSON.parse(cli(["agents", "list", "--unit", `pg-${suffix}`, "--json", ...db]).stdout) as Array<{ id: string; firstName: string }>
    expect(agents).toEqual([expect.objectContaining({ id: `agt-pg-${suffix}`, firstName: "Élodie" })])
  })

  it("an import whose Invite is refused rolls back the directory too", () => {
    const db = ["--database-url", own.url()]
    const csv = join(tempDir(), "b.csv")
    writeFileSync(csv, `Nom;Prénom;Métier;Service;Identifiant\nBenali;Karim;IT;pgx-${suffix};agt-pgx-${suffix}\n`)
    const r = cli(["agents", "import", csv, "--exchange", id, ...db])
    expect(r.code).toBe(1)
    expect(JSON.parse(cli(["agents", "list", "--unit", `pgx-${suffix}`, "--json", ...db]).stdout)).toEqual([])
  })
})
