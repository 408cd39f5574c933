/**
 * The application service of core over the SQL store: the example cycle,
 * real domain events, gives the same events, snapshot and read models on
 * SQLite and PostgreSQL as in memory; a refused command writes nothing.
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Command, EventStore, Example, ExchangeService, MemoryEventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { describePg, freshPg, freshSqlite } from "./helpers.js"

const decode = Schema.decodeUnknownSync(Command.ExchangeCommand)
const ID = "ech-ddets33-uc3-2026"

const playCycle = Effect.gen(function*() {
  const service = yield* ExchangeService.ExchangeService
  const store = yield* EventStore.EventStore
  for (const encoded of Example.cycleEncoded) yield* service.execute(ID, decode(encoded))
  return {
    events: yield* store.read(ID),
    models: yield* store.readModels(),
    snapshot: Option.getOrThrow(yield* service.get(ID)).snapshot
  }
})

const suite = (name: string, fresh: () => Layer.Layer<EventStore.EventStore | SqlClient.SqlClient, unknown>) =>
  describe(`ExchangeService over ${name}`, () => {
    it.effect("the example cycle stores the same events, read model and snapshot as in memory", () =>
      Effect.gen(function*() {
        const memory = yield* playCycle.pipe(
          Effect.provide(ExchangeService.layer().pipe(Layer.provideMerge(MemoryEventStore.layer)))
        )
        const sql = yield* playCycle.pipe(Effect.provide(ExchangeService.layer().pipe(Layer.provideMerge(fresh()))))
        assert.strictEqual(JSON.stringify(sql.events), JSON.stringify(memory.events))
        assert.deepStrictEqual(sql.models, memory.models)
        assert.deepStrictEqual(sql.snapshot, memory.snapshot)
      }))

    it.effect("a command refused by a rule writes nothing", () =>
      Effect.gen(function*() {
        const service = yield* ExchangeService.ExchangeService
        const sql = yield* SqlClient.SqlClient
        for (const encoded of Example.cycleEncoded.slice(0, 3)) yield* service.execute(ID, decode(encoded))
        const count = Effect.map(
          sql<{ n: number }>`SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM exchanges) + (SELECT COUNT(*) FROM obligations) AS n`,
          (rows) => Number(rows[0]!.n)
        )
        const before = yield* count
        const refused = yield* Effect.either(
          service.execute(ID, decode({ _tag: "Compose", at: "2026-09-30T08:00:00.000Z", members: [{ agentId: "agt-001" }] }))
        )
        assert.isTrue(Either.isLeft(refused) && refused.left._tag === "RuleViolation")
        assert.strictEqual(yield* count, before)
      }).pipe(Effect.provide(ExchangeService.layer().pipe(Layer.provideMerge(fresh())))))
  })

suite("SQLite", () => freshSqlite())
describePg("PostgreSQL", () => suite("PostgreSQL", () => freshPg()))
