/**
 * One command's decide-and-append through `ExchangeService.execute` on the
 * memory store: an `UpdateAction` on the example's complete exchange (every
 * rule evaluated on a full snapshot, the read model's obligations computed,
 * one event encoded and appended).
 *
 * Baseline, in the same run: the same work written by hand from the public
 * parts, with no decider and no service — the rules evaluated on the state
 * before and after, the action updated with one spread, the read model built
 * and the event appended. It is the floor a command pays whatever the
 * decider's shape; the ratio says what the decider and the service add.
 *
 * Run: npx vitest bench --run --project core bench/execute.bench.ts
 */
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import { bench, describe } from "vitest"
import { Evaluate, EventStore, Example, ExchangeService, MemoryEventStore } from "../src/index.js"
import type { Event, Exchange } from "../src/index.js"

const exchangeId = "ech-ddets33-uc3-2026"
const start = DateTime.unsafeMake("2027-06-01T09:00:00Z").epochMillis

const setup = () =>
  Effect.runSync(
    Effect.gen(function*() {
      const store = yield* MemoryEventStore.make
      const service = yield* ExchangeService.make().pipe(Effect.provideService(EventStore.EventStore, store))
      for (const command of Example.cycle()) yield* service.execute(exchangeId, command)
      return { store, service }
    })
  )

const statuses = ["inProgress", "planned"] as const

// The service: execute an UpdateAction, each at a later instant.
const viaService = setup()
let i = 0
const execute = () => {
  i++
  Effect.runSync(viaService.service.execute(exchangeId, {
    _tag: "UpdateAction",
    at: DateTime.unsafeMake(start + i * 60_000),
    actionId: "a2" as never,
    status: statuses[i % 2]!,
    comment: "Point d'étape"
  }))
}

// The baseline: the same command's work by hand.
const byHand = setup()
let state = Effect.runSync(byHand.service.get(exchangeId)).pipe((o) => (o._tag === "Some" ? o.value : undefined))!
let j = 0
const baseline = () => {
  j++
  const at = DateTime.unsafeMake(start + j * 60_000)
  const s: Exchange.ExchangeSnapshot = state.snapshot
  Evaluate.evaluate(s, { at })
  const event: Event.ExchangeEvent = {
    _tag: "ActionUpdated",
    at,
    actionId: "a2" as never,
    status: statuses[j % 2]!,
    comment: "Point d'étape"
  }
  const next: Exchange.ExchangeSnapshot = {
    ...s,
    actions: s.actions.map((a) => (a.id === event.actionId ? { ...a, status: event.status, updatedAt: at, comment: event.comment } : a)),
    updatedAt: at
  }
  Evaluate.evaluate(next, { at })
  const version = Effect.runSync(
    byHand.store.append(
      exchangeId,
      state.version,
      [ExchangeService.encodeEvent(event, DateTime.formatIso(at))],
      ExchangeService.readModel(exchangeId, next, state.version + 1)
    )
  )
  state = { snapshot: next, version }
}

// Timed by the process's CPU time, not the wall clock: on a shared, busy
// machine the wall clock mostly measures the other processes.
const cpu = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}
const options = { time: 3000, warmupTime: 1000, now: cpu }

describe("decide and append one command (UpdateAction on the complete example, memory store)", () => {
  bench("baseline: evaluate before and after + fold by hand + append", baseline, options)
  bench("ExchangeService.execute", execute, options)
})
