/**
 * Text normalisation (CNF-06): what people paste from a word processor or a
 * PDF must neither defeat the name scan nor be stored as invisible junk.
 *
 * Three levels, from the most faithful to the most aggressive:
 *
 * - free text at the boundary (`freeText`): default-ignorable code points
 *   removed (soft hyphen, zero-width space and joiners, word joiner, BOM,
 *   bidi controls, variation selectors, tags…), the typographic ligatures of
 *   the Alphabetic Presentation Forms block written out (ﬁ → fi), NFC. The
 *   other compatibility characters are kept: NFKC would turn the no-break
 *   spaces of French typography (U+00A0, U+202F) into plain spaces, « … »
 *   into « ... », « m² » into « m2 » and « nº » into « no » in the documents
 *   people read. The scanner folds them anyway.
 * - person names at the boundary (`personName`): NFKC, default-ignorable and
 *   other invisible code points removed, runs of spaces made one, trimmed.
 * - matching (`foldCodePoint`): NFKD, combining marks dropped, lower case,
 *   the letters that do not decompose written out (œ → oe, æ → ae, ß → ss,
 *   ø → o, ł → l, đ → d…), every space one space, every apostrophe one
 *   apostrophe, every hyphen one hyphen, and everything invisible dropped.
 */

/** Default_Ignorable_Code_Point (Unicode DerivedCoreProperties), as the regular expression engine knows it. */
const defaultIgnorable = /\p{Default_Ignorable_Code_Point}/u
const defaultIgnorableAll = /\p{Default_Ignorable_Code_Point}/gu

/** Invisible for matching: default-ignorable, format, control (other than spaces), unassigned, private use, lone surrogates. */
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cn}\p{Co}\p{Cs}]|(?![\t\n\v\f\r\u0085])\p{Cc}/u
const invisibleAll = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cn}\p{Co}\p{Cs}]|(?![\t\n\v\f\r\u0085])\p{Cc}/gu

/** The typographic ligatures (U+FB00–U+FB06) and other presentation forms of Latin letters. */
const presentationLigatures = /[\uFB00-\uFB06]/gu

export const isDefaultIgnorable = (cp: number): boolean => defaultIgnorable.test(String.fromCodePoint(cp))

export const isInvisible = (cp: number): boolean => invisible.test(String.fromCodePoint(cp))

/** Free text as stored: invisible junk out, presentation ligatures written out, NFC. */
export const freeText = (s: string): string =>
  s.replace(defaultIgnorableAll, "").replace(presentationLigatures, (c) => c.normalize("NFKC")).normalize("NFC")

/** A person's name as stored: NFKC, invisible code points out, one space between words, trimmed. */
export const personName = (s: string): string =>
  s.replace(invisibleAll, "").normalize("NFKC").replace(invisibleAll, "").replace(/\s+/gu, " ").trim()

// --- folding for matching ---------------------------------------------------

export const SPACE = " "
export const APOSTROPHE = "'"
export const HYPHEN = "-"

const marks = /\p{M}/gu
const spaces = /^\s$/u
const apostrophes = new Set([..."'\u2018\u2019\u201B\u02BC\u02BB\u02BD\u00B4\u2032\u0060\uFF07\u055A\uA78C"])
const hyphens = new Set([..."-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\uFE58\uFE63\uFF0D\u00AF"])
/** Letters that carry no canonical or compatibility decomposition but are read as two letters or a plain one. */
const special: Record<string, string> = {
  "\u0153": "oe", // œ
  "\u00E6": "ae", // æ
  "\u00DF": "ss", // ß
  "\u1E9E": "ss", // ẞ
  "\u00F8": "o", // ø
  "\u0142": "l", // ł
  "\u0111": "d", // đ
  "\u00F0": "d", // ð
  "\u00FE": "th", // þ
  "\u0131": "i", // dotless ı
  "\u0127": "h", // ħ
  "\u0167": "t", // ŧ
  "\u0138": "k", // ĸ
  "\u014B": "n", // ŋ
  "\u0180": "b", // ƀ
  "\u0192": "f", // ƒ
  "\u0250": "a",
  "\u0251": "a", // ɑ
  "\u0261": "g" // ɡ
}

const foldSlow = (cp: number): string => {
  const ch = String.fromCodePoint(cp)
  if (invisible.test(ch)) return ""
  if (spaces.test(ch)) return SPACE
  if (apostrophes.has(ch)) return APOSTROPHE
  if (hyphens.has(ch)) return HYPHEN
  let out = ""
  for (const c of ch.normalize("NFKD").replace(marks, "").toLowerCase().normalize("NFKD").replace(marks, "")) {
    if (spaces.test(c)) out += SPACE
    else if (apostrophes.has(c)) out += APOSTROPHE
    else if (hyphens.has(c)) out += HYPHEN
    else out += special[c] ?? c
  }
  return out
}

const cache = new Map<number, string>()
const TABLE = 0x3000
const table: Array<string | undefined> = new Array(TABLE)

/**
 * The folded form of one code point: zero, one or several characters (a
 * combining mark or an invisible character folds to nothing, « œ » to « oe »,
 * « ﬁ » to « fi »).
 */
export const foldCodePoint = (cp: number): string => {
  if (cp < TABLE) {
    let f = table[cp]
    if (f === undefined) table[cp] = f = foldSlow(cp)
    return f
  }
  let f = cache.get(cp)
  if (f === undefined) {
    f = foldSlow(cp)
    if (cache.size < 65_536) cache.set(cp, f)
  }
  return f
}

/** A folded text and, for each folded character, where it comes from in the original text (UTF-16 offsets). */
export interface Folded {
  readonly text: string
  /** Offset in the original of the code point each folded character comes from. */
  readonly from: Int32Array
  /** Offset in the original just after that code point. */
  readonly to: Int32Array
}

/** Folds a whole text, keeping the way back to the original offsets. */
export const foldWithOffsets = (s: string): Folded => {
  const from = new Int32Array(s.length * 2 + 4)
  const to = new Int32Array(s.length * 2 + 4)
  let text = ""
  let n = 0
  let fromBuf = from
  let toBuf = to
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!
    const w = cp > 0xffff ? 2 : 1
    const f = foldCodePoint(cp)
    for (let k = 0; k < f.length; k++) {
      if (n >= fromBuf.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2)
          b.set(a)
          return b
        }
        fromBuf = grow(fromBuf)
        toBuf = grow(toBuf)
      }
      fromBuf[n] = i
      toBuf[n] = i + w
      n++
    }
    text += f
    i += w
  }
  return { text, from: fromBuf.subarray(0, n), to: toBuf.subarray(0, n) }
}

/** Folds a text for comparison (no offsets). */
export const fold = (s: string): string => {
  let out = ""
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!
    out += foldCodePoint(cp)
    i += cp > 0xffff ? 2 : 1
  }
  return out
}

const wordChar = /[\p{L}\p{N}]/u
/** Whether a folded character is part of a word (a letter or a digit). */
export const isWordChar = (c: string): boolean => {
  const code = c.charCodeAt(0)
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
  return wordChar.test(c)
}

/** Whether the code point at `offset` of the original text is written in upper case (after NFKC: « Ｃ », « 𝐂 » count). */
export const isUpperAt = (s: string, offset: number): boolean => {
  const cp = s.codePointAt(offset)
  if (cp === undefined) return false
  const ch = String.fromCodePoint(cp).normalize("NFKC")
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}
