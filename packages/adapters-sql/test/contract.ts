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

    it.effect("estate: obligations owed at an instant, filtered, in (due, stream, position) order, a page at a time", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const ob = (rule: string, dueAt: string, owner: string, from?: string) => ({
          rule,
          dueAt,
          owner,
          path: `p.${rule}`,
          ...(from === undefined ? {} : { from }),
          what: { fr: `faire ${rule}`, en: `do ${rule}` }
        })
        const estate: ReadonlyArray<EventStore.ReadModel> = [
          {
            ...model("ech-b", 3, "sessions", [
              ob("RES-02", "2026-12-10T00:00:00.000Z", "liaison", "2026-12-01T00:00:00.000Z"),
              ob("RES-08", "2026-12-10T00:00:00.000Z", "Pôle RH", "2026-11-01T00:00:00.000Z"),
              ob("RES-05", "2027-01-10T00:00:00.000Z", "direction", "2026-12-20T00:00:00.000Z")
            ]),
            service: "DRH"
          },
          { ...model("ech-a", 3, "sessions", [ob("RES-02", "2026-12-10T00:00:00.000Z", "liaison")]), service: "DGOS" },
          { ...model("Ech-Z", 3, "closed", [ob("RES-08", "2026-11-01T00:00:00.000Z", "Pôle RH")]) }
        ]
        for (const m of estate) yield* store.append(m.stream, 0, scheduleCommand(m.stream, 0), m)
        const keys = (page: EventStore.Page<EventStore.ObligationRow, unknown>) =>
          page.rows.map((r) => `${r.stream}#${r.position}`)
        const at = "2026-12-15T00:00:00.000Z"
        const all = yield* store.obligations({ at, limit: 100 })
        // RES-05 of ech-b is owed from 2026-12-20 only; "Ech-Z" < "ech-a" < "ech-b" in code points.
        assert.deepStrictEqual(keys(all), ["Ech-Z#0", "ech-a#0", "ech-b#0", "ech-b#1"])
        assert.isUndefined(all.next)
        assert.deepStrictEqual(all.rows[2], {
          stream: "ech-b",
          title: "Échange ech-b",
          service: "DRH",
          position: 0,
          ...ob("RES-02", "2026-12-10T00:00:00.000Z", "liaison", "2026-12-01T00:00:00.000Z")
        })
        assert.deepStrictEqual(all.rows[0], { stream: "Ech-Z", title: "Échange Ech-Z", position: 0, ...ob("RES-08", "2026-11-01T00:00:00.000Z", "Pôle RH") })
        assert.deepStrictEqual(keys(yield* store.obligations({ at: "2026-12-20T00:00:00.000Z", limit: 100 })), [
          "Ech-Z#0", "ech-a#0", "ech-b#0", "ech-b#1", "ech-b#2"
        ])
        assert.deepStrictEqual(keys(yield* store.obligations({ at: "2026-11-15T00:00:00.000Z", limit: 100 })), [
          "Ech-Z#0", "ech-a#0", "ech-b#1"
        ])
        assert.deepStrictEqual(keys(yield* store.obligations({ at, service: "DRH", limit: 100 })), ["ech-b#0", "ech-b#1"])
        assert.deepStrictEqual(keys(yield* store.obligations({ at, owner: "Pôle RH", limit: 100 })), ["Ech-Z#0", "ech-b#1"])
        assert.deepStrictEqual(keys(yield* store.obligations({ at, rule: "RES-02", limit: 100 })), ["ech-a#0", "ech-b#0"])
        assert.deepStrictEqual(
          keys(yield* store.obligations({ at, dueFrom: "2026-12-10T00:00:00.000Z", dueBefore: "2027-01-10T00:00:00.000Z", limit: 100 })),
          ["ech-a#0", "ech-b#0", "ech-b#1"]
        )
        assert.deepStrictEqual(keys(yield* store.obligations({ at: "2026-12-10T00:00:00.000Z", status: "overdue", limit: 100 })), ["Ech-Z#0"])
        assert.deepStrictEqual(keys(yield* store.obligations({ at: "2026-12-10T00:00:00.000Z", status: "due", limit: 100 })), [
          "ech-a#0", "ech-b#0", "ech-b#1"
        ])
        // Pages of one reproduce the whole list, each cursor the last row of its page.
        const paged: Array<string> = []
        let after: EventStore.ObligationCursor | undefined
        do {
          const page = yield* store.obligations({ at, limit: 1, after })
          assert.isAtMost(page.rows.length, 1)
          paged.push(...keys(page))
          after = page.next
        } while (after !== undefined)
        assert.deepStrictEqual(paged, keys(all))
        const two = yield* store.obligations({ at, limit: 2 })
        assert.deepStrictEqual(two.next, { dueAt: "2026-12-10T00:00:00.000Z", stream: "ech-a", position: 0 })
        // A new version of the read model replaces its obligations.
        yield* store.append("ech-b", 3, [one("ActionDone", {})], { ...model("ech-b", 4, "sessions", []), service: "DRH" })
        assert.deepStrictEqual(keys(yield* store.obligations({ at, limit: 100 })), ["Ech-Z#0", "ech-a#0"])
        for (const bad of [{ at: "demain", limit: 10 }, { at, limit: 0 }, { at, limit: 1001 }, { at, limit: 10, dueFrom: "x" }]) {
          const error = yield* Effect.flip(store.obligations(bad))
          assert.strictEqual(error._tag, "EventStoreError")
          assert.strictEqual(error.operation, "query")
        }
      })))

    it.effect("estate: exchanges by state and service in code-point order, a page at a time", () =>
      run(Effect.gen(function*() {
        const store = yield* Store
        const streams = ["ech-b", "ech-a", "Ech-Z", "ech-é", "ech-c"]
        for (const [i, stream] of streams.entries()) {
          yield* store.append(stream, 0, scheduleCommand(stream, i), {
            ...model(stream, 3, i % 2 === 0 ? "framed" : "closed"),
            ...(i < 3 ? { service: "DRH", themes: ["accueil", "télétravail"], openedAt: "2026-09-01T08:00:00.000Z" } : {}),
            ...(i % 2 === 1 ? { closedAt: "2027-03-01T00:00:00.000Z" } : {})
          })
        }
        const ids = (page: EventStore.Page<EventStore.ExchangeRow, unknown>) => page.rows.map((r) => r.stream)
        assert.deepStrictEqual(ids(yield* store.exchanges({ limit: 100 })), ["Ech-Z", "ech-a", "ech-b", "ech-c", "ech-é"])
        assert.deepStrictEqual(ids(yield* store.exchanges({ state: "framed", limit: 100 })), ["Ech-Z", "ech-b", "ech-c"])
        assert.deepStrictEqual(ids(yield* store.exchanges({ service: "DRH", limit: 100 })), ["Ech-Z", "ech-a", "ech-b"])
        assert.deepStrictEqual(ids(yield* store.exchanges({ service: "DRH", state: "closed", limit: 100 })), ["ech-a"])
        // By theme: one of the exchange's themes, the same text (not a part of it).
        assert.deepStrictEqual(ids(yield* store.exchanges({ theme: "télétravail", limit: 100 })), ["Ech-Z", "ech-a", "ech-b"])
        assert.deepStrictEqual(ids(yield* store.exchanges({ theme: "accueil", state: "closed", limit: 100 })), ["ech-a"])
        assert.deepStrictEqual(ids(yield* store.exchanges({ theme: "accueil", service: "DRH", limit: 100 })), ["Ech-Z", "ech-a", "ech-b"])
        assert.deepStrictEqual(ids(yield* store.exchanges({ theme: "accue", limit: 100 })), [])
        const themed = yield* store.exchanges({ theme: "accueil", limit: 1, after: "Ech-Z" })
        assert.deepStrictEqual([ids(themed), themed.next], [["ech-a"], "ech-a"])
        const first = yield* store.exchanges({ limit: 2 })
        assert.deepStrictEqual(first.next, "ech-a")
        assert.deepStrictEqual(ids(yield* store.exchanges({ limit: 2, after: first.next })), ["ech-b", "ech-c"])
        const last = yield* store.exchanges({ limit: 2, after: "ech-c" })
        assert.deepStrictEqual(ids(last), ["ech-é"])
        assert.isUndefined(last.next)
        const [a] = (yield* store.exchanges({ limit: 1, after: "Ech-Z" })).rows
        assert.deepStrictEqual(a, {
          stream: "ech-a",
          title: "Échange ech-a",
          state: "closed",
          version: 3,
          service: "DRH",
          themes: ["accueil", "télétravail"],
          openedAt: "2026-09-01T08:00:00.000Z",
          closedAt: "2027-03-01T00:00:00.000Z",
          updatedAt: scheduleCommand("ech-a", 1)[0]!.recordedAt
        })
        assert.deepStrictEqual((yield* store.exchanges({ limit: 1, after: "ech-b" })).rows[0], {
          stream: "ech-c",
          title: "Échange ech-c",
          state: "framed",
          version: 3,
          updatedAt: scheduleCommand("ech-c", 4)[0]!.recordedAt
        })
        const error = yield* Effect.flip(store.exchanges({ limit: 0 }))
        assert.strictEqual(error.operation, "query")
      })))
  })
