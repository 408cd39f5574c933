/**
 * A failure in the middle of an append (after the events' INSERT, before the
 * read model) leaves nothing behind: the transaction is the unit.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import type { SqlEventStore } from "@entre-pairs/adapters-sql"
import { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Layer from "effect/Layer"
import { model, scheduleCommand } from "./contract.js"

type Fresh = (
  options?: SqlEventStore.Options
) => Layer.Layer<EventStore.EventStore | SqlClient.SqlClient, unknown>

export const atomicity = (name: string, fresh: Fresh) =>
  describe(`atomicity: ${name}`, () => {
    const failOn = new Set<string>()
    const dieOn = new Set<string>()
    const afterEventsInsert = (stream: string) =>
      failOn.has(stream)
        ? Effect.fail(new EventStore.EventStoreError({ operation: "append", reason: "injected failure" }))
        : dieOn.has(stream)
        ? Effect.die(new Error("injected defect"))
        : Effect.void

    const counts = Effect.gen(function*() {
      const sql = yield* SqlClient.SqlClient
      const [events] = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM events`
      const [exchanges] = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM exchanges`
      const [obligations] = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM obligations`
      return [Number(events!.n), Number(exchanges!.n), Number(obligations!.n)]
    })

    const obligations = [{ rule: "RES-01", dueAt: "2027-01-05T09:00:00.000Z", owner: "agt-1", path: "restitution" }]

    it.effect("a failure after the events' INSERT writes nothing, and the version stays free", () =>
      Effect.gen(function*() {
        const store = yield* EventStore.EventStore
        yield* store.append("ok", 0, scheduleCommand("ok", 0), model("ok", 3, "scheduled", obligations))
        failOn.add("ech-fail")
        dieOn.add("ech-die")
        for (const stream of ["ech-fail", "ech-die"]) {
          const exit = yield* Effect.exit(
            store.append(stream, 0, scheduleCommand(stream, 0), model(stream, 3, "scheduled", obligations))
          )
          assert.isTrue(Exit.isFailure(exit))
          assert.deepStrictEqual(yield* store.read(stream), [])
        }
        // A failure on an existing stream keeps its previous events and read model.
        failOn.add("ok")
        const exit = yield* Effect.exit(
          store.append("ok", 3, scheduleCommand("ok", 1), model("ok", 6, "closed", []))
        )
        assert.isTrue(Exit.isFailure(exit))
        assert.deepStrictEqual(yield* counts, [3, 1, 1])
        assert.deepStrictEqual(yield* store.readModels(), [model("ok", 3, "scheduled", obligations)])
        assert.deepStrictEqual(yield* store.streams(), [{ stream: "ok", version: 3 }])
        failOn.clear()
        dieOn.clear()
        assert.strictEqual(yield* store.append("ech-fail", 0, scheduleCommand("ech-fail", 0), model("ech-fail", 3)), 3)
        assert.strictEqual(yield* store.append("ok", 3, scheduleCommand("ok", 1), model("ok", 6)), 6)
        assert.deepStrictEqual(yield* counts, [9, 2, 0])
      }).pipe(Effect.provide(fresh({ afterEventsInsert }))))
  })
