/**
 * Two OS processes racing on one stream, on one SQLite file and on one
 * PostgreSQL database: the workers (test/worker.mjs) run the built package,
 * so run `pnpm run build` first (the root test command does).
 */
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, assert, describe, it } from "vitest"
import { createDatabase, describePg, dropDatabase, tempDir } from "./helpers.js"

const worker = fileURLToPath(new URL("./worker.mjs", import.meta.url))
const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url))
const ROUNDS = 300

interface Outcome {
  readonly writer: string
  readonly won: ReadonlyArray<number>
  readonly conflicts: number
}

const start = (args: ReadonlyArray<string>) => {
  const child = spawn(process.execPath, [worker, ...args], { stdio: ["pipe", "pipe", "pipe"] })
  let out = ""
  let err = ""
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk))
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (out.startsWith("ready\n") ? resolve() : undefined)
    child.stdout.on("data", check)
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before ready: ${err}`)))
  })
  const done = new Promise<Outcome>((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out.slice("ready\n".length)) as Outcome)
        : reject(new Error(`worker failed (${code}): ${err}`))
    )
  )
  return { ready, done, go: () => child.stdin.end("go\n") }
}

const race = async (
  backend: "sqlite" | "pg",
  target: string,
  layer: () => ReturnType<typeof SqlEventStore.layerSqlite>
) => {
  if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`pnpm run build\` before the tests`)
  const workers = ["a", "b"].map((writer) => start([backend, target, writer, String(ROUNDS)]))
  await Promise.all(workers.map((w) => w.ready))
  for (const w of workers) w.go()
  const outcomes = await Promise.all(workers.map((w) => w.done))
  const events = await Effect.runPromise(
    Effect.flatMap(EventStore.EventStore, (store) => store.read("ech-race")).pipe(Effect.provide(layer()))
  )
  // Versions gap-free; every version won by exactly one writer, the one whose event it holds.
  assert.deepStrictEqual(events.map((e) => e.version), Array.from({ length: 2 * ROUNDS }, (_, i) => i + 1))
  const winner = new Map<number, string>()
  for (const { won, writer } of outcomes) {
    assert.strictEqual(won.length, ROUNDS)
    for (const version of won) {
      assert.isFalse(winner.has(version), `version ${version} won twice`)
      winner.set(version, writer)
    }
  }
  for (const event of events) {
    const data = event.data as { writer: string; seq: number }
    assert.strictEqual(data.writer, winner.get(event.version))
  }
  // No event lost or duplicated: each writer's sequence 0..ROUNDS-1 exactly once, in order.
  for (const writer of ["a", "b"]) {
    const seqs = events.map((e) => e.data as { writer: string; seq: number }).filter((d) => d.writer === writer)
    assert.deepStrictEqual(seqs.map((d) => d.seq), Array.from({ length: ROUNDS }, (_, i) => i))
  }
  const conflicts = outcomes.reduce((n, o) => n + o.conflicts, 0)
  console.log(`${backend}: ${2 * ROUNDS} appends, ${conflicts} conflicts`)
  return conflicts
}

describe("two OS processes on one SQLite file", () => {
  const { dir, remove } = tempDir()
  afterAll(remove)
  it("one append per expected version wins; nothing lost, duplicated or skipped", async () => {
    const filename = join(dir, "race.db")
    const conflicts = await race("sqlite", filename, () => SqlEventStore.layerSqlite({ filename }))
    assert.isAbove(conflicts, 0, "the writers never collided: the test proves nothing")
  })
})

describePg("two OS processes on one PostgreSQL database", () => {
  let url = ""
  afterAll(() => (url === "" ? undefined : dropDatabase(url)))
  it("one append per expected version wins; nothing lost, duplicated or skipped", async () => {
    url = await createDatabase()
    const conflicts = await race("pg", url, () => SqlEventStore.layerPg({ url }))
    assert.isAbove(conflicts, 0, "the writers never collided: the test proves nothing")
  })
})
