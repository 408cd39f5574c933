/**
 * Holes found by the reliability campaign (`pnpm test:reliability`), closed
 * at their root, each with its regression test (each failed before its fix).
 */
import { createEntrePairs, InvalidInputError } from "@entre-pairs/adapters-sql"
import { afterAll, assert, describe, it } from "vitest"
import { createDatabase, describePg, dropDatabase } from "./helpers.js"

const propose = (title: string) => ({ _tag: "Propose" as const, exchangeId: "ech-r", title, by: "agents" as const })

const refusal = async (options: Parameters<typeof createEntrePairs>[0], title: string) => {
  const app = await createEntrePairs(options)
  try {
    await app.execute("ech-r", propose(title))
    return { accepted: true as const, stored: (await app.getExchange("ech-r"))?.snapshot.title }
  } catch (error) {
    return { accepted: false as const, error }
  } finally {
    await app.close()
  }
}

const expectTypedRefusal = (result: Awaited<ReturnType<typeof refusal>>) => {
  assert.isFalse(result.accepted, `accepted and stored: ${JSON.stringify(result.accepted ? result.stored : "")}`)
  const error = (result as { error: unknown }).error
  assert.instanceOf(error, InvalidInputError)
  assert.deepStrictEqual((error as InvalidInputError).issues.map((i) => i.path), [["title"]])
  return error as InvalidInputError
}

describe("reliability: text a store cannot keep is refused at the boundary, the same on every store", () => {
  it("reliability: NUL (U+0000) in a title is an InvalidInputError with its path on SQLite (it was stored)", async () => {
    const error = expectTypedRefusal(await refusal({ sqlite: { filename: ":memory:" } }, "Accueil\u0000 des usagers"))
    assert.match(error.message, /NUL/)
  })

  it("reliability: an unpaired surrogate in a title is an InvalidInputError with its path on SQLite", async () => {
    expectTypedRefusal(await refusal({ sqlite: { filename: ":memory:" } }, "Accueil \ud800 des usagers"))
  })
})

describePg("reliability: the same refusals on PostgreSQL (NUL was a store failure)", () => {
  let url = ""
  afterAll(() => (url === "" ? undefined : dropDatabase(url)))
  it("reliability: NUL (U+0000) and an unpaired surrogate in a title are InvalidInputErrors with their path, not StoreErrors", async () => {
    url = await createDatabase()
    expectTypedRefusal(await refusal({ postgres: { url } }, "Accueil\u0000 des usagers"))
    expectTypedRefusal(await refusal({ postgres: { url } }, "Accueil \udc00 des usagers"))
  })
})

describe("reliability: an error message never echoes a huge value in full", () => {
  it("reliability: a 20 MB title is quoted as an excerpt in the facade's InvalidInputError", async () => {
    const app = await createEntrePairs({ sqlite: { filename: ":memory:" } })
    try {
      await app.execute("ech-r", { ...propose("x"), by: "é".repeat(20_000_000) as never })
      assert.fail("accepted")
    } catch (error) {
      assert.instanceOf(error, InvalidInputError)
      const e = error as InvalidInputError
      assert.isBelow(e.message.length, 5_000)
      for (const issue of e.issues) assert.isBelow(issue.message.length, 2_000)
      for (const issue of e.issues) assert.deepStrictEqual(issue.path, ["by"])
    } finally {
      await app.close()
    }
  })
})
