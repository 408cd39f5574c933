import { Example } from "./core.js"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cli, tempDir } from "./helpers.js"

describe("entre-pairs compose (built bin)", () => {
  const dir = tempDir()
  const pool = join(dir, "pool.json")
  writeFileSync(pool, JSON.stringify(Example.invitedAgents))

  it("proposes a group with diversity, probabilities, portfolio and seed", () => {
    const r = cli(["compose", pool, "--size", "9", "--seed", "2026-11-28", "--quota", "functionHeld:lineManager<=1"])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Groupe proposé : 9 membres parmi 12 volontaires \(graine « 2026-11-28 »\)/)
    expect(r.stdout).toMatch(/Diversité par dimension \(DIV-01\)[\s\S]*ageBand[\s\S]*functionHeld/)
    expect(r.stdout).toMatch(/Probabilité de sélection de chaque volontaire/)
    expect(r.stdout).toMatch(/Compromis diversité\/équité : groupes de diversité optimale, à la tolérance près/)
    expect(r.stdout).toMatch(/Portefeuille : \d+ groupe/)
  })

  it("is reproducible from its seed and --json parses (DIV-03)", () => {
    const run = () => JSON.parse(cli(["compose", pool, "--size", "8-10", "--seed", "tirage-42", "--json"]).stdout) as { seed: string; group: Array<string>; probabilities: Array<{ agentId: string; probability: number }> }
    const a = run()
    const b = run()
    expect(a.seed).toBe("tirage-42")
    expect(a.group).toEqual(b.group)
    expect(a.group.length).toBeGreaterThanOrEqual(8)
    expect(a.group.length).toBeLessThanOrEqual(10)
    expect(a.probabilities.length).toBe(12)
  })

  it("reads a French CSV pool and respects a quota", () => {
    const csv = join(dir, "pool.csv")
    const rows = ["Nom;Prénom;Métier;Service;Sexe;Fonction;Identifiant"]
    for (let i = 0; i < 12; i++) rows.push(`Nom${i};Prénom${i};Inspecteur du travail;UC3;${i % 3 === 0 ? "H" : "F"};Agent;agt-${i}`)
    writeFileSync(csv, rows.join("\n"))
    const r = cli(["compose", csv, "--size", "8", "--seed", "s", "--quota", "sex:male>=4", "--json"])
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { group: Array<string> }
    const males = result.group.filter((id) => Number(id.slice(4)) % 3 === 0)
    expect(males.length).toBe(4)
  })

  it("--admissible quotas draws among every quota-feasible group: everyone eligible gets a chance; a bad value exits 2", () => {
    const run = (admissible: string) => cli(["compose", pool, "--size", "9", "--seed", "s", "--quota", "functionHeld:lineManager<=1", "--admissible", admissible, "--json"])
    const quotas = run("quotas")
    expect(quotas.code).toBe(0)
    const q = JSON.parse(quotas.stdout) as { tradeOff: { chosen: string; quotasOnly: { selectable: number }; optimalDiversity: { selectable: number } }; probabilities: Array<{ status: string }> }
    expect(q.tradeOff.chosen).toBe("quotas")
    expect(q.probabilities.filter((p) => p.status === "selectable").length).toBe(q.tradeOff.quotasOnly.selectable)
    const tolerance = JSON.parse(run("tolerance").stdout) as { tradeOff: { chosen: string; optimalDiversity: { selectable: number } }; probabilities: Array<{ status: string }> }
    expect(tolerance.tradeOff.chosen).toBe("tolerance")
    expect(tolerance.probabilities.filter((p) => p.status === "selectable").length).toBe(tolerance.tradeOff.optimalDiversity.selectable)
    // The text output names the choice.
    const text = cli(["compose", pool, "--size", "9", "--seed", "s", "--admissible", "quotas"])
    expect(text.stdout).toMatch(/Compromis diversité\/équité : tout groupe qui respecte les quotas/)
    const bad = run("toutes")
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: "usage" })
    expect(bad.stdout).toMatch(/tolerance, quotas/)
  })

  it("exits 1 when no group is feasible, 2 on a bad option", () => {
    const r = cli(["compose", pool, "--size", "9", "--seed", "s", "--quota", "functionHeld:lineManager>=3"])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/Aucun groupe ne satisfait la demande/)
    expect(cli(["compose", pool, "--size", "neuf"]).code).toBe(2)
    expect(cli(["compose", join(dir, "missing.json")]).code).toBe(2)
  })
})
