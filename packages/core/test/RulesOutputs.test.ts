import { assert, describe, it } from "@effect/vitest"
import { Obligations, Policy } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import { AFTER, at, complete, decode, evaluate, mutate, of } from "./fixtures.js"

describe("ARB — arbitration", () => {
  it("ARB-01 refuses a variant left without arbitration once concluded", () => {
    const v = of(mutate((s) => delete s.sessions[2].variants[1].arbitration), "ARB-01")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 2, "variants", 1, "arbitration"]])
  })
  it("ARB-01 refuses a conditional arbitration without conditions, at any state", () => {
    const json = mutate((s) => {
      s.state = "inSessions"
      s.sessions[1].variants[1].arbitration.conditions = ["  "]
    })
    const v = of(json, "ARB-01", at("2026-06-01T00:00:00Z"))
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "variants", 1, "arbitration", "conditions"]])
  })
  it("ARB-01 lets the group arbitrate later while sessions go on", () => {
    const json = mutate((s) => {
      s.state = "inSessions"
      delete s.sessions[2].variants[1].arbitration
    })
    assert.lengthOf(of(json, "ARB-01", at("2026-08-01T00:00:00Z")), 0)
    assert.lengthOf(of(complete(), "ARB-01"), 0)
  })
  it("ARB-03 refuses conclusions listing an unarbitrated or repeated variant", () => {
    const v = of(
      mutate((s) => {
        delete s.sessions[1].variants[1].arbitration
        s.conclusions.variantIds.push("var-1")
      }),
      "ARB-03"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["conclusions", "variantIds", 1], ["conclusions", "variantIds", 7]])
  })
  it("ARB-03 accepts conclusions of arbitrated variants", () => {
    assert.lengthOf(of(complete(), "ARB-03"), 0)
  })
})

describe("RES — restitution", () => {
  it("RES-01 refuses minutes sent with no liaison designated", () => {
    const v = of(mutate((s) => delete s.liaison), "RES-01")
    assert.lengthOf(v, 5)
    assert.deepStrictEqual(v[0]!.path, ["sessions", 0, "minutes", 0, "sentAt"])
  })
  it("RES-01 refuses minutes sent after the liaison withdrew", () => {
    const v = of(mutate((s) => (s.members[7].withdrawnAt = "2026-09-01T00:00:00.000Z")), "RES-01")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 3, "minutes", 0, "sentAt"]])
  })
  it("RES-01 accepts minutes sent by the designated liaison", () => {
    assert.lengthOf(of(complete(), "RES-01"), 0)
  })
  it("RES-04 refuses a concluded cycle whose conclusions were not circulated", () => {
    assert.deepStrictEqual(
      of(mutate((s) => delete s.conclusions.circulatedAt), "RES-04").map((x) => x.path),
      [["conclusions", "circulatedAt"]]
    )
    const json = mutate((s) => {
      s.state = "concluded"
      delete s.conclusions
    })
    assert.deepStrictEqual(of(json, "RES-04").map((x) => x.path), [["conclusions"]])
  })
  it("RES-04 waits for the end of the cycle", () => {
    const json = mutate((s) => {
      s.state = "inSessions"
      delete s.conclusions
    })
    assert.lengthOf(of(json, "RES-04", at("2026-10-01T00:00:00Z")), 0)
  })
  it("RES-07 is an obligation, never an advisory at closure", () => {
    const v = of(mutate((s) => (s.communications = s.communications.filter((c: any) => c.about !== "results"))), "RES-07")
    assert.deepStrictEqual(v, [])
  })
  it("RES-07 does not advise before closure", () => {
    const json = mutate((s) => {
      s.state = "restituted"
      s.communications = s.communications.filter((c: any) => c.about !== "results")
    })
    assert.lengthOf(of(json, "RES-07"), 0)
  })
  it("RES-09 refuses minutes sent without being finalised", () => {
    const v = of(
      mutate((s) => {
        delete s.sessions[0].minutes[0].finalisedAt
        s.sessions[2].minutes[0].finalisedAt = "2026-07-20T00:00:00.000Z"
      }),
      "RES-09"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [
      ["sessions", 0, "minutes", 0, "finalisedAt"],
      ["sessions", 2, "minutes", 0, "finalisedAt"]
    ])
  })
  it("RES-09 refuses sending a version already superseded", () => {
    const v = of(mutate((s) => (s.sessions[1].minutes[0].sentAt = "2026-06-01T10:00:00.000Z")), "RES-09")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "minutes", 0, "sentAt"]])
  })
  it("RES-09 accepts a correction sent as a new version", () => {
    assert.lengthOf(of(complete(), "RES-09"), 0)
  })
})

