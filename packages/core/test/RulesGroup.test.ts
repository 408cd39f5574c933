import { assert, describe, it } from "@effect/vitest"
import { at, complete, mutate, of } from "./fixtures.js"

const solo = (s: any, extra: Record<string, unknown> = {}) => {
  s.framing.facilitation = {
    mode: "solo",
    soloReason: "Pas de second animateur formé disponible dans le service",
    facilitators: [{ ...s.framing.facilitation.facilitators[0], ...extra }]
  }
}
const mandate = { by: "Directrice départementale", at: "2026-01-20T10:00:00.000Z", canFacilitate: true, canStepBack: true }

describe("ANI — facilitation", () => {
  it("ANI-01 advises stating why a solo facilitator was chosen", () => {
    const v = of(
      mutate((s) => {
        solo(s, { profile: "executive", mandate })
        delete s.framing.facilitation.soloReason
      }),
      "ANI-01"
    )
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["advisory", ["framing", "facilitation", "soloReason"]]])
  })
  it("ANI-01 accepts a solo facilitator with a stated reason, and a pair", () => {
    assert.lengthOf(of(mutate((s) => solo(s, { profile: "executive", mandate })), "ANI-01"), 0)
    assert.lengthOf(of(complete(), "ANI-01"), 0)
  })
  it("ANI-02 advises a pair of one lead and one resource person", () => {
    const v = of(mutate((s) => (s.framing.facilitation.facilitators[1].role = "lead")), "ANI-02")
    assert.lengthOf(v, 1)
  })
  it("ANI-02 accepts an HR lead with a prevention officer", () => {
    assert.lengthOf(of(complete(), "ANI-02"), 0)
  })
  it("ANI-03 advises a technical profile beside a line manager", () => {
    const v = of(
      mutate((s) => {
        s.framing.facilitation.facilitators[0].profile = "lineManager"
        s.framing.facilitation.facilitators[1].profile = "executive"
      }),
      "ANI-03"
    )
    assert.lengthOf(v, 1)
  })
  it("ANI-03 accepts a line manager paired with a prevention officer", () => {
    assert.lengthOf(of(mutate((s) => (s.framing.facilitation.facilitators[0].profile = "lineManager")), "ANI-03"), 0)
  })
  it("ANI-04 refuses a solo facilitator without mandate", () => {
    const v = of(mutate((s) => solo(s, { profile: "executive" })), "ANI-04")
    assert.deepStrictEqual(v.map((x) => x.path), [["framing", "facilitation", "facilitators", 0, "mandate"]])
  })
  it("ANI-04 only advises a solo facilitator whose profile is not one of the note's examples", () => {
    const v = of(mutate((s) => solo(s, { profile: "hr", mandate })), "ANI-04")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["advisory", ["framing", "facilitation", "facilitators", 0, "profile"]]])
  })
  it("ANI-04 accepts a mandated occupation expert", () => {
    assert.lengthOf(of(mutate((s) => solo(s, { profile: "occupationExpert", mandate })), "ANI-04"), 0)
  })
  it("ANI-05 refuses an untrained facilitator, or one trained after the first session", () => {
    const v = of(
      mutate((s) => {
        delete s.framing.facilitation.facilitators[0].training
        s.framing.facilitation.facilitators[1].training.completedAt = "2026-04-01T00:00:00.000Z"
      }),
      "ANI-05"
    )
    assert.deepStrictEqual(v.map((x) => x.path[3]), [0, 1])
    assert.match(v[1]!.message.en, /after the first session \(2026-03-16\)/)
  })
  it("ANI-05 waits for the first session", () => {
    const json = mutate((s) => {
      delete s.framing.facilitation.facilitators[0].training
      s.sessions = []
      s.questions = []
      s.state = "composed"
      s.trainingNeeds = []
      delete s.conclusions
      s.actions = []
    })
    assert.lengthOf(of(json, "ANI-05"), 0)
    assert.lengthOf(of(complete(), "ANI-05"), 0)
  })
  it("ANI-06 refuses conclusions listing a variant the group did not validate", () => {
    const v = of(mutate((s) => delete s.sessions[1].variants[2].validatedAt), "ANI-06")
    assert.deepStrictEqual(v.map((x) => x.path), [["conclusions", "variantIds", 2]])
  })
  it("ANI-06 accepts conclusions of validated arbitrations", () => {
    assert.lengthOf(of(complete(), "ANI-06"), 0)
  })
  it("ANI-07 never warns: delegating note-taking is a possibility, solo or not, to anyone recorded", () => {
    const json = mutate((s) => {
      solo(s, { profile: "executive", mandate })
      s.delegations = []
    })
    assert.lengthOf(of(json, "ANI-07"), 0)
    assert.lengthOf(of(mutate((s) => s.delegations.push({ agentId: "agt-010", task: "other", at: "2026-03-09T14:00:00.000Z" })), "ANI-07"), 0)
  })
  it("ANI-08 refuses a facilitation without facilitator", () => {
    const v = of(mutate((s) => (s.framing.facilitation.facilitators = [])), "ANI-08")
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["blocking", ["framing", "facilitation", "facilitators"]]])
  })
  it("ANI-08 follows the count: one facilitator declared as a pair is solo, two declared solo are a pair", () => {
    const one = mutate((s) => s.framing.facilitation.facilitators.pop())
    assert.lengthOf(of(one, "ANI-08"), 0)
    // ANI-01 and ANI-04 apply to the one facilitator, whatever mode was declared.
    assert.deepStrictEqual(
      of(one, "ANI-04").map((x) => [x.kind, x.path]),
      [
        ["blocking", ["framing", "facilitation", "facilitators", 0, "mandate"]],
        ["advisory", ["framing", "facilitation", "facilitators", 0, "profile"]]
      ]
    )
    assert.deepStrictEqual(of(one, "ANI-01").map((x) => x.path), [["framing", "facilitation", "soloReason"]])
    const two = mutate((s) => (s.framing.facilitation.mode = "solo"))
    assert.lengthOf(of(two, "ANI-08"), 0)
    assert.lengthOf(of(two, "ANI-04"), 0)
    assert.lengthOf(of(two, "ANI-01"), 0)
  })
  it("ANI-08 advises three facilitators or more: the note names « principalement » two modes", () => {
    const v = of(
      mutate((s) => s.framing.facilitation.facilitators.push({ ...s.framing.facilitation.facilitators[1], agentId: "agt-010" })),
      "ANI-08"
    )
    assert.deepStrictEqual(v.map((x) => [x.kind, x.path]), [["advisory", ["framing", "facilitation", "facilitators"]]])
  })
  it("ANI-08 accepts two for a pair and one for solo", () => {
    assert.lengthOf(of(complete(), "ANI-08"), 0)
    assert.lengthOf(of(mutate((s) => solo(s)), "ANI-08"), 0)
  })
})

