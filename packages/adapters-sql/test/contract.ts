/**
 * The contract of the event-store port: one suite, run unchanged against
 * every adapter (memory, SQLite, PostgreSQL). Each test gets a fresh, empty
 * store from `fresh()`.
 */
import { assert, describe, it } from "@effect/vitest"
import { EventStore } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as FastCheck from "effect/FastCheck"
import * as Either from "effect/Either"
import type * as Layer from "effect/Layer"

export type Fresh = () => Layer.Layer<EventStore.EventStore, unknown>

const Store = EventStore.EventStore

/** Realistic encoded domain events: about three per command. */
export const scheduleCommand = (stream: string, n: number, at = Date.UTC(2026, 11, 3, 13, 30)) => {
  const recordedAt = new Date(at + n * 60_000).toISOString()
  return [
    {
      type: "SessionScheduled",
      data: {
        exchangeId: stream,
        sessionId: `${stream}-s${n}`,
        startsAt: new Date(at + 86_400_000 * (n + 7)).toISOString(),
        durationMinutes: 120,
        place: { kind: "room", label: "Salle Pierre Laroque, 14 avenue Duquesne" },
        agenda: ["tour de table", "exposé de la situation", "questions", "pistes"]
      },
      recordedAt
    },
    {
      type: "ParticipantsInvited",
      data: {
        exchangeId: stream,
        sessionId: `${stream}-s${n}`,
        participants: ["agt-1", "agt-2", "agt-3", "agt-4", "agt-5", "agt-6"].map((id) => ({ id, role: "peer" }))
      },
      recordedAt
    },
    {
      type: "ObligationOpened",
      data: { exchangeId: stream, rule: "RES-01", dueAt: new Date(at + 86_400_000 * (n + 21)).toISOString() },
      recordedAt
    }
  ]
}

export const model = (
  stream: string,
  version: number,
  state = "scheduled",
  obligations: EventStore.ReadModel["obligations"] = []
): EventStore.ReadModel => ({ stream, title: `Échange ${stream}`, state, version, obligations })

const one = (type: string, data: unknown, recordedAt = "2026-12-03T13:30:00.000Z"): EventStore.NewEvent => ({
  type,
  data,
  recordedAt
})

const tricky = [
  `Zoé O'Brien "la Grande" Ñúñez`,
  "C:\\Users\\agent\\dossier\\n'est pas \\\" un saut",
  "100 % des agents_concernés; LIKE '%_'",
  "émoji 🤝👩🏽‍⚕️🇫🇷 et astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "e\u0301 (e + accent combinant) vs \u00e9, n\u0303, \u202f espace fine",
  "retour\r\nà la ligne\ttab \u2028 \u2029 \u00a0",
  "\u001f\u0001 contrôle, '); DROP TABLE events; --"
]

