import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cli, tempDir } from "./helpers.js"

/** Windows-1252 bytes (what Excel writes in France) of a Latin-1 string. */
const cp1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"
const windows1252 = (text: string) =>
  Uint8Array.from([...text.replace(/\n/g, "\r\n")].map((ch) => {
    const high = cp1252High.indexOf(ch)
    if (high >= 0) return 0x80 + high
    if (ch.charCodeAt(0) > 0xff) throw new Error(`not in Windows-1252: ${ch}`)
    return ch.charCodeAt(0)
  }))
const bom = Buffer.from([0xef, 0xbb, 0xbf])

const header = "Nom;Prénom;Civilité;Métier;Service;Fonction;Statut;Tranche d'âge;Ancienneté;Sexe;Identifiant"
const good = [
  header,
  "Lefèvre;Élodie;Mme;Inspecteur du travail;UC3;Agent;Titulaire;30 à 39 ans;5 à 9 ans;F;agt-001",
  "Benali;Karim;M.;Inspecteur du travail;UC3;Encadrant;Titulaire;40-49;10-19;H;agt-002",
  "Le Goff;Jean-Pierre;M;Contrôleur du travail;UC3;Agent;Contractuel;60 ans et plus;20 ans et plus;M;agt-003",
  "\"Müller; Straße\";Anaïs;Mme;Inspecteur du travail;UC3;Expert;Stagiaire;moins de 30 ans;moins de 2 ans;F;agt-004",
  "Lebœuf-d’Arc;Zoé;Mme;Inspecteur du travail;UC3;Agent;Titulaire;40-49;5-9;F;agt-005"
].join("\n")

const list = (database: string) => JSON.parse(cli(["agents", "list", "--database", database, "--json"]).stdout) as Array<{ id: string; firstName: string; lastName: string; occupation: string; unit: string; functionHeld?: string }>

describe("agents import (built bin)", () => {
  it("imports a French CSV export: ';', UTF-8 BOM, French headers and values", () => {
    const dir = tempDir()
    const file = join(dir, "agents.csv")
    writeFileSync(file, Buffer.concat([bom, Buffer.from(good.replace(/\n/g, "\r\n"), "utf8")]))
    const database = join(dir, "a.db")
    const r = cli(["agents", "import", file, "--database", database])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/5 agents importés.*utf-8-bom, séparateur « ; »/)
    const agents = list(database)
    expect(agents.map((a) => a.id)).toEqual(["agt-001", "agt-002", "agt-003", "agt-004", "agt-005"])
    expect(agents[0]).toMatchObject({ firstName: "Élodie", lastName: "Lefèvre", occupation: "inspecteur-du-travail", unit: "uc3", functionHeld: "agent" })
    expect(agents[1]!.functionHeld).toBe("lineManager")
    expect(agents[3]!.lastName).toBe("Müller; Straße")
    // Sensitive profile data (CNF-04) is not listed.
    expect(JSON.stringify(agents)).not.toMatch(/ageBand|female|tenured/)
  })

  it("imports Windows-1252 (no BOM) with its accents intact", () => {
    const dir = tempDir()
    const file = join(dir, "agents-1252.csv")
    writeFileSync(file, windows1252(good))
    const database = join(dir, "a.db")
    const r = cli(["agents", "import", file, "--database", database, "--json"])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, imported: 5, encoding: "windows-1252", delimiter: ";" })
    const agents = list(database)
    expect(agents.map((a) => `${a.firstName} ${a.lastName}`)).toEqual(["Élodie Lefèvre", "Karim Benali", "Jean-Pierre Le Goff", "Anaïs Müller; Straße", "Zoé Lebœuf-d’Arc"])
  })

  it("imports English headers with ',' and JSON files", () => {
    const dir = tempDir()
    const database = join(dir, "a.db")
    const csv = join(dir, "en.csv")
    writeFileSync(csv, "id,firstName,lastName,occupation,unit,sex\nagt-100,Ann,Smith,labour-inspector,ut-75,female\n")
    expect(cli(["agents", "import", csv, "--database", database]).code).toBe(0)
    const json = join(dir, "agents.json")
    writeFileSync(json, JSON.stringify([{ id: "agt-101", firstName: "Zoé", lastName: "Martin", occupation: "inspecteur-travail", unit: "ut-75" }]))
    expect(cli(["agents", "import", json, "--database", database]).code).toBe(0)
    expect(list(database).map((a) => a.id)).toEqual(["agt-100", "agt-101"])
  })

  it("rejects a whole file on one bad row, with line, column and reason, and writes nothing", () => {
    const dir = tempDir()
    const database = join(dir, "a.db")
    const before = join(dir, "before.csv")
    writeFileSync(before, windows1252(good))
    expect(cli(["agents", "import", before, "--database", database]).code).toBe(0)
    const bad = join(dir, "bad.csv")
    const lines = good.replace(/agt-00(\d)/g, "agt-10$1").split("\n")
    lines[2] = lines[2]!.replace(";H;", ";Z;")
    lines[3] = lines[3]!.replace("Contrôleur du travail", "")
    writeFileSync(bad, Buffer.concat([bom, Buffer.from(lines.join("\n"), "utf8")]))
    const r = cli(["agents", "import", bad, "--database", database])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/rien n'a été importé/)
    expect(r.stderr).toMatch(/ligne 3, colonne « Sexe » : « Z »/)
    expect(r.stderr).toMatch(/ligne 4, colonne « Métier »/)
    expect(r.stdout).toBe("")
    // Nothing written: the directory still holds the first import only.
    expect(list(database).map((a) => a.id)).toEqual(["agt-001", "agt-002", "agt-003", "agt-004", "agt-005"])
    const json = cli(["agents", "import", bad, "--database", database, "--json"])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, imported: 0, faults: expect.arrayContaining([{ line: 3, column: "Sexe", reason: expect.stringContaining("Z") }]) })
  })

  it("rejects a file without the required columns, and duplicates", () => {
    const dir = tempDir()
    const file = join(dir, "x.csv")
    writeFileSync(file, "Nom;Prénom\nDupont;Jean\n")
    const r = cli(["agents", "import", file, "--database", join(dir, "a.db")])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/colonne obligatoire absente/)
    writeFileSync(file, `${header}\n${good.split("\n")[1]}\n${good.split("\n")[1]}\n`)
    const dup = cli(["agents", "import", file, "--database", join(dir, "a.db")])
    expect(dup.code).toBe(2)
    expect(dup.stderr).toMatch(/ligne 3.*déjà vu ligne 2/)
  })

  it("imports 10,000 rows without a progress indicator when stdout is not a TTY", () => {
    const dir = tempDir()
    const file = join(dir, "big.csv")
    const rows = [header]
    for (let i = 0; i < 10_000; i++) rows.push(`Nom${i};Prénom${i};Mme;Inspecteur du travail;UC${i % 7};Agent;Titulaire;30-39;5-9;F;agt-${i}`)
    writeFileSync(file, windows1252(rows.join("\n")))
    const database = join(dir, "a.db")
    const r = cli(["agents", "import", file, "--database", database])
    expect(r.code).toBe(0)
    expect(r.stdout).not.toContain("\r")
    expect(r.stdout).toMatch(/10 000 agents|10000 agents/)
    expect(list(database).length).toBe(10_000)
  })
})
