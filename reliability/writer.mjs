// A writer in its own OS process, for concurrency.reliability.ts. It imports
// the BUILT packages, opens the store, says "ready", waits for "go" on stdin,
// then records `total` commands on one shared stream with the optimistic loop
// every client runs: on ConcurrencyConflict, retry at the version it lost to.
// A command is 1 to 3 events (so a partial command would show) and the read
// model, in one append. Any other failure ends the process with exit 1.
// Prints {writer, won: [[version, seq], …], conflicts, attempts} as JSON.
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import { once } from "node:events"
import { createInterface } from "node:readline"

const [backend, target, writer, totalText] = process.argv.slice(2)
const total = Number(totalText)
const stream = "ech-reliability"

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
  let attempts = 0
  let version = 0
  while (won.length < total) {
    yield* Effect.sleep(0)
    const seq = won.length
    const size = 1 + (seq % 3)
    const events = Array.from({ length: size }, (_, part) => ({
      type: "NoteAdded",
      data: { writer, seq, part, size, text: `commande ${seq} de ${writer} 🤝` },
      recordedAt: new Date().toISOString()
    }))
    attempts++
    const result = yield* Effect.either(store.append(
      stream,
      version,
      events,
      { stream, title: "Course", state: writer, version: version + size, obligations: [] }
    ))
    if (result._tag === "Right") {
      won.push([result.right, seq])
      version = result.right
    } else if (result.left._tag === "ConcurrencyConflict") {
      conflicts++
      if (result.left.actualVersion <= version) throw new Error(`conflict without progress at ${version}`)
      version = result.left.actualVersion
    } else {
      return yield* result.left
    }
  }
  return { writer, won, conflicts, attempts }
}).pipe(Effect.provide(layer))

Effect.runPromise(program).then(
  (result) => process.stdout.write(JSON.stringify(result) + "\n"),
  (error) => {
    process.stderr.write(String(error?.stack ?? error) + "\n")
    process.exit(1)
  }
)
