/**
 * Body of `Input.ts`: UTF-8 validation with the position of the first bad
 * byte, and a strict JSON scanner (RFC 8259) that bounds the nesting depth
 * before `JSON.parse` builds the value. Iterative, so no input can exhaust
 * the call stack.
 */
import * as Either from "effect/Either"

type Text = { readonly fr: string; readonly en: string }

/** The fields of an `Input.InputError`. */
export interface ErrorFields {
  readonly reason: "syntax" | "depth" | "size" | "encoding"
  readonly source: string
  readonly line: number
  readonly column: number
  readonly offset: number
  readonly limit?: number
  readonly detail: Text
}

/** The error class, injected by `Input.ts` so this module does not import it back. */
export type ErrorClass<E> = new (fields: ErrorFields) => E

/** The options of `Input.ts` (same shape). */
interface Options {
  readonly source?: string | undefined
  readonly maxDepth?: number | undefined
  readonly maxBytes?: number | undefined
}

export const defaultLimits = { maxDepth: 64, maxBytes: 64 * 1024 * 1024 } as const

const settings = (options: Options | undefined) => ({
  source: options?.source ?? "input",
  maxDepth: options?.maxDepth ?? defaultLimits.maxDepth,
  maxBytes: options?.maxBytes ?? defaultLimits.maxBytes
})

// ---------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------

/** Line and column (1-based, columns in code points) of a UTF-16 offset of a text. */
export const positionInText = (text: string, offset: number): { line: number; column: number } => {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) {
    line++
    lineStart = i + 1
  }
  let column = 1
  for (let i = lineStart; i < end; i++) {
    const c = text.charCodeAt(i)
    // The second half of a surrogate pair is the same code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart && isHighSurrogate(text.charCodeAt(i - 1)))) column++
  }
  return { line, column }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff

/** Line and column of a byte offset of valid UTF-8 bytes. */
const positionInBytes = (bytes: Uint8Array, offset: number): { line: number; column: number } => {
  let line = 1
  let column = 1
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!
    if (b === 0x0a) {
      line++
      column = 1
    } else if ((b & 0xc0) !== 0x80) column++
  }
  return { line, column }
}

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

