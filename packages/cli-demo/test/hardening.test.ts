/**
 * Hostile and careless input at the CLI boundary (issue 12): every failure on
 * bad input exits 2 with a message (a JSON document with --json) and no
 * stack trace; the CLI never deletes or overwrites a file it did not write.
 * Each test fails on the release before these fixes (run with
 * ENTRE_PAIRS_CLI_BIN=<old dist/bin.js>).
 */
import { Example } from "./core.js"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { cliAsync, cliClosedStdout, examples, type Run, tempDir } from "./helpers.js"

const stackTrace = /^\s+at .+\(?.*:\d+:\d+\)?$/m

/** A clean refusal of bad input: exit 2, a message, no stack trace, no « Erreur interne ». */
const expectRefusal = (r: Run, what: string, message?: RegExp) => {
  expect(r.code, `${what}\n${r.stderr}`).toBe(2)
  expect(r.stderr + r.stdout, what).not.toMatch(stackTrace)
  expect(r.stderr + r.stdout, what).not.toMatch(/Erreur interne|internal error/)
  expect(r.stderr.trim().length, what).toBeGreaterThan(0)
  if (message !== undefined) expect(r.stderr, what).toMatch(message)
}

/** The same with --json: one JSON document `{ ok: false, … }` on stdout. */
const expectJsonRefusal = (r: Run, what: string): Record<string, unknown> => {
  expect(r.code, `${what}\n${r.stdout}\n${r.stderr}`).toBe(2)
  expect(r.stderr + r.stdout, what).not.toMatch(stackTrace)
  const doc = JSON.parse(r.stdout) as Record<string, unknown>
  expect(doc["ok"], what).toBe(false)
  return doc
}

const upToFrame = Example.cycleEncoded.slice(0, Example.cycleEncoded.findIndex((c) => c._tag === "Approve") + 1)
const exampleId = String((upToFrame[0] as { exchangeId: string }).exchangeId)

const deepJson = (depth: number) => "[".repeat(depth) + "]".repeat(depth)
const latin1Json = Uint8Array.from([...new TextEncoder().encode('[{"nom": "Lef'), 0xe8, ...new TextEncoder().encode('vre"}]')])

describe("bounded JSON: deep nesting is a clear refusal, not a stack overflow", () => {
  const dir = tempDir()
  const db = ["--database", join(dir, "ep.db")]
  const deep = join(dir, "deep.json")
  beforeAll(() => writeFileSync(deep, deepJson(1_000_000)))

  it("check, exchange exec (@file and stdin), agents import and compose refuse a 1,000,000-deep document with its line and column", async () => {
    const runs: Array<[string, Promise<Run>]> = [
      ["check", cliAsync(["check", deep])],
      ["exec @file", cliAsync(["exchange", "exec", "ech-1", "--command", `@${deep}`, ...db])],
      ["exec stdin", cliAsync(["exchange", "exec", "ech-1", "--command", "-", ...db], { input: deepJson(100_000) })],
      ["exec argument", cliAsync(["exchange", "exec", "ech-1", "--command", deepJson(10_000), ...db])],
      ["agents import", cliAsync(["agents", "import", deep, ...db])],
      ["compose", cliAsync(["compose", deep])]
    ]
    for (const [what, run] of runs) {
      const r = await run
      expectRefusal(r, what)
      if (what !== "agents import" && what !== "compose") expect(r.stderr, what).toMatch(/JSON trop imbriqué dans .*ligne 1, colonne 65 : imbrication trop profonde : plus de 64 niveaux/)
    }
    const json = expectJsonRefusal(await cliAsync(["check", deep, "--json"]), "check --json")
    expect(json).toMatchObject({ error: "InputError", reason: "depth", line: 1, column: 65, limit: 64 })
  })
})

