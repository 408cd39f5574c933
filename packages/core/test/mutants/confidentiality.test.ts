/**
 * CNF — confidentiality: consent before a testimonial is published, and
 * only the group in the room.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

describe("CNF-05", () => {
  cases("CNF-05", [
    {
      title: "CNF-05 refuses a testimonial published without consent",
      json: mutate((s) => delete s.testimonials[0].consentAt),
      expect: [
        {
          kind: "blocking",
          path: ["testimonials", 0, "consentAt"],
          fr: /^Le témoignage n° 1 a été publié sans le consentement consigné de son auteur ou de son autrice\.$/,
          en: "Testimonial no. 1 was published without its author's recorded consent."
        }
      ]
    },
    {
      title: "CNF-05 refuses a testimonial published before the consent, with both dates",
      json: mutate((s) => (s.testimonials[0].consentAt = "2026-12-10T08:31:00.000Z")),
      expect: [
        {
          kind: "blocking",
          path: ["testimonials", 0, "consentAt"],
          fr: /^Le témoignage n° 1 a été publié \(10 décembre 2026\) avant le consentement de son auteur ou de son autrice \(10 décembre 2026\)\.$/,
          en: "Testimonial no. 1 was published (2026-12-10) before its author's consent (2026-12-10)."
        }
      ]
    },
    {
      title: "CNF-05 names the testimonial by its rank, never by its author or its words (a name next to a statement)",
      json: mutate((s) => {
        s.testimonials.unshift({ id: "tem-0", agentId: "agt-003", text: "Un témoignage pas encore publié." })
        delete s.testimonials[1].consentAt
      }),
      expect: [
        {
          kind: "blocking",
          path: ["testimonials", 1, "consentAt"],
          fr: /^Le témoignage n° 2 a été publié sans le consentement consigné de son auteur ou de son autrice\.$/,
          en: "Testimonial no. 2 was published without its author's recorded consent."
        }
      ]
    },
    {
      title: "CNF-05 accepts a consent given at the moment of publication, and an unpublished testimonial without consent",
      json: mutate((s) => {
        s.testimonials[0].consentAt = s.testimonials[0].publishedAt
        s.testimonials.push({ id: "tem-2", agentId: "agt-003", text: "Un témoignage pas encore publié." })
      }),
      expect: []
    }
  ])
})

describe("CNF-07", () => {
  cases("CNF-07", [
    {
      title: "CNF-07 refuses an agent in the room who is not a member, a facilitator or a guest of that session",
      json: mutate((s) => {
        s.sessions[1].attendees.push("agt-010")
        s.sessions[1].attendees.push("agt-g01")
      }),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "attendees", 11],
          fr: /^M\. Mathieu Roux assiste à la 2e séance \(18 mai 2026\) sans être membre du groupe, animateur ou invité de la séance : ce qui se dit dans le groupe y reste\.$/,
          en: "Mathieu Roux attends the 2nd session (2026-05-18) without being a member, a facilitator or a guest of that session."
        },
        { kind: "blocking", path: ["sessions", 1, "attendees", 12], fr: /^Mme Anne Besson assiste à la 2e séance \(18 mai 2026\) sans être membre du groupe, animateur ou invité de la séance : ce qui se dit dans le groupe y reste\.$/ }
      ]
    },
    {
      title: "CNF-07 refuses a member who had withdrawn by the session",
      json: mutate((s) => (s.members[0].withdrawnAt = "2026-09-01T00:00:00.000Z")),
      expect: [{ kind: "blocking", path: ["sessions", 3, "attendees", 0] }]
    }
  ])
})