/** Offset of the first byte that is not part of valid UTF-8 (RFC 3629), or -1. */
export const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) lo = 0xa0
      if (b === 0xed) hi = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) lo = 0x90
      if (b === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined) return i
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i
    }
    i += need + 1
  }
  return -1
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`

const tooLarge = <E>(Error: ErrorClass<E>, source: string, size: number, limit: number, position: { line: number; column: number }, offset: number) =>
  new Error({
    reason: "size",
    source,
    ...position,
    offset,
    limit,
    detail: {
      fr: `entrée trop volumineuse : ${size} octets, la limite est de ${limit} octets`,
      en: `input too large: ${size} bytes, the limit is ${limit} bytes`
    }
  })

export const decodeUtf8 = <E>(Error: ErrorClass<E>) => (bytes: Uint8Array, options?: Options): Either.Either<string, E> => {
  const s = settings(options)
  if (bytes.length > s.maxBytes) {
    return Either.left(tooLarge(Error, s.source, bytes.length, s.maxBytes, positionInBytes(bytes, firstInvalidOr(bytes, s.maxBytes)), s.maxBytes))
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  try {
    return Either.right(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body))
  } catch {
    const offset = firstInvalidUtf8(body)
    const at = offset < 0 ? body.length : offset
    return Either.left(
      new Error({
        reason: "encoding",
        source: s.source,
        ...positionInBytes(body, at),
        offset: at + start,
        detail: {
          fr: `octet ${hex(body[at] ?? 0)} invalide en UTF-8 : le texte doit être encodé en UTF-8`,
          en: `byte ${hex(body[at] ?? 0)} is not valid UTF-8: the text must be UTF-8 encoded`
        }
      })
    )
  }
}

/** Where the size limit is crossed, kept inside valid UTF-8 so positions can be counted. */
const firstInvalidOr = (bytes: Uint8Array, limit: number) => {
  const bad = firstInvalidUtf8(bytes.subarray(0, limit))
  return bad < 0 ? limit : bad
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

interface Fault {
  readonly offset: number
  readonly reason: "syntax" | "depth"
  readonly detail: Text
}

const describe = (text: string, i: number): string => {
  if (i >= text.length) return "end"
  const c = text.codePointAt(i)!
  return c < 0x20 || c === 0x7f ? `U+${c.toString(16).toUpperCase().padStart(4, "0")}` : `« ${String.fromCodePoint(c)} »`
}

const unexpected = (text: string, i: number, expected: Text): Fault =>
  i >= text.length
    ? { offset: i, reason: "syntax", detail: { fr: `fin du texte inattendue ; attendu : ${expected.fr}`, en: `unexpected end of text: expected ${expected.en}` } }
    : {
        offset: i,
        reason: "syntax",
        detail: {
          fr: `caractère ${describe(text, i)} inattendu ; attendu : ${expected.fr}`,
          en: `unexpected character ${describe(text, i).replace(/[«»]/g, '"')}: expected ${expected.en}`
        }
      }

const VALUE: Text = { fr: "une valeur", en: "a value" }
const KEY: Text = { fr: "un nom de propriété entre guillemets", en: "a property name in double quotes" }
const COLON: Text = { fr: "« : »", en: '":"' }
const AFTER_ELEMENT: Text = { fr: "« , » ou « ] »", en: '"," or "]"' }
const AFTER_MEMBER: Text = { fr: "« , » ou « } »", en: '"," or "}"' }
const END: Text = { fr: "la fin du texte", en: "the end of the text" }

const isWhitespace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)

/** Validates JSON text; the first fault, or undefined when it is valid and within the depth. */
export const scanJson = (text: string, maxDepth: number): Fault | undefined => {
  const n = text.length
  const stack: Array<number> = [] // 0: array, 1: object
  let i = 0
  const ws = () => {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++
  }
  const string = (): Fault | undefined => {
    i++ // opening quote
    for (;;) {
      if (i >= n) {
        return { offset: i, reason: "syntax", detail: { fr: "chaîne non terminée ; attendu : « \" »", en: 'unterminated string: expected "\\""' } }
      }
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return undefined
      }
      if (c < 0x20) {
        return {
          offset: i,
          reason: "syntax",
          detail: { fr: `caractère de contrôle ${describe(text, i)} dans une chaîne (à écrire \\n, \\t ou \\u…)`, en: `control character ${describe(text, i)} in a string (write \\n, \\t or \\u…)` }
        }
      }
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1)
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(text.charCodeAt(i + k))) {
              return { offset: i, reason: "syntax", detail: { fr: "échappement \\u sans quatre chiffres hexadécimaux", en: "\\u escape without four hex digits" } }
            }
          }
          i += 6
        } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i += 2
        else return { offset: i, reason: "syntax", detail: { fr: "échappement invalide dans une chaîne", en: "invalid escape in a string" } }
      } else i++
    }
  }
  const digits = () => {
    const from = i
    while (i < n && isDigit(text.charCodeAt(i))) i++
    return i > from
  }
  const number = (): Fault | undefined => {
    const start = i
    const bad = (): Fault => ({ offset: start, reason: "syntax", detail: { fr: "nombre invalide", en: "invalid number" } })
    if (text.charCodeAt(i) === 0x2d) i++
    if (text.charCodeAt(i) === 0x30) i++
    else if (!digits()) return bad()
    if (text.charCodeAt(i) === 0x2e) {
      i++
      if (!digits()) return bad()
    }
    const e = text.charCodeAt(i)
    if (e === 0x65 || e === 0x45) {
      i++
      const sign = text.charCodeAt(i)
      if (sign === 0x2b || sign === 0x2d) i++
      if (!digits()) return bad()
    }
    return undefined
  }
  const literal = (word: string): Fault | undefined => {
    if (text.startsWith(word, i)) {
      i += word.length
      return undefined
    }
    return unexpected(text, i, VALUE)
  }
  const open = (kind: number): Fault | undefined => {
    if (stack.length >= maxDepth) {
      return {
        offset: i,
        reason: "depth",
        detail: { fr: `imbrication trop profonde : plus de ${maxDepth} niveaux`, en: `nesting too deep: more than ${maxDepth} levels` }
      }
    }
    stack.push(kind)
    i++
    return undefined
  }

  // States: 0 expect a value, 1 expect a key, 2 after a value.
  let state = 0
  ws()
  for (;;) {
    if (state === 0) {
      const c = text.charCodeAt(i)
      let fault: Fault | undefined
      if (c === 0x7b) {
        fault = open(1)
        if (fault !== undefined) return fault
        ws()
        if (text.charCodeAt(i) === 0x7d) {
          stack.pop()
          i++
          state = 2
        } else state = 1
        continue
      }
      if (c === 0x5b) {
        fault = open(0)
        if (fault !== undefined) return fault
        ws()
        if (text.charCodeAt(i) === 0x5d) {
          stack.pop()
          i++
          state = 2
        } else state = 0
        continue
      }
      if (c === 0x22) fault = string()
      else if (c === 0x2d || isDigit(c)) fault = number()
      else if (c === 0x74) fault = literal("true")
      else if (c === 0x66) fault = literal("false")
      else if (c === 0x6e) fault = literal("null")
      else return unexpected(text, i, VALUE)
      if (fault !== undefined) return fault
      state = 2
    } else if (state === 1) {
      ws()
      if (text.charCodeAt(i) !== 0x22) return unexpected(text, i, KEY)
      const fault = string()
      if (fault !== undefined) return fault
      ws()
      if (text.charCodeAt(i) !== 0x3a) return unexpected(text, i, COLON)
      i++
      ws()
      state = 0
    } else {
      ws()
      if (stack.length === 0) return i < n ? unexpected(text, i, END) : undefined
      const top = stack[stack.length - 1]
      const c = text.charCodeAt(i)
      if (c === 0x2c) {
        i++
        ws()
        state = top === 0 ? 0 : 1
      } else if ((top === 0 && c === 0x5d) || (top === 1 && c === 0x7d)) {
        stack.pop()
        i++
      } else return unexpected(text, i, top === 0 ? AFTER_ELEMENT : AFTER_MEMBER)
    }
  }
}

/** UTF-8 length of a text, counted without encoding it. */
const utf8Length = (text: string): number => {
  let length = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) length += 1
    else if (c < 0x800) length += 2
    else if (isHighSurrogate(c) && i + 1 < text.length) {
      length += 4
      i++
    } else length += 3
  }
  return length
}

export const parseJson = <E>(Error: ErrorClass<E>) => (text: string, options?: Options): Either.Either<unknown, E> => {
  const s = settings(options)
  // Each UTF-16 unit is at least one byte and at most three.
  if (text.length > s.maxBytes || (text.length * 3 > s.maxBytes && utf8Length(text) > s.maxBytes)) {
    const size = utf8Length(text)
    let offset = 0
    for (let bytes = 0; offset < text.length && bytes <= s.maxBytes; offset++) bytes += text.charCodeAt(offset) < 0x80 ? 1 : 3
    return Either.left(tooLarge(Error, s.source, size, s.maxBytes, positionInText(text, offset), offset))
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const fault = scanJson(body, s.maxDepth)
  if (fault !== undefined) {
    return Either.left(
      new Error({
        reason: fault.reason,
        source: s.source,
        ...positionInText(body, fault.offset),
        offset: fault.offset,
        ...(fault.reason === "depth" ? { limit: s.maxDepth } : {}),
        detail: fault.detail
      })
    )
  }
  return Either.right(JSON.parse(body) as unknown)
}

export const decodeJson = <E>(Error: ErrorClass<E>) => {
  const utf8 = decodeUtf8(Error)
  const json = parseJson(Error)
  return (input: string | Uint8Array, options?: Options): Either.Either<unknown, E> =>
    typeof input === "string" ? json(input, options) : Either.flatMap(utf8(input, options), (text) => json(text, options))
}

/** A value short enough to quote in a message. */
export const excerpt = (value: string, max = 80): string => {
  if (value.length <= max) return value
  const cut = isHighSurrogate(value.charCodeAt(max - 1)) ? max - 1 : max
  return `${value.slice(0, cut)}… (+${value.length - cut})`
}

/**
 * An error message that may quote the input (a parse error's « actual »
 * value), bounded: every quoted value longer than 120 characters becomes an
 * excerpt, and the whole message at most `max` characters. A 20 MB value is
 * never echoed in full.
 */
export const boundMessage = (message: string, max = 1000): string => {
  if (message.length <= max) return message
  const quoted = excerptQuoted(message, excerpt)
  return quoted.length <= max ? quoted : excerpt(quoted, max)
}

/**
 * Every double-quoted value of `message` longer than 120 characters replaced
 * by `shorten(value, 80)`; a linear scan (a regular expression over a 20 MB
 * quote overflows the engine's stack).
 */
export const excerptQuoted = (message: string, shorten: (value: string, max: number) => string): string => {
  let out = ""
  let from = 0
  for (;;) {
    const open = message.indexOf("\"", from)
    if (open < 0) break
    let close = open + 1
    while (close < message.length && message[close] !== "\"") close += message[close] === "\\" ? 2 : 1
    if (close >= message.length) break
    const inner = message.slice(open + 1, close)
    out += message.slice(from, open + 1) + (inner.length > 120 ? shorten(inner, 80) : inner) + "\""
    from = close + 1
  }
  return out + message.slice(from)
}
