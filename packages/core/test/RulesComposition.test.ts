import { assert, describe, it } from "@effect/vitest"
import { addMembers, complete, mutate, of } from "./fixtures.js"

const agentOf = (s: any, id: string) => s.agents.find((a: any) => a.id === id)

describe("ELI — eligibility", () => {
  it("ELI-01 refuses a member who did not volunteer", () => {
    const v = of(mutate((s) => (s.volunteers = s.volunteers.filter((x: any) => x.agentId !== "agt-003"))), "ELI-01")
    assert.deepStrictEqual(v.map((x) => x.path), [["members", 2, "agentId"]])
  })
  it("ELI-01 refuses a member who joined before volunteering", () => {
    const v = of(mutate((s) => (s.volunteers[0].at = "2026-03-05T12:00:00.000Z")), "ELI-01")
    assert.deepStrictEqual(v.map((x) => x.path), [["members", 0, "joinedAt"]])
  })
  it("ELI-01 accepts members who all volunteered first", () => {
    assert.lengthOf(of(complete(), "ELI-01"), 0)
  })
  it("ELI-02 refuses the invitation and the volunteering of an agent outside the perimeter", () => {
    const json = mutate((s) => (agentOf(s, "agt-002").unit = "ut33-uc1-s1"))
    const v = of(json, "ELI-02")
    const inv = json.invitations.findIndex((i: any) => i.agentId === "agt-002")
    const vol = json.volunteers.findIndex((i: any) => i.agentId === "agt-002")
    assert.deepStrictEqual(v.map((x) => x.path), [["invitations", inv, "agentId"], ["volunteers", vol, "agentId"]])
  })
  it("ELI-02 exempts resource persons from the perimeter", () => {
    // agt-009, a work psychologist of the regional directorate, is a resource member.
    assert.lengthOf(of(complete(), "ELI-02"), 0)
  })
  it("ELI-03 refuses a member of another occupation when the purpose is professionalisation", () => {
    const v = of(mutate((s) => (agentOf(s, "agt-004").occupation = "gestionnaire-rh")), "ELI-03")
    assert.deepStrictEqual(v.map((x) => x.path), [["members", 3]])
  })
  it("ELI-03 never guesses the occupation from the members: without one named, the composition is refused", () => {
    const v = of(mutate((s) => (s.framing.occupationsConcerned = [])), "ELI-03")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["blocking", ["framing", "occupationsConcerned"]]])
  })
  it("ELI-03 accepts members who contribute to the occupation", () => {
    assert.lengthOf(of(complete(), "ELI-03"), 0)
    assert.lengthOf(of(mutate((s) => (s.framing.purpose = "problemSolving")), "ELI-03"), 0)
  })
  it("ELI-04 advises representing every occupation concerned when solving a problem", () => {
    const json = mutate((s) => {
      s.framing.purpose = "problemSolving"
      s.framing.occupationsConcerned.push("ergonome")
    })
    const v = of(json, "ELI-04")
    assert.lengthOf(v, 1)
    assert.match(v[0]!.message.en, /ergonome/)
  })
  it("ELI-04 is satisfied when every occupation concerned has a member", () => {
    assert.lengthOf(of(mutate((s) => (s.framing.purpose = "problemSolving")), "ELI-04"), 0)
  })
  it("ELI-05 advises a resource person beside the operational members when solving a problem", () => {
    const json = mutate((s) => {
      s.framing.purpose = "problemSolving"
      s.members[8].role = "operational"
      for (const f of s.framing.facilitation.facilitators) (f.role = "lead"), (f.profile = "lineManager")
      for (const x of s.sessions) x.guests = []
    })
    const v = of(json, "ELI-05")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["advisory", ["members"]]])
  })
  it("ELI-05 is satisfied by a mixed group", () => {
    assert.lengthOf(of(complete(), "ELI-05"), 0)
  })
  it("ELI-06 advises a recorded reason for each guest, who is not a member", () => {
    const v = of(
      mutate((s) => {
        delete s.sessions[2].guests[0].reason
        s.sessions[3].guests = [{ agentId: "agt-001", role: "other", reason: "Témoignage" }]
      }),
      "ELI-06"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [
      ["sessions", 2, "guests", 0, "reason"],
      ["sessions", 3, "guests", 0, "agentId"]
    ])
  })
  it("ELI-06 is satisfied by a guest invited for a reason", () => {
    assert.lengthOf(of(complete(), "ELI-06"), 0)
  })
})

