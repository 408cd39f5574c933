/**
 * Handlers of `agents import` and `agents list`: the agent directory, where
 * `agents import` puts agents. A table of the CLI's own
 * (`entre_pairs_directory`) in the same database as the event store, one row
 * per agent keyed by its ID (a re-import updates it). The whole file is
 * written in one transaction, or nothing is. With `--exchange`, the same
 * transaction also runs an `Invite` command on that exchange, so either
 * everything lands or nothing does.
 */
import { Agent } from "@entre-pairs/core"
import * as SqlClient from "@effect/sql/SqlClient"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AgentImport from "../../AgentImport.js"
import { CliExit, type Common, type Lang } from "../Common.js"
import { readBytes } from "../Files.js"
import { importFaultLine } from "../Format.js"
import { printExecuted } from "../Lifecycle.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"
import * as Store from "../Store.js"

const table = "entre_pairs_directory"

const ensureTable = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql.unsafe(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, unit TEXT NOT NULL, data TEXT NOT NULL, imported_at TEXT NOT NULL)`)
)

const decodeAgent = Schema.decodeUnknownSync(Agent.Agent)

/** Every agent of the directory, optionally of some units, by ID. */
export const readDirectory = (units: ReadonlyArray<string> = []) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* ensureTable
    const rows = yield* (units.length === 0
      ? sql<{ data: string }>`SELECT data FROM ${sql(table)} ORDER BY id`
      : sql<{ data: string }>`SELECT data FROM ${sql(table)} WHERE ${sql.in("unit", units)} ORDER BY id`)
    return rows.map((r) => decodeAgent(JSON.parse(r.data)))
  })

const progress = (lang: Lang, label: string) => {
  if (!process.stdout.isTTY) return undefined
  let last = -1
  return (done: number, total: number) => {
    if (total < 10_000) return
    const pct = Math.floor((done / total) * 100)
    if (pct === last) return
    last = pct
    process.stdout.write(`\r${label} ${pct} % (${done.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB").replace(/\u202f/g, " ")}/${total.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB").replace(/\u202f/g, " ")})${done === total ? "\n" : ""}`)
  }
}

/** `agents import <file> [--exchange <id>]`. */
export const importAgents = (c: Common, file: string, exchangeId: Option.Option<string>) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const m = messages(c.lang)
      const bytes = yield* readBytes(file, c.lang)
      const onProgress = progress(c.lang, m.reading)
      const parsed = AgentImport.parseAgents(bytes, file, onProgress === undefined ? {} : { onProgress })
      if (Either.isLeft(parsed)) {
        const faults = parsed.left.faults
        if (c.json) yield* Output.json({ ok: false, file, imported: 0, faults })
        else yield* Output.errLines([m.importRejected(file, faults.length), ...faults.map((f) => importFaultLine(f, c.lang))])
        return yield* new CliExit({ code: 2, message: "invalid rows", printed: true })
      }
      const { agents, encoding, delimiter } = parsed.right
      const sql = yield* SqlClient.SqlClient
      const now = new Date().toISOString()
      const report = progress(c.lang, m.writing)
      const invited = yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* ensureTable
          for (let i = 0; i < agents.length; i += 500) {
            report?.(i, agents.length)
            const chunk = agents.slice(i, i + 500).map(({ agent }) => ({
              id: agent.id,
              unit: agent.unit,
              data: JSON.stringify(Schema.encodeSync(Agent.Agent)(agent)),
              imported_at: now
            }))
            yield* sql`INSERT INTO ${sql(table)} ${sql.insert(chunk)} ON CONFLICT (id) DO UPDATE SET unit = excluded.unit, data = excluded.data, imported_at = excluded.imported_at`
          }
          report?.(agents.length, agents.length)
          if (Option.isNone(exchangeId)) return undefined
          return yield* Store.execute(exchangeId.value, { _tag: "Invite", agents: agents.map((a) => a.agent), carries: ["origin", "objectives", "perimeter", "themes", "facilitation"] })
        })
      )
      if (c.json) {
        return yield* Output.json({
          ok: true,
          file,
          imported: agents.length,
          encoding,
          ...(delimiter === undefined ? {} : { delimiter }),
          ...(invited === undefined ? {} : { invited: { exchange: invited.exchangeId, state: invited.snapshot.state, version: invited.version, advisories: invited.advisories.map((v) => v.rule) } })
        })
      }
      yield* Output.out(m.imported(agents.length, file, encoding, delimiter))
      if (invited !== undefined) yield* printExecuted(invited, c)
    })
  )

/** `agents list [--unit]`: the directory, without sensitive profile data (CNF-04). */
export const listAgents = (c: Common, unit: Option.Option<string>) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const agents = yield* readDirectory(Option.toArray(unit))
      const rows = agents.map((a) => ({
        id: a.id,
        civility: a.civility,
        firstName: a.firstName,
        lastName: a.lastName,
        occupation: a.occupation,
        unit: a.unit,
        functionHeld: a.functionHeld
      }))
      yield* Output.result(c, {
        json: () => rows,
        text: () => [
          messages(c.lang).directoryCount(rows.length),
          ...rows.map((r) => `${r.id.padEnd(14)} ${`${r.civility ?? ""} ${r.firstName} ${r.lastName}`.trim().padEnd(28)} ${r.occupation.padEnd(24)} ${r.unit}`)
        ]
      })
    })
  )
