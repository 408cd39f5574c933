/**
 * Shared helpers of the reliability campaign: figure lines, OS processes,
 * fresh databases, and loops that yield to the event loop so that a long
 * in-process run never starves the test worker.
 */
import { spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { setImmediate as tick } from "node:timers/promises"

export { createDatabase, dropDatabase, pgRequired, pgUrl, tempDir } from "../packages/adapters-sql/test/helpers.js"

/** Prints one figure line of the campaign: `RELIABILITY <name>: k=v k=v …`. */
export const figure = (name: string, figures: Record<string, string | number>): string => {
  const line = `RELIABILITY ${name}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(" ")}`
  console.log(line)
  return line
}

/** Runs `f` over `items`, yielding to the event loop every `every` items. */
export const chunked = async <A>(items: Iterable<A>, f: (a: A, i: number) => void, every = 50): Promise<void> => {
  let i = 0
  for (const item of items) {
    f(item, i)
    if (++i % every === 0) await tick()
  }
}

/** Yields to the event loop. */
export const yieldNow = (): Promise<void> => tick()

const builtPackages = ["core", "adapters-sql", "adapters-docs", "cli-demo"].map((p) =>
  fileURLToPath(new URL(`../packages/${p}/dist/index.js`, import.meta.url))
)

/** The OS processes of the campaign run the built packages: fail clearly when they are missing. */
export const requireBuilt = (): void => {
  const missing = builtPackages.filter((f) => !existsSync(f))
  if (missing.length > 0) throw new Error(`${missing.join(", ")} missing: run \`pnpm run build\` before \`pnpm test:reliability\``)
}

export interface Child {
  readonly out: () => string
  readonly err: () => string
  /** Resolves when stdout holds `text`. */
  readonly waitFor: (text: string) => Promise<void>
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>
  readonly send: (text: string) => void
  readonly kill: (signal: NodeJS.Signals) => void
}

/** Starts `node script args…` asynchronously, collecting its output. */
export const startNode = (script: string, args: ReadonlyArray<string>, env?: NodeJS.ProcessEnv): Child => {
  const child = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "pipe"], env: env ?? process.env })
  let out = ""
  let err = ""
  const waiters: Array<{ text: string; resolve: () => void; reject: (e: Error) => void }> = []
  const check = () => {
    for (const w of [...waiters]) if (out.includes(w.text)) (waiters.splice(waiters.indexOf(w), 1), w.resolve())
  }
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => ((out += chunk), check()))
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk))
  child.stdin.on("error", () => undefined)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`process exited (${code ?? signal}) before "${w.text}": ${err}`))
      resolve({ code, signal })
    })
  )
  return {
    out: () => out,
    err: () => err,
    waitFor: (text) =>
      out.includes(text) ? Promise.resolve() : new Promise((resolve, reject) => (waiters.push({ text, resolve, reject }), check())),
    exited,
    send: (text) => child.stdin.write(text),
    kill: (signal) => child.kill(signal)
  }
}

/** Pseudo-random numbers from a seed (mulberry32), printed with the figures so a run can be replayed. */
export const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed of this run: RELIABILITY_SEED, or the clock. */
export const seed = (): number => Number(process.env["RELIABILITY_SEED"] ?? Date.now() % 1_000_000_007)
