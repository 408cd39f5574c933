import { Decider, Example } from "./core.js"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { cli, cliAsync, parseIcs, tempDir } from "./helpers.js"

const { _tag, at, ...frameBody } = Example.cycleEncoded.find((c) => c._tag === "Frame") as Record<string, unknown>
const framing = (frameBody as { framing: unknown }).framing
const facilitators = (frameBody as { agents?: unknown }).agents ?? []
void _tag
void at

describe("lifecycle subcommands over the SQLite store (built bin)", () => {
  const dir = tempDir()
  const db = ["--database", join(dir, "ep.db")]
  const id = "ech-test-1"

  it("runs ergonomic subcommands, refuses out-of-order ones with their rule ID (exit 1)", () => {
    const propose = cli(["exchange", "propose", id, "--title", "Accueil des usagers", "--by", "agents", "--at", "2026-09-01T08:00:00Z", ...db])
    expect(propose.stderr).toBe("")
    expect(propose.code).toBe(0)
    expect(propose.stdout).toMatch(/✓ Propose — ech-test-1 : état « proposé » \(version 1\)/)

    const framingFile = join(dir, "framing.json")
    writeFileSync(framingFile, JSON.stringify(framing))
    const frame = cli(["exchange", "frame", id, "--framing", `@${framingFile}`, "--agents", JSON.stringify(facilitators), "--at", "2026-09-15T09:00:00Z", ...db])
    expect(frame.stderr).toBe("")
    expect(frame.code).toBe(0)

    const invite = cli(["exchange", "invite", id, "--agents", JSON.stringify(Example.invitedAgents), "--at", "2026-09-16T09:00:00Z", ...db])
    expect(invite.code).toBe(1)
    expect(invite.stderr).toMatch(/Commande refusée \(LIF-03\)/)

    const refusedJson = cli(["exchange", "invite", id, "--agents", JSON.stringify(Example.invitedAgents), "--at", "2026-09-16T09:00:00Z", "--json", ...db])
    expect(refusedJson.code).toBe(1)
    expect(JSON.parse(refusedJson.stdout)).toMatchObject({ ok: false, refused: [{ rule: "LIF-03", kind: "blocking", path: "approval" }] })

    const approve = cli(["exchange", "approve", id, "--by", "Directrice départementale", "--at", "2026-09-22T10:00:00Z", "--json", ...db])
    expect(approve.code).toBe(0)
    expect(JSON.parse(approve.stdout)).toMatchObject({ ok: true, command: "Approve", state: "approved", version: 3, events: ["ExchangeApproved"] })
  })

  it("runs any command of Command.ExchangeCommand with exchange exec", () => {
    const r = cli(["exchange", "exec", id, "--command", JSON.stringify([{ _tag: "Communicate", at: "2026-09-24T08:30:00Z", channel: "serviceMeeting" }, { _tag: "Communicate", at: "2026-09-25T07:00:00Z", channel: "email" }]), ...db])
    expect(r.code).toBe(0)
    expect(r.stdout.match(/✓ Communicate/g)?.length).toBe(2)
  })

  it("exec of an array stops at the first refusal; --json says what ran and what was refused", () => {
    const r = cli(["exchange", "exec", id, "--json", "--command", JSON.stringify([{ _tag: "Communicate", at: "2026-09-26T08:30:00Z", channel: "intranet" }, { _tag: "Close", at: "2026-09-27T08:30:00Z" }]), ...db])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, executed: [{ command: "Communicate", state: "approved" }], refused: [{ rule: "LIF-08" }] })
  })

  it("exits 2 on an invalid command, with the path of each fault", () => {
    const r = cli(["exchange", "exec", id, "--command", JSON.stringify({ _tag: "Approve", by: "" }), ...db])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/Commande invalide/)
    expect(cli(["exchange", "exec", id, "--command", "{not json", ...db]).code).toBe(2)
    expect(cli(["show", "ech-unknown", ...db]).code).toBe(2)
  })

  it("show, list and obligations answer in JSON", () => {
    const show = cli(["show", id, "--json", ...db])
    expect(show.stderr).toBe("")
    expect(show.code).toBe(0)
    const parsed = JSON.parse(show.stdout) as { version: number; snapshot: { state: string; title: string } }
    expect(parsed.snapshot).toMatchObject({ state: "approved", title: "Accueil des usagers" })
    expect(parsed.version).toBe(6)
    const list = JSON.parse(cli(["exchange", "list", "--json", ...db]).stdout) as Array<{ id: string; state: string }>
    expect(list).toEqual([expect.objectContaining({ id, state: "approved" })])
    const obligations = cli(["obligations", "--at", "2027-01-01", "--json", ...db])
    expect(obligations.code).toBe(0)
    expect(JSON.parse(obligations.stdout)).toEqual([])
    expect(cli(["show", id, "--lang", "en", ...db]).stdout).toMatch(/State : approved/)
  })

  it("export writes a document for an audience, refuses one the rules forbid (CNF-03)", () => {
    const out = join(dir, "out")
    const r = cli(["export", id, "--view", "framing", "--audience", "organisation", "--format", "all", "--out", out, "--json", ...db])
    expect(r.code).toBe(0)
    const written = (JSON.parse(r.stdout) as { written: Array<string> }).written.map((f) => f.slice(out.length + 1))
    expect(written).toEqual(["01-note-de-cadrage.organisation.md", "01-note-de-cadrage.organisation.html", "01-note-de-cadrage.organisation.odt", "01-note-de-cadrage.organisation.docx", "01-note-de-cadrage.organisation.pdf"])
    const refused = cli(["export", id, "--view", "charter", "--audience", "direction", "--out", out, ...db])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/CNF-03/)
    expect(cli(["export", id, "--view", "minutes", "--audience", "group", "--out", out, ...db]).code).toBe(2)
  })

  it("invites the imported directory (agents import --exchange) in one transaction", () => {
    const csv = join(dir, "agents.csv")
    writeFileSync(csv, "Nom;Prénom;Métier;Service;Identifiant\nLefèvre;Élodie;inspecteur-travail;ddets33-uc3;agt-001\nBenali;Karim;inspecteur-travail;ddets33-uc3;agt-002\n")
    const r = cli(["agents", "import", csv, "--exchange", id, ...db])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/✓ Invite — ech-test-1 : état « annoncé »/)
    const show = JSON.parse(cli(["show", id, "--json", ...db]).stdout) as { snapshot: { invitations: Array<{ agentId: string }> } }
    expect(show.snapshot.invitations.map((i) => i.agentId)).toEqual(["agt-001", "agt-002"])
  })

  it("an import whose invitation is refused writes nothing, not even the directory", () => {
    const dir2 = tempDir()
    const db2 = ["--database", join(dir2, "ep.db")]
    expect(cli(["exchange", "propose", "ech-2", "--title", "T", "--by", "direction", ...db2]).code).toBe(0)
    const csv = join(dir2, "agents.csv")
    writeFileSync(csv, "Nom;Prénom;Métier;Service;Identifiant\nLefèvre;Élodie;inspecteur-travail;ut-1;agt-001\n")
    const r = cli(["agents", "import", csv, "--exchange", "ech-2", ...db2])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/LIF-0[38]/)
    expect(JSON.parse(cli(["agents", "list", "--json", ...db2]).stdout)).toEqual([])
  })
})

