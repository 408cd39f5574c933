/**
 * ANI — facilitation: pair or solo (by count, not by the declared mode), the
 * lead and the resource person, a line manager's partner, the solo
 * facilitator's mandate and profile, training, validation, the count.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

const facilitators = (s: any) => s.framing.facilitation.facilitators
/** agt-f01 alone (its declared mode left as "pair": the count decides). */
const solo = (extra: Record<string, unknown> = {}) => (s: any) => {
  s.framing.facilitation.facilitators = [{ ...facilitators(s)[0], ...extra }]
}
const mandated = { mandate: { by: "DDETS de la Gironde", at: "2026-01-20T00:00:00.000Z", canFacilitate: true, canStepBack: true } }
const third = (s: any, extra: Record<string, unknown> = {}) => facilitators(s).push({ ...facilitators(s)[1], agentId: "agt-g01", ...extra })
const P = ["framing", "facilitation", "facilitators"]

describe("ANI-01", () => {
  cases("ANI-01", [
    {
      title: "ANI-01 advises a reason for a solo facilitator, whatever mode was declared",
      json: mutate(solo(mandated)),
      expect: [
        {
          kind: "advisory",
          path: ["framing", "facilitation", "soloReason"],
          fr: /^La coanimation en binôme est à privilégier : le choix d'un animateur seul n'est pas motivé \(pourquoi un binôme n'a pas pu être constitué\)\.$/,
          en: "A pair is preferred: the choice of a solo facilitator has no stated reason."
        }
      ]
    },
    {
      title: "ANI-01 is satisfied by a stated reason",
      json: mutate((s) => {
        solo(mandated)(s)
        s.framing.facilitation.soloReason = "Aucun second animateur formé dans le service"
      }),
      expect: []
    }
  ])
})

describe("ANI-02", () => {
  cases("ANI-02", [
    {
      title: "ANI-02 advises one lead and a resource person, counting both (two leads)",
      json: mutate((s) => (facilitators(s)[1].role = "lead")),
      expect: [
        {
          kind: "advisory",
          path: P,
          fr: /^La coanimation par celui qui porte la démarche et une personne ressource est à privilégier : l'animation compte 2 porteurs de la démarche et 0 personne ressource\.$/,
          en: "The pair should join one lead of the approach and a resource person (leads: 2, resource persons: 0)."
        }
      ]
    },
    {
      title: "ANI-02 advises a lead when both are resource persons, in the singular and plural",
      json: mutate((s) => (facilitators(s)[0].role = "resource")),
      expect: [{ kind: "advisory", path: P, fr: /l'animation compte 0 porteur de la démarche et 2 personnes ressources\.$/, en: /\(leads: 0, resource persons: 2\)/ }]
    },
    {
      title: "ANI-02 accepts a wider facilitation with one lead and resource persons",
      json: mutate((s) => third(s)),
      expect: []
    },
    {
      title: "ANI-02 applies to a wider facilitation with two leads",
      json: mutate((s) => third(s, { role: "lead" })),
      expect: [{ kind: "advisory", path: P, fr: /2 porteurs de la démarche et 1 personne ressource\.$/ }]
    },
    {
      title: "ANI-02 does not apply to a solo facilitator",
      json: mutate(solo({ ...mandated, role: "resource" })),
      expect: []
    }
  ])
})

describe("ANI-03", () => {
  const profiles = (...ps: ReadonlyArray<string>) => (s: any) => ps.forEach((p, i) => (facilitators(s)[i].profile = p))
  cases("ANI-03", [
    {
      title: "ANI-03 advises a technical partner for a line manager",
      json: mutate(profiles("lineManager", "executive")),
      expect: [
        {
          kind: "advisory",
          path: P,
          fr: /^Le binôme comprend un manager de proximité : l'autre animateur a de préférence un profil plus technique, pas un profil d'encadrant, pour éviter une démarche trop descendante\.$/,
          en: "The pair includes a line manager: the other facilitator should have a more technical profile, not a manager's."
        }
      ]
    },
    {
      title: "ANI-03 accepts a line manager with a technical partner",
      json: mutate(profiles("lineManager", "technical")),
      expect: []
    },
    {
      title: "ANI-03 does not apply to a pair without a line manager",
      json: mutate(profiles("executive", "executive")),
      expect: []
    },
    {
      title: "ANI-03 counts two line managers as managers",
      json: mutate(profiles("lineManager", "lineManager")),
      expect: [{ kind: "advisory", path: P }]
    },
    {
      title: "ANI-03 applies to a wider facilitation",
      json: mutate((s) => {
        profiles("lineManager", "technical")(s)
        third(s, { profile: "executive" })
      }),
      expect: [{ kind: "advisory", path: P }]
    },
    {
      title: "ANI-03 does not apply to a solo facilitator",
      json: mutate(solo({ ...mandated, profile: "lineManager" })),
      expect: []
    }
  ])
})

describe("ANI-04", () => {
  const F0 = [...P, 0]
  cases("ANI-04", [
    {
      title: "ANI-04 refuses a solo facilitator without a mandate",
      json: mutate(solo({ profile: "executive" })),
      expect: [
        {
          kind: "blocking",
          path: [...F0, "mandate"],
          fr: /^Mme Catherine Vidal, qui anime seule, n'est pas mandatée par l'administration\.$/,
          en: "Catherine Vidal, the solo facilitator, is not mandated by the administration."
        }
      ]
    },
    {
      title: "ANI-04 refuses a mandate that attests neither capacity, and advises on a profile the note does not cite",
      json: mutate(solo({ profile: "technical", mandate: { by: "DDETS", at: "2026-01-20T00:00:00.000Z" } })),
      expect: [
        {
          kind: "blocking",
          path: [...F0, "mandate", "canFacilitate"],
          fr: /^Le mandat de Mme Catherine Vidal, qui anime seule, n'atteste pas sa capacité à jouer un rôle de facilitateur\.$/,
          en: "The mandate of Catherine Vidal, the solo facilitator, does not attest their capacity to act as a facilitator."
        },
        {
          kind: "blocking",
          path: [...F0, "mandate", "canStepBack"],
          fr: /^Le mandat de Mme Catherine Vidal, qui anime seule, n'atteste pas sa capacité à prendre de la distance par rapport à son propre positionnement dans l'organisation\.$/,
          en: "The mandate of Catherine Vidal, the solo facilitator, does not attest their capacity to step back from their own position in the organisation."
        },
        {
          kind: "advisory",
          path: [...F0, "profile"],
          fr: /^Mme Catherine Vidal, qui anime seule, est un profil technique : la note cite en exemple un cadre, un manager ou un expert métier ; ce profil est possible si le mandat en atteste les capacités\.$/,
          en: "Catherine Vidal, the solo facilitator, is a technical profile: the note gives an executive, a manager or an occupation expert as examples; this profile is possible when the mandate attests the capacities."
        }
      ]
    },
    {
      title: "ANI-04 refuses a mandate that attests one capacity only",
      json: mutate(solo({ profile: "lineManager", mandate: { ...mandated.mandate, canStepBack: false } })),
      expect: [{ kind: "blocking", path: [...F0, "mandate", "canStepBack"] }]
    },
    {
      title: "ANI-04 accepts a mandated line manager, executive or occupation expert",
      json: mutate(solo({ profile: "occupationExpert", ...mandated })),
      expect: []
    },
    {
      title: "ANI-04 accepts a mandated line manager",
      json: mutate(solo({ profile: "lineManager", ...mandated })),
      expect: []
    },
    {
      title: "ANI-04 does not apply to a pair",
      json: mutate((s) => (facilitators(s)[0].profile = "technical")),
      expect: []
    }
  ])
})

describe("ANI-05", () => {
  cases("ANI-05", [
    {
      title: "ANI-05 refuses an untrained facilitator and one trained after the first session",
      json: mutate((s) => {
        delete facilitators(s)[0].training
        facilitators(s)[1].training.completedAt = "2026-03-16T09:31:00.000Z"
      }),
      expect: [
        {
          kind: "blocking",
          path: [...P, 0, "training"],
          fr: /^Mme Catherine Vidal, qui anime le groupe, n'est pas formée à une méthodologie d'animation : tout animateur doit l'être avant la première séance\.$/,
          en: "Catherine Vidal, a facilitator, is not trained in a facilitation method."
        },
        {
          kind: "blocking",
          path: [...P, 1, "training"],
          fr: /^M\. Stéphane Garnier, qui anime le groupe, a été formé \(16 mars 2026\) après la première séance \(16 mars 2026\)\.$/,
          en: "Stéphane Garnier, a facilitator, was trained (2026-03-16) after the first session (2026-03-16)."
        }
      ]
    },
    {
      title: "ANI-05 accepts a training completed as the first session starts",
      json: mutate((s) => (facilitators(s)[1].training.completedAt = "2026-03-16T09:30:00.000Z")),
      expect: []
    },
    {
      title: "ANI-05 waits for a first session",
      json: mutate((s) => {
        s.state = "charterAdopted"
        s.sessions = []
        s.questions = []
        s.trainingNeeds = []
        for (const k of ["conclusions", "restitution", "directionResponse", "review", "closedAt"]) delete s[k]
        s.actions = []
        s.testimonials = []
        s.communications = s.communications.filter((c: any) => c.about === "approach")
        delete facilitators(s)[0].training
      }),
      at: "2026-03-10T00:00:00Z",
      expect: []
    }
  ])
})

describe("ANI-06", () => {
  cases("ANI-06", [
    {
      title: "ANI-06 refuses conclusions listing a variant whose arbitration the group has not validated",
      json: mutate((s) => delete s.sessions[1].variants[0].validatedAt),
      expect: [
        {
          kind: "blocking",
          path: ["conclusions", "variantIds", 0],
          fr: /^Le relevé de conclusions reprend la variante « Annoncer oralement les suites envisagées en fin de contrôle, en rappelant la pr… », dont l'arbitrage n'a pas été validé par le groupe\.$/,
          en: 'The statement of conclusions lists variant "Annoncer oralement les suites envisagées en fin de contrôle, en rappelant la pr…", whose arbitration the group has not validated.'
        }
      ]
    }
  ])
})

describe("ANI-08", () => {
  cases("ANI-08", [
    {
      title: "ANI-08 refuses a facilitation without facilitators",
      json: mutate((s) => (s.framing.facilitation.facilitators = [])),
      expect: [
        {
          kind: "blocking",
          path: P,
          fr: /^L'animation ne compte aucun animateur : elle est assurée en binôme ou par une personne seule\.$/,
          en: "Facilitation has no facilitator: it is done by a pair or by one person."
        }
      ]
    },
    {
      title: "ANI-08 advises on three facilitators, and accepts one or two",
      json: mutate((s) => third(s)),
      expect: [
        {
          kind: "advisory",
          path: P,
          fr: /^L'animation compte 3 animateurs : la note prévoit principalement deux modalités, en binôme ou seul\.$/,
          en: "Facilitation has 3 facilitators: the note mainly provides for two modes, a pair or one person."
        }
      ]
    },
    {
      title: "ANI-08 accepts a solo facilitator",
      json: mutate(solo(mandated)),
      expect: []
    }
  ])
})

describe("a framing without facilitation", () => {
  const none = mutate((s) => delete s.framing.facilitation)
  for (const rule of ["ANI-01", "ANI-02", "ANI-03", "ANI-04", "ANI-05", "ANI-08"] as const) {
    cases(rule, [{ title: `${rule} says nothing of a framing that has no facilitation yet (LIF-02 does)`, json: none, expect: [] }])
  }
})
