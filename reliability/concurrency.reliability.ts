/**
 * Reliability — concurrency: 4 OS processes × 250 commands on ONE stream, on
 * a SQLite file and on a PostgreSQL database of its own. Each command is 1 to
 * 3 events and the read model, appended at the version the writer last saw;
 * on ConcurrencyConflict the writer retries at the version it lost to.
 * Bars: lost 0, duplicated 0, partial 0, versions gap-free, every losing
 * attempt answered ConcurrencyConflict (any other answer ends the writer and
 * fails the test), read model at the last version.
 */
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { createDatabase, dropDatabase, figure, pgRequired, pgUrl, requireBuilt, startNode, tempDir } from "./support.js"

const PROCESSES = 4
const COMMANDS = 250
const writer = fileURLToPath(new URL("./writer.mjs", import.meta.url))
const writers = Array.from({ length: PROCESSES }, (_, i) => `w${i + 1}`)

interface Outcome {
  readonly writer: string
  readonly won: ReadonlyArray<readonly [version: number, seq: number]>
  readonly conflicts: number
  readonly attempts: number
}

const race = async (backend: "sqlite" | "pg", target: string, layer: SqlEventStore.SqliteOptions | { url: string }) => {
  requireBuilt()
  const children = writers.map((w) => startNode(writer, [backend, target, w, String(COMMANDS)]))
  await Promise.all(children.map((c) => c.waitFor("ready\n")))
  const started = performance.now()
  for (const c of children) c.send("go\n")
  const exits = await Promise.all(children.map((c) => c.exited))
  const seconds = (performance.now() - started) / 1000
  exits.forEach((exit, i) => expect(exit.code, `writer ${writers[i]} failed: ${children[i]!.err()}`).toBe(0))
  const outcomes = children.map((c) => JSON.parse(c.out().slice("ready\n".length)) as Outcome)

  const open = "filename" in layer ? SqlEventStore.layerSqlite(layer) : SqlEventStore.layerPg(layer)
  const [events, models] = await Effect.runPromise(
    Effect.flatMap(EventStore.EventStore, (store) => Effect.all([store.read("ech-reliability"), store.readModels()])).pipe(
      Effect.provide(open)
    )
  )
  // Group the stored events into commands: (writer, seq) → its parts.
  const commands = new Map<string, Array<{ version: number; part: number; size: number }>>()
  for (const e of events) {
    const d = e.data as { writer: string; seq: number; part: number; size: number }
    const key = `${d.writer}#${d.seq}`
    commands.set(key, [...(commands.get(key) ?? []), { version: e.version, part: d.part, size: d.size }])
  }
  let lost = 0
  let duplicated = 0
  let partial = 0
  let misplaced = 0
  for (const o of outcomes) {
    for (const [version, seq] of o.won) {
      const parts = commands.get(`${o.writer}#${seq}`)
      if (parts === undefined) lost++
      else if (parts[parts.length - 1]!.version !== version) misplaced++
    }
  }
  for (const parts of commands.values()) {
    const size = parts[0]!.size
    if (parts.length > size) duplicated++
    const contiguous = parts.every((p, i) => p.part === i && p.version === parts[0]!.version + i)
    if (parts.length < size || !contiguous) partial++
  }
  const acknowledged = outcomes.reduce((n, o) => n + o.won.length, 0)
  const unacknowledged = commands.size - acknowledged
  const gaps = events.filter((e, i) => e.version !== i + 1).length
  const conflicts = outcomes.reduce((n, o) => n + o.conflicts, 0)
  const attempts = outcomes.reduce((n, o) => n + o.attempts, 0)
  const answered = acknowledged + conflicts
  const model = models.find((m) => m.stream === "ech-reliability")
  figure(`concurrency ${backend}`, {
    processes: PROCESSES,
    commands: PROCESSES * COMMANDS,
    events: events.length,
    lost,
    duplicated,
    partial,
    unacknowledged,
    gaps,
    conflicts,
    answered: `${answered}/${attempts}`,
    seconds: seconds.toFixed(1)
  })
  expect({ lost, duplicated, partial, misplaced, unacknowledged, gaps }).toEqual({
    lost: 0,
    duplicated: 0,
    partial: 0,
    misplaced: 0,
    unacknowledged: 0,
    gaps: 0
  })
  expect(acknowledged).toBe(PROCESSES * COMMANDS)
  expect(answered).toBe(attempts)
  expect(conflicts, "the writers never collided: the run proves nothing").toBeGreaterThan(0)
  expect(model?.version).toBe(events.length)
}

describe("reliability: concurrency", () => {
  const { dir, remove } = tempDir()
  afterAll(remove)

  it("reliability: 4 processes × 250 commands on one SQLite file", async () => {
    const filename = join(dir, "race.db")
    await race("sqlite", filename, { filename })
  })

  const pgSkipped = pgUrl === undefined && !pgRequired
  it.skipIf(pgSkipped)("reliability: 4 processes × 250 commands on one PostgreSQL database", async () => {
    if (pgUrl === undefined) throw new Error("ENTRE_PAIRS_PG_URL is not set but CI/ENTRE_PAIRS_REQUIRE_PG is: start PostgreSQL")
    const url = await createDatabase()
    try {
      await race("pg", url, { url })
    } finally {
      await dropDatabase(url)
    }
  })
})
