/**
 * The application service over the in-memory store: the example cycle end to
 * end, refusals that write nothing, queries, views, retries on conflicts.
 * The same service runs over SQLite and PostgreSQL in
 * packages/adapters-sql/test/service.test.ts.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { Command, EventStore, Example, ExchangeService, Instant, MemoryEventStore } from "../src/index.js"
import { exampleUntil, fullCycle } from "./support/runner.js"

const decode = Schema.decodeUnknownSync(Command.ExchangeCommand)
const ID = "ech-ddets33-uc3-2026"
const Live = ExchangeService.layer().pipe(Layer.provideMerge(MemoryEventStore.layer))

const play = (commands: ReadonlyArray<Command.ExchangeCommandEncoded>) =>
  Effect.gen(function*() {
    const service = yield* ExchangeService.ExchangeService
    let version = 0
    for (const encoded of commands) {
      const executed = yield* service.execute(ID, decode(encoded))
      assert.strictEqual(executed.version, version + executed.events.length)
      version = executed.version
    }
    return version
  })

describe("ExchangeService (memory)", () => {
  it.effect("two services on one store (two application servers): each sees what the other appended", () =>
    Effect.gen(function*() {
      const store = yield* EventStore.EventStore
      const a = yield* ExchangeService.make()
      const b = yield* ExchangeService.make()
      const commands = Example.cycleEncoded.slice(0, 30).map((c) => decode(c))
      // Alternate writers: each command is decided on the other's latest events.
      for (const [i, command] of commands.entries()) yield* (i % 2 === 0 ? a : b).execute(ID, command)
      const fromA = yield* a.get(ID)
      const fromB = yield* b.get(ID)
      const uncached = yield* ExchangeService.make({ cacheSize: 0 })
      const fromScratch = yield* uncached.get(ID)
      assert.deepStrictEqual(Option.getOrThrow(fromA).snapshot, Option.getOrThrow(fromScratch).snapshot)
      assert.deepStrictEqual(Option.getOrThrow(fromB).snapshot, Option.getOrThrow(fromScratch).snapshot)
      assert.strictEqual(Option.getOrThrow(fromA).version, (yield* store.read(ID)).length)
    }).pipe(Effect.provide(MemoryEventStore.layer)))

  it.effect("plays the example cycle: snapshot, versions and read model agree with the decider", () =>
    Effect.gen(function*() {
      const service = yield* ExchangeService.ExchangeService
      const store = yield* EventStore.EventStore
      const version = yield* play(Example.cycleEncoded)
      const expected = fullCycle()
      assert.strictEqual(version, expected.events.length)
      const got = yield* service.get(ID)
      assert.isTrue(Option.isSome(got))
      if (Option.isSome(got)) {
        assert.deepStrictEqual(got.value.snapshot, expected.snapshot)
        assert.strictEqual(got.value.version, version)
      }
      const state = expected.snapshot.state
      assert.deepStrictEqual(yield* service.list({ state }), [
        { exchangeId: ID, title: expected.snapshot.title, state, version }
      ])
      assert.deepStrictEqual(yield* service.list({ state: "proposed" }), [])
      assert.deepStrictEqual(
        (yield* store.read(ID)).map((e) => e.version),
        Array.from({ length: version }, (_, i) => i + 1)
      )
      assert.deepStrictEqual(Option.isNone(yield* service.get("ech-unknown")), true)
    }).pipe(Effect.provide(Live)))

  it.effect("a command refused by a rule writes nothing", () =>
    Effect.gen(function*() {
      const service = yield* ExchangeService.ExchangeService
      const store = yield* EventStore.EventStore
      const version = yield* play(exampleUntil("Invite"))
      const modelsBefore = yield* store.readModels()
      const refused = yield* Effect.either(
        service.execute(ID, decode({ _tag: "Compose", at: "2026-09-30T08:00:00.000Z", members: [{ agentId: "agt-001" }] }))
      )
      assert.isTrue(Either.isLeft(refused))
      if (Either.isLeft(refused)) {
        assert.strictEqual(refused.left._tag, "RuleViolation")
        if (refused.left._tag === "RuleViolation") {
          assert.deepStrictEqual(refused.left.violations.map((v) => v.rule), ["LIF-08"])
        }
      }
      assert.strictEqual((yield* store.read(ID)).length, version)
      assert.deepStrictEqual(yield* store.readModels(), modelsBefore)
      // A Propose addressed to another stream is invalid, not silently re-routed.
      const misrouted = yield* Effect.either(
        service.execute("ech-other", decode({ _tag: "Propose", exchangeId: ID, title: "T", by: "agents" }))
      )
      assert.isTrue(Either.isLeft(misrouted) && misrouted.left._tag === "InvalidCommand")
      assert.deepStrictEqual(yield* store.read("ech-other"), [])
    }).pipe(Effect.provide(Live)))

  it.effect("obligations due at an instant, across exchanges; views for an audience", () =>
    Effect.gen(function*() {
      const service = yield* ExchangeService.ExchangeService
      // The first session is scheduled, not held yet.
      yield* play(exampleUntil("HoldSession"))
      const snapshot = Option.getOrThrow(yield* service.get(ID)).snapshot
      const session = snapshot.sessions[0]!
      assert.strictEqual(session.status, "scheduled")
      // Before the session's date nothing is owed; after it, its minutes are (RES-02).
      const before = Instant.make(session.scheduledAt.epochMillis - 86_400_000)
      assert.isFalse((yield* service.obligationsDue(before)).some((d) => d.obligation.rule === "RES-02"))
      const after = Instant.make(session.scheduledAt.epochMillis + 3_600_000)
      const due = yield* service.obligationsDue(after)
      assert.isTrue(due.some((d) => d.exchangeId === ID && d.obligation.rule === "RES-02"))
      assert.isTrue(due.every((d) => d.title === snapshot.title))
      // The read model lists the same obligation with its due date.
      const [model] = yield* (yield* EventStore.EventStore).readModels()
      assert.isTrue(model!.obligations.some((o) => o.rule === "RES-02"))

      const calendar = yield* service.view(ID, { output: "calendar", audience: "group" }, { at: after })
      assert.strictEqual(calendar._tag, "CalendarView")
      const missing = yield* Effect.either(service.view("ech-unknown", { output: "calendar", audience: "group" }))
      assert.isTrue(Either.isLeft(missing) && missing.left._tag === "ExchangeNotFound")
      assert.strictEqual(yield* service.rebuildReadModels(), 1)
      assert.deepStrictEqual(yield* (yield* EventStore.EventStore).readModels(), [model!])
    }).pipe(Effect.provide(Live)))

  it.effect("reloads and decides again when another writer appended in between", () => {
    // A store whose first append is preceded by another writer's command.
    const Racing = Layer.effect(
      EventStore.EventStore,
      Effect.gen(function*() {
        const inner = yield* MemoryEventStore.make
        let raced = false
        return EventStore.EventStore.of({
          ...inner,
          append: (stream, expected, events, model) =>
            Effect.gen(function*() {
              if (!raced && events.some((e) => e.type === "ApproachCommunicated")) {
                raced = true
                const other = yield* ExchangeService.make({ retries: 0 }).pipe(
                  Effect.provideService(EventStore.EventStore, inner)
                )
                yield* other.execute(
                  ID,
                  decode({ _tag: "Communicate", at: "2026-09-24T08:30:00.000Z", channel: "serviceMeeting", about: "approach" })
                ).pipe(Effect.orDie)
              }
              return yield* inner.append(stream, expected, events, model)
            })
        })
      })
    )
    const communicate = decode({ _tag: "Communicate", at: "2026-09-25T07:00:00.000Z", channel: "email", about: "approach" })
    const run = (retries: number) =>
      Effect.gen(function*() {
        yield* play(exampleUntil("Communicate"))
        const service = yield* ExchangeService.make({ retries })
        return yield* Effect.either(service.execute(ID, communicate))
      }).pipe(Effect.provide(ExchangeService.layer().pipe(Layer.provideMerge(Racing))))
    return Effect.gen(function*() {
      const conflict = yield* run(0)
      assert.isTrue(Either.isLeft(conflict) && conflict.left._tag === "ConcurrencyConflict")
      const retried = yield* run(3)
      assert.isTrue(Either.isRight(retried))
      if (Either.isRight(retried)) {
        assert.deepStrictEqual(retried.right.snapshot.communications.map((c) => c.channel), ["serviceMeeting", "email"])
      }
    })
  })

  // The cache's optimistic path: a command on a cached exchange is decided on
  // the cached state and appended at its version; the append's version check
  // stands for the read.
  const counting = Effect.gen(function*() {
    const inner = yield* MemoryEventStore.make
    const calls = { read: 0, append: 0 }
    const store = EventStore.EventStore.of({
      ...inner,
      read: (stream, after) => Effect.suspend(() => (calls.read++, inner.read(stream, after))),
      append: (stream, expected, events, model) => Effect.suspend(() => (calls.append++, inner.append(stream, expected, events, model)))
    })
    return { calls, inner, store }
  })
  const [propose, frame, approve] = Example.cycleEncoded.map((c) => decode(c))

  it.effect("a command on a cached exchange is appended without reading the stream first (one store call)", () =>
    Effect.gen(function*() {
      const { calls, store } = yield* counting
      const service = yield* ExchangeService.make().pipe(Effect.provideService(EventStore.EventStore, store))
      yield* service.execute(ID, propose!)
      calls.read = calls.append = 0
      const framed = yield* service.execute(ID, frame!)
      assert.deepStrictEqual(calls, { read: 0, append: 1 })
      assert.strictEqual(framed.version, 2)
      assert.strictEqual(framed.snapshot.state, "framed")
    }))

  it.effect("a stale cache (another writer appended): decided again on the stored state, even with retries: 0", () =>
    Effect.gen(function*() {
      const { calls, inner, store } = yield* counting
      const a = yield* ExchangeService.make({ retries: 0 }).pipe(Effect.provideService(EventStore.EventStore, store))
      const b = yield* ExchangeService.make().pipe(Effect.provideService(EventStore.EventStore, inner))
      yield* a.execute(ID, propose!)
      yield* b.execute(ID, frame!)
      calls.read = calls.append = 0
      // a's cache says "proposed": Approve is refused there, accepted on the stored (framed) state.
      const approved = yield* a.execute(ID, approve!)
      assert.strictEqual(approved.version, 3)
      assert.strictEqual(approved.snapshot.state, "approved")
      assert.deepStrictEqual(calls, { read: 1, append: 1 })
      // A conflict of the optimistic append itself: b appends past a's cached version.
      const communicate = (at: string) => decode({ _tag: "Communicate", at, channel: "email", about: "approach" })
      yield* b.execute(ID, communicate("2026-09-25T07:00:00.000Z"))
      calls.read = calls.append = 0
      const after = yield* a.execute(ID, communicate("2026-09-25T08:00:00.000Z"))
      assert.strictEqual(after.version, 5)
      // Decided on the stored state: b's communication and a's.
      assert.strictEqual(after.snapshot.communications.length, 2)
      assert.deepStrictEqual(calls, { read: 1, append: 2 })
      assert.strictEqual((yield* inner.read(ID)).length, 5)
    }))

  it.effect("a stored event that does not decode is a store error, not a defect", () =>
    Effect.gen(function*() {
      const service = yield* ExchangeService.ExchangeService
      const store = yield* EventStore.EventStore
      yield* store.append("ech-bad", 0, [{ type: "ExchangeProposed", data: { title: 42 }, recordedAt: "2026-01-01T00:00:00.000Z" }], {
        stream: "ech-bad",
        title: "",
        state: "proposed",
        version: 1,
        obligations: []
      })
      const result = yield* Effect.either(service.get("ech-bad"))
      assert.isTrue(Either.isLeft(result) && result.left._tag === "EventStoreError")
      const rebuilt = yield* Effect.either(service.rebuildReadModels())
      assert.isTrue(Either.isLeft(rebuilt) && rebuilt.left._tag === "EventStoreError")
    }).pipe(Effect.provide(Live)))
})