describe("CHA — group rules", () => {
  it("CHA-01 refuses rules missing an item", () => {
    const v = of(mutate((s) => (s.charter.items = s.charter.items.filter((i: string) => i !== "confidentiality"))), "CHA-01")
    assert.deepStrictEqual(v.map((x) => x.path), [["charter", "items"]])
    assert.match(v[0]!.message.fr, /confidentialité/)
  })
  it("CHA-01 refuses a session before the rules are adopted", () => {
    const v = of(mutate((s) => (s.charter.adoptedAt = "2026-04-01T00:00:00.000Z")), "CHA-01")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 0, "scheduledAt"]])
  })
  it("CHA-01 refuses sessions without rules", () => {
    assert.deepStrictEqual(of(mutate((s) => delete s.charter), "CHA-01").map((x) => x.path), [["charter"]])
  })
  it("CHA-01 accepts the five items adopted before the first session", () => {
    assert.lengthOf(of(complete(), "CHA-01"), 0)
  })
  it("CHA-02 warns when one person takes most of the speaking time", () => {
    const v = of(
      mutate((s) => {
        s.sessions[1].speakingTimes = s.sessions[1].speakingTimes.map((t: any, i: number) => ({ ...t, seconds: i === 0 ? 6000 : 200 }))
      }),
      "CHA-02"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "speakingTimes"]])
    assert.match(v[0]!.message.en, /Gini coefficient 0\.6/)
    // French numbers: a decimal comma and a no-break space before « % ».
    assert.strictEqual(
      v[0]!.message.fr,
      "Temps de parole inégaux à la 2e séance (18 mai 2026) : coefficient de Gini de 0,68 (seuil : 0,35) ; la personne qui a le plus parlé a occupé 79\u00a0% du temps de parole."
    )
  })
  it("CHA-02 follows the local threshold", () => {
    const json = mutate((s) => {
      s.sessions[1].speakingTimes = s.sessions[1].speakingTimes.map((t: any, i: number) => ({ ...t, seconds: i === 0 ? 6000 : 200 }))
    })
    assert.lengthOf(of(json, "CHA-02", undefined, { speakingTimeGiniThreshold: 0.9 }), 0)
    assert.lengthOf(of(complete(), "CHA-02"), 0)
  })
})

