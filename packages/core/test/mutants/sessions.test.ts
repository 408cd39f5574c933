/**
 * SES — sessions (step 2): questions chosen before the cases, open
 * questions, traces, presentations per session and in turn, agendas, what a
 * presentation records, who presents, and time to choose the questions.
 */
import { describe } from "@effect/vitest"
import { mutate } from "../fixtures.js"
import { cases, type Expected } from "./harness.js"

const ordinal = (n: number) => (n === 1 ? "1er" : `${n}e`)
const ordinalEn = (n: number) => ["1st", "2nd", "3rd"][n - 1]!
const item = (nature: string, extra: Record<string, unknown> = {}) => ({ title: `Point ${nature}`, nature, ...extra })
/** q-1 chosen in ses-2, where its three presentations are given. */
const chosenInSes2 = (s: any) => (s.questions[0].chosenInSession = "ses-2")
/** The three presentations of ses-2 refused by SES-01. */
const ses2Refused: ReadonlyArray<Expected> = [0, 1, 2].map((pi) => ({
  kind: "blocking" as const,
  path: ["sessions", 1, "presentations", pi, "questionId"],
  fr: new RegExp(
    `^Le ${ordinal(pi + 1)} exposé de la 2e séance \\(18 mai 2026\\) porte sur la question « Annoncer les suites d'un contrôle \\(observations, mise en demeure, procès-verbal… », que le groupe n'avait pas encore choisie : dans une même séance, le choix des questions précède les exposés dans l'ordre du jour\\.$`
  ),
  en: `The ${ordinalEn(pi + 1)} presentation of the 2nd session (2026-05-18) is about the question "Annoncer les suites d'un contrôle (observations, mise en demeure, procès-verbal…", which the group had not chosen yet: within a session, the choice of questions comes first in the agenda.`
}))

describe("SES-01", () => {
  cases("SES-01", [
    {
      title: "SES-01 refuses presentations on a question chosen in the same session without an item of choice before them",
      json: mutate(chosenInSes2),
      expect: ses2Refused
    },
    {
      title: "SES-01 accepts presentations on a question chosen earlier in the same session's agenda",
      json: mutate((s) => {
        chosenInSes2(s)
        s.sessions[1].agenda.items.unshift(item("questionChoice"))
      }),
      expect: []
    },
    {
      title: "SES-01 refuses presentations when the choice comes after the work in the agenda",
      json: mutate((s) => {
        chosenInSes2(s)
        s.sessions[1].agenda.items.push(item("questionChoice"))
      }),
      expect: ses2Refused
    },
    {
      title: "SES-01 refuses presentations when nothing after the choice is work on a case",
      json: mutate((s) => {
        chosenInSes2(s)
        s.sessions[1].agenda.items = [item("questionChoice"), item("method"), item("synthesis")]
      }),
      expect: ses2Refused
    },
    {
      title: "SES-01 accepts, after the choice, an item on the question or an item of work on a case",
      json: mutate((s) => {
        chosenInSes2(s)
        s.questions[1].chosenInSession = "ses-3"
        s.sessions[1].agenda.items = [item("questionChoice"), item("method", { questionId: "q-1" })]
        s.sessions[2].agenda.items = [item("method"), item("questionChoice"), item("processAnalysis")]
      }),
      expect: []
    },
    {
      title: "SES-01 refuses presentations on a question chosen in a later session",
      json: mutate((s) => (s.questions[0].chosenInSession = "ses-3")),
      expect: ses2Refused
    },
    {
      title: "SES-01 refuses presentations on a question chosen in a cancelled session",
      json: mutate((s) => {
        s.sessions[0].status = "cancelled"
        delete s.sessions[0].heldAt
      }),
      expect: [...ses2Refused, ...[0, 1, 2].map((pi) => ({ kind: "blocking" as const, path: ["sessions", 2, "presentations", pi, "questionId"] })), ...[0, 1].map((pi) => ({ kind: "blocking" as const, path: ["sessions", 3, "presentations", pi, "questionId"] }))]
    },
    {
      title: "SES-01 orders two sessions at the same time by their place in the list",
      json: mutate((s) => {
        s.sessions[0].scheduledAt = s.sessions[1].scheduledAt
        s.sessions[0].heldAt = s.sessions[1].heldAt
      }),
      expect: []
    },
    {
      title: "SES-01 refuses a question chosen in a session at the same time but later in the list",
      json: mutate((s) => {
        s.questions[0].chosenInSession = "ses-3"
        s.sessions[2].scheduledAt = s.sessions[1].scheduledAt
        s.sessions[2].heldAt = s.sessions[1].heldAt
      }),
      expect: ses2Refused
    },
    {
      title: "SES-01 accepts a question chosen outside sessions on the session's own date, and refuses one chosen after it",
      json: mutate((s) => {
        delete s.questions[0].chosenInSession
        s.questions[0].chosenAt = s.sessions[1].scheduledAt
        delete s.questions[1].chosenInSession
        s.questions[1].chosenAt = "2026-07-06T09:31:00.000Z"
      }),
      expect: [0, 1, 2].map((pi) => ({ kind: "blocking" as const, path: ["sessions", 2, "presentations", pi, "questionId"], fr: new RegExp(`^Le ${ordinal(pi + 1)} exposé de la 3e séance \\(6 juillet 2026\\) porte sur la question « Contrôler un chantier quand l'accès est refusé ou retardé »`) }))
    },
    {
      title: "SES-01 refuses presentations on a question never chosen",
      json: mutate((s) => {
        delete s.questions[0].chosenInSession
        delete s.questions[0].chosenAt
      }),
      expect: ses2Refused
    }
  ])
})

