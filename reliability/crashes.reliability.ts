/**
 * Reliability — crashes: a writer process (reliability/crash-writer.mjs)
 * records the example cycle on exchange after exchange through the Promise
 * facade and is SIGKILLed at a random moment, 20 times on one SQLite file and
 * 20 times on one PostgreSQL database (each run reopens the store the last
 * one left). Bars: every acknowledged command present; no partial command
 * (each stream is exactly the events of the cycle's first n commands, for
 * some n, compared with a reference run); read models equal a rebuild from
 * the events.
 */
import { createEntrePairs } from "@entre-pairs/adapters-sql"
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore, Example } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import type * as Layer from "effect/Layer"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { createDatabase, dropDatabase, figure, pgRequired, pgUrl, random, requireBuilt, seed, startNode, tempDir } from "./support.js"

const KILLS = 20
const writer = fileURLToPath(new URL("./crash-writer.mjs", import.meta.url))

type Stored = ReadonlyArray<{ readonly type: string; readonly data: unknown }>

const normalise = (stream: string, events: ReadonlyArray<EventStore.StoredEvent>): Stored =>
  events.map((e) => ({ type: e.type, data: JSON.parse(JSON.stringify(e.data).replaceAll(JSON.stringify(stream).slice(1, -1), "ech-ref")) }))

const storeOf = <A, E>(layer: Layer.Layer<EventStore.EventStore, E>, f: (store: EventStore.EventStore["Type"]) => Effect.Effect<A, unknown>) =>
  Effect.runPromise(Effect.flatMap(EventStore.EventStore, f).pipe(Effect.provide(layer)) as Effect.Effect<A>)

const campaign = async (
  backend: "sqlite" | "pg",
  target: string,
  layer: () => Layer.Layer<EventStore.EventStore, unknown>,
  facade: Parameters<typeof createEntrePairs>[0]
) => {
  requireBuilt()
  const s = seed()
  const rnd = random(s)
  // The reference: the cycle recorded without interruption, read back the same way.
  const boundaries = new Set([0])
  const refStream = await (async () => {
    const { dir, remove } = tempDir()
    try {
      const filename = join(dir, "ref.db")
      const app = await createEntrePairs({ sqlite: { filename } })
      for (const command of Example.cycleEncoded) {
        const executed = await app.execute("ech-ref", command._tag === "Propose" ? { ...command, exchangeId: "ech-ref" } : command)
        boundaries.add(executed.version)
      }
      await app.close()
      return normalise("ech-ref", await storeOf(SqlEventStore.layerSqlite({ filename }), (store) => store.read("ech-ref")))
    } finally {
      remove()
    }
  })()

  const acks: Array<{ exchangeId: string; version: number }> = []
  let duringOpen = 0
  let duringCommands = 0
  for (let run = 1; run <= KILLS; run++) {
    const child = startNode(writer, [backend, target, `r${run}`])
    // Two runs in ten are killed while the store opens (migrations included on the first run).
    const early = run % 10 === 1
    if (!early) await child.waitFor("ready\n")
    await new Promise((r) => setTimeout(r, early ? rnd() * 600 : 50 + rnd() * 1500))
    child.kill("SIGKILL")
    const exit = await child.exited
    expect(exit.signal, `run ${run} ended before it was killed: ${child.err()}`).toBe("SIGKILL")
    if (child.out().includes("ack ")) duringCommands++
    else duringOpen++
    for (const line of child.out().split("\n")) {
      const [word, exchangeId, , version] = line.split(" ")
      if (word === "ack") acks.push({ exchangeId: exchangeId!, version: Number(version) })
    }
  }

  // Every acknowledged command present; every stream a whole number of commands, equal to the reference.
  const { streams, models } = await storeOf(layer(), (store) =>
    Effect.gen(function*() {
      const infos = yield* store.streams()
      const streams = new Map<string, ReadonlyArray<EventStore.StoredEvent>>()
      for (const info of infos) streams.set(info.stream, yield* store.read(info.stream))
      return { streams, models: yield* store.readModels() }
    })
  )
  const latest = new Map<string, number>()
  for (const a of acks) latest.set(a.exchangeId, Math.max(latest.get(a.exchangeId) ?? 0, a.version))
  let missing = 0
  for (const [exchangeId, version] of latest) if ((streams.get(exchangeId)?.length ?? 0) < version) missing++
  let partial = 0
  let differing = 0
  for (const [stream, events] of streams) {
    if (!boundaries.has(events.length) || events.some((e, i) => e.version !== i + 1)) partial++
    const got = normalise(stream, events)
    if (JSON.stringify(got) !== JSON.stringify(refStream.slice(0, got.length))) differing++
  }
  // Read models: one per stream, at its version, equal to a rebuild from the events.
  const before = [...models].sort((a, b) => a.stream.localeCompare(b.stream))
  const app = await createEntrePairs(facade)
  const rebuilt = await app.rebuildReadModels()
  await app.close()
  const after = [...(await storeOf(layer(), (store) => store.readModels()))].sort((a, b) => a.stream.localeCompare(b.stream))
  const staleModels = before.filter((m) => streams.get(m.stream)?.length !== m.version).length + Math.abs(before.length - streams.size)
  const modelsEqual = JSON.stringify(before) === JSON.stringify(after)
  const events = [...streams.values()].reduce((n, e) => n + e.length, 0)
  figure(`crashes ${backend}`, {
    kills: KILLS,
    duringOpen,
    duringCommands,
    acknowledged: acks.length,
    missing,
    partial,
    differing,
    streams: streams.size,
    events,
    rebuilt,
    staleModels,
    readModelsEqualRebuild: modelsEqual ? "yes" : "no",
    seed: s
  })
  expect({ missing, partial, differing, staleModels, modelsEqual }).toEqual({ missing: 0, partial: 0, differing: 0, staleModels: 0, modelsEqual: true })
  expect(acks.length, "no command was acknowledged: the runs prove nothing").toBeGreaterThan(0)
}

// The two backends run at the same time: most of a run is waiting for a process to start.
describe.concurrent("reliability: crashes", () => {
  const { dir, remove } = tempDir()
  afterAll(remove)

  it("reliability: a writer SIGKILLed 20 times on one SQLite file", async () => {
    const filename = join(dir, "crash.db")
    await campaign("sqlite", filename, () => SqlEventStore.layerSqlite({ filename }), { sqlite: { filename } })
  })

  const pgSkipped = pgUrl === undefined && !pgRequired
  it.skipIf(pgSkipped)("reliability: a writer SIGKILLed 20 times on one PostgreSQL database", async () => {
    if (pgUrl === undefined) throw new Error("ENTRE_PAIRS_PG_URL is not set but CI/ENTRE_PAIRS_REQUIRE_PG is: start PostgreSQL")
    const url = await createDatabase()
    try {
      await campaign("pg", url, () => SqlEventStore.layerPg({ url }), { postgres: { url } })
    } finally {
      await dropDatabase(url)
    }
  })
})
