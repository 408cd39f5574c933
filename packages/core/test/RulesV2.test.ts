/**
 * The rules version 2 of the catalogue changed or added, on snapshots
 * (`Evaluate.evaluate`). Each test would fail on version 1's behaviour: it
 * was run against main before version 2 (see the report of issue 11).
 */
import { assert, describe, it } from "@effect/vitest"
import { Rules } from "@entre-pairs/core"
import { at, complete, mutate, of } from "./fixtures.js"
import { early } from "./mutants/harness.js"

const kinds = (vs: ReadonlyArray<{ kind: string; path: ReadonlyArray<string | number> }>) => vs.map((v) => [v.kind, v.path])
const agentOf = (s: any, id: string) => s.agents.find((a: any) => a.id === id)

/** The example back at the stage where invitations go out (before composition). */
const announced = (s: any) => early(s, "announced")

describe("version 2 — purpose", () => {
  it("PUR-02 declares a main purpose: the two purposes are not exclusive", () => {
    const rule = Rules.get("PUR-02")
    assert.match(rule.title.en, /main purpose/)
    assert.match(rule.title.en, /not exclusive/)
    assert.notMatch(rule.title.en, /exactly one purpose/)
    const v = of(mutate((s) => delete s.framing.purpose), "PUR-02")
    assert.deepStrictEqual(kinds(v), [["blocking", ["framing", "purpose"]]])
    assert.match(v[0]!.message.fr, /finalité principale/)
  })
  it("PUR-03 accepts another subject of the work described in a few words: the note's list ends in « etc. »", () => {
    const described = mutate((s) => {
      s.questions[0].subject = "other"
      s.questions[0].subjectDescription = "La transmission des savoir-faire aux nouveaux arrivants"
    })
    assert.deepStrictEqual(of(described, "PUR-03"), [])
    const bare = mutate((s) => (s.questions[0].subject = "other"))
    assert.deepStrictEqual(kinds(of(bare, "PUR-03")), [["blocking", ["questions", 0, "subjectDescription"]]])
  })
  it("PUR-04 refuses calling agents into question and a general discussion without an objective", () => {
    const v = of(
      mutate((s) => {
        s.questions[1].nature = "callingAgentsIntoQuestion"
        s.sessions[1].agenda.items[2].nature = "aimlessDiscussion"
      }),
      "PUR-04"
    )
    assert.deepStrictEqual(kinds(v), [
      ["blocking", ["questions", 1, "nature"]],
      ["blocking", ["sessions", 1, "agenda", "items", 2, "nature"]]
    ])
    assert.match(v[0]!.message.fr, /remise en cause des agents et de leurs pratiques professionnelles/)
    assert.match(v[1]!.message.fr, /discussion générale sans objectif/)
  })
  it("PUR-04 never excludes the critical analysis of work processes: it is the approach itself", () => {
    assert.deepStrictEqual(of(mutate((s) => (s.questions[1].nature = "processAnalysis")), "PUR-04"), [])
  })
  it("PUR-06 flags a wording that suggests an excluded use, for the facilitators to confirm", () => {
    const json = mutate((s) => {
      s.questions[2].title = "Répartition des Primes de fin d'année"
      s.sessions[1].agenda.items[2].title = "Retour sur le conflit entre collègues"
      s.framing.themes.push("Nos revendications")
    })
    const v = of(json, "PUR-06")
    assert.deepStrictEqual(kinds(v), [
      ["advisory", ["framing", "themes", 1]],
      ["advisory", ["questions", 2, "title"]],
      ["advisory", ["sessions", 1, "agenda", "items", 2, "title"]]
    ])
    assert.match(v[1]!.message.fr, /« prime »/)
  })
  it("PUR-06 is silenced by the facilitators' confirmation, and never flags words of ordinary work", () => {
    const confirmed = mutate((s) => {
      s.questions[2].title = "Répartition des primes"
      s.questions[2].natureConfirmed = true
      s.sessions[1].agenda.items[2].title = "Revendication des usagers"
      s.sessions[1].agenda.items[2].natureConfirmed = true
      s.framing.themes.push("Nos revendications")
      s.framing.themesNatureConfirmed = true
    })
    assert.deepStrictEqual(of(confirmed, "PUR-06"), [])
    const ordinary = mutate((s) => {
      s.questions[2].title = "Proposer une sanction administrative après un contrôle"
      s.questions[1].title = "Comment s'exprimer quand on réprime sa colère ?"
    })
    assert.deepStrictEqual(of(ordinary, "PUR-06"), [])
  })
  it("PUR-06 reads a local lexicon, whole words, case and accents aside", () => {
    const json = mutate((s) => (s.questions[2].title = "Le TÉLÉTRAVAIL des contrôleurs"))
    assert.deepStrictEqual(of(json, "PUR-06"), [])
    const v = of(json, "PUR-06", undefined, { excludedUseLexicon: ["télétravail"] })
    assert.deepStrictEqual(kinds(v), [["advisory", ["questions", 2, "title"]]])
    // Whole words: « travail » is not found inside « télétravail ».
    assert.notDeepInclude(of(json, "PUR-06", undefined, { excludedUseLexicon: ["travail"] }).map((v) => v.path), ["questions", 2, "title"])
  })
})