describe("SES-02", () => {
  const allOpen = (s: any) => {
    for (const q of s.questions) q.status = "open"
  }
  cases("SES-02", [
    {
      title: "SES-02 advises against more open questions than the local maximum",
      json: mutate(allOpen),
      config: { maxOpenQuestions: 2 },
      expect: [
        {
          kind: "advisory",
          path: ["questions"],
          fr: /^3 questions de travail sont ouvertes en même temps : il est recommandé de travailler sur quelques thématiques à la fois \(au plus 2\)\.$/,
          en: "3 work questions are open at once: working on a few questions (at most 2) is advised."
        }
      ]
    },
    {
      title: "SES-02 accepts as many open questions as the maximum",
      json: mutate(allOpen),
      expect: []
    },
    {
      title: "SES-02 does not count an open question not yet chosen",
      json: mutate((s) => {
        allOpen(s)
        delete s.questions[2].chosenInSession
        delete s.questions[2].chosenAt
      }),
      config: { maxOpenQuestions: 2 },
      expect: []
    }
  ])
})

describe("SES-03", () => {
  cases("SES-03", [
    {
      title: "SES-03 refuses a presentation without a trace or with a blank one",
      json: mutate((s) => {
        delete s.sessions[1].presentations[0].trace
        s.sessions[2].presentations[1].trace.description = "  "
      }),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "presentations", 0, "trace"],
          fr: /^Le 1er exposé de la 2e séance \(18 mai 2026\) ne s'appuie sur aucune trace de l'activité décrite \(compte rendu, courriel, courrier, notes…\)\.$/,
          en: "The 1st presentation of the 2nd session (2026-05-18) rests on no described trace of activity."
        },
        { kind: "blocking", path: ["sessions", 2, "presentations", 1, "trace"], fr: /^Le 2e exposé de la 3e séance \(6 juillet 2026\) ne s'appuie sur aucune trace de l'activité décrite \(compte rendu, courriel, courrier, notes…\)\.$/ }
      ]
    }
  ])
})

describe("SES-04", () => {
  cases("SES-04", [
    {
      title: "SES-04 advises against more presentations in a session than the maximum",
      json: mutate(() => undefined),
      config: { maxPresentationsPerSession: 2 },
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 1, "presentations"],
          fr: /^La 2e séance \(18 mai 2026\) compte 3 exposés : il est recommandé de n'en mettre en débat que deux ou trois par séance \(au plus 2\)\.$/,
          en: "The 2nd session (2026-05-18) has 3 presentations: two or three per session are advised (at most 2)."
        },
        { kind: "advisory", path: ["sessions", 2, "presentations"] }
      ]
    }
  ])
})

