// A writer in its own OS process, for test/processes.test.ts. It imports the
// built package (run `pnpm run build` first), opens the store (running the
// migrations, concurrently with the other writer), says "ready", waits for
// "go" on stdin, then appends `total` events to one stream with the usual
// optimistic loop: on ConcurrencyConflict, retry at the actual version.
// Prints {writer, won, conflicts} as JSON.
import * as Effect from "effect/Effect"
import { SqlEventStore } from "../dist/index.js"
import { EventStore } from "@entre-pairs/core"
import { once } from "node:events"
import { createInterface } from "node:readline"

const [backend, target, writer, totalText] = process.argv.slice(2)
const total = Number(totalText)
const stream = "ech-race"

const layer = backend === "sqlite"
  ? SqlEventStore.layerSqlite({ filename: target })
  : SqlEventStore.layerPg({ url: target, maxConnections: 2 })

const program = Effect.gen(function*() {
  const store = yield* EventStore.EventStore
  process.stdout.write("ready\n")
  const lines = createInterface({ input: process.stdin })
  yield* Effect.promise(() => once(lines, "line"))
  lines.close()
  const won = []
  let conflicts = 0
  let version = 0
  while (won.length < total) {
    // Let the other process in between commands, as real clients would
    // (SQLite's busy handler would otherwise let one writer run ahead).
    yield* Effect.sleep(0)
    const seq = won.length
    const result = yield* Effect.either(store.append(
      stream,
      version,
      [{ type: "NoteAdded", data: { writer, seq, text: `écrit par ${writer} 🤝` }, recordedAt: new Date().toISOString() }],
      { stream, title: "Course", state: writer, version: version + 1, obligations: [] }
    ))
    if (result._tag === "Right") {
      won.push(result.right)
      version = result.right
    } else if (result.left._tag === "ConcurrencyConflict") {
      conflicts++
      if (result.left.actualVersion <= version) throw new Error(`conflict without progress at ${version}`)
      version = result.left.actualVersion
    } else {
      return yield* result.left
    }
  }
  return { writer, won, conflicts }
}).pipe(Effect.provide(layer))

Effect.runPromise(program).then(
  (result) => process.stdout.write(JSON.stringify(result) + "\n"),
  (error) => {
    process.stderr.write(String(error?.stack ?? error) + "\n")
    process.exit(1)
  }
)
