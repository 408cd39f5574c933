/**
 * The Promise facade: the recipe of docs/recipes/promise-facade.md runs, and
 * every failure rejects with the right Error subclass, keeping rule IDs and paths.
 */
import { join } from "node:path"
import { afterAll, assert, describe, it } from "vitest"
import { main } from "../../../docs/recipes/examples/promise-facade.js"
import {
  ClosedError,
  ConcurrencyConflictError,
  createEntrePairs,
  EntrePairsError,
  type Facade,
  InvalidInputError,
  RuleViolationError,
  StoreError
} from "@entre-pairs/adapters-sql"
import { Example } from "@entre-pairs/core"
import { createDatabase, describePg, dropDatabase, tempDir } from "./helpers.js"

const { dir, remove } = tempDir()
afterAll(remove)

const propose: Facade.Command = { _tag: "Propose", exchangeId: "ech-1", title: "Accueil des usagers", by: "agents", at: "2026-09-01T08:00:00.000Z" }

const rejects = async <E extends Error>(promise: Promise<unknown>, type: new(...args: Array<any>) => E): Promise<E> => {
  try {
    await promise
  } catch (error) {
    assert.instanceOf(error, type)
    assert.isTrue(error instanceof EntrePairsError)
    assert.instanceOf(error, Error)
    return error as E
  }
  throw new Error(`expected a ${type.name}`)
}