describe("SES-05", () => {
  /** pres-8 (ses-4) given again by agt-001, when only agt-008 has never presented. */
  const again = (s: any) => (s.sessions[3].presentations[1].presenter = "agt-001")
  cases("SES-05", [
    {
      title: "SES-05 advises turns when a member presents again while others never have, counting them",
      json: mutate((s) => (s.sessions[2].presentations[0].presenter = "agt-001")),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 2, "presentations", 0, "presenter"],
          fr: /^Le 1er exposé de la 3e séance \(6 juillet 2026\) est un nouvel exposé du même membre alors que 5 membres n'ont encore jamais présenté : les membres présentent à tour de rôle\.$/,
          en: "The 1st presentation of the 3rd session (2026-07-06) is another presentation by the same member while 5 members have never presented."
        }
      ]
    },
    {
      title: "SES-05 says « 1 membre n'a » in the singular",
      json: mutate(again),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 3, "presentations", 1, "presenter"],
          fr: /alors que 1 membre n'a encore jamais présenté : /,
          en: "The 2nd presentation of the 4th session (2026-09-21) is another presentation by the same member while 1 member has never presented."
        }
      ]
    },
    {
      title: "SES-05 does not wait for a resource person to present",
      json: mutate((s) => {
        again(s)
        s.members[7].role = "resource"
      }),
      expect: []
    },
    {
      title: "SES-05 does not wait for a member who has withdrawn",
      json: mutate((s) => {
        again(s)
        s.members[7].withdrawnAt = "2026-09-01T00:00:00.000Z"
      }),
      expect: []
    }
  ])
})

describe("SES-06", () => {
  cases("SES-06", [
    {
      title: "SES-06 refuses a session held with an empty agenda",
      json: mutate((s) => (s.sessions[1].agenda.items = [])),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "agenda"],
          fr: /^La 2e séance \(18 mai 2026\) s'est tenue sans ordre du jour\.$/,
          en: "The 2nd session (2026-05-18) was held without an agenda."
        }
      ]
    },
    {
      title: "SES-06 refuses an agenda set after the session, and accepts one set at its start",
      json: mutate((s) => {
        s.sessions[1].agenda.setAt = "2026-05-18T09:31:00.000Z"
        s.sessions[2].agenda.setAt = "2026-07-06T09:30:00.000Z"
      }),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "agenda"],
          fr: /^L'ordre du jour de la 2e séance \(18 mai 2026\) a été fixé \(18 mai 2026\) après la séance \(18 mai 2026\)\.$/,
          en: "The agenda of the 2nd session (2026-05-18) was set (2026-05-18) after the session (2026-05-18)."
        }
      ]
    }
  ])
})

describe("SES-07", () => {
  cases("SES-07", [
    {
      title: "SES-07 names everything a presentation does not record, at the first missing field",
      json: mutate((s) => {
        const p = s.sessions[1].presentations[0]
        p.situation = " "
        p.result = ""
        const q = s.sessions[2].presentations[0]
        q.context = " "
        q.reasons = ""
      }),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "presentations", 0, "situation"],
          fr: /^Le 1er exposé de la 2e séance \(18 mai 2026\) ne consigne pas les éléments de la situation et le résultat de l'activité\.$/,
          en: /^The 1st presentation of the 2nd session \(2026-05-18\) does not record: situation, result\.$/
        },
        {
          kind: "blocking",
          path: ["sessions", 2, "presentations", 0, "context"],
          fr: /^Le 1er exposé de la 3e séance \(6 juillet 2026\) ne consigne pas le contexte de production et les raisons des choix faits\.$/,
          en: /^The 1st presentation of the 3rd session \(2026-07-06\) does not record: context, reasons\.$/
        }
      ]
    }
  ])
})

