/**
 * CHA — the group's working rules (step 1) and the equity of speaking time.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

/** The example before its sessions are held, without working rules. */
const noCharter = (state: string, sessions: boolean) =>
  mutate((s) => {
    s.state = state
    delete s.charter
    if (sessions) return
    s.sessions = []
    s.questions = []
    s.trainingNeeds = []
    for (const k of ["conclusions", "restitution", "directionResponse", "review"]) delete s[k]
    s.actions = []
    s.testimonials = []
    s.communications = s.communications.filter((c: any) => c.about === "approach")
  })

describe("CHA-01", () => {
  cases("CHA-01", [
    {
      title: "CHA-01 refuses an exchange whose rules are adopted in state but not recorded, and says so",
      json: noCharter("charterAdopted", false),
      at: "2026-03-10T00:00:00Z",
      expect: [
        {
          kind: "blocking",
          path: ["charter"],
          fr: /^Le groupe n'a pas adopté ses règles de travail avant ses séances de travail\.$/,
          en: "The group has not adopted its working rules before its sessions."
        }
      ]
    },
    {
      title: "CHA-01 refuses a session planned by a group without rules, even before the rules' state",
      json: noCharter("composed", true),
      at: "2026-03-10T00:00:00Z",
      expect: [{ kind: "blocking", path: ["charter"] }]
    },
    {
      title: "CHA-01 does not ask a composed group without sessions for its rules yet",
      json: noCharter("composed", false),
      at: "2026-03-10T00:00:00Z",
      expect: []
    },
    {
      title: "CHA-01 names the other three items in French words when they are missing",
      json: mutate((s) => (s.charter.items = ["confidentiality", "facilitationModalities"])),
      expect: [
        {
          kind: "blocking",
          path: ["charter", "items"],
          fr: /^Les règles de travail du groupe ne comprennent pas : respect des propos d'autrui, absence de jugement ; équité dans les temps de parole et la valeur des propos ; engagement de participation sur la durée du cycle\.$/
        }
      ]
    },
    {
      title: "CHA-01 names every missing item of the rules, in French words",
      json: mutate((s) => (s.charter.items = ["respectNoJudgement", "speakingEquity", "attendanceCommitment"])),
      expect: [
        {
          kind: "blocking",
          path: ["charter", "items"],
          fr: /^Les règles de travail du groupe ne comprennent pas : confidentialité des échanges ; modalités d'animation\.$/,
          en: /^The group's rules lack: confidentiality.*, .*facilitation.*\.$/i
        }
      ]
    },
    {
      title: "CHA-01 refuses a session scheduled before the rules were adopted, with both dates",
      json: mutate((s) => (s.charter.adoptedAt = "2026-03-16T09:31:00.000Z")),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 0, "scheduledAt"],
          fr: /^La 1re séance \(16 mars 2026\) précède l'adoption des règles de travail du groupe \(16 mars 2026\)\.$/,
          en: "The 1st session (2026-03-16) precedes the adoption of the group's rules (2026-03-16)."
        }
      ]
    },
    {
      title: "CHA-01 accepts rules adopted the moment the first session starts",
      json: mutate((s) => (s.charter.adoptedAt = "2026-03-16T09:30:00.000Z")),
      expect: []
    }
  ])
})

describe("CHA-02", () => {
  const two = (s: any) => (s.sessions[0].speakingTimes = [
    { participant: "agt-001", seconds: 3600 },
    { participant: "agt-002", seconds: 400 }
  ])
  cases("CHA-02", [
    {
      title: "CHA-02 warns of unequal speaking times between two speakers, with the Gini coefficient and the longest share",
      json: mutate(two),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 0, "speakingTimes"],
          fr: /^Temps de parole inégaux à la 1re séance \(16 mars 2026\) : coefficient de Gini de 0,4 \(seuil : 0,35\) ; la personne qui a le plus parlé a occupé 90 % du temps de parole\.$/,
          en: "Unequal speaking times in the 1st session (2026-03-16): Gini coefficient 0.4 (threshold 0.35); the longest speaker took 90% of the time."
        }
      ]
    },
    {
      title: "CHA-02 does not warn at the threshold itself",
      json: mutate(two),
      config: { speakingTimeGiniThreshold: 0.4 },
      expect: []
    },
    {
      title: "CHA-02 does not warn at the threshold itself, exactly (Gini 0.25 of 3000 s and 1000 s), and warns just below it",
      json: mutate((s) => (s.sessions[0].speakingTimes = [
        { participant: "agt-001", seconds: 3000 },
        { participant: "agt-002", seconds: 1000 }
      ])),
      config: { speakingTimeGiniThreshold: 0.25 },
      expect: []
    },
    {
      title: "CHA-02 warns when the Gini coefficient (0.25) passes a threshold of 0.24",
      json: mutate((s) => (s.sessions[0].speakingTimes = [
        { participant: "agt-001", seconds: 3000 },
        { participant: "agt-002", seconds: 1000 }
      ])),
      config: { speakingTimeGiniThreshold: 0.24 },
      expect: [{ kind: "advisory", path: ["sessions", 0, "speakingTimes"], fr: /coefficient de Gini de 0,25 \(seuil : 0,24\)/ }]
    },
    {
      title: "CHA-02 does not measure a single speaker",
      json: mutate((s) => {
        for (const session of s.sessions) delete session.speakingTimes
        s.sessions[0].speakingTimes = [{ participant: "agt-001", seconds: 3000 }]
      }),
      config: { speakingTimeGiniThreshold: 0 },
      expect: []
    }
  ])
})
