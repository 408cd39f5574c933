import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cli, examples, tempDir } from "./helpers.js"

describe("entre-pairs check (built bin)", () => {
  it("exits 0 on the complete valid example, advisories allowed", () => {
    const r = cli(["check", join(examples, "exchange-complete.json"), "--at", "2027-01-15"])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/✓ Conforme/)
  })

  it("exits 1 on blocking violations and --json lists them with rule, kind, path and message", () => {
    const r = cli(["check", join(examples, "exchange-invalid.json"), "--json"])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as { violations: Array<{ rule: string; kind: string; path: string; message: string }>; obligations: Array<unknown> }
    expect(Object.keys(report).sort()).toEqual(["obligations", "violations"])
    const rules = report.violations.map((v) => v.rule)
    expect(rules).toEqual(expect.arrayContaining(["LIF-03", "CNF-06", "SES-06", "ARB-01", "ANI-04"]))
    const cnf = report.violations.find((v) => v.rule === "CNF-06")!
    expect(cnf).toMatchObject({ kind: "blocking", path: "sessions[0].minutes[0].summary" })
    expect(cnf.message).toMatch(/DUPONT/)
    expect(report.violations.some((v) => v.kind === "advisory")).toBe(true)
  })

  it("speaks English with --lang en", () => {
    const r = cli(["check", join(examples, "exchange-invalid.json"), "--lang", "en"])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/blocking violations?\./)
  })

  it("exits 2 with each decode fault's path", () => {
    const dir = tempDir()
    const file = join(dir, "bad.json")
    writeFileSync(file, JSON.stringify({ id: "ech-1", title: "T", state: "nope", members: [{ agentId: 3 }], bogus: true }))
    const r = cli(["check", file])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/- state : Expected one of/)
    expect(r.stderr).toMatch(/- bogus : is unexpected/)
    expect(r.stderr).toMatch(/- members\[0\]/)
    const json = cli(["check", file, "--json"])
    expect(json.code).toBe(2)
    const faults = (JSON.parse(json.stdout) as { faults: Array<{ path: string }> }).faults.map((f) => f.path)
    expect(faults).toEqual(expect.arrayContaining(["state", "bogus"]))
  })

  it("exits 2 on a JSON syntax error, an unreadable file and a bad date", () => {
    const dir = tempDir()
    const file = join(dir, "syntax.json")
    writeFileSync(file, "{ \"id\": ")
    const syntax = cli(["check", file])
    expect(syntax.code).toBe(2)
    expect(syntax.stderr).toMatch(/JSON invalide/)
    const json = cli(["check", file, "--json"])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false })
    expect(cli(["check", join(dir, "missing.json")]).code).toBe(2)
    expect(cli(["check", join(examples, "exchange-complete.json"), "--at", "not-a-date"]).code).toBe(2)
  })

  it("exits 2 on a usage error", () => {
    expect(cli(["check"]).code).toBe(2)
    expect(cli(["no-such-command"]).code).toBe(2)
  })
})
