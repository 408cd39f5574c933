/**
 * Text measurement with the font a document is set in: the PDF writer lays
 * out its own lines and pages, and every writer gives table columns at least
 * the width of their longest unbreakable word (a date must never break
 * inside its number). Widths come from fontkit, the font engine pdfkit draws
 * with, so what is measured is what is drawn (kerning included).
 *
 * Parsed fonts and word widths are cached for the process: a service renders
 * many documents with one font, and parsing a TrueType font's tables is most
 * of the cost of a small PDF.
 */
import * as fontkit from "fontkit"
import { dejaVuSans, type FontFaces } from "./fonts.js"
import { hasOrdinal, segments, SUP_SIZE } from "./superscript.js"

/** One of the four faces of a family. */
export type Face = "normal" | "bold" | "italics" | "bolditalics"

/** The face of a run. */
export const faceOf = (bold: boolean | undefined, italic: boolean | undefined): Face =>
  bold === true ? (italic === true ? "bolditalics" : "bold") : italic === true ? "italics" : "normal"

/** A parsed font (fontkit's), shared by every document that embeds the same bytes. */
export type ParsedFont = fontkit.Font

const parsed = new WeakMap<Uint8Array, ParsedFont>()

/** Parses font bytes once per process (keyed by the bytes' identity). */
export const parse = (bytes: Uint8Array): ParsedFont => {
  let font = parsed.get(bytes)
  if (font === undefined) {
    const created = fontkit.create(bytes as Buffer)
    if (!("layout" in created)) throw new TypeError("a font collection is not a font face")
    font = created
    parsed.set(bytes, font)
  }
  return font
}

/** Measures text in the four faces of a family. */
export interface Metrics {
  readonly fonts: Readonly<Record<Face, ParsedFont>>
  /** Width in points of `text` set in `face` at `size` points. */
  readonly width: (text: string, face: Face, size: number) => number
  /** Ascent above the baseline, in points per point of size (≈ 0.93 for DejaVu Sans). */
  readonly ascent: number
  /** Descent below the baseline, positive, in points per point of size. */
  readonly descent: number
}

const metricsCache = new WeakMap<FontFaces, Metrics>()

/** Bounded width caches: one per parsed font, in font units. */
const widthCaches = new WeakMap<ParsedFont, Map<string, number>>()

const unitsWidth = (font: ParsedFont, text: string): number => {
  let cache = widthCaches.get(font)
  if (cache === undefined) {
    cache = new Map()
    widthCaches.set(font, cache)
  }
  let w = cache.get(text)
  if (w === undefined) {
    w = font.layout(text).advanceWidth
    if (cache.size >= 50_000) cache.clear()
    cache.set(text, w)
  }
  return w
}

/** Metrics of a family (DejaVu Sans by default). */
export const metrics = (faces: FontFaces = dejaVuSans()): Metrics => {
  let m = metricsCache.get(faces)
  if (m === undefined) {
    const fonts = { normal: parse(faces.normal), bold: parse(faces.bold), italics: parse(faces.italics), bolditalics: parse(faces.bolditalics) }
    const n = fonts.normal
    m = {
      fonts,
      width: (text, face, size) => {
        const font = fonts[face]
        if (!hasOrdinal(text)) return (unitsWidth(font, text) * size) / font.unitsPerEm
        // Ordinal suffixes are drawn as smaller letters (see superscript.ts).
        return segments(text).reduce((w, seg) => w + (unitsWidth(font, seg.text) * size * (seg.sup ? SUP_SIZE : 1)) / font.unitsPerEm, 0)
      },
      ascent: n.ascent / n.unitsPerEm,
      descent: -n.descent / n.unitsPerEm
    }
    metricsCache.set(faces, m)
  }
  return m
}
