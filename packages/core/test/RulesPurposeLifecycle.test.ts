import { assert, describe, it } from "@effect/vitest"
import { at, complete, mutate, of } from "./fixtures.js"

describe("PUR — purpose and scope", () => {
  it("PUR-01 refuses a framing without objectives", () => {
    const v = of(mutate((s) => (s.framing.objectives = [])), "PUR-01")
    assert.strictEqual(v.length, 1)
    assert.deepStrictEqual(v[0]!.path, ["framing", "objectives"])
    assert.strictEqual(v[0]!.kind, "blocking")
  })
  it("PUR-01 accepts a framing with one objective", () => {
    assert.lengthOf(of(mutate((s) => (s.framing.objectives = ["collectiveRegulation"])), "PUR-01"), 0)
  })
  it("PUR-02 refuses a framing without purpose", () => {
    const v = of(mutate((s) => delete s.framing.purpose), "PUR-02")
    assert.deepStrictEqual(v.map((x) => x.path), [["framing", "purpose"]])
  })
  it("PUR-02 accepts either purpose", () => {
    assert.lengthOf(of(complete(), "PUR-02"), 0)
    assert.lengthOf(of(mutate((s) => (s.framing.purpose = "problemSolving")), "PUR-02"), 0)
  })
  it("PUR-03 refuses a question without subject or anchoring", () => {
    const v = of(
      mutate((s) => {
        delete s.questions[0].subject
        s.questions[2].anchoring = "   "
      }),
      "PUR-03"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["questions", 0, "subject"], ["questions", 2, "anchoring"]])
  })
  it("PUR-03 accepts anchored questions that name their subject", () => {
    assert.lengthOf(of(complete(), "PUR-03"), 0)
  })
  it("PUR-04 refuses an excluded nature in a question or an agenda item", () => {
    const v = of(
      mutate((s) => {
        s.questions[1].nature = "negotiation"
        s.sessions[1].agenda.items[0].nature = "decisionMaking"
      }),
      "PUR-04"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [
      ["questions", 1, "nature"],
      ["sessions", 1, "agenda", "items", 0, "nature"]
    ])
    assert.match(v[0]!.message.fr, /négociation/)
  })
  it("PUR-04 accepts the natures the note describes", () => {
    assert.lengthOf(of(complete(), "PUR-04"), 0)
  })
})

