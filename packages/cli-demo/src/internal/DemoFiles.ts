/**
 * The demo's output directory: the demo deletes or overwrites only files it
 * wrote itself. It keeps their names in a manifest (`.entre-pairs-demo.json`)
 * beside them; a new run removes the files of the previous run listed there
 * (documents that this run would not write again, and the database), and
 * refuses to start when the directory holds a file named like one of its
 * own that it did not write — unless `--force`, which lets it overwrite such
 * a file (and still deletes nothing else).
 */
import { Input } from "@entre-pairs/core"
import type * as FileSystem from "@effect/platform/FileSystem"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { basename, join } from "node:path"
import type { CliExit, Lang } from "./Common.js"
import { invalid } from "./Failure.js"
import * as Files from "./Files.js"
import { messages } from "./Messages.js"

/** The manifest's file name. */
export const manifestName = ".entre-pairs-demo.json"

/** The demo's database file name, and the files SQLite keeps beside it. */
export const databaseName = "entre-pairs-demo.db"
const databaseFiles = ["", "-wal", "-shm", "-journal"].map((suffix) => databaseName + suffix)

/** A name the demo writes: `07-compte-rendu-seance-2.direction.pdf` or its database. */
const isDemoName = (name: string) =>
  /^\d\d-[a-z0-9-]+(\.[a-z-]+)?\.(md|html|odt|docx|pdf|ics)$/.test(name) || databaseFiles.includes(name)

const tool = "entre-pairs demo"

/** The files a previous run wrote, from its manifest; `undefined` when the manifest is not one of ours. */
const readManifest = (out: string, lang: Lang): Effect.Effect<ReadonlyArray<string> | undefined, CliExit, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const path = join(out, manifestName)
    if (!(yield* Files.exists(path))) return []
    const bytes = yield* Effect.either(Files.readBytes(path, lang, 16 * 1024 * 1024))
    if (Either.isLeft(bytes)) return undefined
    const value = Input.decodeJson(bytes.right, { source: path })
    if (Either.isLeft(value)) return undefined
    const manifest = value.right as { tool?: unknown; files?: unknown }
    if (manifest?.tool !== tool || !Array.isArray(manifest.files)) return undefined
    // Only plain names the demo writes: a manifest can never point elsewhere.
    return manifest.files.filter((f): f is string => typeof f === "string" && basename(f) === f && isDemoName(f))
  })

/**
 * Makes the directory ready for a run: checks that no file named like the
 * demo's is someone else's (or `force`), then removes the previous run's
 * files and records the database in a new manifest.
 */
export const prepare = (out: string, force: boolean, lang: Lang): Effect.Effect<void, CliExit, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const m = messages(lang)
    const entries = yield* Files.list(out, lang)
    const previous = yield* readManifest(out, lang)
    const ours = new Set(previous ?? [])
    const foreign = entries.filter((name) => (isDemoName(name) && !ours.has(name)) || (name === manifestName && previous === undefined))
    if (foreign.length > 0 && !force) {
      const shown = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? ` (+${foreign.length - 5})` : "")
      return yield* invalid(m.demoForeignFiles(out, shown), { error: "ForeignFiles", directory: out, files: foreign })
    }
    yield* Files.makeDirectory(out, lang)
    // A fresh database and no stale document: remove what the previous run wrote
    // (and, with --force, a database in the way).
    const toRemove = [...ours, ...(force ? foreign.filter((name) => databaseFiles.includes(name)) : [])]
    yield* Effect.forEach(toRemove, (name) => Files.remove(join(out, name), lang), { discard: true })
    yield* record(out, [], lang)
  })

/** Records in the manifest the files this run writes (the database always). */
export const record = (out: string, files: ReadonlyArray<string>, lang: Lang): Effect.Effect<void, CliExit, FileSystem.FileSystem> =>
  Files.writeFile(
    join(out, manifestName),
    new TextEncoder().encode(JSON.stringify({ tool, files: [...databaseFiles, ...files.map((f) => basename(f))] }, null, 2) + "\n"),
    lang
  )