describe("SES-08", () => {
  cases("SES-08", [
    {
      title: "SES-08 refuses a presenter who was absent",
      json: mutate((s) => (s.sessions[1].attendees = s.sessions[1].attendees.filter((a: string) => a !== "agt-002"))),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "presentations", 1, "presenter"],
          fr: /^Le 2e exposé de la 2e séance \(18 mai 2026\) est présenté par une personne qui n'est pas consignée comme présente à cette séance\.$/,
          en: "The 2nd presentation of the 2nd session (2026-05-18) is given by someone who is not recorded as present at that session."
        }
      ]
    },
    {
      title: "SES-08 refuses a facilitator as presenter, saying that members present in turn",
      json: mutate((s) => (s.sessions[1].presentations[0].presenter = "agt-f01")),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "presentations", 0, "presenter"],
          fr: /^Le 1er exposé de la 2e séance \(18 mai 2026\) est présenté par une personne qui anime le groupe : à tour de rôle, c'est un membre du groupe qui présente le cas\.$/,
          en: "The 1st presentation of the 2nd session (2026-05-18) is given by someone who is not a member of the group on that date."
        }
      ]
    },
    {
      title: "SES-08 refuses a present agent who is not a member",
      json: mutate((s) => {
        s.sessions[1].presentations[0].presenter = "agt-010"
        s.sessions[1].attendees.push("agt-010")
      }),
      expect: [
        {
          kind: "blocking",
          path: ["sessions", 1, "presentations", 0, "presenter"],
          fr: /^Le 1er exposé de la 2e séance \(18 mai 2026\) est présenté par une personne qui n'est pas membre du groupe à cette date\.$/
        }
      ]
    },
    {
      title: "SES-08 refuses a member who had withdrawn by the session",
      json: mutate((s) => (s.members[1].withdrawnAt = "2026-05-01T00:00:00.000Z")),
      expect: [{ kind: "blocking", path: ["sessions", 1, "presentations", 1, "presenter"], fr: /^Le 2e exposé de la 2e séance \(18 mai 2026\) est présenté par une personne qui n'est pas membre du groupe à cette date\.$/ }]
    }
  ])
})

describe("SES-09", () => {
  cases("SES-09", [
    {
      title: "SES-09 advises more time for the choice of questions before the first case",
      json: mutate((s) => (s.sessions[0].agenda.items[2].durationMinutes = 20)),
      expect: [
        {
          kind: "advisory",
          path: ["sessions", 1, "agenda"],
          fr: /^Les ordres du jour ne consacrent que 20 minutes au choix des questions avant le premier exposé, à la 2e séance \(18 mai 2026\) : il faut prévoir de consacrer un temps conséquent à cette étape \(au moins 45 minutes\)\.$/,
          en: "The agendas allot only 20 minutes to choosing the questions before the first case, in the 2nd session (2026-05-18): a substantial time is needed (at least 45 minutes)."
        }
      ]
    },
    {
      title: "SES-09 says « 1 minute » in the singular",
      json: mutate((s) => (s.sessions[0].agenda.items[2].durationMinutes = 1)),
      expect: [{ kind: "advisory", path: ["sessions", 1, "agenda"], fr: /ne consacrent que 1 minute au choix/, en: /allot only 1 minute to/ }]
    },
    {
      title: "SES-09 accepts exactly the local minimum",
      json: mutate((s) => (s.sessions[0].agenda.items[2].durationMinutes = 30)),
      config: { minQuestionChoiceMinutes: 30 },
      expect: []
    },
    {
      title: "SES-09 adds the choice items of every session up to the first case's own",
      json: mutate((s) => {
        s.sessions[0].agenda.items[2].durationMinutes = 20
        s.sessions[1].agenda.items.unshift(item("questionChoice", { durationMinutes: 25 }))
      }),
      expect: []
    },
    {
      title: "SES-09 counts neither other items nor sessions after the first case",
      json: mutate((s) => {
        s.sessions[0].agenda.items[2].durationMinutes = 20
        s.sessions[0].agenda.items[1].durationMinutes = 60
        s.sessions[2].agenda.items.unshift(item("questionChoice", { durationMinutes: 60 }))
      }),
      expect: [{ kind: "advisory", path: ["sessions", 1, "agenda"], fr: /ne consacrent que 20 minutes / }]
    },
    {
      title: "SES-09 finds the first case by an agenda item on a question, before any presentation",
      json: mutate((s) => {
        s.sessions[0].agenda.items[2].durationMinutes = 20
        s.sessions[0].agenda.items[3].questionId = "q-1"
      }),
      expect: [{ kind: "advisory", path: ["sessions", 0, "agenda"], fr: /^Les ordres du jour ne consacrent que 20 minutes au choix des questions avant le premier exposé, à la 1re séance \(16 mars 2026\) : il faut prévoir de consacrer un temps conséquent à cette étape \(au moins 45 minutes\)\.$/ }]
    },
    {
      title: "SES-09 says nothing when no agenda item has a duration",
      json: mutate(() => undefined),
      expect: []
    }
  ])
})
