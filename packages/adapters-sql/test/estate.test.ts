/**
 * The estate's obligations from the read models against the replay: on
 * generated cycles (prefixes of the example cycle with commands dropped and
 * dates shifted, several exchanges per service), at random instants, the
 * query gives exactly what `Obligations.due` gives on each exchange's
 * replayed snapshot, in the same order, page after page. On the memory
 * store, SQLite and PostgreSQL; budgeted by number of runs, fixed seed.
 */
import { assert, describe, it } from "@effect/vitest"
import { Command, EventStore, Example, ExchangeService, MemoryEventStore, Obligations } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { describePg, freshPg, freshSqlite } from "./helpers.js"

const decode = Schema.decodeUnknownSync(Command.ExchangeCommand)
const cycle = Example.cycleEncoded
/** Commands a real exchange may never get to: dropping them leaves obligations unmet (or later commands refused). */
const droppable = new Set(["SendMinutes", "RecordDirectionResponse", "UpdateAction", "PresentReview", "HoldSession", "Close"])
const ISO = /"(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z)"/g

const shifted = (command: Command.ExchangeCommandEncoded, days: number, exchangeId: string, service: string) => {
  const text = JSON.stringify(command).replace(
    ISO,
    (_, iso: string) => JSON.stringify(new Date(Date.parse(iso) + days * 86_400_000).toISOString())
  )
  const moved = JSON.parse(text) as Record<string, unknown>
  return decode(moved["_tag"] === "Propose" ? { ...moved, exchangeId, service } : moved)
}

const Exchange = FastCheck.record({
  length: FastCheck.integer({ min: 1, max: cycle.length }),
  days: FastCheck.integer({ min: -60, max: 240 }),
  keep: FastCheck.array(FastCheck.boolean(), { minLength: cycle.length, maxLength: cycle.length })
})
const Run = FastCheck.record({
  exchanges: FastCheck.array(Exchange, { minLength: 1, maxLength: 3 }),
  instants: FastCheck.array(FastCheck.integer({ min: Date.UTC(2026, 6, 1), max: Date.UTC(2028, 3, 1) }), {
    minLength: 3,
    maxLength: 3
  }),
  pageSize: FastCheck.integer({ min: 1, max: 7 })
})

/** What is compared: everything the caller sees, instants as ISO text. */
const flat = (d: ExchangeService.DueObligation) => ({
  exchangeId: d.exchangeId,
  title: d.title,
  ...d.obligation,
  dueAt: DateTime.formatIso(d.obligation.dueAt)
})

/** Code-point order (the stores' order of streams), not JavaScript's UTF-16 order. */
const codePoints = (a: string, b: string) => {
  const [x, y] = [Array.from(a, (c) => c.codePointAt(0)!), Array.from(b, (c) => c.codePointAt(0)!)]
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
  return x.length - y.length
}

const property = (numRuns: number) =>
  Effect.gen(function*() {
    const service = yield* ExchangeService.ExchangeService
    let run = 0
    let compared = 0
    yield* Effect.promise(() =>
      FastCheck.assert(
        FastCheck.asyncProperty(Run, (input) =>
          Effect.runPromise(Effect.gen(function*() {
            const serviceName = `Service ${run++} — é`
            const ids = input.exchanges.map((_, i) => `ech-${run}-${i}`)
            for (const [i, ex] of input.exchanges.entries()) {
              for (const [n, command] of cycle.slice(0, ex.length).entries()) {
                if (droppable.has(command._tag) && !ex.keep[n]) continue
                // Refusals are part of the generated lives: they write nothing.
                const result = yield* Effect.either(service.execute(ids[i]!, shifted(command, ex.days, ids[i]!, serviceName)))
                if (result._tag === "Left" && result.left._tag === "EventStoreError") return yield* result.left
              }
            }
            for (const millis of input.instants) {
              const at = DateTime.unsafeMake(millis)
              const replayed: Array<ExchangeService.DueObligation> = []
              for (const id of ids) {
                const got = yield* service.get(id)
                if (Option.isNone(got)) continue
                for (const obligation of Obligations.due(got.value.snapshot, { at })) {
                  replayed.push({ exchangeId: id, title: got.value.snapshot.title, obligation })
                }
              }
              replayed.sort((a, b) =>
                a.obligation.dueAt.epochMillis - b.obligation.dueAt.epochMillis || codePoints(a.exchangeId, b.exchangeId)
              )
              const queried = yield* service.obligationsDue(at, { service: serviceName })
              assert.deepStrictEqual(queried.map(flat), replayed.map(flat))
              const paged: Array<ExchangeService.DueObligation> = []
              let cursor: string | undefined
              do {
                const page = yield* service.obligations(at, { service: serviceName, limit: input.pageSize, cursor })
                paged.push(...page.items)
                cursor = page.next
              } while (cursor !== undefined)
              assert.deepStrictEqual(paged.map(flat), replayed.map(flat))
              const overdue = yield* service.obligationsDue(at, { service: serviceName, status: "overdue" })
              assert.deepStrictEqual(overdue.map(flat), replayed.filter((d) => d.obligation.status === "overdue").map(flat))
              compared += replayed.length
            }
          }))
        ),
        { numRuns, seed: 20261201 }
      )
    )
    // The generator must reach obligations, due and overdue, or the property proves little.
    assert.isAbove(compared, numRuns)
  })

const suite = (name: string, store: () => Layer.Layer<EventStore.EventStore, unknown>, numRuns: number) =>
  describe(`estate read models: ${name}`, () => {
    it.effect("read-model status = replayed status, on generated cycles at random instants (property)", () =>
      property(numRuns).pipe(Effect.provide(ExchangeService.layer().pipe(Layer.provide(store())))), { timeout: 240_000 })
  })

suite("memory", () => MemoryEventStore.layer, 25)
suite("SQLite", () => freshSqlite(), 15)
describePg("PostgreSQL", () => suite("PostgreSQL", () => freshPg(), 10))