describe("CNF — confidentiality", () => {
  it("CNF-05 refuses a testimonial published without consent", () => {
    const v = of(mutate((s) => delete s.testimonials[0].consentAt), "CNF-05")
    assert.deepStrictEqual(v.map((x) => x.path), [["testimonials", 0, "consentAt"]])
  })
  it("CNF-05 refuses consent given after publication", () => {
    assert.lengthOf(of(mutate((s) => (s.testimonials[0].consentAt = "2026-12-11T00:00:00.000Z")), "CNF-05"), 1)
  })
  it("CNF-05 accepts an unpublished testimonial without consent yet", () => {
    const json = mutate((s) => {
      delete s.testimonials[0].consentAt
      delete s.testimonials[0].publishedAt
    })
    assert.lengthOf(of(json, "CNF-05"), 0)
  })
  it("CNF-06 refuses sent minutes naming a member", () => {
    const v = of(
      mutate((s) => (s.sessions[1].minutes[1].summary += " Mme MARCHAND a proposé une formulation type.")),
      "CNF-06"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "minutes", 1, "summary"]])
    assert.match(v[0]!.message.fr, /« Mme MARCHAND »/)
  })
  it("CNF-06 refuses circulated conclusions and a presented review naming participants", () => {
    const v = of(
      mutate((s) => {
        s.conclusions.summary += " Merci à elodie pour son exposé."
        s.review.text += " Animé par Stéphane Garnier ; éclairage du Dr Besson."
        s.sessions[3].variants[0].description += " (proposé par Jean Pierre)"
      }),
      "CNF-06"
    )
    // The variant left with the minutes of its session already: reported there, once.
    assert.deepStrictEqual(v.map((x) => x.path), [
      ["sessions", 3, "variants", 0, "description"],
      ["conclusions", "summary"],
      ["review", "text"],
      ["review", "text"]
    ])
  })
  it("CNF-06 lets drafts name people until they are released", () => {
    const json = mutate((s) => {
      s.sessions[3].minutes.push({
        version: 2,
        draftedAt: "2026-10-02T09:00:00.000Z",
        summary: "Brouillon : Awa et Isabelle ont présenté."
      })
      delete s.review.presentedAt
      s.review.text += " Karim Benali"
    })
    assert.lengthOf(of(json, "CNF-06"), 0)
  })
  it("CNF-06 ignores names of people outside the group", () => {
    // agt-010 (Mathieu Roux) volunteered but was not selected.
    assert.lengthOf(of(mutate((s) => (s.conclusions.summary += " Roux, Mathieu.")), "CNF-06"), 0)
  })
  it("CNF-07 refuses an attendee who is neither member, facilitator nor guest", () => {
    const v = of(mutate((s) => s.sessions[2].attendees.push("agt-010")), "CNF-07")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 2, "attendees", 12]])
  })
  it("CNF-07 accepts the session's guest", () => {
    assert.lengthOf(of(complete(), "CNF-07"), 0)
  })
})

