/**
 * Generated cycles for property tests: a fast-check arbitrary of complete,
 * valid command sequences (every command accepted), with generated people
 * whose names never occur in the generated free text, and optionally one
 * participant's name planted in a free-text field (CNF-06).
 */
import * as FC from "effect/FastCheck"
import type { Command } from "../../src/index.js"

const syllables = ["za", "vor", "lin", "mé", "ko", "ran", "thé", "bul", "qui", "dax", "pé", "nor", "gal", "sir", "fu", "zan", "wé", "lok"]
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export interface Person {
  readonly id: string
  readonly civility: "Mme" | "M."
  readonly firstName: string
  readonly lastName: string
}

const nameArb = (n: number) => FC.array(FC.constantFrom(...syllables), { minLength: n, maxLength: n }).map((xs) => cap(xs.join("")))

/** n people with unique first and last names (first names ≥ 2 syllables, last names 3). */
export const peopleArb = (n: number): FC.Arbitrary<ReadonlyArray<Person>> =>
  FC.tuple(
    FC.uniqueArray(nameArb(2), { minLength: n, maxLength: n, selector: (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() }),
    FC.uniqueArray(nameArb(3), { minLength: n, maxLength: n, selector: (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase() }),
    FC.array(FC.boolean(), { minLength: n, maxLength: n })
  ).map(([firsts, lasts, sexes]) =>
    firsts.map((f, i) => ({
      id: `agt-g${i}`,
      civility: sexes[i] ? ("Mme" as const) : ("M." as const),
      firstName: i % 5 === 0 ? `${f}-${lasts[(i + 1) % n]!.slice(0, 3)}x` : f,
      lastName: lasts[i]!
    }))
  )

const words = [
  "le", "groupe", "a", "analysé", "une", "situation", "de", "contrôle", "tendue", "avec", "l'employeur", "dans",
  "entrepôt", "chantier", "visite", "courrier", "rapport", "suites", "pratique", "collègues", "écoute", "respect",
  "proposition", "amélioration", "usagers", "accueil", "délai", "ressource", "difficulté", "conditions", "travail",
  "échange", "formation", "œuvre", "« sécurité »", "d'abord", "ensuite", "équipe", "méthode", "prévention"
]
export const textArb = FC.array(FC.constantFrom(...words), { minLength: 3, maxLength: 14 }).map((ws) => {
  const s = ws.join(" ")
  return s.charAt(0).toUpperCase() + s.slice(1) + "."
})

export type Outcome = "desirable" | "conditional" | "discontinue"
export interface SessionPlan {
  readonly guest: boolean
  readonly presentations: ReadonlyArray<{ readonly text: string; readonly variants: ReadonlyArray<{ readonly outcome: Outcome; readonly text: string }> }>
  readonly summary: string
  readonly trainingNeed: string | undefined
}

export type LeakField = "summary" | "situation" | "variant" | "conclusions" | "review"
export type LeakForm = "full" | "last" | "civilityUpper" | "firstLower" | "firstUnaccented"
export interface Leak {
  readonly field: LeakField
  readonly person: number
  readonly form: LeakForm
}

export interface Plan {
  readonly people: ReadonlyArray<Person>
  readonly volunteers: number
  readonly members: number
  readonly sessions: ReadonlyArray<SessionPlan>
  readonly conclusions: string
  readonly review: string
  readonly stop: number
}

const sessionArb: FC.Arbitrary<SessionPlan> = FC.record({
  guest: FC.boolean(),
  presentations: FC.array(
    FC.record({
      text: textArb,
      variants: FC.array(FC.record({ outcome: FC.constantFrom<Outcome>("desirable", "conditional", "discontinue"), text: textArb }), {
        maxLength: 2
      })
    }),
    { maxLength: 3 }
  ),
  summary: textArb,
  trainingNeed: FC.option(textArb, { nil: undefined })
})

/** A plan: 14 generated people (2 facilitators, 1 guest, 11 invited). */
export const planArb: FC.Arbitrary<Plan> = FC.integer({ min: 2, max: 11 }).chain((volunteers) =>
  FC.record({
    people: peopleArb(14),
    volunteers: FC.constant(volunteers),
    members: FC.integer({ min: 2, max: volunteers }),
    sessions: FC.array(sessionArb, { minLength: 1, maxLength: 4 }),
    conclusions: textArb,
    review: textArb,
    stop: FC.double({ min: 0, max: 1, noNaN: true })
  })
)

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "")

/** The name of a person written in one of the forms people type. */
export const written = (p: Person, form: LeakForm): string => {
  switch (form) {
    case "full":
      return `${p.firstName} ${p.lastName}`
    case "last":
      return p.lastName
    case "civilityUpper":
      return `${p.civility} ${p.lastName.toUpperCase()}`
    case "firstLower":
      return p.firstName.toLowerCase()
    case "firstUnaccented":
      return fold(p.firstName)
  }
}

const plant = (text: string, name: string) => `${text.slice(0, -1)}, comme l'a dit ${name}.`

type C = Command.ExchangeCommandEncoded

/**
 * The commands of a complete cycle for a plan, in order; with a leak, the
 * named field carries a participant's name (the participant index is taken
 * modulo the participants: members, facilitators, guest).
 */
export const commandsOf = (plan: Plan, leak?: Leak): ReadonlyArray<C> => {
  const [f1, f2, guest, ...invited] = plan.people as [Person, Person, Person, ...Array<Person>]
  const agent = (p: Person, occupation = "occ-it", unit = "unit-a") => ({
    id: p.id,
    civility: p.civility,
    firstName: p.firstName,
    lastName: p.lastName,
    occupation,
    unit,
    functionHeld: "agent" as const
  })
  const volunteers = invited.slice(0, plan.volunteers)
  const members = volunteers.slice(0, plan.members)
  // Participants at the time the leaked field is released: the first
  // session's fields are sent before later sessions' guests take part.
  const early = leak !== undefined && (leak.field === "summary" || leak.field === "situation" || leak.field === "variant")
  const guestTookPart = early ? plan.sessions[0]?.guest === true : plan.sessions.some((s) => s.guest)
  const participants = [...members, f1, f2, ...(guestTookPart ? [guest] : [])]
  const leaked = leak === undefined ? undefined : written(participants[leak.person % participants.length]!, leak.form)
  const withLeak = (field: LeakField, text: string) => (leaked !== undefined && leak?.field === field ? plant(text, leaked) : text)
  const out: Array<C> = [
    { _tag: "Propose", exchangeId: "ech-gen", title: "Accueil des usagers", service: "Service généré", by: "direction" },
    {
      _tag: "Frame",
      framing: {
        form: "note",
        objectives: ["problemResolution"],
        purpose: "professionalisation",
        perimeter: { units: ["unit-a"] },
        occupationsConcerned: ["occ-it"],
        themes: ["Accueil des usagers en situation de tension"],
        facilitation: {
          mode: "pair",
          facilitators: [
            { agentId: f1.id, role: "lead", profile: "hr", training: { method: "GAP", completedAt: "2026-01-01T00:00:00.000Z" } },
            { agentId: f2.id, role: "resource", profile: "prevention", training: { method: "GAP", completedAt: "2026-01-01T00:00:00.000Z" } }
          ]
        },
        calendar: { plannedEnd: "2028-12-31T00:00:00.000Z" },
        dedicatedTime: { preparationHours: 2, participationHours: 10, facilitationHours: 10, formalisationHours: 4 },
        reviewForSocialDialogue: true
      },
      agents: [agent(f1, "occ-rh", "unit-rh"), agent(f2, "occ-prev", "unit-sg")]
    },
    { _tag: "Approve", by: "Direction" },
    { _tag: "Communicate", channel: "serviceMeeting", about: "approach" },
    { _tag: "Invite", agents: invited.map((p) => agent(p)) },
    ...volunteers.map((p): C => ({ _tag: "Volunteer", agentId: p.id })),
    { _tag: "Compose", members: members.map((p) => ({ agentId: p.id })) },
    { _tag: "DesignateLiaison", agentId: members[0]!.id },
    {
      _tag: "AdoptCharter",
      items: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"]
    }
  ]
  let v = 0
  let p = 0
  const validated: Array<string> = []
  plan.sessions.forEach((s, si) => {
    const sid = `s${si + 1}`
    out.push({
      _tag: "ScheduleSession",
      sessionId: sid,
      kind: si === 0 ? "questionChoice" : "casework",
      scheduledAt: new Date(Date.UTC(2027, si * 2, 10, 13)).toISOString(),
      venue: { name: "Salle A", equipped: true, quiet: true, private: true },
      guests: s.guest ? [{ agent: agent(guest, "occ-psy", "unit-sg"), role: "workPsychologist", reason: "Éclairage sur la charge émotionnelle" }] : []
    })
    // SES-01: in the session that chooses the questions, the choice comes first in the agenda.
    const work = { title: "Analyse de situations", nature: "experienceSharing" as const }
    out.push({
      _tag: "SetAgenda",
      sessionId: sid,
      items: si === 0 ? [{ title: "Choix des questions de travail", nature: "questionChoice" as const }, work] : [work]
    })
    // Some sessions move a day later once their agenda is set (RescheduleSession):
    // chosen from the plan's own text, so the generated values stay as they were.
    if (s.summary.length % 2 === 0) {
      out.push({ _tag: "RescheduleSession", sessionId: sid, scheduledAt: new Date(Date.UTC(2027, si * 2, 11, 13)).toISOString(), reason: "Salle indisponible" })
    }
    out.push({ _tag: "HoldSession", sessionId: sid, attendees: members.map((m) => m.id) })
    if (si === 0) {
      out.push({ _tag: "ChooseQuestions", sessionId: sid, questions: [{ id: "q1", title: "Comment accueillir un usager en colère ?", subject: "difficulties", anchoring: "Accueils du lundi matin" }] })
    }
    const variantIds: Array<string> = []
    s.presentations.forEach((pr, pi) => {
      const pid = `p${++p}`
      out.push({
        _tag: "RecordPresentation",
        sessionId: sid,
        presentation: {
          id: pid,
          presenter: members[(p - 1) % members.length]!.id,
          questionId: "q1",
          trace: { origin: "fromWork", type: "email", description: "Courriel reçu" },
          context: "Accueil du public.",
          situation: si === 0 && pi === 0 ? withLeak("situation", pr.text) : pr.text,
          reasons: "Préserver la relation.",
          result: "Situation apaisée."
        }
      })
      if (pr.variants.length > 0) {
        const ids = pr.variants.map(() => `v${++v}`)
        out.push({
          _tag: "RecordVariants",
          sessionId: sid,
          variants: pr.variants.map((x, k) => ({
            id: ids[k]!,
            questionId: "q1",
            presentationId: pid,
            description: si === 0 && pi === 0 && k === 0 ? withLeak("variant", x.text) : x.text
          }))
        })
        pr.variants.forEach((x, k) =>
          out.push({
            _tag: "Arbitrate",
            sessionId: sid,
            variantId: ids[k]!,
            outcome: x.outcome,
            ...(x.outcome === "conditional" ? { conditions: ["Avec l'accord de l'encadrant"] } : {})
          })
        )
        variantIds.push(...ids)
      }
    })
    if (variantIds.length > 0) {
      out.push({ _tag: "ValidateArbitrations", sessionId: sid, variantIds })
      validated.push(...variantIds)
    }
    if (s.trainingNeed !== undefined) out.push({ _tag: "RecordTrainingNeed", needId: `n${si + 1}`, sessionId: sid, description: s.trainingNeed })
    out.push({ _tag: "DraftMinutes", sessionId: sid, summary: si === 0 ? withLeak("summary", s.summary) : s.summary })
    out.push({ _tag: "FinaliseMinutes", sessionId: sid })
    out.push({ _tag: "SendMinutes", sessionId: sid })
  })
  out.push({ _tag: "Conclude", summary: withLeak("conclusions", plan.conclusions) })
  out.push({ _tag: "Restitute", form: "serviceMeeting" })
  out.push({ _tag: "RecordDirectionResponse", analysis: "La direction partage l'analyse.", plannedDecisions: ["Former les agents"] })
  out.push({ _tag: "AddAction", actionId: "a1", title: "Former les agents", owner: "Pôle RH", dueDate: "2028-06-30T00:00:00.000Z" })
  out.push({ _tag: "PresentReview", text: withLeak("review", plan.review), body: "CSA" })
  out.push({ _tag: "Close" })
  return out
}

/** The command that releases a leaked field outside the group. */
export const releasingCommand: { readonly [F in LeakField]: Command.CommandTag } = {
  summary: "SendMinutes",
  situation: "SendMinutes",
  variant: "SendMinutes",
  conclusions: "Conclude",
  review: "PresentReview"
}

export const leakArb: FC.Arbitrary<Leak> = FC.record({
  field: FC.constantFrom<LeakField>("summary", "situation", "variant", "conclusions", "review"),
  person: FC.nat(20),
  form: FC.constantFrom<LeakForm>("full", "last", "civilityUpper", "firstLower", "firstUnaccented")
})
