/**
 * Reliability — hostile input: 100,000 generated snapshots, commands and
 * agent files (reliability/hostile.ts) through the real decoders, in process:
 * `Input.decodeJson` then `Exchange.decode` (snapshots), `Input.decodeJson`
 * then the command Schema, and a share through the Promise facade's `execute`
 * on a real SQLite file and a PostgreSQL database (commands),
 * `AgentImport.parseAgents` (CSV and JSON agent files); then a sample through
 * the real CLI bin. Bars: 0 uncaught exceptions, 0 store failures, 0 writes
 * on refused input (the store's version is counted), every error names a
 * path (the root counts, as `[]`) or a line, no error message longer than
 * 10,000 characters (a huge value is quoted as an excerpt, never in full).
 */
import { createEntrePairs, EntrePairsError, InvalidInputError, RuleViolationError, SqlEventStore, StoreError } from "@entre-pairs/adapters-sql"
import type { EntrePairs } from "@entre-pairs/adapters-sql"
import { AgentImport } from "@entre-pairs/cli-demo"
import { Command, EventStore, Example, Exchange, Input } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { cliAsync } from "../packages/cli-demo/test/helpers.js"
import { mutateCsv, mutateJson } from "./hostile.js"
import { createDatabase, dropDatabase, figure, pgRequired, pgUrl, random, requireBuilt, seed, tempDir, yieldNow } from "./support.js"

/** RELIABILITY_SCALE (default 1) scales the counts, for a quick local run. */
const scale = Number(process.env["RELIABILITY_SCALE"] ?? 1)
const SNAPSHOTS = Math.round(35_000 * scale)
const COMMANDS = Math.round(30_000 * scale)
const FACADE_COMMANDS = Math.round(5_000 * scale)
const AGENT_FILES = Math.round(30_000 * scale)
const PG_COMMANDS = Math.round(1_000 * scale)
const CLI_SAMPLE = 10 // of each kind: 30 runs of the real bin
const MAX_MESSAGE = 10_000

const cycle = Example.cycleEncoded
const exchangeId = "ech-hostile"
const withId = (c: (typeof cycle)[number], id = exchangeId) => (c._tag === "Propose" ? { ...c, exchangeId: id } : c)
/** The example played up to its first held session: later commands are valid, earlier ones refused by the lifecycle. */
const prefix = cycle.slice(0, cycle.findIndex((c) => c._tag === "HoldSession"))

class Tally {
  inputs = 0
  accepted = 0
  refused = 0
  uncaught = 0
  storeFailures = 0
  unplaced = 0
  longest = 0
  readonly firsts: Array<string> = []
  note(kind: "uncaught" | "storeFailures" | "unplaced", what: string) {
    this[kind]++
    if (this.firsts.length < 5) this.firsts.push(`${kind}: ${what.slice(0, 300)}`)
  }
  message(m: string) {
    this.longest = Math.max(this.longest, m.length)
  }
}

const hasPath = (p: unknown) => Array.isArray(p)

let cpuStart = 0
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }
/** CPU seconds of this process since the last call (each test's own). */
const cpu = () => { const now = cpuNow(); const d = (now - cpuStart).toFixed(1); cpuStart = now; return d }

/** A snapshot: bytes → JSON → Exchange.decode. */
const snapshot = (t: Tally, bytes: Uint8Array) => {
  t.inputs++
  try {
    const json = Input.decodeJson(bytes, { source: "snapshot.json" })
    if (Either.isLeft(json)) {
      t.refused++
      t.message(json.left.message)
      if (!(json.left.line >= 1 && json.left.column >= 1)) t.note("unplaced", json.left.message)
      return
    }
    const decoded = Exchange.decode(json.right)
    if (Either.isRight(decoded)) return void t.accepted++
    t.refused++
    t.message(decoded.left.message)
    if (decoded.left.faults.length === 0 || !decoded.left.faults.every((f) => hasPath(f.path))) t.note("unplaced", decoded.left.message)
  } catch (error) {
    t.note("uncaught", String((error as Error)?.stack ?? error))
  }
}

