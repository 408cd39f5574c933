import * as Either from "effect/Either"
import { spawnSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as AgentImport from "../src/AgentImport.js"
import { bin, tempDir } from "./helpers.js"

const utf8 = (s: string) => new TextEncoder().encode(s)

describe("AgentImport", () => {
  it("detects BOM, UTF-8 and Windows-1252", () => {
    expect(AgentImport.decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({ text: "A", encoding: "utf-8-bom" })
    expect(AgentImport.decodeText(utf8("Élodie"))).toEqual({ text: "Élodie", encoding: "utf-8" })
    // 0x9c is "œ" in Windows-1252 (not in Latin-1): a real Excel export.
    expect(AgentImport.decodeText(Uint8Array.of(0x43, 0x9c, 0x75, 0x72, 0x20, 0xe9))).toEqual({ text: "Cœur é", encoding: "windows-1252" })
  })

  it("maps French headers and values", () => {
    expect(AgentImport.fieldOf("Tranche d'âge")).toBe("ageBand")
    expect(AgentImport.fieldOf(" PRÉNOM ")).toBe("firstName")
    expect(AgentImport.fieldOf("Commentaire")).toBeUndefined()
    const parsed = AgentImport.parseAgents(
      utf8("Nom,Prénom,Métier,Unité,Tranche d'âge,Ancienneté,Statut,Fonction,Sexe\nDupont,Éric,Contrôleur du travail,UT 75,50 à 59 ans,20 ans et plus,Stagiaire,Encadrante,Homme\n"),
      "a.csv"
    )
    expect(Either.isRight(parsed)).toBe(true)
    const agent = Either.getOrThrow(parsed).agents[0]!.agent
    expect(agent).toMatchObject({
      id: "agt-eric-dupont",
      occupation: "controleur-du-travail",
      unit: "ut-75",
      ageBand: "50-59",
      seniorityBand: "20+",
      status: "trainee",
      sex: "male"
    })
  })

  it("reads the agent's own job title (printed on the attestation) from CSV and JSON", () => {
    expect(AgentImport.fieldOf("Intitulé de poste")).toBe("jobTitle")
    const csv = AgentImport.parseAgents(utf8("Nom;Prénom;Métier;Service;Poste\nLefèvre;Élodie;IT;u1;Inspectrice du travail\n"), "a.csv")
    expect(Either.getOrThrow(csv).agents[0]!.agent.jobTitle).toBe("Inspectrice du travail")
    const json = AgentImport.parseAgents(
      utf8(JSON.stringify([{ id: "agt-1", firstName: "Élodie", lastName: "Lefèvre", occupation: "it", unit: "u1", jobTitle: "Inspectrice du travail" }])),
      "a.json"
    )
    expect(Either.getOrThrow(json).agents[0]!.agent.jobTitle).toBe("Inspectrice du travail")
  })

  it("reports every fault with line and column, quoted multi-line cells counted", () => {
    const parsed = AgentImport.parseAgents(
      utf8('Nom;Prénom;Métier;Service;Tranche d\'âge\n"Du\nPont";Jean;IT;U1;trente\nMartin;;IT;U1;30-39\n'),
      "b.csv"
    )
    expect(Either.isLeft(parsed)).toBe(true)
    const faults = Either.isLeft(parsed) ? parsed.left.faults : []
    expect(faults).toEqual([
      { line: 3, column: "Tranche d'âge", reason: expect.stringContaining("trente") },
      { line: 4, column: "Prénom", reason: expect.stringContaining("manquante") }
    ])
  })

  it("shows a progress indicator on 10,000 rows only when stdout is a TTY", () => {
    const dir = tempDir()
    const file = join(dir, "big.csv")
    const rows = ["Nom;Prénom;Métier;Service;Identifiant"]
    for (let i = 0; i < 10_000; i++) rows.push(`N${i};P${i};IT;U1;agt-${i}`)
    writeFileSync(file, rows.join("\n"))
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${bin} agents import ${file} --database ${join(dir, "a.db")}`, "/dev/null"], { encoding: "utf8", timeout: 120_000 })
    if (tty.error !== undefined) return // no `script` (util-linux) on this machine
    expect(tty.status).toBe(0)
    expect(tty.stdout).toMatch(/Lecture 50 %/)
    expect(tty.stdout).toMatch(/\r/)
  })
})
