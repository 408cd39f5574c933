/**
 * Line breaking for the PDF writer, and the unbreakable words every writer
 * sizes table columns by. A line may break at an ordinary space (U+0020),
 * a tab, after a hyphen between two letters, and must break at a line feed;
 * never at a no-break space (U+00A0, U+202F: « 3 décembre 2026 », « 14 h »,
 * « n° 2 », « ? »), nor inside a word, a number or a date (« 30/04/2027 »),
 * unless a single word is wider than the whole line.
 */
import type { Face, Metrics } from "./measure.js"

/** A piece of text in one face. */
export interface Piece {
  readonly text: string
  readonly face: Face
}

/** A laid-out line: fragments in one face each, with their x offset from the line's start. */
export interface Line {
  readonly frags: ReadonlyArray<{ readonly text: string; readonly face: Face; readonly x: number; readonly width: number }>
  readonly width: number
}

/** Break opportunities: spaces and tabs (consumed), after a hyphen between letters (kept), line feeds (forced). */
const BREAK = /(\r\n?|\n)|([ \t]+)|(?<=\p{L}-)(?=\p{L})/u

interface Box {
  readonly pieces: Array<Piece>
  width: number
}

/** Splits pieces into boxes (unbreakable) separated by glue (a space, nothing, or a forced break). */
const boxes = (pieces: ReadonlyArray<Piece>, m: Metrics, size: number) => {
  const items: Array<{ box: Box; glue: "space" | "none" | "newline"; spaceFace: Face }> = []
  let current: Box = { pieces: [], width: 0 }
  const push = (p: Piece) => {
    if (p.text === "") return
    current.pieces.push(p)
    current.width += m.width(p.text, p.face, size)
  }
  for (const piece of pieces) {
    let rest = piece.text
    while (rest !== "") {
      const found = BREAK.exec(rest)
      if (found === null) {
        push({ text: rest, face: piece.face })
        break
      }
      push({ text: rest.slice(0, found.index), face: piece.face })
      const glue = found[1] !== undefined ? "newline" : found[2] !== undefined ? "space" : "none"
      items.push({ box: current, glue, spaceFace: piece.face })
      current = { pieces: [], width: 0 }
      rest = rest.slice(found.index + found[0].length)
    }
  }
  items.push({ box: current, glue: "none", spaceFace: "normal" })
  return items
}

/** Splits a box too wide for any line by characters (code points). */
const splitBox = (box: Box, width: number, m: Metrics, size: number): Array<Box> => {
  const out: Array<Box> = []
  let current: Box = { pieces: [], width: 0 }
  for (const piece of box.pieces) {
    for (const ch of piece.text) {
      const w = m.width(ch, piece.face, size)
      if (current.width + w > width && current.width > 0) {
        out.push(current)
        current = { pieces: [], width: 0 }
      }
      const last = current.pieces[current.pieces.length - 1]
      if (last !== undefined && last.face === piece.face) current.pieces[current.pieces.length - 1] = { text: last.text + ch, face: piece.face }
      else current.pieces.push({ text: ch, face: piece.face })
      current.width += w
    }
  }
  if (current.pieces.length > 0) out.push(current)
  return out
}

/**
 * Breaks text into lines of at most `width` points (greedy, ragged right:
 * easier to read than justified text, WCAG 1.4.8). Always at least one line.
 */
export const breakLines = (pieces: ReadonlyArray<Piece>, width: number, m: Metrics, size: number): Array<Line> => {
  const lines: Array<Array<Piece>> = []
  let line: Array<Piece> = []
  let lineWidth = 0
  let pendingSpace: Face | undefined
  const flush = () => {
    lines.push(line)
    line = []
    lineWidth = 0
    pendingSpace = undefined
  }
  const place = (box: Box) => {
    const space = pendingSpace === undefined || line.length === 0 ? 0 : m.width(" ", pendingSpace, size)
    if (line.length > 0 && lineWidth + space + box.width > width + 0.01) flush()
    if (line.length > 0 && pendingSpace !== undefined) {
      line.push({ text: " ", face: pendingSpace })
      lineWidth += space
    }
    line.push(...box.pieces)
    lineWidth += box.width
    pendingSpace = undefined
  }
  for (const { box, glue, spaceFace } of boxes(pieces, m, size)) {
    if (box.pieces.length > 0) {
      if (box.width > width) for (const part of splitBox(box, width, m, size)) place(part)
      else place(box)
    }
    if (glue === "newline") flush()
    else if (glue === "space" && line.length > 0) pendingSpace = spaceFace
  }
  if (line.length > 0 || lines.length === 0) lines.push(line)
  return lines.map((ps) => {
    const frags: Array<{ text: string; face: Face; x: number; width: number }> = []
    for (const p of ps) {
      const last = frags[frags.length - 1]
      if (last !== undefined && last.face === p.face) last.text += p.text
      else frags.push({ text: p.text, face: p.face, x: 0, width: 0 })
    }
    let x = 0
    for (const f of frags) {
      f.x = x
      f.width = m.width(f.text, f.face, size)
      x += f.width
    }
    return { frags, width: x }
  })
}

/**
 * The width of the widest unbreakable word of a text (what a table column
 * must at least hold so that it never breaks inside a word or a date).
 */
export const widestWord = (pieces: ReadonlyArray<Piece>, m: Metrics, size: number): number =>
  boxes(pieces, m, size).reduce((w, { box }) => Math.max(w, box.width), 0)
