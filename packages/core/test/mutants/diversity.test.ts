/**
 * DIV — diversity of the composition: what the pool allowed and the group
 * lacks, counted and said in both languages.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

const agentOf = (s: any, id: string) => s.agents.find((a: any) => a.id === id)
const members = ["agt-001", "agt-002", "agt-003", "agt-004", "agt-005", "agt-006", "agt-007", "agt-008", "agt-009"]
/** agt-004 joins the 30-39 band and a volunteer outside the group offers « <30 ». */
const ageGap = (s: any) => {
  agentOf(s, "agt-004").ageBand = "30-39"
  agentOf(s, "agt-011").ageBand = "<30"
}
/** The example announced, before its composition, though its members are already recorded (the decoder allows it). */
const beforeComposition = (s: any) => {
  s.state = "announced"
  for (const k of ["charter", "conclusions", "restitution", "directionResponse", "review"]) delete s[k]
  s.sessions = []
  s.questions = []
  s.trainingNeeds = []
  s.actions = []
  s.testimonials = []
}

describe("DIV-01", () => {
  cases("DIV-01", [
    {
      title: "DIV-01 warns when the pool offered an age band the group lacks, with both counts",
      json: mutate(ageGap),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^Pour l'âge, le groupe présente 4 catégories alors que le vivier de volontaires en permettait 5 : la constitution du groupe vise, si possible, une diversité de profils\.$/,
          en: "For age, the group shows 4 categories whereas the volunteer pool allowed 5."
        }
      ]
    },
    {
      title: "DIV-01 says « 1 catégorie » in the singular",
      json: mutate((s) => {
        for (const id of members) agentOf(s, id).ageBand = "30-39"
        agentOf(s, "agt-011").ageBand = "<30"
      }),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^Pour l'âge, le groupe présente 1 catégorie alors que le vivier de volontaires en permettait 3 /,
          en: "For age, the group shows 1 category whereas the volunteer pool allowed 3."
        }
      ]
    },
    {
      title: "DIV-01 applies from composition on",
      json: mutate((s) => {
        ageGap(s)
        s.state = "composed"
      }),
      at: "2026-03-05T00:00:00Z",
      expect: [{ kind: "advisory", path: ["members"] }]
    },
    {
      title: "DIV-01 does not judge a group before its composition, even with members recorded",
      json: mutate((s) => {
        ageGap(s)
        beforeComposition(s)
      }),
      at: "2026-03-05T00:00:00Z",
      expect: []
    },
    {
      title: "DIV-01 says nothing of a group whose members have all withdrawn",
      json: mutate((s) => {
        ageGap(s)
        for (const m of s.members) m.withdrawnAt = "2026-12-20T00:00:00.000Z"
      }),
      expect: []
    }
  ])
})

describe("DIV-02", () => {
  /** Three occupations concerned; the assistant's occupation is offered only outside the group. */
  const threeConcerned = (s: any) => {
    s.framing.occupationsConcerned = ["inspecteur-travail", "controleur-travail", "assistant-controle"]
    agentOf(s, "agt-008").occupation = "inspecteur-travail"
    agentOf(s, "agt-010").occupation = "assistant-controle"
  }
  cases("DIV-02", [
    {
      title: "DIV-02 names the occupation concerned that the group lacks though a volunteer had it",
      json: mutate((s) => {
        for (const id of ["agt-002", "agt-005", "agt-006"]) agentOf(s, id).occupation = "inspecteur-travail"
        agentOf(s, "agt-008").contributesTo = ["inspecteur-travail"]
      }),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^1 métier concerné est représenté alors que le vivier de volontaires en permettait 2 ; il manque : Contrôleur ou contrôleuse du travail\.$/,
          en: "1 occupation concerned is represented whereas the pool allowed 2 (missing: Contrôleur ou contrôleuse du travail)."
        }
      ]
    },
    {
      title: "DIV-02 counts the occupations represented in the plural",
      json: mutate(threeConcerned),
      expect: [
        {
          kind: "advisory",
          path: ["members"],
          fr: /^2 métiers concernés sont représentés alors que le vivier de volontaires en permettait 3 ; il manque : Assistant ou assistante de contrôle\.$/,
          en: "2 occupations concerned are represented whereas the pool allowed 3 (missing: Assistant ou assistante de contrôle)."
        }
      ]
    },
    {
      title: "DIV-02 applies from composition on, not before",
      json: mutate((s) => {
        threeConcerned(s)
        s.state = "composed"
      }),
      at: "2026-03-05T00:00:00Z",
      expect: [{ kind: "advisory", path: ["members"] }]
    },
    {
      title: "DIV-02 does not judge a group before its composition, even with members recorded",
      json: mutate((s) => {
        threeConcerned(s)
        beforeComposition(s)
      }),
      at: "2026-03-05T00:00:00Z",
      expect: []
    },
    {
      title: "DIV-02 says nothing of a group whose members have all withdrawn",
      json: mutate((s) => {
        threeConcerned(s)
        for (const m of s.members) m.withdrawnAt = "2026-12-20T00:00:00.000Z"
      }),
      expect: []
    }
  ])
})