export const contract = (name: string, fresh: Fresh) =>
  describe(`event store contract: ${name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, EventStore.EventStore>) => Effect.provide(effect, fresh())

    it.effect("appends and reads back in order, versions gap-free from 1", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const first = scheduleCommand("ech-1", 0)
        assert.strictEqual(yield* store.append("ech-1", 0, first, model("ech-1", 3)), 3)
        const second = scheduleCommand("ech-1", 1)
        assert.strictEqual(yield* store.append("ech-1", 3, second, model("ech-1", 6)), 6)
        const events = yield* store.read("ech-1")
        assert.deepStrictEqual(events.map((e) => e.version), [1, 2, 3, 4, 5, 6])
        assert.deepStrictEqual(
          events.map(({ data, recordedAt, type }) => ({ type, data, recordedAt })),
          [...first, ...second]
        )
        assert.isTrue(events.every((e) => e.stream === "ech-1"))
        const tail = yield* store.read("ech-1", 4)
        assert.deepStrictEqual(tail.map((e) => e.version), [5, 6])
        assert.deepStrictEqual(yield* store.read("ech-1", 6), [])
        assert.deepStrictEqual(yield* store.read("unknown"), [])
      })))

    it.effect("refuses a stale expected version with the actual version, and writes nothing", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        yield* store.append("ech-1", 0, scheduleCommand("ech-1", 0), model("ech-1", 3, "scheduled"))
        for (const expected of [0, 1, 2, 4, 9]) {
          const result = yield* Effect.either(
            store.append("ech-1", expected, [one("Closed", { n: expected })], model("ech-1", expected + 1, "closed"))
          )
          assert.isTrue(Either.isLeft(result))
          if (Either.isLeft(result)) {
            const error = result.left
            assert.strictEqual(error._tag, "ConcurrencyConflict")
            if (error._tag === "ConcurrencyConflict") {
              assert.strictEqual(error.stream, "ech-1")
              assert.strictEqual(error.expectedVersion, expected)
              assert.strictEqual(error.actualVersion, 3)
            }
          }
        }
        assert.strictEqual((yield* store.read("ech-1")).length, 3)
        assert.deepStrictEqual(yield* store.readModels(), [model("ech-1", 3, "scheduled")])
      })))

    it.effect("lists streams with their versions, in code-point order", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        assert.deepStrictEqual(yield* store.streams(), [])
        for (const [stream, commands] of [["ech-b", 2], ["ech-a", 1], ["ech-c", 3], ["Ech-Z", 1]] as const) {
          for (let n = 0; n < commands; n++) {
            yield* store.append(stream, 3 * n, scheduleCommand(stream, n), model(stream, 3 * n + 3))
          }
        }
        assert.deepStrictEqual(yield* store.streams(), [
          { stream: "Ech-Z", version: 3 },
          { stream: "ech-a", version: 3 },
          { stream: "ech-b", version: 6 },
          { stream: "ech-c", version: 9 }
        ])
      })))

    it.effect("writes the read model with the events, replacing the previous one", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const obligations = [
          { rule: "RES-01", dueAt: "2027-01-05T09:00:00.000Z", owner: "agt-1", path: "sessions/0/restitution" },
          { rule: "RES-02", dueAt: "2026-12-24T09:00:00.000Z", owner: "agt-2", path: "restitution" }
        ]
        yield* store.append("ech-1", 0, scheduleCommand("ech-1", 0), model("ech-1", 3, "scheduled", obligations))
        yield* store.append("ech-2", 0, scheduleCommand("ech-2", 0), model("ech-2", 3, "draft"))
        assert.deepStrictEqual(yield* store.readModels(), [
          model("ech-1", 3, "scheduled", obligations),
          model("ech-2", 3, "draft")
        ])
        assert.deepStrictEqual(yield* store.readModels({ state: "draft" }), [model("ech-2", 3, "draft")])
        assert.deepStrictEqual(yield* store.readModels({ state: "closed" }), [])
        yield* store.append("ech-1", 3, [one("Closed", {})], model("ech-1", 4, "closed", obligations.slice(1)))
        assert.deepStrictEqual(yield* store.readModels({ state: "closed" }), [
          model("ech-1", 4, "closed", obligations.slice(1))
        ])
        assert.deepStrictEqual(yield* store.readModels({ state: "scheduled" }), [])
      })))

    it.effect("rebuilds every read model from the events", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        for (const stream of ["ech-1", "ech-2", "ech-3"]) {
          yield* store.append(stream, 0, scheduleCommand(stream, 0), model(stream, 3, "stale"))
        }
        yield* store.append("ech-2", 3, [one("Closed", {})], model("ech-2", 4, "stale"))
        const project = (stream: string, events: ReadonlyArray<EventStore.StoredEvent>): EventStore.ReadModel => {
          const last = events[events.length - 1]!
          return model(stream, last.version, last.type === "Closed" ? "closed" : "scheduled", [
            { rule: "RES-01", dueAt: last.recordedAt, owner: `${events.length} events`, path: last.type }
          ])
        }
        assert.strictEqual(yield* store.rebuildReadModels(project), 3)
        const rebuilt = yield* store.readModels()
        assert.deepStrictEqual(rebuilt.map((m) => [m.stream, m.state, m.version]), [
          ["ech-1", "scheduled", 3],
          ["ech-2", "closed", 4],
          ["ech-3", "scheduled", 3]
        ])
        assert.deepStrictEqual(rebuilt[1]!.obligations, [
          { rule: "RES-01", dueAt: "2026-12-03T13:30:00.000Z", owner: "4 events", path: "Closed" }
        ])
        // A failing projection leaves the read models as they were.
        const failed = yield* Effect.either(store.rebuildReadModels(() => {
          throw new Error("projection bug")
        }))
        assert.isTrue(Either.isLeft(failed) && failed.left._tag === "EventStoreError")
        assert.deepStrictEqual(yield* store.readModels(), rebuilt)
      })))

    it.effect("round-trips unicode, quotes, backslashes, % and _ byte for byte", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const stream = "ech-é🤝-%_'\"\\"
        const data = {
          zKeyFirst: tricky[0],
          aKeyLast: tricky,
          nested: { "clé avec espace": tricky[3], "%_": tricky[2], "\\": tricky[1], "": "" },
          numbers: [0, -1, 1.5, 1e21, 123456789012345, -0.000001],
          flags: [true, false, null]
        }
        const events = tricky.map((text, i) => one(i === 0 ? "NoteAdded" : "Note📝Ajoutée", { text, data }))
        const obligations = tricky.map((text, i) => ({
          rule: `RES-0${i}`,
          dueAt: "2026-12-03T13:30:00.000Z",
          owner: text,
          path: `participants/${i}/${text}`
        }))
        const readModel = { ...model(stream, events.length, tricky[4]!, obligations), title: tricky.join(" | ") }
        yield* store.append(stream, 0, events, readModel)
        const stored = yield* store.read(stream)
        assert.strictEqual(
          JSON.stringify(stored.map(({ data, type }) => ({ type, data }))),
          JSON.stringify(events.map(({ data, type }) => ({ type, data })))
        )
        assert.deepStrictEqual(Object.keys(stored[0]!.data as object), ["text", "data"])
        assert.deepStrictEqual(Object.keys((stored[0]!.data as { data: object }).data), [
          "zKeyFirst",
          "aKeyLast",
          "nested",
          "numbers",
          "flags"
        ])
        assert.deepStrictEqual(yield* store.readModels(), [readModel])
        assert.deepStrictEqual(yield* store.readModels({ state: tricky[4]! }), [readModel])
        assert.deepStrictEqual(yield* store.readModels({ state: tricky[4]!.normalize("NFC") }), [])
        assert.deepStrictEqual(yield* store.streams(), [{ stream, version: events.length }])
      })))

    it.effect("round-trips arbitrary unicode text (property, fixed seed)", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        // Any Unicode scalar value but NUL (PostgreSQL text cannot hold it).
        const text = FastCheck.fullUnicodeString({ maxLength: 40 }).filter((s) => !s.includes("\u0000"))
        const samples = FastCheck.sample(FastCheck.tuple(text, text, FastCheck.dictionary(text, text)), {
          numRuns: 60,
          seed: 20261203
        })
        let version = 0
        for (const [title, owner, record] of samples) {
          const event = one(title, { title, owner, record })
          const readModel = model("ech-prop", version + 1, owner, [{ rule: title, dueAt: owner, owner, path: title }])
          version = yield* store.append("ech-prop", version, [event], { ...readModel, title })
          const [stored] = yield* store.read("ech-prop", version - 1)
          assert.strictEqual(stored!.type, title)
          assert.strictEqual(JSON.stringify(stored!.data), JSON.stringify(event.data))
          assert.deepStrictEqual(yield* store.readModels(), [{ ...readModel, title }])
        }
      })))

    it.effect("rejects an empty append, writing nothing", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const result = yield* Effect.either(store.append("ech-1", 0, [], model("ech-1", 0)))
        assert.isTrue(Either.isLeft(result) && result.left._tag === "EventStoreError")
        assert.deepStrictEqual(yield* store.streams(), [])
        assert.deepStrictEqual(yield* store.readModels(), [])
      })))

    it.effect("rejects a read model that does not match the append, and data that is not JSON", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const events = scheduleCommand("ech-1", 0)
        for (const readModel of [model("ech-1", 2), model("ech-2", 3)]) {
          const result = yield* Effect.either(store.append("ech-1", 0, events, readModel))
          assert.isTrue(Either.isLeft(result) && result.left._tag === "EventStoreError")
        }
        for (const data of [undefined, 10n, () => 1]) {
          const result = yield* Effect.either(store.append("ech-1", 0, [one("Bad", data)], model("ech-1", 1)))
          assert.isTrue(Either.isLeft(result) && result.left._tag === "EventStoreError")
        }
        const negative = yield* Effect.either(store.append("ech-1", -1, events, model("ech-1", 2)))
        assert.isTrue(Either.isLeft(negative) && negative.left._tag === "EventStoreError")
        assert.deepStrictEqual(yield* store.streams(), [])
        assert.deepStrictEqual(yield* store.readModels(), [])
      })))

    it.effect("two fibers racing on one stream: one winner per version, nothing lost", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const rounds = 200
        const winners: Array<string> = []
        for (let version = 0; version < rounds; version++) {
          const attempt = (writer: string) =>
            store.append(
              "ech-race",
              version,
              [one("NoteAdded", { writer, version })],
              model("ech-race", version + 1, writer)
            ).pipe(Effect.as(writer), Effect.either)
          const [a, b] = yield* Effect.all([attempt("a"), attempt("b")], { concurrency: 2 })
          const results = [a, b]
          const won = results.filter(Either.isRight)
          const lost = results.filter(Either.isLeft)
          assert.strictEqual(won.length, 1, `round ${version}`)
          assert.strictEqual(lost.length, 1, `round ${version}`)
          const error = lost[0]!.left
          assert.strictEqual(error._tag, "ConcurrencyConflict")
          if (error._tag === "ConcurrencyConflict") assert.strictEqual(error.actualVersion, version + 1)
          winners.push(won[0]!.right)
        }
        const events = yield* store.read("ech-race")
        assert.deepStrictEqual(events.map((e) => e.version), Array.from({ length: rounds }, (_, i) => i + 1))
        assert.deepStrictEqual(events.map((e) => (e.data as { writer: string }).writer), winners)
        const [readModel] = yield* store.readModels()
        assert.strictEqual(readModel!.version, rounds)
        assert.strictEqual(readModel!.state, winners[rounds - 1])
      })))
  })