describe("SIZ — size", () => {
  it("SIZ-01 warns when 11 members", () => {
    const v = of(addMembers(complete(), 2), "SIZ-01")
    assert.strictEqual(v.length, 1)
    assert.match(v[0]!.message.fr, /11 membre/)
  })
  it("SIZ-01 warns when 7 members", () => {
    const json = mutate((s) => {
      s.members[0].withdrawnAt = "2026-04-01T00:00:00.000Z"
      s.members[1].withdrawnAt = "2026-04-01T00:00:00.000Z"
    })
    assert.lengthOf(of(json, "SIZ-01"), 1)
  })
  it("SIZ-01 accepts 9 members, and 11 when the service allows 12", () => {
    assert.lengthOf(of(complete(), "SIZ-01"), 0)
    assert.lengthOf(of(addMembers(complete(), 2), "SIZ-01", undefined, { sizeMax: 12 }), 0)
  })
  it("SIZ-01 counts no one before the group is composed", () => {
    const json = mutate((s) => {
      s.state = "announced"
      s.members = []
      delete s.liaison
    })
    assert.lengthOf(of(json, "SIZ-01"), 0)
  })
  it("SIZ-02 refuses a session with a single member", () => {
    const json = mutate((s) => {
      for (const m of s.members.slice(1)) m.withdrawnAt = "2026-04-01T00:00:00.000Z"
    })
    const v = of(json, "SIZ-02")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "attendees"], ["sessions", 2, "attendees"], ["sessions", 3, "attendees"]])
  })
  it("SIZ-02 follows the local minimum", () => {
    const json = mutate((s) => {
      for (const m of s.members.slice(1)) m.withdrawnAt = "2026-04-01T00:00:00.000Z"
    })
    assert.lengthOf(of(json, "SIZ-02", undefined, { minMembersToMeet: 1 }), 0)
    assert.lengthOf(of(complete(), "SIZ-02"), 0)
  })
})

describe("DIV — diversity", () => {
  it("DIV-01 warns when the pool offered an age band the group lacks", () => {
    const json = mutate((s) => {
      agentOf(s, "agt-004").ageBand = "30-39"
      agentOf(s, "agt-011").ageBand = "<30"
    })
    const v = of(json, "DIV-01")
    assert.lengthOf(v, 1)
    assert.match(v[0]!.message.fr, /l'âge/)
  })
  it("DIV-01 does not warn when the pool offers nothing more", () => {
    assert.lengthOf(of(mutate((s) => (agentOf(s, "agt-004").ageBand = "30-39")), "DIV-01"), 0)
  })
  it("DIV-01 ignores withdrawn volunteers", () => {
    const json = mutate((s) => {
      agentOf(s, "agt-004").ageBand = "30-39"
      agentOf(s, "agt-011").ageBand = "<30"
      s.volunteers.find((v: any) => v.agentId === "agt-011").withdrawnAt = "2026-02-25T00:00:00.000Z"
    })
    assert.lengthOf(of(json, "DIV-01"), 0)
  })
  it("DIV-02 warns when an occupation concerned is missing though a volunteer had it", () => {
    const json = mutate((s) => {
      for (const id of ["agt-002", "agt-005", "agt-006"]) agentOf(s, id).occupation = "inspecteur-travail"
      agentOf(s, "agt-008").contributesTo = ["inspecteur-travail"]
    })
    const v = of(json, "DIV-02")
    assert.lengthOf(v, 1)
    assert.match(v[0]!.message.en, /Contrôleur ou contrôleuse du travail/)
  })
  it("DIV-02 does not warn when no volunteer had it", () => {
    const json = mutate((s) => {
      for (const id of ["agt-002", "agt-005", "agt-006", "agt-011", "agt-013"]) agentOf(s, id).occupation = "inspecteur-travail"
      agentOf(s, "agt-008").contributesTo = ["inspecteur-travail"]
    })
    assert.lengthOf(of(json, "DIV-02"), 0)
  })
})
