/**
 * What the CLI reads: files and stdin through `@effect/platform`'s
 * FileSystem, JSON values of options (`<json>`, `@file` or `-` for stdin)
 * and dates. Every failure is an exit 2 with a message.
 */
import * as FileSystem from "@effect/platform/FileSystem"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type { CliExit, Common, Lang } from "./Common.js"
import { handleFailures, invalid } from "./Failure.js"
import { messages } from "./Messages.js"

const reasonOf = (e: unknown) => String((e as { message?: unknown })?.message ?? e)

/** Reads a file's bytes; exit 2 when it cannot be read. */
export const readBytes = (file: string, lang: Lang): Effect.Effect<Uint8Array, CliExit, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.readFile(file)).pipe(
    Effect.mapError((e) => invalid(messages(lang).unreadableFile(file, reasonOf(e))))
  )

/** Reads a file as text; exit 2 when it cannot be read. */
export const readText = (file: string, lang: Lang): Effect.Effect<string, CliExit, FileSystem.FileSystem> =>
  Effect.map(readBytes(file, lang), (bytes) => new TextDecoder("utf-8").decode(bytes))

/** Parses JSON text; exit 2 with the position on a syntax error. */
export const parseJson = (text: string, where: string, lang: Lang): Effect.Effect<unknown, CliExit> =>
  Effect.try({
    try: () => JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown,
    catch: (e) => invalid(messages(lang).invalidJson(where, reasonOf(e)))
  })

/** Reads `<json>` or `@file` (or `-` for stdin) into a value; exit 2 on failure. */
export const readJsonArgument = (raw: string, lang: Lang): Effect.Effect<unknown, CliExit, FileSystem.FileSystem> => {
  const source = raw === "-" ? "/dev/stdin" : raw.startsWith("@") ? raw.slice(1) : undefined
  return source === undefined
    ? parseJson(raw, messages(lang).argument, lang)
    : Effect.flatMap(readText(source, lang), (text) => parseJson(text, source, lang))
}

/** Reads a `<json|@file|->` option, then continues with its value. */
export const withJson = <A, E, R>(c: Common, raw: string, f: (value: unknown) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(handleFailures(c)(readJsonArgument(raw, c.lang)), f)

/** Parses `--at` (ISO-8601), or now; exit 2 when it is not a date. */
export const parseAt = (raw: Option.Option<string>, lang: Lang): Effect.Effect<DateTime.Utc, CliExit> =>
  Option.match(raw, {
    onNone: () => DateTime.now,
    onSome: (s) =>
      Option.match(DateTime.make(s), {
        onNone: () => Effect.fail(invalid(messages(lang).invalidDate(s))),
        onSome: (d) => Effect.succeed(DateTime.toUtc(d))
      })
  })