describe("version 2 — lifecycle", () => {
  it("LIF-04 refuses a composition with no communication across the organisation before it", () => {
    const v = of(mutate((s) => (s.communications = s.communications.filter((c: any) => c.about === "results"))), "LIF-04")
    assert.deepStrictEqual(kinds(v).filter(([k]) => k === "blocking"), [["blocking", ["communications"]]])
    assert.match(v[0]!.message.fr, /Il est nécessaire de communiquer/)
  })
  it("LIF-04 counts a communication dated after the composition as too late, and a collective invitation as a communication", () => {
    const late = mutate((s) => {
      s.communications = [{ channel: "serviceMeeting", at: "2026-03-10T10:00:00.000Z" }, { channel: "email", at: "2026-03-11T10:00:00.000Z" }]
    })
    assert.deepStrictEqual(kinds(of(late, "LIF-04")), [["blocking", ["communications"]]])
    const collective = mutate((s) => {
      s.communications = [{ channel: "intranet", at: "2026-03-10T10:00:00.000Z" }]
      s.collectiveInvitations = [{ at: "2026-02-06T08:30:00.000Z", channel: "serviceMeeting", units: ["ut33-uc3-s1"] }]
    })
    assert.deepStrictEqual(of(collective, "LIF-04"), [])
  })
  it("LIF-04 refuses a collective invitation that does not carry the framing elements", () => {
    const json = mutate((s) => {
      s.collectiveInvitations = [{ at: "2026-02-06T08:30:00.000Z", channel: "email", units: ["ut33-uc3-s2"], carries: ["origin"] }]
    })
    assert.deepStrictEqual(kinds(of(json, "LIF-04")), [["blocking", ["collectiveInvitations", 0, "carries"]]])
  })
  it("LIF-05 refuses a missing use of dedicated time, and accepts a declaration « sur le temps de travail » instead of hours", () => {
    const v = of(mutate((s) => delete s.framing.dedicatedTime.preparationHours), "LIF-05")
    assert.deepStrictEqual(kinds(v), [["blocking", ["framing", "dedicatedTime", "preparationHours"]]])
    const declared = mutate((s) => {
      delete s.framing.dedicatedTime.preparationHours
      s.framing.dedicatedTime.declarations = { preparation: "Sur le temps de travail" }
    })
    assert.deepStrictEqual(of(declared, "LIF-05"), [])
    const blank = mutate((s) => {
      delete s.framing.dedicatedTime.preparationHours
      s.framing.dedicatedTime.declarations = { preparation: "  " }
    })
    assert.lengthOf(of(blank, "LIF-05"), 1)
    assert.deepStrictEqual(kinds(of(mutate((s) => delete s.framing.dedicatedTime), "LIF-05")), [["blocking", ["framing", "dedicatedTime"]]])
  })
  it("LIF-05 waits for the framing to be approved: a framing in preparation is not refused", () => {
    const json = mutate((s) => {
      announced(s)
      s.state = "framed"
      delete s.approval
      s.communications = []
      s.invitations = []
      delete s.framing.dedicatedTime
    })
    assert.deepStrictEqual(of(json, "LIF-05"), [])
  })
  it("LIF-06 refuses a session held without a venue; a scheduled one is only reminded", () => {
    const held = of(mutate((s) => delete s.sessions[3].venue), "LIF-06")
    assert.deepStrictEqual(kinds(held), [["blocking", ["sessions", 3, "venue"]]])
    const scheduled = of(
      mutate((s) => {
        delete s.sessions[3].venue
        s.sessions[3].status = "scheduled"
      }),
      "LIF-06"
    )
    assert.deepStrictEqual(kinds(scheduled), [["advisory", ["sessions", 3, "venue"]]])
  })
  it("LIF-06 advises a venue whose suitability the facilitators have not attested", () => {
    const v = of(mutate((s) => (s.sessions[0].venue = { name: "Visioconférence", setting: "remote" })), "LIF-06")
    assert.deepStrictEqual(kinds(v), [["advisory", ["sessions", 0, "venue"]]])
    assert.match(v[0]!.message.fr, /son équipement adéquat, qu'il favorise la concentration et qu'il garantit la liberté de parole/)
  })
  it("LIF-07 refuses a session scheduled or held after the planned end, unless the end was amended first", () => {
    const after = mutate((s) => (s.framing.calendar.plannedEnd = "2026-08-31T17:00:00.000Z"))
    assert.deepStrictEqual(kinds(of(after, "LIF-07")), [["blocking", ["sessions", 3, "scheduledAt"]]])
    const heldLate = mutate((s) => {
      s.framing.calendar.plannedEnd = "2026-09-21T10:00:00.000Z"
      s.sessions[3].heldAt = "2026-09-21T12:30:00.000Z"
    })
    assert.deepStrictEqual(kinds(of(heldLate, "LIF-07")), [["blocking", ["sessions", 3, "heldAt"]]])
    const amended = mutate((s) => {
      s.framing.calendar.plannedEnd = "2026-12-31T17:00:00.000Z"
      s.framing.calendar.amendments = [
        { at: "2026-06-01T10:00:00.000Z", from: "2026-08-31T17:00:00.000Z", to: "2026-12-31T17:00:00.000Z", reason: "Séance reportée après l'été" }
      ]
    })
    assert.deepStrictEqual(of(amended, "LIF-07"), [])
  })
  it("LIF-07 allows a cycle of a single session", () => {
    const json = mutate((s) => {
      for (const x of s.sessions.slice(1)) x.status = "cancelled"
    })
    assert.deepStrictEqual(of(json, "LIF-07"), [])
  })
})

