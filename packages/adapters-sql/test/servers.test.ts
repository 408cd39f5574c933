/**
 * docs/recipes/several-servers.md, tested: two application servers (two OS
 * processes running the Promise facade, test/facade-server.mjs, on the built
 * package) on one PostgreSQL database, racing commands on the same
 * exchanges. Every command a server reports accepted is in the stream exactly
 * once, at the version it was told; nothing else is; versions are gap-free;
 * the losers of races were answered (ConcurrencyConflictError, or a refusal
 * for a date before the winner's) and sent again.
 */
import { createEntrePairs, type Facade } from "@entre-pairs/adapters-sql"
import { Example } from "@entre-pairs/core"
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { afterAll, assert, it } from "vitest"
import { createDatabase, describePg, dropDatabase } from "./helpers.js"

const server = fileURLToPath(new URL("./facade-server.mjs", import.meta.url))
const dist = fileURLToPath(new URL("../dist/index.js", import.meta.url))
const ROUNDS = 60
const EXCHANGES = ["ech-a", "ech-b"]

interface Outcome {
  readonly server: string
  readonly accepted: ReadonlyArray<{ exchangeId: string; channel: string; at: string; version: number }>
  readonly conflicts: number
  readonly stale: number
}

const start = (args: ReadonlyArray<string>) => {
  const child = spawn(process.execPath, [server, ...args], { stdio: ["pipe", "pipe", "pipe"] })
  let out = ""
  let err = ""
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk))
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => (out.startsWith("ready\n") ? resolve() : undefined))
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before ready: ${err}`)))
  })
  const done = new Promise<Outcome>((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out.slice("ready\n".length)) as Outcome) : reject(new Error(`server failed (${code}): ${err}`))
    )
  )
  return { ready, done, go: () => child.stdin.end("go\n") }
}

describePg("several application servers on one PostgreSQL database", () => {
  let url = ""
  afterAll(() => (url === "" ? undefined : dropDatabase(url)))
  it("two server processes racing commands: nothing lost or duplicated, every conflict answered", async () => {
    if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`pnpm run build\` before the tests`)
    url = await createDatabase()
    const app = await createEntrePairs({ postgres: { url } })
    for (const id of EXCHANGES) {
      for (const c of Example.cycleEncoded.slice(0, 3)) {
        await app.execute(id, (c._tag === "Propose" ? { ...c, exchangeId: id } : c) as Facade.Command)
      }
    }
    const servers = [["a", "intranet"], ["b", "email"]].map(([name, channel]) =>
      start([url, name!, channel!, String(ROUNDS), "2", ...EXCHANGES])
    )
    await Promise.all(servers.map((s) => s.ready))
    for (const s of servers) s.go()
    const outcomes = await Promise.all(servers.map((s) => s.done))
    for (const id of EXCHANGES) {
      const { snapshot, version } = (await app.getExchange(id))!
      const recorded = (snapshot.communications ?? []).map((c) => `${c.channel}@${new Date(c.at).toISOString()}`)
      const accepted = outcomes.flatMap((o) => o.accepted.filter((a) => a.exchangeId === id))
      assert.strictEqual(accepted.length, 2 * ROUNDS)
      // Each accepted command once, nothing else; one version per command, up to the stream's.
      assert.deepStrictEqual([...recorded].sort(), accepted.map((a) => `${a.channel}@${a.at}`).sort())
      assert.strictEqual(new Set(accepted.map((a) => a.version)).size, accepted.length)
      assert.strictEqual(Math.max(...accepted.map((a) => a.version)), version)
      assert.strictEqual(version, 3 + 2 * ROUNDS)
    }
    const answered = outcomes.reduce((n, o) => n + o.conflicts + o.stale, 0)
    console.log(`two servers: ${4 * ROUNDS} commands accepted, ${answered} races lost and answered (${outcomes.map((o) => `${o.server}: ${o.conflicts} conflicts, ${o.stale} stale`).join("; ")})`)
    assert.isAbove(answered, 0, "the servers never raced: the test proves nothing")
    await app.close()
  }, 240_000)
})
