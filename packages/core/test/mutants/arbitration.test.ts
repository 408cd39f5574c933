/**
 * ARB — arbitration: one arbitration per variant once concluded, conditions
 * stated, and a statement of conclusions of arbitrated variants only.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

describe("ARB-01", () => {
  cases("ARB-01", [
    {
      title: "ARB-01 refuses a variant left without arbitration as soon as the exchange is concluded, and says so",
      json: mutate((s) => {
        s.state = "concluded"
        delete s.sessions[2].variants[1].arbitration
      }),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 2, "variants", 1, "arbitration"],
          fr: /^La variante « Rédiger un rapport d'incident circonstancié le jour même de toute obstruction e… » de la 3e séance \(6 juillet 2026\) n'a pas été arbitrée par le groupe\.$/,
          en: "Variant \"Rédiger un rapport d'incident circonstancié le jour même de toute obstruction e…\" of the 3rd session (2026-07-06) has not been arbitrated by the group."
        }
      ]
    },
    {
      title: "ARB-01 refuses « possible à certaines conditions » when every condition is blank, and says so",
      json: mutate((s) => (s.sessions[2].variants[0].arbitration.conditions = ["  ", ""])),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 2, "variants", 0, "arbitration", "conditions"],
          fr: /^La variante « Mener seul un premier contrôle de chantier sur signalement\. » est jugée « possible à certaines conditions » sans que ces conditions soient énoncées\.$/,
          en: 'Variant "Mener seul un premier contrôle de chantier sur signalement." is arbitrated "possible under conditions" without stating the conditions.'
        }
      ]
    },
    {
      title: "ARB-01 accepts conditions of which one is stated",
      json: mutate((s) => (s.sessions[2].variants[0].arbitration.conditions = ["  ", "en prévenant un collègue"])),
      expect: []
    }
  ])
})

describe("ARB-03", () => {
  cases("ARB-03", [
    {
      title: "ARB-03 refuses a statement of conclusions that lists a variant twice, once",
      json: mutate((s) => {
        delete s.sessions[1].variants[1].arbitration
        s.conclusions.variantIds = ["var-1", "var-3", "var-4", "var-3", "var-5", "var-6", "var-7"]
      }),
      expect: [
        {
          kind: "blocking",
          path: ["conclusions", "variantIds", 3],
          fr: /^Le relevé de conclusions reprend deux fois la variante « Répondre point par point à chaque courriel comminatoire du conseil d'une entrep… »\.$/,
          en: "The statement of conclusions lists variant \"Répondre point par point à chaque courriel comminatoire du conseil d'une entrep…\" twice."
        }
      ]
    },
    {
      title: "ARB-03 refuses a statement of conclusions that lists a variant not arbitrated, at its place",
      json: mutate((s) => {
        s.state = "inSessions"
        delete s.sessions[1].variants[1].arbitration
      }),
      at: "2026-10-06T00:00:00Z",
      expect: [
        {
          kind: "blocking",
          path: ["conclusions", "variantIds", 1],
          fr: /^Le relevé de conclusions reprend la variante « Reporter l'annonce des suites à un entretien au bureau\. », qui n'a pas été arbitrée\.$/,
          en: "The statement of conclusions lists variant \"Reporter l'annonce des suites à un entretien au bureau.\", which has not been arbitrated."
        }
      ]
    }
  ])
})
