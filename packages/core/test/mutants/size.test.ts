/**
 * SIZ — size (note II-a): the boundaries of the ideal size and of the
 * attendance a session needs, and what the messages say.
 */
import { assert, describe, it } from "@effect/vitest"
import { addMembers, mutate, of } from "../fixtures.js"

/** The example (9 members) with `n` active members: the others withdrawn after the cycle, or more added. */
const withMembers = (s: any, n: number) => {
  if (n > s.members.length) addMembers(s, n - s.members.length)
  else for (const m of s.members.slice(n)) m.withdrawnAt = "2026-12-20T09:00:00.000Z"
  return s
}

describe("SIZ-01", () => {
  it("SIZ-01 counts 8 and 10 members as the ideal size, 7 and 11 as outside it", () => {
    for (const n of [8, 9, 10]) assert.deepStrictEqual(of(mutate((s) => withMembers(s, n)), "SIZ-01"), [], `${n} members`)
    for (const n of [7, 11]) {
      const v = of(mutate((s) => withMembers(s, n)), "SIZ-01")
      assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["advisory", ["members"]]], `${n} members`)
      assert.strictEqual(v[0]!.message.en, `The group has ${n} members; ideally 8 to 10.`)
      assert.match(v[0]!.message.fr, new RegExp(`^Le groupe compte ${n} membres ; idéalement, il en compte de 8 à 10`))
    }
  })
  it("SIZ-01 says « 1 membre », in the singular, for a group of one", () => {
    const v = of(mutate((s) => withMembers(s, 1)), "SIZ-01")
    assert.match(v[0]!.message.fr, /^Le groupe compte 1 membre ; /)
    assert.strictEqual(v[0]!.message.en, "The group has 1 member; ideally 8 to 10.")
  })
  it("SIZ-01 applies from composition on, not before", () => {
    const composed = mutate((s) => {
      withMembers(s, 3)
      s.state = "composed"
    })
    assert.lengthOf(of(composed, "SIZ-01"), 1)
    const announced = mutate((s) => {
      withMembers(s, 3)
      s.state = "announced"
    })
    assert.deepStrictEqual(of(announced, "SIZ-01"), [])
  })
})

describe("SIZ-02", () => {
  /** Session `index` held with only the first `n` members present (and the facilitators). */
  const attendance = (s: any, index: number, n: number) => {
    s.sessions[index].attendees = [...s.members.slice(0, n).map((m: any) => m.agentId), "agt-f01", "agt-f02"]
    return s
  }
  it("SIZ-02 refuses a session held with one member present, and says so in the singular", () => {
    const v = of(mutate((s) => attendance(s, 1, 1)), "SIZ-02")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["blocking", ["sessions", 1, "attendees"]]])
    assert.match(v[0]!.message.fr, /^La 2e séance \(18 mai 2026\) a réuni 1 membre présent : il en faut au moins 2 /)
    assert.strictEqual(v[0]!.message.en, "The 2nd session (2026-05-18) gathered 1 member present: at least 2 are needed.")
  })
  it("SIZ-02 counts members present against the local minimum, in the plural", () => {
    const json = mutate((s) => attendance(s, 0, 2))
    assert.deepStrictEqual(of(json, "SIZ-02"), [])
    const v = of(json, "SIZ-02", undefined, { minMembersToMeet: 3 })
    assert.match(v[0]!.message.fr, /a réuni 2 membres présents : il en faut au moins 3 /)
    assert.strictEqual(v[0]!.message.en, "The 1st session (2026-03-16) gathered 2 members present: at least 3 are needed.")
  })
  it("SIZ-02 counts a member once however often listed, and never a facilitator or a guest", () => {
    const v = of(
      mutate((s) => {
        s.sessions[2].attendees = ["agt-001", "agt-001", "agt-f01", "agt-f02", "agt-g01"]
      }),
      "SIZ-02"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 2, "attendees"]])
  })
  it("SIZ-02 does not count a member who had withdrawn by the session", () => {
    const v = of(
      mutate((s) => {
        attendance(s, 3, 2)
        s.members[1].withdrawnAt = "2026-09-01T09:00:00.000Z"
      }),
      "SIZ-02"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 3, "attendees"]])
  })
})
