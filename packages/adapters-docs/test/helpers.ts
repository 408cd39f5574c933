import { execFile, execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { unzipSync, strFromU8 } from "fflate"
import { XMLParser } from "fast-xml-parser"

/** True when the tests run in CI, where every real tool must be present. */
export const inCI = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false"

/** Whether an executable exists (absolute path or on PATH). */
export const hasTool = (name: string): boolean =>
  name.startsWith("/") ? existsSync(name) : spawnSync("sh", ["-c", `command -v ${name}`]).status === 0

/**
 * `true` to run a suite needing `tool`; `false` to skip it locally; throws in
 * CI, so that a missing tool fails the run instead of silently skipping.
 */
export const requireTool = (tool: string, what: string): boolean => {
  if (hasTool(tool)) return true
  if (inCI) throw new Error(`${what} needs ${tool}, which is missing in CI (scripts/services.sh installs it)`)
  return false
}

/** Text of a PDF with poppler's pdftotext (UTF-8, layout kept). */
export const pdfText = (pdf: Uint8Array, layout = false): string => {
  const dir = mkdtempSync(join(tmpdir(), "ep-pdftext-"))
  try {
    const file = join(dir, "in.pdf")
    writeFileSync(file, pdf)
    return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"], { encoding: "utf8" })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * `pdfText` without blocking the test worker: a long property that extracts
 * hundreds of PDFs must leave the event loop to vitest's RPC.
 */
export const pdfTextAsync = async (pdf: Uint8Array, layout = false): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), "ep-pdftext-"))
  try {
    const file = join(dir, "in.pdf")
    writeFileSync(file, pdf)
    return await new Promise<string>((resolve, reject) =>
      execFile("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout))
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Number of pages of a PDF (pdfinfo). */
export const pdfPages = (pdf: Uint8Array): number => {
  const dir = mkdtempSync(join(tmpdir(), "ep-pdfinfo-"))
  try {
    const file = join(dir, "in.pdf")
    writeFileSync(file, pdf)
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" })
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Files of a zip package, as text. */
export const unzipText = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]))

export const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: false, trimValues: false })

/** Every text node of parsed XML, concatenated in document order. */
export const textOf = (node: unknown): string => {
  if (typeof node === "string") return node
  if (typeof node === "number" || typeof node === "boolean") return String(node)
  if (Array.isArray(node)) return node.map(textOf).join("")
  if (node !== null && typeof node === "object") {
    return Object.entries(node)
      .filter(([k]) => !k.startsWith("@"))
      .map(([, v]) => textOf(v))
      .join("")
  }
  return ""
}

/** Local file headers of a zip, in order: name, compression method, offset. */
export const zipEntries = (bytes: Uint8Array): Array<{ name: string; method: number; extraLength: number; offset: number }> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: Array<{ name: string; method: number; extraLength: number; offset: number }> = []
  let i = 0
  while (i + 30 <= bytes.length && view.getUint32(i, true) === 0x04034b50) {
    const method = view.getUint16(i + 8, true)
    const compressed = view.getUint32(i + 18, true)
    const nameLength = view.getUint16(i + 26, true)
    const extraLength = view.getUint16(i + 28, true)
    const name = strFromU8(bytes.subarray(i + 30, i + 30 + nameLength))
    out.push({ name, method, extraLength, offset: i })
    i += 30 + nameLength + extraLength + compressed
  }
  return out
}