describe("every command of Command.ExchangeCommand is reachable", () => {
  it("exchange exec runs the whole example cycle from a file, to closure", () => {
    const dir = tempDir()
    const file = join(dir, "cycle.json")
    writeFileSync(file, JSON.stringify(Example.cycleEncoded))
    const r = cli(["exchange", "exec", "ech-ddets33-uc3-2026", "--command", `@${file}`, "--json", "--database", join(dir, "c.db")])
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    const results = JSON.parse(r.stdout) as Array<{ command: string; state: string }>
    expect(results.length).toBe(Example.cycleEncoded.length)
    expect(results[results.length - 1]).toMatchObject({ command: "Close", state: "closed" })
  })

  it("CNF-08 exchange exec: a known agent ID under another name exits 1 with CNF-08; RenameAgent records the rename", () => {
    const dir = tempDir()
    const file = join(dir, "prefix.json")
    const until = Example.cycleEncoded.findIndex((c) => c._tag === "Volunteer")
    writeFileSync(file, JSON.stringify(Example.cycleEncoded.slice(0, until)))
    const db = ["--database", join(dir, "r.db")]
    const exchangeId = "ech-ddets33-uc3-2026"
    expect(cli(["exchange", "exec", exchangeId, "--command", `@${file}`, ...db]).code).toBe(0)
    const invite = Example.cycleEncoded[until - 1] as unknown as { agents: Array<Record<string, unknown>> }
    const renamed = { _tag: "Invite", agents: [{ ...invite.agents.find((a) => a["id"] === "agt-001"), lastName: "Martin" }] }
    const refused = cli(["exchange", "exec", exchangeId, "--command", JSON.stringify(renamed), "--json", ...db])
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, refused: [{ rule: "CNF-08", path: "agents[0].lastName" }] })
    const rename = cli(["exchange", "exec", exchangeId, "--command", JSON.stringify({ _tag: "RenameAgent", agentId: "agt-001", firstName: "Élodie", lastName: "Martin", reason: "nom d'usage" }), "--json", ...db])
    expect(rename.stderr).toBe("")
    expect(rename.code).toBe(0)
    const shown = JSON.parse(cli(["exchange", "show", exchangeId, "--json", ...db]).stdout) as { snapshot: { agents: Array<{ id: string; lastName: string; formerNames?: Array<{ lastName: string }> }> } }
    const agent = shown.snapshot.agents.find((a) => a.id === "agt-001")
    expect([agent?.lastName, agent?.formerNames?.map((n) => n.lastName)]).toEqual(["Martin", ["Lefèvre"]])
  })

  it("LIF-08 session reschedule moves a scheduled session; the calendar export carries the new DTSTART, SEQUENCE + 1 and DTSTAMP the move; a held session is refused (exit 1)", async () => {
    const dir = tempDir()
    const file = join(dir, "prefix.json")
    let seen = 0
    const until = Example.cycleEncoded.findIndex((c) => c._tag === "SetAgenda" && ++seen === 2)
    writeFileSync(file, JSON.stringify(Example.cycleEncoded.slice(0, until)))
    const db = ["--database", join(dir, "m.db")]
    const exchangeId = "ech-ddets33-uc3-2026"
    expect((await cliAsync(["exchange", "exec", exchangeId, "--command", `@${file}`, ...db])).code).toBe(0)
    const moved = await cliAsync(["session", "reschedule", exchangeId, "--session", "s2", "--date", "2026-11-26T13:00:00Z", "--reason", "Salle indisponible le 19", "--at", "2026-10-21T09:00:00Z", "--json", ...db])
    expect(moved.stderr).toBe("")
    expect(moved.code).toBe(0)
    expect(JSON.parse(moved.stdout)).toMatchObject({ ok: true, command: "RescheduleSession", events: ["SessionRescheduled"] })
    const out = join(dir, "out")
    const exported = await cliAsync(["export", exchangeId, "--view", "calendar", "--audience", "group", "--format", "ics", "--out", out, "--json", ...db])
    expect(exported.code).toBe(0)
    const ics = parseIcs(readFileSync((JSON.parse(exported.stdout) as { written: Array<string> }).written[0]!, "utf8"))
    const s2 = ics.find((e) => e["UID"]!.includes("-s2@"))!
    expect([s2["DTSTART"], s2["SEQUENCE"], s2["DTSTAMP"]]).toEqual(["20261126T130000Z", "1", "20261021T090000Z"])
    const held = await cliAsync(["session", "reschedule", exchangeId, "--session", "s1", "--date", "2026-10-22T12:00:00Z", "--reason", "Après coup", ...db])
    expect(held.code).toBe(1)
    expect(held.stderr).toMatch(/LIF-08/)
    const nothing = await cliAsync(["exchange", "exec", exchangeId, "--command", JSON.stringify({ _tag: "RescheduleSession", sessionId: "s2", reason: "Rien" }), ...db])
    expect(nothing.code).toBe(2)
  })

  it("each ergonomic subcommand names a real command tag in its help", () => {
    const tags = new Set(Object.keys(Decider.allowedStates))
    const named = ["exchange", "session", "minutes"].flatMap((group) => [...cli([group, "--help"]).stdout.matchAll(/\[([A-Z][A-Za-z]+)\]/g)].map((m) => m[1]!))
    expect(named.length).toBeGreaterThan(25)
    for (const tag of named) expect(tags.has(tag), tag).toBe(true)
  })
})
