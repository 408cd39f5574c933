/**
 * What the CLI reads: JSON values of files, stdin and options (`<json>`,
 * `@file` or `-` for stdin) through core's bounded decoder (`Input`: UTF-8,
 * size and depth limits, line and column of every refusal), and dates
 * (`Instant.parse`: ISO 8601, impossible dates refused). Every failure is an
 * exit 2 with a message, or a JSON error document with `--json`.
 */
import { Input, Instant } from "@entre-pairs/core"
import type * as FileSystem from "@effect/platform/FileSystem"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import type { CliExit, Common, Lang } from "./Common.js"
import { handleFailures, invalid } from "./Failure.js"
import { readBytes, readStdin } from "./Files.js"
import { messages, say } from "./Messages.js"

/** An `Input.InputError` as an exit 2: its place and reason, in words and as JSON. */
export const inputError = (e: Input.InputError, lang: Lang): CliExit => {
  const message = messages(lang).inputRefused(e.reason, Input.excerpt(e.source), e.line, e.column, say(e.detail, lang))
  return invalid(message, {
    error: "InputError",
    reason: e.reason,
    source: Input.excerpt(e.source),
    line: e.line,
    column: e.column,
    ...(e.limit === undefined ? {} : { limit: e.limit }),
    message
  })
}

/** Decodes JSON bytes or text; exit 2 naming the source, line and column on a refusal. */
export const decodeJson = (input: string | Uint8Array, source: string, lang: Lang): Effect.Effect<unknown, CliExit> =>
  Either.match(Input.decodeJson(input, { source }), {
    onLeft: (e) => Effect.fail(inputError(e, lang)),
    onRight: (value) => Effect.succeed(value)
  })

/** Reads a JSON file (`/dev/stdin` for stdin); exit 2 when it cannot be read or decoded. */
export const readJsonFile = (file: string, lang: Lang, source = file): Effect.Effect<unknown, CliExit, FileSystem.FileSystem> =>
  Effect.flatMap(readBytes(file, lang), (bytes) => decodeJson(bytes, source, lang))

/** Reads `<json>` or `@file` (or `-` for stdin) into a value; exit 2 on failure. */
export const readJsonArgument = (raw: string, lang: Lang): Effect.Effect<unknown, CliExit, FileSystem.FileSystem> =>
  raw === "-"
    ? Effect.flatMap(readStdin(lang), (bytes) => decodeJson(bytes, "stdin", lang))
    : raw.startsWith("@")
      ? readJsonFile(raw.slice(1), lang)
      : decodeJson(raw, messages(lang).argument, lang)

/** Reads a `<json|@file|->` option, then continues with its value. */
export const withJson = <A, E, R>(c: Common, raw: string, f: (value: unknown) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(handleFailures(c)(readJsonArgument(raw, c.lang)), f)

/** Parses `--at` strictly (ISO 8601, no impossible date), or now; exit 2 naming the fault. */
export const parseAt = (raw: Option.Option<string>, lang: Lang): Effect.Effect<DateTime.Utc, CliExit> =>
  Option.match(raw, {
    onNone: () => DateTime.now,
    onSome: (s) =>
      Either.match(Instant.parse(s), {
        onLeft: (why) => {
          const message = `--at : ${say(why, lang)}`
          return Effect.fail(invalid(message, { error: "InvalidDate", option: "--at", message }))
        },
        onRight: (at) => Effect.succeed(at)
      })
  })
