/**
 * Rendering dozens of PDFs in one process: pdfkit asks fontkit to parse the
 * embedded font (DejaVu Sans, ~700 KB a face) afresh for every document, and
 * decoding its tables (cmap, hmtx, GSUB, GPOS…) dominates the demo's time.
 * Decoded tables are read-only, so this process-wide memo of fontkit's
 * `_decodeTable`, keyed by the font's bytes and the table tag, decodes each
 * table once. The output is byte-for-byte the same (tested). Applied by the
 * CLI only, before its first PDF; if fontkit's internals are not what this
 * expects, it does nothing and PDFs render the same, only slower.
 *
 * TODO(adapters-docs): a font cache belongs in the renderer; remove this then.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

let applied = false

const keyOf = (bytes: Uint8Array): string => {
  let h = 2166136261
  const step = Math.max(1, Math.floor(bytes.length / 1024))
  for (let i = 0; i < bytes.length; i += step) h = Math.imul(h ^ bytes[i]!, 16777619)
  return `${bytes.length}:${h >>> 0}`
}

interface FontkitFont {
  stream: { buffer: Uint8Array }
  __entrePairsKey?: string
  _decodeTable: (table: { tag: string }) => unknown
}

/** Memoises fontkit's table decoding, once per process. */
export const memoiseFontTables = (): void => {
  if (applied) return
  applied = true
  try {
    const docs = createRequire(createRequire(import.meta.url).resolve("@entre-pairs/adapters-docs"))
    const pdfkit = createRequire(createRequire(docs.resolve("pdfmake/js/Printer.js")).resolve("pdfkit"))
    const fontkit = pdfkit("fontkit") as { create: (bytes: Uint8Array) => unknown }
    const probe = fontkit.create(new Uint8Array(readFileSync(docs.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"))))
    const proto = Object.getPrototypeOf(probe) as FontkitFont
    const decode = proto._decodeTable
    if (typeof decode !== "function") return
    const cache = new Map<string, unknown>()
    proto._decodeTable = function (this: FontkitFont, table) {
      const bytes = this.stream?.buffer
      if (!(bytes instanceof Uint8Array)) return decode.call(this, table)
      const key = `${(this.__entrePairsKey ??= keyOf(bytes))}:${table.tag}`
      if (cache.has(key)) return cache.get(key)
      const decoded = decode.call(this, table)
      cache.set(key, decoded)
      return decoded
    }
  } catch {
    // Another layout of node_modules: nothing to do.
  }
}
