/**
 * Table columns that fit their content, the same in PDF, ODT and DOCX: the
 * relative widths a layout asks for are kept where they can be, but no
 * column is narrower than its widest unbreakable word (a bold header such as
 * « Échéance », a date such as « 30/04/2027 ») plus the cell padding; the
 * room is taken from the columns that have some to spare.
 */
import type { Table } from "../Document.js"
import { fractions } from "../Document.js"
import { widestWord } from "./lines.js"
import { faceOf, type Metrics } from "./measure.js"

/** What a cell adds around its text, in points: padding on both sides and a safety margin for fonts a word processor substitutes. */
export interface CellBox {
  readonly padding: number
  readonly slack: number
}

/**
 * Column widths in points summing to `total`: proportional to the table's
 * relative widths, each at least its widest word (body cells at `size`, the
 * header in bold). When even the minimums do not fit, they are scaled down
 * (a word then breaks, as little as possible).
 */
export const fitColumns = (table: Table, total: number, m: Metrics, size: number, box: CellBox): Array<number> => {
  const n = table.header.length
  const min = table.header.map((h, i) => {
    let w = widestWord([{ text: h, face: "bold" }], m, size)
    for (const row of table.rows) {
      const cell = row[i]
      if (cell !== undefined) w = Math.max(w, widestWord(cell.map((r) => ({ text: r.text, face: faceOf(r.bold, r.italic) })), m, size))
    }
    return w * (1 + box.slack) + 2 * box.padding
  })
  const sumMin = min.reduce((a, b) => a + b, 0)
  if (sumMin >= total) return min.map((w) => (w * total) / sumMin)
  const widths = fractions(table.widths).map((f) => f * total)
  // Raise every column below its minimum; take the difference from the others, in proportion to their spare room.
  for (let pass = 0; pass < n; pass++) {
    const short = widths.map((w, i) => Math.max(0, min[i]! - w))
    const deficit = short.reduce((a, b) => a + b, 0)
    if (deficit <= 0.001) break
    const spare = widths.map((w, i) => (short[i]! > 0 ? 0 : Math.max(0, w - min[i]!)))
    const totalSpare = spare.reduce((a, b) => a + b, 0)
    for (let i = 0; i < n; i++) {
      if (short[i]! > 0) widths[i] = min[i]!
      else widths[i] = widths[i]! - (deficit * spare[i]!) / totalSpare
    }
  }
  return widths
}