describe("version 2 — eligibility", () => {
  it("ELI-02 judges an invitation by the unit the agent had when invited: a member reassigned later stays", () => {
    // agt-002 moved to another unit after volunteering: the engagement holds for the cycle.
    const moved = mutate((s) => {
      const inv = s.invitations.find((i: any) => i.agentId === "agt-002")
      inv.unit = "ut33-uc3-s1"
      s.volunteers.find((v: any) => v.agentId === "agt-002").unit = "ut33-uc3-s1"
      agentOf(s, "agt-002").unit = "ut33-uc1-s1"
    })
    assert.deepStrictEqual(of(moved, "ELI-02"), [])
    const invitedOutside = mutate((s) => {
      s.invitations.find((i: any) => i.agentId === "agt-010").unit = "ut33-uc1-s1"
    })
    const index = invitedOutside.invitations.findIndex((i: any) => i.agentId === "agt-010")
    assert.deepStrictEqual(kinds(of(invitedOutside, "ELI-02")), [["blocking", ["invitations", index, "agentId"]]])
  })
  it("ELI-02 exempts a resource person invited as such from outside the perimeter", () => {
    const json = mutate((s) => {
      for (const i of s.invitations) if (i.agentId === "agt-009") delete i.role
      s.members.find((m: any) => m.agentId === "agt-009").role = "operational"
    })
    assert.lengthOf(of(json, "ELI-02"), 3)
    assert.deepStrictEqual(of(complete(), "ELI-02"), [])
  })
  it("ELI-03 refuses a professionalisation group whose framing names no occupation, never guessing it", () => {
    const v = of(mutate((s) => (s.framing.occupationsConcerned = [])), "ELI-03")
    assert.deepStrictEqual(kinds(v), [["blocking", ["framing", "occupationsConcerned"]]])
    assert.match(v[0]!.message.fr, /sans métier nommé/)
  })
  it("ELI-03 names occupations by their labels, never by their IDs", () => {
    const v = of(mutate((s) => (agentOf(s, "agt-004").occupation = "gestionnaire-rh")), "ELI-03")
    assert.match(v[0]!.message.fr, /\(Gestionnaire RH\).*Inspecteur ou inspectrice du travail et Contrôleur ou contrôleuse du travail/)
    assert.notMatch(v[0]!.message.fr, /inspecteur-travail|gestionnaire-rh/)
  })
  it("ELI-05 applies to problem solving only: nine inspectors professionalising get no advisory", () => {
    const professionalisation = mutate((s) => {
      s.members[8].role = "operational"
      for (const f of s.framing.facilitation.facilitators) (f.role = "lead"), (f.profile = "lineManager")
      for (const x of s.sessions) x.guests = []
    })
    assert.deepStrictEqual(of(professionalisation, "ELI-05"), [])
    const problemSolving = { ...professionalisation, framing: { ...professionalisation.framing, purpose: "problemSolving" } }
    assert.deepStrictEqual(kinds(of(problemSolving, "ELI-05")), [["advisory", ["members"]]])
  })
  it("ELI-05 counts a resource person among the facilitators or a session's guests", () => {
    const withFacilitator = mutate((s) => {
      s.framing.purpose = "problemSolving"
      s.members[8].role = "operational"
      for (const x of s.sessions) x.guests = []
    })
    assert.deepStrictEqual(of(withFacilitator, "ELI-05"), [])
    const withGuest = mutate((s) => {
      s.framing.purpose = "problemSolving"
      s.members[8].role = "operational"
      for (const f of s.framing.facilitation.facilitators) (f.role = "lead"), (f.profile = "lineManager")
    })
    assert.deepStrictEqual(of(withGuest, "ELI-05"), [])
  })
  it("ELI-07 lists the agents of the perimeter with no recorded invitation before composition", () => {
    const json = mutate((s) => {
      announced(s)
      s.invitations = s.invitations.filter((i: any) => i.agentId !== "agt-013" && i.agentId !== "agt-014")
    })
    const v = of(json, "ELI-07", at("2026-02-10T00:00:00Z"))
    assert.deepStrictEqual(kinds(v), [["advisory", ["invitations"]]])
    assert.match(v[0]!.message.fr, /^2 agents du périmètre n'ont reçu aucune invitation : Mme Pauline Girard et M. Olivier Petit\./)
  })
  it("ELI-07 counts a collective invitation, is silenced by an exclusion with a reason, and stops at composition", () => {
    const collective = mutate((s) => {
      announced(s)
      s.invitations = s.invitations.filter((i: any) => i.agentId !== "agt-013" && i.agentId !== "agt-014")
      s.collectiveInvitations = [{ at: "2026-02-06T08:30:00.000Z", channel: "email", units: ["ut33-uc3-s4"] }]
    })
    assert.deepStrictEqual(of(collective, "ELI-07"), [])
    const excluded = mutate((s) => {
      announced(s)
      s.invitations = s.invitations.filter((i: any) => i.agentId !== "agt-013")
      s.exclusions = [{ agentId: "agt-013", at: "2026-02-06T08:30:00.000Z", reason: "Congé de longue durée" }]
    })
    assert.deepStrictEqual(of(excluded, "ELI-07"), [])
    const composed = mutate((s) => (s.invitations = s.invitations.filter((i: any) => i.agentId !== "agt-013")))
    assert.deepStrictEqual(of(composed, "ELI-07"), [])
  })
})

describe("version 2 — size, facilitation, confidentiality", () => {
  it("SIZ-02 counts the members present, not those enrolled", () => {
    const json = mutate((s) => (s.sessions[3].attendees = ["agt-001", "agt-f01", "agt-f02"]))
    const v = of(json, "SIZ-02")
    assert.deepStrictEqual(kinds(v), [["blocking", ["sessions", 3, "attendees"]]])
    assert.match(v[0]!.message.fr, /a réuni 1 membre présent : il en faut au moins 2/)
    assert.deepStrictEqual(of(mutate((s) => (s.sessions[3].attendees = ["agt-001", "agt-002"])), "SIZ-02"), [])
  })
  it("SIZ-02 does not count a member twice, nor a member who had withdrawn", () => {
    const twice = mutate((s) => (s.sessions[3].attendees = ["agt-001", "agt-001"]))
    assert.lengthOf(of(twice, "SIZ-02"), 1)
    const withdrawn = mutate((s) => {
      s.sessions[3].attendees = ["agt-001", "agt-002"]
      s.members[1].withdrawnAt = "2026-09-01T00:00:00.000Z"
    })
    assert.lengthOf(of(withdrawn, "SIZ-02"), 1)
  })
  it("ANI-04 refuses a mandate that does not attest both capacities, and only advises a profile outside the note's examples", () => {
    const solo = (s: any, mandate: Record<string, unknown>, profile = "hr") => {
      s.framing.facilitation = {
        mode: "solo",
        soloReason: "Un seul agent formé",
        facilitators: [{ ...s.framing.facilitation.facilitators[0], profile, mandate: { by: "DDETS", at: "2026-01-20T10:00:00.000Z", ...mandate } }]
      }
    }
    const none = of(mutate((s) => solo(s, {}, "executive")), "ANI-04")
    assert.deepStrictEqual(kinds(none), [
      ["blocking", ["framing", "facilitation", "facilitators", 0, "mandate", "canFacilitate"]],
      ["blocking", ["framing", "facilitation", "facilitators", 0, "mandate", "canStepBack"]]
    ])
    const oneOfTwo = of(mutate((s) => solo(s, { canFacilitate: true }, "executive")), "ANI-04")
    assert.deepStrictEqual(kinds(oneOfTwo), [["blocking", ["framing", "facilitation", "facilitators", 0, "mandate", "canStepBack"]]])
    const hr = of(mutate((s) => solo(s, { canFacilitate: true, canStepBack: true })), "ANI-04")
    assert.deepStrictEqual(kinds(hr), [["advisory", ["framing", "facilitation", "facilitators", 0, "profile"]]])
    assert.match(hr[0]!.message.fr, /un représentant de la fonction RH/)
    assert.notMatch(hr[0]!.message.fr, /\bhr\b/)
  })
  it("ANI-07 is a guarantee: no warning when a solo facilitator delegates nothing", () => {
    assert.strictEqual(Rules.get("ANI-07").kind, "guarantee")
    const json = mutate((s) => {
      s.framing.facilitation = {
        mode: "solo",
        soloReason: "Un seul agent formé",
        facilitators: [{ ...s.framing.facilitation.facilitators[0], profile: "executive", mandate: { by: "DDETS", at: "2026-01-20T10:00:00.000Z", canFacilitate: true, canStepBack: true } }]
      }
      s.delegations = []
    })
    assert.deepStrictEqual(of(json, "ANI-07"), [])
  })
  it("ANI-08 makes the mode follow the count: one facilitator declared as a pair is not refused", () => {
    const v = of(mutate((s) => s.framing.facilitation.facilitators.pop()), "ANI-08")
    assert.deepStrictEqual(v, [])
  })
  it("CNF-03 states that minutes outside the group show an unvalidated arbitration « en cours de validation »", () => {
    assert.match(Rules.get("CNF-03").title.fr, /« en cours de validation »/)
  })
  it("CNF-07 accepts facilitators and the session's guests in the attendance, and no one else", () => {
    assert.deepStrictEqual(of(complete(), "CNF-07"), [])
    const v = of(mutate((s) => s.sessions[1].attendees.push("agt-g01")), "CNF-07")
    assert.deepStrictEqual(kinds(v), [["blocking", ["sessions", 1, "attendees", 11]]])
  })
  it("CNF-08 is in the registry: identity is stable, a rename is explicit", () => {
    const rule = Rules.get("CNF-08")
    assert.strictEqual(rule.kind, "blocking")
    assert.strictEqual(rule.family, "confidentiality")
  })
})

describe("version 2 — sessions", () => {
  /** A one-session exchange: the questions are chosen, then a case is presented, in the same session. */
  const oneSession = (items: ReadonlyArray<{ title: string; nature: string }>) =>
    mutate((s) => {
      s.sessions[0].agenda.items = items
      s.sessions[0].presentations = [{ ...s.sessions[1].presentations[0], id: "pres-0" }]
      s.sessions[0].attendees = s.sessions[1].attendees
    })
  it("SES-01 lets a session present a case on a question it chose earlier in its agenda", () => {
    const json = oneSession([
      { title: "Choix des questions de travail", nature: "questionChoice" },
      { title: "Exposé d'un cas", nature: "experienceSharing" }
    ])
    assert.deepStrictEqual(of(json, "SES-01"), [])
  })
  it("SES-01 refuses a case placed before the choice of the questions in the agenda", () => {
    const json = oneSession([
      { title: "Exposé d'un cas", nature: "experienceSharing" },
      { title: "Choix des questions de travail", nature: "questionChoice" }
    ])
    assert.deepStrictEqual(kinds(of(json, "SES-01")), [["blocking", ["sessions", 0, "presentations", 0, "questionId"]]])
    const noChoice = oneSession([{ title: "Exposé d'un cas", nature: "experienceSharing" }])
    assert.lengthOf(of(noChoice, "SES-01"), 1)
    const choiceOnly = oneSession([{ title: "Choix des questions de travail", nature: "questionChoice" }])
    assert.lengthOf(of(choiceOnly, "SES-01"), 1)
  })
  it("SES-01 refuses a case on a question chosen in a later session", () => {
    const json = mutate((s) => (s.questions[0].chosenInSession = "ses-3"))
    assert.deepStrictEqual(kinds(of(json, "SES-01")), [
      ["blocking", ["sessions", 1, "presentations", 0, "questionId"]],
      ["blocking", ["sessions", 1, "presentations", 1, "questionId"]],
      ["blocking", ["sessions", 1, "presentations", 2, "questionId"]]
    ])
  })
  it("SES-08 refuses a presenter who is a member but not present at the session", () => {
    const json = mutate((s) => (s.sessions[1].attendees = s.sessions[1].attendees.filter((a: string) => a !== "agt-002")))
    const v = of(json, "SES-08")
    assert.deepStrictEqual(kinds(v), [["blocking", ["sessions", 1, "presentations", 1, "presenter"]]])
    assert.match(v[0]!.message.fr, /n'est pas consignée comme présente/)
  })
  it("SES-08 refuses a facilitator presenting a case", () => {
    const json = mutate((s) => (s.sessions[1].presentations[1].presenter = "agt-f01"))
    const v = of(json, "SES-08")
    assert.deepStrictEqual(kinds(v), [["blocking", ["sessions", 1, "presentations", 1, "presenter"]]])
    assert.match(v[0]!.message.fr, /qui anime le groupe : à tour de rôle, c'est un membre du groupe qui présente le cas/)
  })
  it("SES-09 advises less than 45 minutes for choosing the questions before the first case", () => {
    const timed = (choice: number) =>
      mutate((s) => {
        s.sessions[0].agenda.items = s.sessions[0].agenda.items.map((it: any) => ({
          ...it,
          durationMinutes: it.nature === "questionChoice" ? choice : 30
        }))
      })
    const v = of(timed(30), "SES-09")
    assert.deepStrictEqual(kinds(v), [["advisory", ["sessions", 1, "agenda"]]])
    assert.match(v[0]!.message.fr, /ne consacrent que 30 minutes au choix des questions/)
    assert.deepStrictEqual(of(timed(45), "SES-09"), [])
    assert.lengthOf(of(timed(45), "SES-09", undefined, { minQuestionChoiceMinutes: 60 }), 1)
  })
  it("SES-09 adds the time of several sessions, and stays silent when the agendas carry no durations", () => {
    assert.deepStrictEqual(of(complete(), "SES-09"), [])
    const spanning = mutate((s) => {
      s.sessions[0].agenda.items = [{ title: "Premier tour des questions", nature: "questionChoice", durationMinutes: 30 }]
      s.sessions[1].agenda.items.unshift({ title: "Choix définitif des questions", nature: "questionChoice", durationMinutes: 20 })
    })
    assert.deepStrictEqual(of(spanning, "SES-09"), [])
  })
})

describe("version 2 — restitution", () => {
  it("RES-01 is blocking and an obligation: calendar and agendas are due to line managers", () => {
    const rule = Rules.get("RES-01")
    assert.strictEqual(rule.kind, "blocking")
    assert.strictEqual(rule.alsoKind, "obligation")
    assert.deepStrictEqual(rule.parameters.map((p) => p.key), ["calendarDueDays"])
  })
  it("RES-07 is an obligation of the direction's communication of the work, not an advisory", () => {
    const rule = Rules.get("RES-07")
    assert.strictEqual(rule.kind, "obligation")
    assert.deepStrictEqual(rule.parameters.map((p) => p.key), ["resultsCommunicationDueDays"])
    assert.deepStrictEqual(of(mutate((s) => (s.communications = s.communications.filter((c: any) => c.about !== "results"))), "RES-07"), [])
  })
})
