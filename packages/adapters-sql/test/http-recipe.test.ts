/**
 * docs/recipes/http-api.md: the recipe's server, started for real on a free
 * port over a SQLite file, answers real HTTP requests. The audience comes
 * from the caller's role: a line manager gets the minutes of a session and
 * is refused the conclusions before the restitution (CNF-03).
 */
import { Example } from "@entre-pairs/core"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { join } from "node:path"
import { afterAll, assert, beforeAll, describe, it } from "vitest"
import { address, type Directory, server } from "../../../docs/recipes/examples/http-api.js"
import { tempDir } from "./helpers.js"

const { dir, remove } = tempDir()
const directory: Directory = new Map([
  ["t-facilitator", { id: "agt-101", role: "facilitator" }],
  ["t-manager", { id: "agt-900", role: "lineManager" }],
  ["t-member", { id: "agt-001", role: "member" }]
])
const runtime = ManagedRuntime.make(server({ filename: join(dir, "http.db"), port: 0, directory }))
let base = ""
const id = "ech-ddets33-uc3-2026"

const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" })
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  base = await runtime.runPromise(address)
  // The example cycle up to the minutes of session 2 sent to line managers.
  for (const command of Example.cycleEncoded.slice(0, 44)) {
    const result = await call("POST", `/exchanges/${id}/commands`, "t-facilitator", command)
    assert.strictEqual(result.status, 200, JSON.stringify(result.body))
  }
}, 120_000)

afterAll(async () => {
  await runtime.dispose()
  remove()
})

describe("docs/recipes/http-api.md", () => {
  it("CNF-03 a line manager gets the minutes, and is refused the conclusions before the restitution", async () => {
    const minutes = await call("GET", `/exchanges/${id}/views/minutes?sessionId=s2`, "t-manager")
    assert.strictEqual(minutes.status, 200)
    assert.strictEqual(minutes.body["_tag"], "MinutesView")
    const header = minutes.body["header"] as Record<string, unknown>
    assert.strictEqual(header["audience"], "lineManagers")
    assert.match(String(header["generatedAt"]), /^\d{4}-\d\d-\d\dT/)
    const conclusions = await call("GET", `/exchanges/${id}/views/conclusions`, "t-manager")
    assert.strictEqual(conclusions.status, 403)
    assert.strictEqual(conclusions.body["_tag"], "ViewRefused")
    assert.strictEqual(conclusions.body["rule"], "CNF-03")
    // The same request, another role: the group's charter is the group's.
    assert.strictEqual((await call("GET", `/exchanges/${id}/views/charter`, "t-member")).status, 200)
    assert.strictEqual((await call("GET", `/exchanges/${id}/views/charter`, "t-manager")).status, 403)
  })

  it("refuses the unauthenticated, the unauthorised, and commands the rules forbid", async () => {
    assert.strictEqual((await call("GET", `/exchanges/${id}/views/calendar`, undefined)).status, 401)
    assert.strictEqual((await call("GET", `/exchanges/${id}/views/calendar`, "t-unknown")).status, 401)
    const byManager = await call("POST", `/exchanges/${id}/commands`, "t-manager", { _tag: "Close" })
    assert.strictEqual(byManager.status, 403)
    const refused = await call("POST", `/exchanges/${id}/commands`, "t-facilitator", { _tag: "Restitute", form: "serviceMeeting" })
    assert.strictEqual(refused.status, 409)
    assert.strictEqual(refused.body["_tag"], "RuleViolation")
    const malformed = await call("POST", `/exchanges/${id}/commands`, "t-facilitator", { _tag: "Propose" })
    assert.strictEqual(malformed.status, 400)
  })

  it("publishes its OpenAPI document", async () => {
    const openapi = await call("GET", "/openapi.json", undefined)
    assert.strictEqual(openapi.status, 200)
    const paths = openapi.body["paths"] as Record<string, unknown>
    assert.property(paths, "/exchanges/{exchangeId}/views/{output}")
    assert.property(paths, "/exchanges/{exchangeId}/commands")
  })
})