/** A command: bytes → JSON → facade.execute; counts the events written by accepted commands. */
const command = async (t: Tally, app: EntrePairs, bytes: Uint8Array): Promise<number> => {
  t.inputs++
  const json = Input.decodeJson(bytes, { source: "command.json" })
  if (Either.isLeft(json)) {
    t.refused++
    t.message(json.left.message)
    if (!(json.left.line >= 1)) t.note("unplaced", json.left.message)
    return 0
  }
  try {
    const executed = await app.execute(exchangeId, json.right as never)
    t.accepted++
    return executed.events.length
  } catch (error) {
    if (!(error instanceof EntrePairsError)) {
      t.note("uncaught", String((error as Error)?.stack ?? error))
      return 0
    }
    t.refused++
    t.message(error.message)
    if (error instanceof StoreError) t.note("storeFailures", error.message)
    else if (error instanceof InvalidInputError) {
      if (error.issues.length === 0 || !error.issues.every((i) => hasPath(i.path))) t.note("unplaced", error.message)
    } else if (error instanceof RuleViolationError) {
      if (error.violations.length === 0 || !error.violations.every((v) => hasPath(v.path) && v.rule !== "")) t.note("unplaced", error.message)
    } else t.note("unplaced", `${error.name}: ${error.message}`)
    return 0
  }
}

const decodeCommand = Schema.decodeUnknownEither(Command.ExchangeCommand)

/** A command through the decoders only: bytes → JSON → the command Schema (every fault with its path). */
const commandDecode = (t: Tally, bytes: Uint8Array) => {
  t.inputs++
  try {
    const json = Input.decodeJson(bytes, { source: "command.json" })
    if (Either.isLeft(json)) {
      t.refused++
      t.message(json.left.message)
      if (!(json.left.line >= 1)) t.note("unplaced", json.left.message)
      return
    }
    const decoded = decodeCommand(json.right)
    if (Either.isRight(decoded)) return void t.accepted++
    t.refused++
    const issues = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
    if (issues.length === 0 || !issues.every((i) => hasPath(i.path))) t.note("unplaced", decoded.left.message)
  } catch (error) {
    t.note("uncaught", String((error as Error)?.stack ?? error))
  }
}

/** An agent file: AgentImport.parseAgents. */
const agents = (t: Tally, bytes: Uint8Array, file: string) => {
  t.inputs++
  try {
    const parsed = AgentImport.parseAgents(bytes, file)
    if (Either.isRight(parsed)) return void t.accepted++
    t.refused++
    t.message(parsed.left.message)
    if (parsed.left.faults.length === 0 || !parsed.left.faults.every((f) => f.line >= 1)) t.note("unplaced", parsed.left.message)
  } catch (error) {
    t.note("uncaught", String((error as Error)?.stack ?? error))
  }
}

const bars = (t: Tally) => {
  expect(t.firsts, "first faults").toEqual([])
  expect({ uncaught: t.uncaught, storeFailures: t.storeFailures, unplaced: t.unplaced }).toEqual({ uncaught: 0, storeFailures: 0, unplaced: 0 })
  expect(t.longest).toBeLessThanOrEqual(MAX_MESSAGE)
}

const versionOf = (layer: ReturnType<typeof SqlEventStore.layerSqlite>) =>
  Effect.runPromise(Effect.flatMap(EventStore.EventStore, (s) => s.read(exchangeId)).pipe(Effect.provide(layer))).then((e) => e.length)

/** The command campaign on one store: plays the prefix, sends `n` mutated commands, counts writes. */
const commandCampaign = async (t: Tally, app: EntrePairs, n: number, rnd: () => number, version: () => Promise<number>) => {
  for (const c of prefix) await app.execute(exchangeId, withId(c) as never)
  const before = await version()
  let written = 0
  for (let i = 0; i < n; i++) {
    written += await command(t, app, mutateJson(rnd, withId(cycle[Math.floor(rnd() * cycle.length)]!)).bytes)
    if (i % 200 === 0) await yieldNow()
  }
  const after = await version()
  return after - before - written
}

