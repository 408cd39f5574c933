/**
 * Reading untrusted text at a boundary (a file, stdin, a command-line
 * argument, a request body) before any Schema sees it: bytes must be UTF-8,
 * JSON must be well-formed, no larger than a size limit and no deeper than a
 * depth limit. Every refusal is an {@link InputError} naming the source, the
 * line and column, the limit crossed, in French and English; nothing throws
 * and no input, however deep, can exhaust the call stack. Pure: no I/O.
 *
 * @since 0.1.0
 */
import type * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as internal from "./internal/input.js"

/**
 * The limits of a decoder.
 *
 * @example
 * import type { Input } from "@entre-pairs/core"
 * const strict: Input.Limits = { maxDepth: 16, maxBytes: 1024 * 1024 }
 * @since 0.1.0
 */
export interface Limits {
  /** Deepest nesting of arrays and objects accepted (the top-level value is depth 1). */
  readonly maxDepth: number
  /** Largest input accepted, in bytes (UTF-8). */
  readonly maxBytes: number
}

/**
 * The default limits: depth 64 (an exchange snapshot nests about 6 deep),
 * 64 MiB.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * Input.defaultLimits.maxDepth // 64
 * @since 0.1.0
 */
export const defaultLimits: Limits = internal.defaultLimits

/**
 * Options of the decoders: where the input comes from (quoted in errors) and
 * the limits, each defaulting to {@link defaultLimits}.
 *
 * @example
 * import type { Input } from "@entre-pairs/core"
 * const options: Input.Options = { source: "snapshot.json", maxDepth: 32 }
 * @since 0.1.0
 */
export interface Options extends Partial<Limits> {
  readonly source?: string | undefined
}

/**
 * Why an input was refused: `encoding` (not UTF-8), `syntax` (not JSON),
 * `depth` (nested deeper than the limit), `size` (larger than the limit);
 * with the source, the 1-based line and column (in characters) and offset
 * where it happened, the limit crossed, and a plain explanation.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * const result = Input.parseJson('{ "a": [1, 2,, 3] }', { source: "a.json" })
 * Either.isLeft(result) && result.left.line // 1
 * @since 0.1.0
 */
export class InputError extends Schema.TaggedError<InputError>("@entre-pairs/core/InputError")("InputError", {
  reason: Schema.Literal("syntax", "depth", "size", "encoding"),
  source: Schema.String,
  line: Schema.Number,
  column: Schema.Number,
  offset: Schema.Number,
  limit: Schema.optional(Schema.Number),
  detail: Schema.Struct({ fr: Schema.String, en: Schema.String })
}) {
  override get message(): string {
    return `${this.source}, line ${this.line}, column ${this.column}: ${this.detail.en}`
  }
}

/**
 * Decodes bytes as UTF-8 (a leading byte-order mark is dropped). Refuses
 * invalid UTF-8 — it is never replaced by U+FFFD — with the line and column
 * of the first bad byte, and input over `maxBytes`.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * Input.decodeUtf8(new TextEncoder().encode("Élodie")) // Right("Élodie")
 * const latin1 = Input.decodeUtf8(Uint8Array.of(0x61, 0x0a, 0xe9), { source: "a.txt" })
 * Either.isLeft(latin1) && [latin1.left.line, latin1.left.column] // [2, 1]
 * @since 0.1.0
 */
export const decodeUtf8: (bytes: Uint8Array, options?: Options) => Either.Either<string, InputError> = internal.decodeUtf8(InputError)

/**
 * Parses JSON text (RFC 8259, strict: no comments, no trailing commas),
 * refusing text over `maxBytes` or nested deeper than `maxDepth` before any
 * value is built.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * Input.parseJson('{ "a": [1, 2] }') // Right({ a: [1, 2] })
 * const deep = Input.parseJson("[".repeat(100) + "]".repeat(100), { maxDepth: 64 })
 * Either.isLeft(deep) && deep.left.reason // "depth"
 * @since 0.1.0
 */
export const parseJson: (text: string, options?: Options) => Either.Either<unknown, InputError> = internal.parseJson(InputError)

/**
 * {@link decodeUtf8} then {@link parseJson}: JSON from bytes or text.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * Input.decodeJson(new TextEncoder().encode("[1]"), { source: "stdin" }) // Right([1])
 * @since 0.1.0
 */
export const decodeJson: (input: string | Uint8Array, options?: Options) => Either.Either<unknown, InputError> = internal.decodeJson(InputError)

/**
 * A value cut to `max` characters (default 80) with the number left out, to
 * quote untrusted input in a message without echoing megabytes.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * Input.excerpt("x".repeat(100), 10) // "xxxxxxxxxx… (+90)"
 * @since 0.1.0
 */
export const excerpt: (value: string, max?: number) => string = internal.excerpt

/**
 * An error message that may quote untrusted input (a parse error's actual
 * value), bounded: every quoted value longer than 120 characters becomes an
 * excerpt, and the whole message is at most `max` characters (default 1,000).
 * A 20 MB value is never echoed back in full.
 *
 * @example
 * import { Input } from "@entre-pairs/core"
 * const message = `Expected a date, actual "${"x".repeat(20_000)}"`
 * console.assert(Input.boundMessage(message).length < 200)
 * @since 0.2.0
 */
export const boundMessage: (message: string, max?: number) => string = internal.boundMessage
