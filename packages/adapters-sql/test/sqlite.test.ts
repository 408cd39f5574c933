import * as SqlClient from "@effect/sql/SqlClient"
import { assert, it } from "@effect/vitest"
import { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import { contract, model, scheduleCommand } from "./contract.js"
import { freshSqlite } from "./helpers.js"
import { atomicity } from "./atomicity.js"

contract("SQLite", () => freshSqlite())
atomicity("SQLite", freshSqlite)

// The read path takes rows as they are when a guard finds them well-typed;
// a row it refuses is still decoded by the Schema, which names the fault.
it.effect("SQLite: a damaged event row (a version that is not an integer) is reported, not passed on", () =>
  Effect.gen(function*() {
    const store = yield* EventStore.EventStore
    const sql = yield* SqlClient.SqlClient
    const events = scheduleCommand("ech-damaged", 0)
    yield* store.append("ech-damaged", 0, events, model("ech-damaged", events.length))
    assert.strictEqual((yield* store.read("ech-damaged")).length, events.length)
    // SQLite keeps 1.5 in an INTEGER column (and 1.5 > 0 passes the CHECK).
    yield* sql`UPDATE events SET version = 1.5 WHERE stream = 'ech-damaged' AND version = 1`
    const error = yield* Effect.flip(store.read("ech-damaged"))
    assert.strictEqual(error._tag, "EventStoreError")
    assert.include(String((error as EventStore.EventStoreError).reason), "an event row does not decode")
  }).pipe(Effect.provide(freshSqlite())))
