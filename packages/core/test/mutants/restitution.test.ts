/**
 * RES — restitution: who transmits the minutes, the statement of
 * conclusions, and the versions of the minutes (RES-01, RES-04, RES-09).
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

const sent = (si: number, mi: number) => ["sessions", si, "minutes", mi, "sentAt"]
const finalised = (si: number, mi: number) => ["sessions", si, "minutes", mi, "finalisedAt"]

describe("RES-01", () => {
  cases("RES-01", [
    {
      title: "RES-01 refuses every sent version of the minutes when no liaison was designated, and says so",
      json: mutate((s) => delete s.liaison),
      expect: [sent(0, 0), sent(1, 0), sent(1, 1), sent(2, 0), sent(3, 0)].map((path, i) => ({
        kind: "blocking" as const,
        path,
        fr: new RegExp(`^Le compte rendu de la ${["1re séance \\(16 mars", "2e séance \\(18 mai", "2e séance \\(18 mai", "3e séance \\(6 juillet", "4e séance \\(21 septembre"][i]} 2026\\) a été envoyé sans que le groupe ait désigné la personne ressource chargée de le transmettre\\.$`),
        ...(i === 0 ? { en: "The minutes of the 1st session (2026-03-16) were sent although no liaison was designated to transmit them." } : {})
      }))
    },
    {
      title: "RES-01 does not count minutes never sent",
      json: mutate((s) => {
        delete s.liaison
        for (const session of s.sessions) for (const m of session.minutes) delete m.sentAt
        s.sessions[2].minutes[0].sentAt = "2026-07-16T10:00:00.000Z"
      }),
      expect: [{ kind: "blocking", path: sent(2, 0) }]
    },
    {
      title: "RES-01 refuses minutes sent after the liaison withdrew, naming the liaison and the date",
      json: mutate((s) => (s.members[7].withdrawnAt = "2026-09-01T00:00:00.000Z")),
      expect: [
        {
          kind: "blocking",
          path: sent(3, 0),
          fr: /^Le compte rendu de la 4e séance \(21 septembre 2026\) a été envoyé \(30 septembre 2026\) alors que la personne ressource, Mme Isabelle Moreau, n'était pas membre du groupe à cette date\.$/,
          en: "The minutes of the 4th session (2026-09-21) were sent (2026-09-30) while the liaison, Isabelle Moreau, was not a member on that date."
        }
      ]
    }
  ])
})

describe("RES-04", () => {
  cases("RES-04", [
    {
      title: "RES-04 refuses a closed exchange whose conclusions were not circulated, and says so",
      json: mutate((s) => delete s.conclusions.circulatedAt),
      expect: [
        {
          kind: "blocking",
          path: ["conclusions", "circulatedAt"],
          fr: /^L'échange est au stade « clos » mais le relevé de conclusions n'a pas été diffusé\.$/,
          en: 'The exchange is in state "closed" but the statement of conclusions has not been circulated.'
        }
      ]
    },
    {
      title: "RES-04 refuses a concluded exchange without a statement of conclusions, and says so",
      json: mutate((s) => {
        s.state = "concluded"
        delete s.conclusions
      }),
      expect: [
        {
          kind: "blocking",
          path: ["conclusions"],
          fr: /^L'échange est au stade « conclu » sans relevé de conclusions\.$/,
          en: 'The exchange is in state "concluded" without a statement of conclusions.'
        }
      ]
    },
    {
      title: "RES-04 waits for the exchange to be concluded",
      json: mutate((s) => {
        s.state = "inSessions"
        delete s.conclusions
      }),
      at: "2026-10-01T00:00:00Z",
      expect: []
    }
  ])
})

describe("RES-09", () => {
  cases("RES-09", [
    {
      title: "RES-09 refuses a version finalised before it was drafted",
      json: mutate((s) => (s.sessions[0].minutes[0].finalisedAt = "2026-03-17T14:59:00.000Z")),
      expect: [
        {
          kind: "blocking",
          path: finalised(0, 0),
          fr: /^La version 1 du compte rendu de la 1re séance \(16 mars 2026\) est finalisée avant d'avoir été rédigée\.$/,
          en: "Version 1 of the minutes of the 1st session (2026-03-16) is finalised before it was drafted."
        }
      ]
    },
    {
      title: "RES-09 accepts a version finalised the moment it was drafted",
      json: mutate((s) => (s.sessions[0].minutes[0].finalisedAt = s.sessions[0].minutes[0].draftedAt)),
      expect: []
    },
    {
      title: "RES-09 refuses a version sent without being finalised",
      json: mutate((s) => delete s.sessions[2].minutes[0].finalisedAt),
      expect: [
        {
          kind: "blocking",
          path: finalised(2, 0),
          fr: /^La version 1 du compte rendu de la 3e séance \(6 juillet 2026\) a été envoyée sans avoir été finalisée par les animateurs\.$/,
          en: "Version 1 of the minutes of the 3rd session (2026-07-06) was sent before the facilitators finalised it."
        }
      ]
    },
    {
      title: "RES-09 refuses a version finalised after it was sent, and accepts one finalised as it is sent",
      json: mutate((s) => {
        s.sessions[2].minutes[0].finalisedAt = "2026-07-16T10:01:00.000Z"
        s.sessions[3].minutes[0].finalisedAt = s.sessions[3].minutes[0].sentAt
      }),
      expect: [{ kind: "blocking", path: finalised(2, 0) }]
    },
    {
      title: "RES-09 refuses a version sent when a newer version was already drafted",
      json: mutate((s) => (s.sessions[1].minutes[1].draftedAt = "2026-05-26T12:00:00.000Z")),
      expect: [
        {
          kind: "blocking",
          path: sent(1, 0),
          fr: /^La version 1 du compte rendu de la 2e séance \(18 mai 2026\) a été envoyée \(27 mai 2026\) alors qu'une version 2 la remplaçait déjà\.$/,
          en: "Version 1 of the minutes of the 2nd session (2026-05-18) was sent (2026-05-27) although version 2 already superseded it."
        }
      ]
    },
    {
      title: "RES-09 accepts a new version drafted the moment the previous one is sent",
      json: mutate((s) => (s.sessions[1].minutes[1].draftedAt = s.sessions[1].minutes[0].sentAt)),
      expect: []
    }
  ])
})