describe("strict dates: an impossible date is refused with its path, never shifted", () => {
  const dir = tempDir()
  const db = ["--database", join(dir, "ep.db")]

  it("a command dated 30 February is refused (exit 2, path « at ») and nothing is stored", async () => {
    const r = await cliAsync(["exchange", "propose", "ech-feb", "--title", "T", "--by", "agents", "--at", "2026-02-30T10:00:00Z", ...db])
    expectRefusal(r, "propose --at 2026-02-30", /- at : .*le 30 février 2026 n'existe pas/)
    const exec = await cliAsync(["exchange", "exec", "ech-feb", "--command", JSON.stringify({ _tag: "Propose", title: "T", by: "agents", at: "2026-02-10T24:60:00Z" }), "--json", ...db])
    const doc = expectJsonRefusal(exec, "exec at 24:60")
    expect(JSON.stringify(doc)).toMatch(/"path":"at"/)
    const list = await cliAsync(["exchange", "list", "--json", ...db])
    expect(JSON.parse(list.stdout)).toEqual([])
  })

  it("--at of check, show and obligations refuses 30 February", async () => {
    for (const args of [["check", join(examples, "exchange-complete.json")], ["obligations", ...db], ["show", "ech-x", ...db]]) {
      expectRefusal(await cliAsync([...args, "--at", "2027-02-30"]), args[0]!, /--at : date impossible « 2027-02-30 » : le 30 février 2027 n'existe pas/)
    }
  })

  it("check refuses a snapshot holding an impossible date, with the path", async () => {
    const snapshot = JSON.parse(readFileSync(join(examples, "exchange-complete.json"), "utf8")) as { sessions: Array<{ scheduledAt: string }> }
    snapshot.sessions[1]!.scheduledAt = "2026-11-31T09:00:00Z"
    const file = join(dir, "nov31.json")
    writeFileSync(file, JSON.stringify(snapshot))
    expectRefusal(await cliAsync(["check", file]), "check", /- sessions\[1\]\.scheduledAt : date impossible/)
  })
})

describe("UTF-8: text that is not UTF-8 is refused with a line and column (CSV may be Windows-1252)", () => {
  const dir = tempDir()
  const db = ["--database", join(dir, "ep.db")]

  it("check, exec and a JSON import refuse a Latin-1 byte, and nothing is stored", async () => {
    const file = join(dir, "latin1.json")
    writeFileSync(file, latin1Json)
    expectRefusal(await cliAsync(["check", file]), "check", /Texte qui n'est pas en UTF-8 dans .*latin1\.json, ligne 1, colonne 14 : octet 0xE8 invalide en UTF-8/)
    expectRefusal(await cliAsync(["agents", "import", file, ...db]), "agents import", /ligne 1, colonne « 14 » : octet 0xE8 invalide en UTF-8/)
    const command = join(dir, "propose.json")
    writeFileSync(command, Uint8Array.from([...new TextEncoder().encode('{"_tag":"Propose","title":"Accueil des usag'), 0xe9, ...new TextEncoder().encode('s","by":"agents"}')]))
    expectRefusal(await cliAsync(["exchange", "exec", "ech-latin1", "--command", `@${command}`, ...db]), "exec", /ligne 1, colonne 44 : octet 0xE9 invalide en UTF-8/)
    expect(JSON.parse((await cliAsync(["exchange", "list", "--json", ...db])).stdout)).toEqual([])
  })
})

describe("files: the CLI never deletes or overwrites a file it did not write", () => {
  it("demo --out refuses a directory holding files named like its own that it did not write, and touches nothing", async () => {
    const out = join(tempDir(), "mine")
    mkdirSync(out)
    writeFileSync(join(out, "01-mes-notes.md"), "mine")
    writeFileSync(join(out, "entre-pairs-demo.db"), "my database")
    writeFileSync(join(out, "lisez-moi.txt"), "mine")
    const r = await cliAsync(["demo", "--out", out])
    expectRefusal(r, "demo", /contient des fichiers nommés comme ceux de la démonstration qu'elle n'a pas écrits : .*01-mes-notes\.md.*--force/)
    expect(readdirSync(out).sort()).toEqual(["01-mes-notes.md", "entre-pairs-demo.db", "lisez-moi.txt"])
    expect(readFileSync(join(out, "01-mes-notes.md"), "utf8")).toBe("mine")
    expect(readFileSync(join(out, "entre-pairs-demo.db"), "utf8")).toBe("my database")
    expect(expectJsonRefusal(await cliAsync(["demo", "--out", out, "--json"]), "demo --json")).toMatchObject({ error: "ForeignFiles", files: expect.arrayContaining(["01-mes-notes.md"]) })
  })

  it("demo --out --force overwrites the names it writes, and still deletes nothing else", async () => {
    const out = join(tempDir(), "forced")
    mkdirSync(out)
    writeFileSync(join(out, "01-note-de-cadrage.direction.md"), "mine")
    writeFileSync(join(out, "02-mes-notes.md"), "mine")
    writeFileSync(join(out, "lisez-moi.txt"), "mine")
    const r = await cliAsync(["demo", "--out", out, "--force"], { env: { ENTRE_PAIRS_NO_WORKER: "1" } })
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(readFileSync(join(out, "01-note-de-cadrage.direction.md"), "utf8")).toMatch(/Note de cadrage/i)
    expect(readFileSync(join(out, "02-mes-notes.md"), "utf8")).toBe("mine")
    expect(readFileSync(join(out, "lisez-moi.txt"), "utf8")).toBe("mine")
    const manifest = JSON.parse(readFileSync(join(out, ".entre-pairs-demo.json"), "utf8")) as { files: Array<string> }
    expect(manifest.files).toContain("01-note-de-cadrage.direction.md")
    expect(manifest.files).not.toContain("02-mes-notes.md")
  }, 300_000)

  it("export refuses to overwrite an existing file (exit 2, nothing written); --force overwrites it", async () => {
    const dir = tempDir()
    const db = ["--database", join(dir, "ep.db")]
    const commands = join(dir, "commands.json")
    writeFileSync(commands, JSON.stringify(upToFrame))
    const setup = await cliAsync(["exchange", "exec", exampleId, "--command", `@${commands}`, ...db])
    expect(setup.code, setup.stderr).toBe(0)
    const out = join(dir, "docs")
    mkdirSync(out)
    const target = join(out, "01-note-de-cadrage.organisation.md")
    writeFileSync(target, "mine")
    const args = ["export", exampleId, "--view", "framing", "--audience", "organisation", "--format", "all", "--out", out, ...db]
    expectRefusal(await cliAsync(args), "export", /existe déjà, rien n'a été écrit : .*01-note-de-cadrage\.organisation\.md.*--force/)
    expect(readFileSync(target, "utf8")).toBe("mine")
    expect(readdirSync(out)).toEqual(["01-note-de-cadrage.organisation.md"])
    const forced = await cliAsync([...args, "--force"])
    expect(forced.code, forced.stderr).toBe(0)
    expect(readFileSync(target, "utf8")).toMatch(/Note de cadrage/i)
    expect(readdirSync(out).length).toBe(5)
  }, 300_000)

  it("an output directory that cannot be written is exit 2 with the path, no stack trace (export and demo)", async () => {
    const dir = tempDir()
    const file = join(dir, "a-file")
    writeFileSync(file, "")
    expectRefusal(await cliAsync(["demo", "--out", join(file, "sub")]), "demo", /Impossible d'écrire .*a-file\/sub/)
    const db = ["--database", join(dir, "ep.db")]
    expect((await cliAsync(["exchange", "exec", exampleId, "--command", JSON.stringify(upToFrame), ...db])).code).toBe(0)
    const args = ["export", exampleId, "--view", "framing", "--audience", "organisation", "--format", "md", "--out", join(file, "sub"), ...db]
    expectRefusal(await cliAsync(args), "export", /Impossible d'écrire .*a-file\/sub/)
    expect(expectJsonRefusal(await cliAsync([...args, "--json"]), "export --json")).toMatchObject({ error: "Unwritable" })
  }, 300_000)
})

describe("output: a closed pipe, huge values, usage errors", () => {
  it("a reader that closes the pipe (show --json | head -c1) ends the output quietly: exit 0, no stack trace", async () => {
    const dir = tempDir()
    const db = ["--database", join(dir, "ep.db")]
    expect((await cliAsync(["exchange", "propose", "ech-pipe", "--title", "Accueil", "--by", "agents", "--at", "2026-09-01T08:00:00Z", ...db])).code).toBe(0)
    for (const args of [["show", "ech-pipe", "--json", ...db], ["rules", "--json"], ["rules"], ["--help"]]) {
      const r = await cliClosedStdout(args)
      expect(r.stderr, args.join(" ")).toBe("")
      expect(r.code, args.join(" ")).toBe(0)
    }
  })

  it("an error message never echoes a huge value in full", async () => {
    const dir = tempDir()
    const huge = "x".repeat(20_000_000)
    const snapshot = join(dir, "huge.json")
    writeFileSync(snapshot, JSON.stringify({ id: "ech-1", title: "T", state: huge }))
    const check = await cliAsync(["check", snapshot])
    expectRefusal(check, "check")
    expect(check.stderr.length).toBeLessThan(5_000)
    const checkJson = await cliAsync(["check", snapshot, "--json"])
    expectJsonRefusal(checkJson, "check --json")
    expect(checkJson.stdout.length).toBeLessThan(5_000)
    const command = join(dir, "huge-command.json")
    writeFileSync(command, JSON.stringify({ _tag: "Propose", title: "T", by: huge }))
    const exec = await cliAsync(["exchange", "exec", "ech-1", "--command", `@${command}`, "--database", join(dir, "ep.db")])
    expectRefusal(exec, "exec")
    expect(exec.stderr.length).toBeLessThan(5_000)
    const at = await cliAsync(["check", snapshot, "--at", "2027-01-01" + huge.slice(0, 100_000)])
    expectRefusal(at, "--at")
    expect(at.stderr.length).toBeLessThan(5_000)
  }, 300_000)

  it("with --json, a usage error is a JSON document too (exit 2)", async () => {
    const r = await cliAsync(["exchange", "approve", "--json"])
    const doc = expectJsonRefusal(r, "usage --json")
    expect(doc["error"]).toBe("usage")
    expect(String(doc["message"])).toMatch(/by|exchange-id/)
  })

  it("every CLI failure on bad input exits 2 with a message and no stack trace; with --json, a JSON error document", async () => {
    const dir = tempDir()
    const db = ["--database", join(dir, "ep.db")]
    const syntax = join(dir, "syntax.json")
    writeFileSync(syntax, '{ "id": ')
    const file = join(dir, "a-file")
    writeFileSync(file, "")
    const cases: Array<Array<string>> = [
      ["exchange", "exec", "ech-1", "--command", deepJson(20_000), ...db],
      ["demo", "--out", join(file, "sub")],
      ["check", join(dir, "missing.json")],
      ["check", dir],
      ["check", syntax],
      ["exchange", "exec", "ech-1", "--command", "{", ...db],
      ["exchange", "exec", "ech-1", "--command", "[1, 2]", ...db],
      ["exchange", "exec", "ech-1", "--command", '{"_tag":"Nope"}', ...db],
      ["exchange", "exec", "ech-1", "--command", `@${join(dir, "missing.json")}`, ...db],
      ["exchange", "frame", "ech-1", "--framing", "{", ...db],
      ["exchange", "invite", "ech-1", ...db],
      ["agents", "import", join(dir, "missing.csv"), ...db],
      ["agents", "import", syntax, ...db],
      ["compose", syntax],
      ["compose", join(examples, "exchange-complete.json"), "--size", "huit"],
      ["show", "ech-unknown", ...db],
      ["export", "ech-unknown", "--view", "minutes", "--audience", "group", "--out", dir, ...db]
    ]
    for (const args of cases) {
      const what = args.filter((a) => !a.startsWith(dir) || a === dir).join(" ")
      expectRefusal(await cliAsync(args), what)
      expectJsonRefusal(await cliAsync([...args, "--json"]), `${what} --json`)
    }
  }, 600_000)
})

describe("the demo directory is reusable", () => {
  it("a second run into the same directory replaces only what the first wrote", async () => {
    const out = join(tempDir(), "twice")
    const first = await cliAsync(["demo", "--out", out, "--json"], { env: { ENTRE_PAIRS_NO_WORKER: "1" } })
    expect(first.code, first.stderr).toBe(0)
    const before = readdirSync(out).sort()
    writeFileSync(join(out, "lisez-moi.txt"), "mine")
    const second = await cliAsync(["demo", "--out", out, "--json"], { env: { ENTRE_PAIRS_NO_WORKER: "1" } })
    expect(second.code, second.stderr).toBe(0)
    expect(readdirSync(out).sort()).toEqual([...before, "lisez-moi.txt"].sort())
    expect(readFileSync(join(out, "lisez-moi.txt"), "utf8")).toBe("mine")
    expect(existsSync(join(out, ".entre-pairs-demo.json"))).toBe(true)
  }, 600_000)
})
