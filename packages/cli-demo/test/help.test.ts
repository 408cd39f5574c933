import { Audience, Exchange, Rules } from "./core.js"
import { describe, expect, it } from "vitest"
import * as L from "../src/internal/Labels.js"
import { cli } from "./helpers.js"

const ansi = /\u001b\[/

describe("help, completions and --json (built bin)", () => {
  it("--help is plain text when piped: no ANSI escape", () => {
    for (const args of [["--help"], ["exchange", "--help"], ["exchange", "approve", "--help"], ["check", "--help"], ["agents", "import", "--help"]]) {
      const r = cli(args)
      expect(r.code, args.join(" ")).toBe(0)
      expect(r.stdout, args.join(" ")).not.toMatch(ansi)
      expect(r.stdout.length).toBeGreaterThan(100)
    }
    expect(cli(["--help"]).stdout).toMatch(/COMMANDS[\s\S]*demo[\s\S]*exchange[\s\S]*check/)
  })

  it("usage errors are plain too and exit 2", () => {
    const r = cli(["exchange", "approve"])
    expect(r.code).toBe(2)
    expect(r.stdout + r.stderr).not.toMatch(ansi)
  })

  it("prints shell completions for bash, zsh and fish", () => {
    for (const shell of ["bash", "zsh", "fish"]) {
      const r = cli(["--completions", shell])
      expect(r.code, shell).toBe(0)
      expect(r.stdout, shell).toMatch(/entre-pairs/)
      expect(r.stdout, shell).toMatch(/obligations/)
    }
  })

  it("--version", () => {
    expect(cli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it("rules --json lists every rule of the registry with ID, kind, scope and parameters", () => {
    const r = cli(["rules", "--json"])
    expect(r.code).toBe(0)
    const rules = JSON.parse(r.stdout) as Array<{ id: string; kind: string; scope: string; parameters: Array<string> }>
    expect(rules.map((x) => x.id)).toEqual(Rules.all.map((x) => x.id))
    expect(rules.find((x) => x.id === "SIZ-01")).toMatchObject({ kind: "advisory", parameters: expect.arrayContaining(["sizeMin", "sizeMax"]) })
    const text = cli(["rules"])
    for (const rule of Rules.all) expect(text.stdout).toContain(rule.id)
    expect(cli(["rules", "--lang", "en"]).stdout).toMatch(/rules \(ID, kind, scope/)
  })

  it("the CLI's labels cover core's audiences, outputs and states", () => {
    expect([...L.audiences].sort()).toEqual([...Audience.audiences].sort())
    expect([...L.outputs].sort()).toEqual([...Audience.outputs].sort())
    expect([...L.states].sort()).toEqual([...Exchange.states].sort())
  })
})
