/**
 * The campaign's own generators: a mutated JSON value never shares an object
 * with the list of wrong values it draws from. `set` writes in place, so a
 * shared `{}` once received a later mutation and came to contain itself:
 * every following input was circular and the whole hostile file failed
 * ("Maximum call stack size exceeded", "Converting circular structure to
 * JSON"). The list is frozen, so such a write now throws here.
 */
import { describe, expect, it } from "vitest"
import { mutateJson } from "./hostile.js"
import { random } from "./support.js"

describe("reliability: generators", () => {
  it("reliability: 4,000 mutations of one value never write into the wrong values they insert", () => {
    const base = { a: { b: [1, { c: "x", d: {} }], e: "2026-01-01T00:00:00.000Z" }, f: [] as Array<unknown> }
    let bytes = 0
    for (let seed = 0; seed < 40; seed++) {
      const rnd = random(seed)
      for (let i = 0; i < 100; i++) bytes += mutateJson(rnd, base).bytes.length
    }
    expect(bytes).toBeGreaterThan(0)
  })
})