describe("reliability: hostile input", () => {
  const { dir, remove } = tempDir()
  afterAll(remove)
  const s = seed()
  // Valid snapshots along the example cycle (small ones more often: the decoder's cost grows with size).
  let snapshots: Array<unknown> = []
  beforeAll(async () => {
    const app = await createEntrePairs({ sqlite: { filename: ":memory:" } })
    for (const c of cycle) snapshots.push((await app.execute("ech-snap", withId(c, "ech-snap") as never)).snapshot)
    await app.close()
  })

  it("reliability: 35,000 snapshots through Input.decodeJson and Exchange.decode", async () => {
    const rnd = random(s)
    const t = new Tally()
    cpu()
    for (let i = 0; i < SNAPSHOTS; i++) {
      const base = snapshots[Math.floor(snapshots.length * rnd() ** 6)]
      snapshot(t, mutateJson(rnd, base).bytes)
      if (i % 100 === 0) await yieldNow()
    }
    figure("hostile snapshots", { cpuSeconds: cpu(), inputs: t.inputs, accepted: t.accepted, refused: t.refused, uncaught: t.uncaught, unplaced: t.unplaced, longestMessage: t.longest, seed: s })
    bars(t)
  })

  it("reliability: 30,000 commands through Input.decodeJson and the command Schema", async () => {
    const rnd = random(s + 5)
    const t = new Tally()
    cpu()
    for (let i = 0; i < COMMANDS; i++) {
      commandDecode(t, mutateJson(rnd, withId(cycle[Math.floor(rnd() * cycle.length)]!)).bytes)
      if (i % 100 === 0) await yieldNow()
    }
    figure("hostile commands decode", { cpuSeconds: cpu(), inputs: t.inputs, accepted: t.accepted, refused: t.refused, uncaught: t.uncaught, unplaced: t.unplaced, seed: s + 5 })
    bars(t)
  })

  it("reliability: 5,000 commands through the facade on a SQLite file: refused input writes nothing", async () => {
    const rnd = random(s + 1)
    const t = new Tally()
    const filename = join(dir, "commands.db")
    const app = await createEntrePairs({ sqlite: { filename } })
    const writes = await commandCampaign(t, app, FACADE_COMMANDS, rnd, () => versionOf(SqlEventStore.layerSqlite({ filename })))
    await app.close()
    figure("hostile commands sqlite", { inputs: t.inputs, accepted: t.accepted, refused: t.refused, uncaught: t.uncaught, storeFailures: t.storeFailures, unplaced: t.unplaced, writesOnRefused: writes, longestMessage: t.longest, seed: s + 1 })
    bars(t)
    expect(writes).toBe(0)
  })

  it.skipIf(pgUrl === undefined && !pgRequired)("reliability: 1,000 commands through the facade on PostgreSQL: the same refusals, no store failure", async () => {
    if (pgUrl === undefined) throw new Error("ENTRE_PAIRS_PG_URL is not set but CI/ENTRE_PAIRS_REQUIRE_PG is: start PostgreSQL")
    const url = await createDatabase()
    try {
      const rnd = random(s + 2)
      const t = new Tally()
      const app = await createEntrePairs({ postgres: { url } })
      const writes = await commandCampaign(t, app, PG_COMMANDS, rnd, () => versionOf(SqlEventStore.layerPg({ url }) as never))
      await app.close()
      figure("hostile commands pg", { inputs: t.inputs, accepted: t.accepted, refused: t.refused, uncaught: t.uncaught, storeFailures: t.storeFailures, unplaced: t.unplaced, writesOnRefused: writes, longestMessage: t.longest, seed: s + 2 })
      bars(t)
      expect(writes).toBe(0)
    } finally {
      await dropDatabase(url)
    }
  })

  it("reliability: 30,000 agent files (CSV and JSON) through AgentImport.parseAgents", async () => {
    const rnd = random(s + 3)
    const t = new Tally()
    cpu()
    const header = ["Nom", "Prénom", "Civilité", "Métier", "Service", "Fonction", "Statut", "Tranche d'âge", "Ancienneté", "Sexe", "Identifiant"]
    const rows = [
      ["Lefèvre", "Élodie", "Mme", "Inspectrice du travail", "UC3", "agent", "titulaire", "30 à 39 ans", "2 à 4 ans", "F", "agt-1"],
      ["Nguyen", "Paul", "M.", "Contrôleur", "UC3", "encadrant", "contractuel", "moins de 30 ans", "moins de 2 ans", "H", "agt-2"],
      ["Œuvray", "Zoé", "Madame", "Assistante", "SG", "support", "stagiaire", "60 ans et plus", "20 ans et plus", "femme", "agt-3"]
    ]
    expect(Either.isRight(AgentImport.parseAgents(new TextEncoder().encode([header, ...rows].map((r) => r.join(";")).join("\n")), "valid.csv"))).toBe(true)
    const jsonAgents = rows.map((r) => ({ id: r[10], civility: r[2] === "M." ? "M." : "Mme", firstName: r[1], lastName: r[0], occupation: "occ-it", unit: "unit-a", functionHeld: "agent" }))
    for (let i = 0; i < AGENT_FILES; i++) {
      if (i % 3 === 2) agents(t, mutateJson(rnd, jsonAgents).bytes, "agents.json")
      else agents(t, mutateCsv(rnd, header, rows).bytes, "agents.csv")
      if (i % 100 === 0) await yieldNow()
    }
    figure("hostile agent files", { cpuSeconds: cpu(), inputs: t.inputs, accepted: t.accepted, refused: t.refused, uncaught: t.uncaught, unplaced: t.unplaced, longestMessage: t.longest, seed: s + 3 })
    bars(t)
  })

  it("reliability: a sample through the real CLI: exit 0, 1 or 2, never a stack trace or « Erreur interne », nothing written when refused", async () => {
    requireBuilt()
    const rnd = random(s + 4)
    const database = join(dir, "cli.db")
    const app = await createEntrePairs({ sqlite: { filename: database } })
    for (const c of prefix) await app.execute(exchangeId, withId(c) as never)
    await app.close()
    const stackTrace = /^\s+at .+:\d+:\d+\)?$/m
    let runs = 0
    let refusedExit2 = 0
    let otherExits = 0
    let traces = 0
    let writes = 0
    const faults: Array<string> = []
    const check = (what: string, r: { code: number | null; stdout: string; stderr: string }) => {
      runs++
      if (r.code === 2) refusedExit2++
      if (![0, 1, 2].includes(r.code ?? -1)) (otherExits++, faults.push(`${what}: exit ${r.code}: ${r.stderr.slice(0, 300)}`))
      if (stackTrace.test(r.stderr + r.stdout) || /Erreur interne|internal error/.test(r.stderr + r.stdout)) (traces++, faults.push(`${what}: ${r.stderr.slice(0, 300)}`))
      // A JSON answer on stdout is the message when it says why: a refused
      // command ({ ok: false, ... }) or a `check` report whose violations made
      // it exit 1 ({ violations: [...] }, at least one).
      const jsonRefusal = (() => {
        try {
          const answer = JSON.parse(r.stdout) as { ok?: unknown; violations?: unknown }
          return answer.ok === false || (Array.isArray(answer.violations) && answer.violations.length > 0)
        } catch {
          return false
        }
      })()
      if (r.code !== 0 && r.stderr.trim() === "" && !jsonRefusal) faults.push(`${what}: exit ${r.code} without a message: ${r.stdout.slice(0, 200)}`)
    }
    for (let i = 0; i < CLI_SAMPLE; i++) {
      const snap = join(dir, `snap-${i}.json`)
      writeFileSync(snap, mutateJson(rnd, snapshots[Math.floor(snapshots.length * rnd())]).bytes)
      const csv = join(dir, `agents-${i}.csv`)
      writeFileSync(csv, mutateCsv(rnd, ["Nom", "Prénom", "Métier", "Service", "Identifiant"], [["Lefèvre", "Élodie", "IT", "U1", "agt-1"]]).bytes)
      const { bytes } = mutateJson(rnd, withId(cycle[Math.floor(rnd() * cycle.length)]!))
      const before = await versionOf(SqlEventStore.layerSqlite({ filename: database }))
      // The three runs of an iteration are independent: at the same time.
      const [checked, executed, imported] = await Promise.all([
        cliAsync(["check", snap, "--json"]),
        cliAsync(["exchange", "exec", exchangeId, "--command", "-", "--json", "--database", database], { input: bytes }),
        cliAsync(["agents", "import", csv, "--database", join(dir, `dir-${i}.db`)])
      ])
      check(`check ${i}`, checked)
      check(`exec ${i}`, executed)
      check(`agents import ${i}`, imported)
      if (executed.code !== 0 && (await versionOf(SqlEventStore.layerSqlite({ filename: database }))) !== before) writes++
    }
    figure("hostile cli", { runs, exit2: refusedExit2, otherExits, stackTraces: traces, writesOnRefused: writes, seed: s + 4 })
    expect(faults).toEqual([])
    expect(writes).toBe(0)
  })
})
