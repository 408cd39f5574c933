/**
 * Files the CLI reads and writes, through `@effect/platform`'s FileSystem.
 * Every failure is an exit 2 naming the file and the reason (a missing or
 * unreadable input, an output directory that cannot be written), never a
 * stack trace; inputs larger than the decoder's size limit are refused
 * before they are read.
 */
import { Input } from "@entre-pairs/core"
import * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import type { CliExit, Lang } from "./Common.js"
import { invalid } from "./Failure.js"
import { messages } from "./Messages.js"

/** Why a file operation failed, in a few words (the platform's message, short). */
export const reasonOf = (e: unknown): string => Input.excerpt(String((e as { message?: unknown })?.message ?? e), 300)

/** Reads a file's bytes (`/dev/stdin` for stdin); exit 2 when it cannot be read or is too large. */
export const readBytes = (file: string, lang: Lang, maxBytes = Input.defaultLimits.maxBytes): Effect.Effect<Uint8Array, CliExit, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const unreadable = (e: unknown) => invalid(messages(lang).unreadableFile(Input.excerpt(file), reasonOf(e)), { error: "UnreadableFile", file: Input.excerpt(file), message: reasonOf(e) })
    const info = yield* Effect.mapError(fs.stat(file), unreadable)
    if (info.type === "File" && Number(info.size) > maxBytes) {
      const message = messages(lang).fileTooLarge(Input.excerpt(file), Number(info.size), maxBytes)
      return yield* invalid(message, { error: "InputError", reason: "size", source: Input.excerpt(file), limit: maxBytes, message })
    }
    if (info.type === "Directory") return yield* unreadable(messages(lang).isDirectory)
    return yield* Effect.mapError(fs.readFile(file), unreadable)
  })

/**
 * Reads all of stdin (a pipe, a file or a socket); exit 2 past the size
 * limit, without reading further.
 */
export const readStdin = (lang: Lang, maxBytes = Input.defaultLimits.maxBytes): Effect.Effect<Uint8Array, CliExit> =>
  Effect.async<Uint8Array, CliExit>((resume) => {
    const chunks: Array<Uint8Array> = []
    let size = 0
    const stdin = process.stdin
    const done = (result: Effect.Effect<Uint8Array, CliExit>) => {
      stdin.off("data", onData).off("end", onEnd).off("error", onError)
      stdin.pause()
      resume(result)
    }
    const onData = (chunk: Uint8Array) => {
      size += chunk.length
      if (size > maxBytes) {
        const message = messages(lang).fileTooLarge("stdin", size, maxBytes)
        done(Effect.fail(invalid(message, { error: "InputError", reason: "size", source: "stdin", limit: maxBytes, message })))
      } else chunks.push(chunk)
    }
    const onEnd = () => {
      const bytes = new Uint8Array(size)
      let offset = 0
      for (const c of chunks) {
        bytes.set(c, offset)
        offset += c.length
      }
      done(Effect.succeed(bytes))
    }
    const onError = (e: unknown) => done(Effect.fail(invalid(messages(lang).unreadableFile("stdin", reasonOf(e)))))
    stdin.on("data", onData).on("end", onEnd).on("error", onError)
    stdin.resume()
  })

const unwritable = (path: string, lang: Lang) => (e: unknown) => {
  const message = messages(lang).unwritable(Input.excerpt(path), reasonOf(e))
  return invalid(message, { error: "Unwritable", path: Input.excerpt(path), message })
}

/** Creates a directory and its parents; exit 2 when it cannot be. */
export const makeDirectory = (path: string, lang: Lang): Effect.Effect<void, CliExit, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.makeDirectory(path, { recursive: true })).pipe(Effect.mapError(unwritable(path, lang)))

/** Writes a file; exit 2 when it cannot be written. */
export const writeFile = (path: string, bytes: Uint8Array, lang: Lang): Effect.Effect<void, CliExit, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.writeFile(path, bytes)).pipe(Effect.mapError(unwritable(path, lang)))

/** Removes a file (nothing when it is not there); exit 2 when it cannot be removed. */
export const remove = (path: string, lang: Lang): Effect.Effect<void, CliExit, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => fs.remove(path, { force: true })).pipe(Effect.mapError(unwritable(path, lang)))

/** Whether a path exists (false when it cannot be told). */
export const exists = (path: string): Effect.Effect<boolean, never, FileSystem.FileSystem> =>
  Effect.flatMap(FileSystem.FileSystem, (fs) => Effect.orElseSucceed(fs.exists(path), () => false))

/** The names in a directory (none when it does not exist); exit 2 when it cannot be read. */
export const list = (path: string, lang: Lang): Effect.Effect<ReadonlyArray<string>, CliExit, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    if (!(yield* exists(path))) return []
    return yield* Effect.mapError(fs.readDirectory(path), unwritable(path, lang))
  })