describe("SES — sessions", () => {
  it("SES-01 refuses a presentation on a question not chosen yet", () => {
    const json = mutate((s) => {
      delete s.questions[0].chosenInSession
      s.questions[0].chosenAt = "2026-06-01T00:00:00.000Z"
    })
    const v = of(json, "SES-01")
    assert.deepStrictEqual(v.map((x) => x.path[3]), [0, 1, 2])
  })
  it("SES-01 accepts presentations on questions chosen in the first session", () => {
    assert.lengthOf(of(complete(), "SES-01"), 0)
  })
  it("SES-02 advises at most 3 open questions", () => {
    const json = mutate((s) => {
      for (const q of s.questions) q.status = "open"
      s.questions.push({ ...s.questions[0], id: "q-4", title: "Quatrième question" })
    })
    assert.lengthOf(of(json, "SES-02"), 1)
    assert.lengthOf(of(json, "SES-02", undefined, { maxOpenQuestions: 4 }), 0)
  })
  it("SES-02 accepts 3 open questions", () => {
    assert.lengthOf(of(mutate((s) => s.questions.forEach((q: any) => (q.status = "open"))), "SES-02"), 0)
  })
  it("SES-03 refuses a presentation without a trace of activity", () => {
    const v = of(mutate((s) => delete s.sessions[1].presentations[0].trace), "SES-03")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "presentations", 0, "trace"]])
  })
  it("SES-03 accepts presentations resting on traces", () => {
    assert.lengthOf(of(complete(), "SES-03"), 0)
  })
  it("SES-04 advises at most 3 presentations per session", () => {
    const json = mutate((s) => s.sessions[1].presentations.push({ ...s.sessions[1].presentations[0], id: "pres-9", presenter: "agt-004" }))
    assert.deepStrictEqual(of(json, "SES-04").map((x) => x.path), [["sessions", 1, "presentations"]])
    assert.lengthOf(of(json, "SES-04", undefined, { maxPresentationsPerSession: 4 }), 0)
  })
  it("SES-04 accepts 2 or 3 presentations", () => {
    assert.lengthOf(of(complete(), "SES-04"), 0)
  })
  it("SES-05 advises a second presentation only once everyone presented", () => {
    const v = of(mutate((s) => (s.sessions[1].presentations[2].presenter = "agt-001")), "SES-05")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "presentations", 2, "presenter"]])
  })
  it("SES-05 accepts presentations in turn", () => {
    assert.lengthOf(of(complete(), "SES-05"), 0)
  })
  it("SES-06 refuses a session held without an agenda, or with an agenda set afterwards", () => {
    const v = of(
      mutate((s) => {
        delete s.sessions[1].agenda
        s.sessions[2].agenda.setAt = "2026-07-07T00:00:00.000Z"
      }),
      "SES-06"
    )
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 1, "agenda"], ["sessions", 2, "agenda"]])
  })
  it("SES-06 lets a future session get its agenda later", () => {
    const json = mutate((s) => {
      delete s.sessions[3].agenda
      s.sessions[3].status = "scheduled"
    })
    assert.lengthOf(of(json, "SES-06", at("2026-09-01T00:00:00Z")), 0)
    // Held is a recorded fact, never inferred from the date.
    assert.lengthOf(of(json, "SES-06"), 0)
    json.sessions[3].status = "held"
    assert.lengthOf(of(json, "SES-06"), 1)
  })
  it("SES-07 refuses a presentation that does not record the reasons", () => {
    const v = of(mutate((s) => (s.sessions[2].presentations[1].reasons = " ")), "SES-07")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 2, "presentations", 1, "reasons"]])
  })
  it("SES-07 accepts complete presentations", () => {
    assert.lengthOf(of(complete(), "SES-07"), 0)
  })
  it("SES-08 refuses a presentation by someone who is not a member", () => {
    const v = of(mutate((s) => (s.sessions[3].presentations[0].presenter = "agt-f01")), "SES-08")
    assert.deepStrictEqual(v.map((x) => x.path), [["sessions", 3, "presentations", 0, "presenter"]])
  })
  it("SES-08 accepts presentations by members", () => {
    assert.lengthOf(of(complete(), "SES-08"), 0)
  })
})