describe("RES obligations", () => {
  const obligations = (json: unknown, when: DateTime.Utc) => evaluate(json, when).obligations
  it("RES-02 is due after a held session until its minutes are sent, then overdue", () => {
    const json = mutate((s) => (s.sessions[3].minutes = []))
    const due = obligations(json, at("2026-09-30T00:00:00Z")).filter((o) => o.rule === "RES-02")
    assert.strictEqual(due.length, 1)
    assert.strictEqual(due[0]!.status, "due")
    assert.strictEqual(DateTime.formatIso(due[0]!.dueAt), "2026-10-06T09:30:00.000Z")
    assert.deepStrictEqual(due[0]!.owner, { role: "liaison" })
    assert.deepStrictEqual(due[0]!.path, ["sessions", 3, "minutes"])
    const late = obligations(json, at("2026-10-07T00:00:00Z")).filter((o) => o.rule === "RES-02")
    assert.strictEqual(late[0]!.status, "overdue")
  })
  it("RES-02 owes nothing for a future or cancelled session, nor once minutes are sent", () => {
    const json = mutate((s) => {
      s.sessions[3].minutes = []
      s.sessions[3].status = "scheduled"
    })
    assert.lengthOf(obligations(json, at("2026-09-01T00:00:00Z")).filter((o) => o.rule === "RES-02"), 0)
    assert.lengthOf(obligations(complete(), AFTER).filter((o) => o.rule === "RES-02"), 0)
    const cancelled = mutate((s) => {
      s.sessions[3].minutes = []
      s.sessions[3].status = "cancelled"
    })
    assert.lengthOf(obligations(cancelled, AFTER).filter((o) => o.rule === "RES-02"), 0)
  })
  it("RES-03 is due until minutes sent after the need was recorded", () => {
    const json = mutate((s) => (s.trainingNeeds[1].recordedAt = "2026-10-01T12:00:00.000Z"))
    const o = obligations(json, at("2026-10-02T00:00:00Z")).filter((x) => x.rule === "RES-03")
    assert.strictEqual(o.length, 1)
    assert.deepStrictEqual(o[0]!.path, ["trainingNeeds", 1])
    assert.strictEqual(DateTime.formatIso(o[0]!.dueAt), "2026-10-06T09:30:00.000Z")
  })
  it("RES-03 is met by minutes sent after the need", () => {
    assert.lengthOf(obligations(complete(), AFTER).filter((x) => x.rule === "RES-03"), 0)
  })
  it("RES-05 reports the direction's response overdue 30 days after the restitution", () => {
    const o = obligations(mutate((s) => delete s.directionResponse), AFTER).filter((x) => x.rule === "RES-05")
    assert.strictEqual(o.length, 1)
    assert.strictEqual(o[0]!.status, "overdue")
    assert.strictEqual(DateTime.formatIso(o[0]!.dueAt), "2026-11-19T10:00:00.000Z")
    assert.deepStrictEqual(o[0]!.owner, { role: "direction" })
  })
  it("RES-05 owes nothing before the restitution", () => {
    const json = mutate((s) => delete s.directionResponse)
    assert.lengthOf(obligations(json, at("2026-10-19T00:00:00Z")).filter((x) => x.rule === "RES-05"), 0)
  })
  it("RES-06 is due when the framing plans a review for the social-dialogue bodies", () => {
    const o = obligations(mutate((s) => delete s.review.presentedAt), AFTER).filter((x) => x.rule === "RES-06")
    assert.deepStrictEqual(
      o.map((x) => [x.status, DateTime.formatIsoDateUtc(x.dueAt), x.owner.role]),
      [["due", "2027-01-18", "facilitators"]]
    )
  })
  it("RES-06 owes nothing when the framing plans no review", () => {
    const json = mutate((s) => {
      delete s.review
      s.framing.reviewForSocialDialogue = false
    })
    assert.lengthOf(obligations(json, AFTER).filter((x) => x.rule === "RES-06"), 0)
  })
  it("RES-08 carries an open action over until done or dropped", () => {
    const o = obligations(complete(), at("2027-04-15T00:00:00Z")).filter((x) => x.rule === "RES-08")
    assert.deepStrictEqual(
      o.map((x) => [x.path[1], x.status, x.owner.label]),
      [
        [1, "overdue", "Pôle ressources humaines — DDETS 33"],
        [2, "due", "Secrétariat général — pôle logistique"]
      ]
    )
  })
  it("RES-08 owes nothing for done or dropped actions", () => {
    const json = mutate((s) => {
      s.actions[1].status = "done"
      s.actions[2].status = "dropped"
    })
    assert.lengthOf(obligations(json, AFTER), 0)
  })
  it("obligations follow the exchange's policy and vanish when it is abandoned", () => {
    const snapshot = decode(mutate((s) => (s.sessions[3].minutes = [])))
    const o = Obligations.obligations(snapshot, at("2026-09-30T00:00:00Z"), Policy.resolve({ minutesDueDays: 5 }))
    assert.strictEqual(o.find((x) => x.rule === "RES-02")!.status, "overdue")
    assert.lengthOf(Obligations.obligations({ ...snapshot, state: "abandoned" }, AFTER, Policy.defaults), 0)
  })
})
