/**
 * A worker thread of the demo: renders its share of the documents so that
 * both cores work. It receives the encoded snapshot (the interchange format)
 * and the view requests, builds each view with core (so CNF-* applies here
 * exactly as in the main thread) and writes the files.
 */
import { Exchange, View } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { writeFile } from "node:fs/promises"
import { parentPort, workerData } from "node:worker_threads"
import type { Lang } from "./Common.js"
import { renderView } from "./Render.js"
import type * as L from "./Labels.js"

/** One file to write. */
export interface Job {
  readonly request: View.Request
  readonly format: L.FileFormat
  readonly file: string
}

/** What the worker receives. */
export interface Input {
  readonly snapshot: unknown
  readonly at: string
  readonly lang: Lang
  readonly jobs: ReadonlyArray<Job>
}

const run = async ({ snapshot, at, lang, jobs }: Input) => {
  const s = Exchange.decodeSync(snapshot)
  const options = { at: DateTime.unsafeMake(at) }
  for (const job of jobs) {
    const view = View.build(s, job.request, options)
    if (Either.isLeft(view)) throw new Error(`${job.file}: ${view.left.message}`)
    const bytes = await Effect.runPromise(renderView(view.right, job.format, lang))
    await writeFile(job.file, bytes)
  }
}

if (parentPort !== null && workerData !== null && workerData !== undefined) {
  run(workerData as Input).then(
    () => parentPort!.postMessage({ ok: true }),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: String((e as Error)?.stack ?? e) })
  )
}