describe("Promise facade", () => {
  it("the recipe runs: advisories, a refusal with its rule ID, queries and anonymous minutes", async () => {
    const result = await main(join(dir, "recipe.db"))
    assert.strictEqual(result.state, "inSessions")
    assert.strictEqual(result.version, 44)
    assert.isTrue(result.advisories.some((a) => a.startsWith("DIV-01")))
    assert.deepStrictEqual(result.refusal, ["LIF-08"])
    assert.deepStrictEqual(result.listed, ["ech-ddets33-uc3-2026"])
    assert.isTrue(result.due.some((d) => d.startsWith("RES-02")))
    assert.strictEqual(result.minutes, "MinutesView")
    // The data outlives the process: reopen the file.
    const app = await createEntrePairs({ sqlite: { filename: join(dir, "recipe.db") } })
    assert.strictEqual((await app.getExchange("ech-ddets33-uc3-2026"))?.version, result.version)
    await app.close()
  })

  it("rejects with Error subclasses that keep rule IDs and paths", async () => {
    const app = await createEntrePairs({ sqlite: { filename: join(dir, "errors.db") }, retries: 0 })
    try {
      // @ts-expect-error -- a command without its title does not compile, and is refused at run time
      const invalid = await rejects(app.execute("ech-1", { _tag: "Propose", exchangeId: "ech-1", by: "agents" }), InvalidInputError)
      assert.deepStrictEqual(invalid.issues.map((i) => i.path), [["title"]])
      // @ts-expect-error -- an unknown command does not compile
      await rejects(app.execute("ech-1", { _tag: "NoSuchCommand" }), InvalidInputError)
      // An unknown exchange is invalid input (not a rule of the note), and writes nothing.
      const unknown = await rejects(app.execute("ech-unknown", { _tag: "Approve", by: "Direction" }), InvalidInputError)
      assert.deepStrictEqual(unknown.issues[0]!.path, ["exchangeId"])
      assert.strictEqual(await app.getExchange("ech-unknown"), undefined)
      const executed = await app.execute("ech-1", propose)
      assert.strictEqual(executed.version, 1)
      assert.strictEqual(executed.events[0]!._tag, "ExchangeProposed")
      assert.strictEqual(executed.snapshot.state, "proposed")
      const refused = await rejects(app.execute("ech-1", { _tag: "Compose", members: [{ agentId: "agt-001" }] }), RuleViolationError)
      assert.deepStrictEqual(refused.rules, ["LIF-08"])
      assert.isArray(refused.violations[0]!.path)
      assert.instanceOf(refused.cause, Error)
      const misdated = await rejects(app.execute("ech-1", { _tag: "Abandon", reason: "x", at: "2020-01-01T00:00:00Z" }), InvalidInputError)
      assert.deepStrictEqual(misdated.issues[0]!.path, ["at"])
      // From JavaScript, a Date in `at` is read as its ISO string; an invalid Date names the path.
      const framing = Example.cycleEncoded[1]!
      const dated = { ...framing, at: new Date("2026-09-02T08:00:00.000Z") }
      // @ts-expect-error -- in TypeScript `at` is an ISO-8601 string
      const framed = await app.execute("ech-1", dated)
      assert.strictEqual(framed.events[0]!.at, "2026-09-02T08:00:00.000Z")
      // @ts-expect-error -- idem
      const badDate = await rejects(app.execute("ech-1", { _tag: "Approve", by: "Direction", at: new Date(Number.NaN) }), InvalidInputError)
      assert.deepStrictEqual(badDate.issues[0]!.path, ["at"])
      // Input nested deeper than the bounded decoder allows is refused before any Schema sees it.
      let deep: unknown = "x"
      for (let i = 0; i < 100_000; i++) deep = [deep]
      // @ts-expect-error -- not a command
      const tooDeep = await rejects(app.execute("ech-1", { _tag: "Approve", by: "Direction", extra: deep }), InvalidInputError)
      assert.include(tooDeep.message, "deeper than 64")
      await rejects(app.view("ech-unknown", { output: "calendar", audience: "group" }), InvalidInputError)
      // @ts-expect-error -- an unknown output does not compile
      await rejects(app.view("ech-1", { output: "nope", audience: "group" }), InvalidInputError)
      // @ts-expect-error -- an unknown audience does not compile
      await rejects(app.view("ech-1", { output: "calendar", audience: "everyone" }), InvalidInputError)
      // @ts-expect-error -- minutes need their session
      await rejects(app.view("ech-1", { output: "minutes", audience: "group" }), InvalidInputError)
      // Views are plain JSON: instants as ISO-8601 strings.
      const framingView = await app.view("ech-1", { output: "framing", audience: "direction" }, { at: new Date("2026-09-03T00:00:00Z") })
      assert.strictEqual(framingView.header.generatedAt, "2026-09-03T00:00:00.000Z")
      assert.deepStrictEqual(JSON.parse(JSON.stringify(framingView)), framingView)
      const confidential = await rejects(app.view("ech-1", { output: "charter", audience: "organisation" }), RuleViolationError)
      assert.deepStrictEqual(confidential.rules, ["CNF-03"])
      await rejects(app.obligationsDue("not a date"), InvalidInputError)
      // @ts-expect-error -- an unknown state does not compile
      await rejects(app.list({ state: "nope" }), InvalidInputError)
      assert.deepStrictEqual(await app.list(), [{ exchangeId: "ech-1", title: "Accueil des usagers", state: "framed", version: 2 }])
      assert.strictEqual(await app.getExchange("ech-unknown"), undefined)
      assert.strictEqual(await app.rebuildReadModels(), 1)
    } finally {
      await app.close()
    }
    // After close(), every method rejects with ClosedError; close() again is harmless.
    await rejects(app.getExchange("ech-1"), ClosedError)
    await rejects(app.execute("ech-1", propose), ClosedError)
    await app.close()
    await rejects(createEntrePairs({ sqlite: { filename: join(dir, "no", "such", "dir", "x.db") } }), StoreError)
    // @ts-expect-error -- options without a store do not compile, and are refused at run time
    const noStore = await rejects(createEntrePairs({}), InvalidInputError)
    assert.deepStrictEqual(noStore.issues[0]!.path, ["sqlite"])
    // @ts-expect-error -- idem, from JavaScript
    await rejects(createEntrePairs(undefined), InvalidInputError)
    const badConfig = await rejects(
      // @ts-expect-error -- sizeMax is a number
      createEntrePairs({ sqlite: { filename: join(dir, "config.db") }, config: { sizeMax: "twelve" } }),
      InvalidInputError
    )
    assert.deepStrictEqual(badConfig.issues[0]!.path, ["config", "sizeMax"])
  })

  it("estate queries: obligations and exchanges a page at a time, filtered, as JSON; bad filters reject with InvalidInputError", async () => {
    const app = await createEntrePairs({ sqlite: { filename: join(dir, "estate.db") } })
    try {
      for (const id of ["ech-a", "ech-b", "ech-c"]) {
        // Up to the second training need (session s3 held, its minutes not sent).
        const end = Example.cycleEncoded.findIndex((c) => c._tag === "RecordTrainingNeed" && c.needId === "bf2") + 1
        for (const command of Example.cycleEncoded.slice(0, end)) {
          await app.execute(id, (command._tag === "Propose" ? { ...command, exchangeId: id, service: id === "ech-c" ? "DRH" : "DGT" } : command) as Facade.Command)
        }
      }
      const at = "2027-02-01T00:00:00.000Z"
      const all = await app.obligationsDue(at)
      assert.deepStrictEqual(all.map((d) => d.obligation.status), ["overdue", "overdue", "overdue", "overdue", "overdue", "overdue"])
      assert.isAbove(all.length, 2)
      assert.strictEqual(typeof all[0]!.obligation.dueAt, "string")
      const paged: Array<Facade.DueObligation> = []
      let cursor: string | undefined
      do {
        const page = await app.obligations(at, { limit: 1, cursor })
        assert.isAtMost(page.items.length, 1)
        paged.push(...page.items)
        cursor = page.next
      } while (cursor !== undefined)
      assert.deepStrictEqual(paged, all)
      const drh = await app.obligationsDue(at, { service: "DRH", rule: "RES-03" })
      assert.isTrue(drh.length > 0 && drh.every((d) => d.exchangeId === "ech-c" && d.obligation.rule === "RES-03"))
      assert.deepStrictEqual(await app.obligationsDue(at, { status: "due" }), [])
      const early = await app.obligationsDue("2026-12-20", { dueBefore: "2027-01-15", owner: "liaison" })
      assert.isTrue(early.length > 0)
      assert.deepStrictEqual(early, early.filter((d) => d.obligation.dueAt < "2027-01-15" && d.obligation.status === "due"))
      const first = await app.exchanges({ service: "DGT", limit: 1 })
      assert.deepStrictEqual(first.items.map((s) => [s.exchangeId, s.service, s.state]), [["ech-a", "DGT", "inSessions"]])
      assert.strictEqual(first.items[0]!.openedAt, "2026-09-01T08:00:00.000Z")
      assert.match(first.items[0]!.updatedAt!, /^\d{4}-\d\d-\d\dT/)
      const second = await app.exchanges({ service: "DGT", limit: 1, cursor: first.next })
      assert.deepStrictEqual(second.items.map((s) => s.exchangeId), ["ech-b"])
      assert.isUndefined(second.next)
      for (const [bad, path] of [
        [{ limit: 0 }, ["limit"]],
        [{ rule: "RES-99" }, ["rule"]],
        [{ status: "late" }, ["status"]],
        [{ dueFrom: "demain" }, ["dueFrom"]],
        [{ cursor: "pas un curseur" }, []]
      ] as const) {
        const error = await rejects(app.obligations(at, bad as never), InvalidInputError)
        assert.deepStrictEqual(error.issues[0]!.path, path)
      }
      await rejects(app.exchanges({ state: "running" as never }), InvalidInputError)
      const theme = "Gérer une visite de contrôle qui se tend"
      assert.deepStrictEqual((await app.exchanges({ theme, service: "DGT" })).items.map((s) => s.exchangeId), ["ech-a", "ech-b"])
      assert.deepStrictEqual((await app.exchanges({ theme: "Gérer" })).items, [])
      const badTheme = await rejects(app.exchanges({ theme: 3 as never }), InvalidInputError)
      assert.deepStrictEqual(badTheme.issues[0]!.path, ["theme"])
    } finally {
      await app.close()
    }
  })

  it("two facades on one file: the loser of a race gets ConcurrencyConflictError when retries are off", async () => {
    const filename = join(dir, "race.db")
    const a = await createEntrePairs({ sqlite: { filename }, retries: 0 })
    const b = await createEntrePairs({ sqlite: { filename }, retries: 0 })
    try {
      await a.execute("ech-1", propose)
      const frame = Example.cycleEncoded[1]!
      const results = await Promise.allSettled([a.execute("ech-1", frame), b.execute("ech-1", frame)])
      const rejected = results.filter((r) => r.status === "rejected") as Array<PromiseRejectedResult>
      // Both may win in turn (SQLite serialises them) or one may lose: never both lose, never an unknown error.
      for (const r of rejected) assert.instanceOf(r.reason, Error)
      assert.isTrue(rejected.every((r) => r.reason instanceof ConcurrencyConflictError || r.reason instanceof RuleViolationError || r.reason instanceof InvalidInputError))
      assert.isBelow(rejected.length, 2)
    } finally {
      await a.close()
      await b.close()
    }
  })
})

describePg("Promise facade on PostgreSQL", () => {
  it("executes and queries on a PostgreSQL server", async () => {
    const url = await createDatabase()
    try {
      const app = await createEntrePairs({ postgres: { url } })
      try {
        assert.strictEqual((await app.execute("ech-1", propose)).version, 1)
        assert.strictEqual((await app.getExchange("ech-1"))?.snapshot.title, "Accueil des usagers")
      } finally {
        await app.close()
      }
    } finally {
      await dropDatabase(url)
    }
  })
})
