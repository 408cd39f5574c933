import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { randomUUID } from "node:crypto"
import pg from "pg"
import { afterAll, beforeAll } from "vitest"

/**
 * The built bin (the root test command builds before testing);
 * `ENTRE_PAIRS_CLI_BIN` runs the same tests against another build (to check
 * that a regression test fails on an older release).
 */
export const bin = process.env["ENTRE_PAIRS_CLI_BIN"] ?? fileURLToPath(new URL("../dist/bin.js", import.meta.url))
export const examples = fileURLToPath(new URL("../../../docs/examples/", import.meta.url))

export interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Spawns `node dist/bin.js …args` with piped stdio (never a TTY). */
export const cli = (args: ReadonlyArray<string>, options: SpawnSyncOptions = {}): Run => {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env["DATABASE_URL"]
  delete env["NO_COLOR"]
  delete env["FORCE_COLOR"]
  Object.assign(env, options.env ?? {})
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120_000, maxBuffer: 256 * 1024 * 1024, ...options, env })
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) }
}

/**
 * `cli` without blocking the test worker (a long run must not starve
 * vitest's RPC): spawns the bin, optionally writes `input` to its stdin.
 */
export const cliAsync = (args: ReadonlyArray<string>, options: { readonly input?: string | Uint8Array; readonly env?: NodeJS.ProcessEnv } = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env["DATABASE_URL"]
    delete env["NO_COLOR"]
    delete env["FORCE_COLOR"]
    Object.assign(env, options.env ?? {})
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["pipe", "pipe", "pipe"], env })
    const out: Array<Buffer> = []
    const err: Array<Buffer> = []
    child.stdout.on("data", (d: Buffer) => out.push(d))
    child.stderr.on("data", (d: Buffer) => err.push(d))
    child.stdin.on("error", () => {})
    child.stdin.end(options.input ?? "")
    child.once("error", reject)
    child.once("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }))
  })

export const tempDir = (prefix = "entre-pairs-cli-") => mkdtempSync(join(tmpdir(), prefix))

/** The entries of a ZIP file, read from its central directory. */
export const zipEntries = (bytes: Uint8Array): Array<string> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error("not a ZIP file: no end of central directory")
  const count = view.getUint16(eocd + 10, true)
  let offset = view.getUint32(eocd + 16, true)
  const names: Array<string> = []
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const nameLength = view.getUint16(offset + 28, true)
    const extra = view.getUint16(offset + 30, true)
    const comment = view.getUint16(offset + 32, true)
    names.push(new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)))
    offset += 46 + nameLength + extra + comment
  }
  return names
}

/** Page count of a PDF (pdfinfo when installed, else the page objects). */
export const pdfPages = (file: string, bytes: Uint8Array): number => {
  const info = spawnSync("pdfinfo", [file], { encoding: "utf8" })
  if (info.status === 0) {
    const m = /^Pages:\s+(\d+)/m.exec(info.stdout)
    if (m !== null) return Number(m[1])
  }
  const text = new TextDecoder("latin1").decode(bytes)
  if (!text.startsWith("%PDF-") || !text.trimEnd().endsWith("%%EOF")) return 0
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
}

/** Parses an iCalendar file (RFC 5545 folding, CRLF); throws on malformed content. */
export const parseIcs = (text: string): Array<Record<string, string>> => {
  if (!text.includes("\r\n")) throw new Error("iCalendar lines end with CRLF")
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l.length > 0)
  if (lines[0] !== "BEGIN:VCALENDAR" || lines[lines.length - 1] !== "END:VCALENDAR") throw new Error("not a VCALENDAR")
  const events: Array<Record<string, string>> = []
  let current: Record<string, string> | undefined
  const stack: Array<string> = []
  for (const line of lines) {
    const colon = line.indexOf(":")
    if (colon < 0) throw new Error(`content line without a colon: ${line}`)
    const name = line.slice(0, colon).split(";")[0]!
    const value = line.slice(colon + 1)
    if (name === "BEGIN") {
      stack.push(value)
      if (value === "VEVENT") current = {}
    } else if (name === "END") {
      if (stack.pop() !== value) throw new Error(`END:${value} does not close its BEGIN`)
      if (value === "VEVENT") {
        events.push(current!)
        current = undefined
      }
    } else if (current !== undefined) current[name] = value
  }
  if (stack.length !== 0) throw new Error("unclosed component")
  return events
}

/**
 * Spawns the bin with its stdout closed before it writes anything (as
 * `entre-pairs … | head -c0` would): every write to stdout meets EPIPE.
 */
export const cliClosedStdout = (args: ReadonlyArray<string>): Promise<{ readonly code: number | null; readonly stderr: string }> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env["DATABASE_URL"]
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"], env })
    child.stdout.destroy()
    let stderr = ""
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    child.once("error", reject)
    child.once("close", (code) => resolve({ code, stderr }))
  })

/**
 * A PostgreSQL database of the calling `describe`'s own on `server`
 * (ENTRE_PAIRS_PG_URL), created before its tests and dropped after them: the
 * server's default database may hold anything (a schema migrated by another
 * release, other runs' exchanges). `url()` is its connection URL, once created.
 */
export const ownPgDatabase = (server: string): { readonly url: () => string } => {
  const database = `entre_pairs_cli_${randomUUID().replaceAll("-", "")}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  let url: string | undefined
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`)
    const u = new URL(server)
    u.pathname = `/${database}`
    url = u.toString()
  })
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))
  return {
    url: () => {
      if (url === undefined) throw new Error("the test database is created in beforeAll: ask for its URL inside a test")
      return url
    }
  }
}