describe("LIF — lifecycle and framing", () => {
  it("LIF-01 refuses an exchange whose origin is not recorded", () => {
    assert.deepStrictEqual(of(mutate((s) => delete s.origin), "LIF-01").map((v) => v.path), [["origin"]])
  })
  it("LIF-01 accepts an exchange proposed by the direction", () => {
    assert.lengthOf(of(mutate((s) => (s.origin.by = "direction")), "LIF-01"), 0)
  })
  it("LIF-02 refuses a state past framed without a framing", () => {
    const v = of(mutate((s) => delete s.framing), "LIF-02")
    assert.deepStrictEqual(v.map((x) => x.path), [["framing"]])
  })
  it("LIF-02 names each missing element of the framing once past framed", () => {
    const v = of(
      mutate((s) => {
        s.framing.themes = []
        s.framing.perimeter.units = []
        s.framing.calendar = { plannedEnd: s.framing.calendar.plannedEnd }
      }),
      "LIF-02"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["framing", "perimeter", "units"], ["framing", "themes"]])
  })
  it("LIF-02 refuses an invitation dated before the framing", () => {
    const v = of(mutate((s) => (s.invitations[3].at = "2026-01-20T08:00:00.000Z")), "LIF-02")
    assert.deepStrictEqual(v.map((x) => x.path), [["invitations", 3, "at"]])
  })
  it("LIF-02 lets a framed exchange complete its framing before inviting", () => {
    const json = mutate((s) => {
      s.state = "framed"
      s.framing.themes = []
      s.invitations = []
    })
    assert.lengthOf(of(json, "LIF-02", at("2026-01-27T00:00:00Z")), 0)
  })
  it("LIF-03 refuses invitations and communications without management's acceptance", () => {
    const v = of(mutate((s) => delete s.approval), "LIF-03")
    assert.deepStrictEqual(v.map((x) => x.path), [["approval"], ["invitations"], ["communications"]])
  })
  it("LIF-03 refuses a communication dated before the acceptance", () => {
    const v = of(mutate((s) => (s.communications[0].at = "2026-02-01T10:00:00.000Z")), "LIF-03")
    assert.deepStrictEqual(v.map((x) => x.path), [["communications", 0, "at"]])
  })
  it("LIF-03 accepts invitations sent after the acceptance", () => {
    assert.lengthOf(of(complete(), "LIF-03"), 0)
  })
  it("LIF-04 advises a second channel and a service meeting", () => {
    const v = of(mutate((s) => (s.communications = [{ channel: "email", at: "2026-02-06T08:30:00.000Z" }])), "LIF-04")
    assert.lengthOf(v, 2)
    assert.isTrue(v.every((x) => x.kind === "advisory"))
  })
  it("LIF-04 refuses an invitation that does not carry every framing element", () => {
    const v = of(mutate((s) => (s.invitations[0].carries = ["origin", "themes"])), "LIF-04")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["blocking", ["invitations", 0, "carries"]]])
    assert.match(v[0]!.message.en, /objectives, perimeter, and facilitation/)
    assert.match(v[0]!.message.fr, /ne reprend pas les objectifs, le périmètre et l'animation du cadrage/)
  })
  it("LIF-04 follows the local number of channels", () => {
    const json = mutate((s) => (s.communications = [{ channel: "serviceMeeting", at: "2026-02-06T08:30:00.000Z" }]))
    assert.lengthOf(of(json, "LIF-04", undefined, { minCommunicationChannels: 1 }), 0)
  })
  it("LIF-05 refuses a framing without dedicated time for each part of the work", () => {
    const v = of(mutate((s) => delete s.framing.dedicatedTime.formalisationHours), "LIF-05")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["blocking", ["framing", "dedicatedTime", "formalisationHours"]]])
    assert.match(v[0]!.message.fr, /la formalisation des travaux/)
  })
  it("LIF-05 is satisfied by a framing that allots all four", () => {
    assert.lengthOf(of(complete(), "LIF-05"), 0)
  })
  it("LIF-06 refuses a session held without a venue and advises a venue not attested suitable", () => {
    const v = of(
      mutate((s) => {
        s.sessions[1].venue = { ...s.sessions[1].venue, quiet: false }
        delete s.sessions[2].venue
      }),
      "LIF-06"
    )
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [
      ["blocking", ["sessions", 2, "venue"]],
      ["advisory", ["sessions", 1, "venue"]]
    ])
    assert.match(v[1]!.message.fr, /n'ont pas attesté qu'il favorise la concentration/)
  })
  it("LIF-06 ignores a cancelled session's venue", () => {
    const json = mutate((s) => {
      delete s.sessions[2].venue
      s.sessions[2].status = "cancelled"
    })
    assert.lengthOf(of(json, "LIF-06"), 0)
  })
  const fifth = {
    id: "ses-5",
    kind: "casework",
    scheduledAt: "2026-10-01T09:30:00.000Z",
    status: "held"
  }
  it("LIF-07 refuses a framed cycle with no planned end", () => {
    const v = of(mutate((s) => delete s.framing.calendar.plannedEnd), "LIF-07")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["blocking", ["framing", "calendar", "plannedEnd"]]])
  })
  it("LIF-07 advises at most 4 sessions in a rolling 12 months", () => {
    const v = of(mutate((s) => s.sessions.push(fifth)), "LIF-07")
    assert.deepStrictEqual(v.map((x) => x.kind), ["advisory"])
    assert.match(v[0]!.message.en, /5 sessions within 12 months/)
  })
  it("LIF-07 counts sessions per rolling 12 months, not per cycle", () => {
    const json = mutate((s) => {
      s.sessions[0].scheduledAt = "2025-03-01T09:30:00.000Z"
      s.sessions.push(fifth)
    })
    assert.lengthOf(of(json, "LIF-07"), 0)
    assert.lengthOf(of(mutate((s) => s.sessions.push(fifth)), "LIF-07", undefined, { maxSessionsPer12Months: 5 }), 0)
  })
})
