/**
 * PUR — purpose and scope: objectives, main purpose, work questions anchored
 * in real work, excluded uses, and the wording that suggests one.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases } from "./harness.js"

describe("PUR-01", () => {
  cases("PUR-01", [
    {
      title: "PUR-01 refuses a framing without objectives, and names them",
      json: mutate((s) => (s.framing.objectives = [])),
      expect: [
        {
          kind: "blocking",
          path: ["framing", "objectives"],
          fr: /^Le cadrage ne déclare aucun objectif : régulation collective de l'activité, résolution d'un problème ou développement professionnel\.$/,
          en: "The framing declares no objective (collective regulation, problem resolution or professional development)."
        }
      ]
    }
  ])
})

describe("PUR-02", () => {
  cases("PUR-02", [
    {
      title: "PUR-02 refuses a framing without a main purpose, and names the two",
      json: mutate((s) => delete s.framing.purpose),
      expect: [
        {
          kind: "blocking",
          path: ["framing", "purpose"],
          fr: /^Le cadrage ne déclare pas la finalité principale de l'échange : résoudre des problèmes ou se professionnaliser\.$/,
          en: "The framing does not declare the exchange's main purpose (problem solving or professionalisation)."
        }
      ]
    }
  ])
})

describe("PUR-03", () => {
  cases("PUR-03", [
    {
      title: "PUR-03 refuses a question without a subject, another subject not described, and a question not anchored",
      json: mutate((s) => {
        delete s.questions[0].subject
        s.questions[1].subject = "other"
        s.questions[1].subjectDescription = " "
        s.questions[2].anchoring = ""
      }),
      expect: [
        {
          kind: "blocking",
          path: ["questions", 0, "subject"],
          fr: /^La question « Annoncer les suites d'un contrôle \(observations, mise en demeure, procès-verbal… » ne précise pas son objet : l'activité, les règles et processus, les ressources, les contraintes… ou un autre objet du travail, décrit en quelques mots\.$/,
          en: "The question \"Annoncer les suites d'un contrôle (observations, mise en demeure, procès-verbal…\" does not name its subject (activity, rules and processes, resources, constraints… or another subject described in a few words)."
        },
        {
          kind: "blocking",
          path: ["questions", 1, "subjectDescription"],
          fr: /^La question « Contrôler un chantier quand l'accès est refusé ou retardé » porte sur un autre objet du travail sans le décrire en quelques mots\.$/,
          en: "The question \"Contrôler un chantier quand l'accès est refusé ou retardé\" is about another subject of the work without describing it in a few words."
        },
        {
          kind: "blocking",
          path: ["questions", 2, "anchoring"],
          fr: /^La question « Faire face à l'agressivité à l'accueil et au téléphone » n'est pas ancrée dans une situation de travail réelle\.$/,
          en: "The question \"Faire face à l'agressivité à l'accueil et au téléphone\" is not anchored in a real work situation."
        }
      ]
    },
    {
      title: "PUR-03 refuses both a missing subject and a missing anchoring of one question",
      json: mutate((s) => {
        delete s.questions[0].subject
        s.questions[0].anchoring = " "
      }),
      expect: [
        { kind: "blocking", path: ["questions", 0, "subject"] },
        { kind: "blocking", path: ["questions", 0, "anchoring"] }
      ]
    }
  ])
})

describe("PUR-04", () => {
  cases("PUR-04", [
    {
      title: "PUR-04 refuses a question and an agenda item of an excluded nature, naming the nature",
      json: mutate((s) => {
        s.questions[1].nature = "callingAgentsIntoQuestion"
        s.sessions[1].agenda.items[2].nature = "aimlessDiscussion"
      }),
      expect: [
        {
          kind: "blocking",
          path: ["questions", 1, "nature"],
          fr: /^La question « Contrôler un chantier quand l'accès est refusé ou retardé » relève d'un usage que la note exclut : remise en cause des agents et de leurs pratiques professionnelles\.$/,
          en: "The question \"Contrôler un chantier quand l'accès est refusé ou retardé\" is an excluded use of an exchange: calling agents and their own practices into question."
        },
        {
          kind: "blocking",
          path: ["sessions", 1, "agenda", "items", 2, "nature"],
          fr: /^Le point « Besoins de formation identifiés » de l'ordre du jour de la 2e séance \(18 mai 2026\) relève d'un usage que la note exclut : discussion générale sans objectif\.$/,
          en: 'Agenda item "Besoins de formation identifiés" of the 2nd session (2026-05-18) is an excluded use: a general discussion without an objective.'
        }
      ]
    },
    {
      title: "PUR-04 reads sessions without an agenda",
      json: mutate((s) => {
        s.state = "inSessions"
        s.sessions[3].status = "scheduled"
        for (const k of ["agenda", "heldAt", "attendees", "presentations", "variants", "speakingTimes"]) delete s.sessions[3][k]
        s.sessions[3].minutes = []
        for (const k of ["conclusions", "restitution", "directionResponse", "review", "closedAt"]) delete s[k]
        s.actions = []
        s.testimonials = []
        s.questions[1].nature = "negotiation"
      }),
      at: "2026-09-01T00:00:00Z",
      expect: [{ kind: "blocking", path: ["questions", 1, "nature"] }]
    }
  ])
})

describe("PUR-06", () => {
  const q3 = (title: string) => (s: any) => (s.questions[2].title = title)
  const flagged = (entry: string, text: string) => ({
    kind: "advisory" as const,
    path: ["questions", 2, "title"],
    fr: new RegExp(`^La question « ${text} » évoque un usage que la note exclut \\(« ${entry} »\\) : les animateurs confirment sa nature avant d'en débattre\\.$`),
    en: `The question "${text}" suggests an excluded use ("${entry}"): the facilitators confirm its nature before it is discussed.`
  })
  cases("PUR-06", [
    {
      title: "PUR-06 flags a theme, a question and an agenda item whose wording suggests an excluded use",
      json: mutate((s) => {
        s.questions[2].title = "Répartition des Primes de fin d'année"
        s.sessions[1].agenda.items[2].title = "Retour sur le conflit entre collègues"
        s.framing.themes.push("Nos revendications")
      }),
      expect: [
        {
          kind: "advisory",
          path: ["framing", "themes", 1],
          fr: /^La thématique « Nos revendications » évoque un usage que la note exclut \(« revendication »\) : les animateurs confirment sa nature avant d'en débattre\.$/,
          en: 'The theme "Nos revendications" suggests an excluded use ("revendication"): the facilitators confirm its nature before it is discussed.'
        },
        flagged("prime", "Répartition des Primes de fin d'année"),
        {
          kind: "advisory",
          path: ["sessions", 1, "agenda", "items", 2, "title"],
          fr: /^Le point « Retour sur le conflit entre collègues » de l'ordre du jour de la 2e séance \(18 mai 2026\) évoque un usage que la note exclut \(« conflit entre collègues »\) : les animateurs confirment sa nature avant d'en débattre\.$/,
          en: 'The agenda item "Retour sur le conflit entre collègues" of the 2nd session (2026-05-18) suggests an excluded use ("conflit entre collègues"): the facilitators confirm its nature before it is discussed.'
        }
      ]
    },
    {
      title: "PUR-06 confirmed themes are not flagged, unconfirmed questions still are",
      json: mutate((s) => {
        s.framing.themes.push("Nos revendications")
        s.framing.themesNatureConfirmed = true
        s.questions[2].title = "Les primes"
      }),
      expect: [flagged("prime", "Les primes")]
    },
    {
      title: "PUR-06 does not flag a question already refused as an excluded use (PUR-04)",
      json: mutate((s) => {
        s.questions[2].title = "Les primes"
        s.questions[2].nature = "negotiation"
        s.sessions[1].agenda.items[2].title = "Les primes"
        s.sessions[1].agenda.items[2].nature = "negotiation"
      }),
      expect: []
    },
    {
      title: "PUR-06 matches a plural in s or x, not another ending",
      json: mutate((s) => {
        s.questions[0].title = "Des zorglubs"
        s.questions[1].title = "Des zorglubx"
        s.questions[2].title = "Des zorglubz"
      }),
      config: { excludedUseLexicon: ["zorglub"] },
      expect: [
        { kind: "advisory", path: ["questions", 0, "title"], fr: /\(« zorglub »\)/ },
        { kind: "advisory", path: ["questions", 1, "title"], fr: /\(« zorglub »\)/ }
      ]
    },
    {
      title: "PUR-06 reads an entry by its words, whatever surrounds them: « (prime) » matches « Les primes »",
      json: mutate(q3("Les primes")),
      config: { excludedUseLexicon: ["(prime)"] },
      expect: [
        {
          kind: "advisory",
          path: ["questions", 2, "title"],
          fr: /^La question « Les primes » évoque un usage que la note exclut \(« \(prime\) »\) : /,
          en: 'The question "Les primes" suggests an excluded use ("(prime)"): the facilitators confirm its nature before it is discussed.'
        }
      ]
    },
    {
      title: "PUR-06 matches a plural on the second word of an entry",
      json: mutate(q3("Des gros zorglubs")),
      config: { excludedUseLexicon: ["gros zorglub"] },
      expect: [flagged("gros zorglub", "Des gros zorglubs")]
    },
    {
      title: "PUR-06 matches an entry of several words up to the end of the text, and not a part of it",
      json: mutate((s) => {
        s.questions[0].title = "Un conflit entre"
        s.questions[1].title = "Un conflit entre voisins"
        s.questions[2].title = "Le conflit entre collègues"
      }),
      expect: [flagged("conflit entre collègues", "Le conflit entre collègues")]
    },
    {
      title: "PUR-06 tries every entry that starts with the same word",
      json: mutate(q3("Une décision prise")),
      config: { excludedUseLexicon: ["décision à prendre", "décision prise"] },
      expect: [flagged("décision prise", "Une décision prise")]
    },
    {
      title: "PUR-06 reads digits as part of a word",
      json: mutate(q3("Article L4121 du code")),
      config: { excludedUseLexicon: ["l4121"] },
      expect: [flagged("l4121", "Article L4121 du code")]
    },
    {
      title: "PUR-06 ignores a blank entry of the lexicon",
      json: mutate(q3("Les primes")),
      config: { excludedUseLexicon: ["  ", "prime"] },
      expect: [flagged("prime", "Les primes")]
    },
    {
      title: "PUR-06 flags nothing with an empty lexicon",
      json: mutate(q3("Les primes")),
      config: { excludedUseLexicon: [] },
      expect: []
    }
  ])
})
