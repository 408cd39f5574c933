import { describe, expect, it } from "@effect/vitest"
import { main } from "../../../docs/recipes/examples/compose-group.js"

describe("docs/concepts/composer.md example", () => {
  it("runs, draws 10 from the 12 eligible volunteers, and re-checks", () => {
    const out = main()
    expect(out.size).toBe(10)
    expect(out.group).toHaveLength(10)
    expect(out.group).not.toContain("agt-13")
    expect(out.group).not.toContain("agt-14")
    expect(out.recheck).toBe(true)
    expect(out.redrawn).toStrictEqual(out.group)
    expect(main()).toStrictEqual(out)
  })
})
