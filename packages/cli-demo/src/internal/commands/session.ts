/** `session …`: the session commands, each building one lifecycle command. */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Option from "effect/Option"
import { lifecycle, many, optionalText, session, text } from "./shared.js"

const schedule = lifecycle(
  "schedule",
  "ScheduleSession",
  "Planifie une séance (LIF-06)",
  {
    session,
    kind: Options.choice("kind", ["questionChoice", "casework"]).pipe(Options.withDefault("casework")),
    date: text("date", "Date et heure ISO 8601 / date and time"),
    duration: Options.integer("duration").pipe(Options.withDescription("Durée en minutes / minutes"), Options.withDefault(180)),
    venue: optionalText("venue", "Salle (adaptée : équipée, calme, fermée) / venue (suitable)")
  },
  (a) => ({
    sessionId: a.session,
    kind: a.kind,
    scheduledAt: a.date,
    durationMinutes: a.duration,
    ...(Option.isSome(a.venue) ? { venue: { name: a.venue.value, equipped: true, quiet: true, private: true } } : {})
  })
)
const agenda = lifecycle(
  "agenda",
  "SetAgenda",
  "Fixe l'ordre du jour (SES-06, PUR-04) ; --item \"nature:titre\" ou \"titre\"",
  { session, items: many("item", "Point de l'ordre du jour / agenda item") },
  (a) => ({
    sessionId: a.session,
    items: a.items.map((item) => {
      const m = /^([a-zA-Z]+):(.*)$/.exec(item)
      return m === null ? { title: item } : { nature: m[1], title: m[2]!.trim() }
    })
  })
)
const hold = lifecycle("hold", "HoldSession", "Consigne la tenue d'une séance et les présents", { session, attendees: many("attendee", "Membre présent / attendee") }, (a) => ({
  sessionId: a.session,
  attendees: a.attendees
}))
const reschedule = lifecycle(
  "reschedule",
  "RescheduleSession",
  "Déplace une séance programmée : nouvelle date, durée ou salle, avec un motif (LIF-07, LIF-08)",
  {
    session,
    date: optionalText("date", "Nouvelle date et heure ISO 8601 / new date and time"),
    duration: Options.integer("duration").pipe(Options.withDescription("Nouvelle durée en minutes / new duration in minutes"), Options.optional),
    venue: optionalText("venue", "Nouvelle salle (adaptée : équipée, calme, fermée) / new venue (suitable)"),
    reason: text("reason", "Motif / reason")
  },
  (a) => ({
    sessionId: a.session,
    ...(Option.isSome(a.date) ? { scheduledAt: a.date.value } : {}),
    ...(Option.isSome(a.duration) ? { durationMinutes: a.duration.value } : {}),
    ...(Option.isSome(a.venue) ? { venue: { name: a.venue.value, equipped: true, quiet: true, private: true } } : {}),
    reason: a.reason
  })
)
const cancel = lifecycle("cancel", "CancelSession", "Annule une séance", { session, reason: text("reason", "Motif / reason") }, (a) => ({ sessionId: a.session, reason: a.reason }))
const questions = lifecycle(
  "questions",
  "ChooseQuestions",
  "Le groupe choisit ses questions de travail (SES-01) ; --question \"q1=Titre\"",
  { session, questions: many("question", "Question \"id=titre\"") },
  (a) => ({
    sessionId: a.session,
    questions: a.questions.map((q) => {
      const i = q.indexOf("=")
      return i < 0 ? { id: q, title: q } : { id: q.slice(0, i).trim(), title: q.slice(i + 1).trim() }
    })
  })
)
const arbitrate = lifecycle(
  "arbitrate",
  "Arbitrate",
  "Arbitrage du groupe sur une variante (ARB-01)",
  {
    session,
    variant: text("variant", "Variante / variant"),
    outcome: Options.choice("outcome", ["desirable", "conditional", "discontinue"]),
    conditions: many("condition", "Condition (si conditional)")
  },
  (a) => ({ sessionId: a.session, variantId: a.variant, outcome: a.outcome, conditions: a.conditions })
)
const validate = lifecycle("validate", "ValidateArbitrations", "Le groupe valide des arbitrages (ANI-06)", { session, variants: many("variant", "Variante / variant") }, (a) => ({
  sessionId: a.session,
  variantIds: a.variants
}))
const trainingNeed = lifecycle(
  "training-need",
  "RecordTrainingNeed",
  "Consigne un besoin de formation (RES-03)",
  { session, need: text("need", "Identifiant / ID"), description: text("description", "Description") },
  (a) => ({ sessionId: a.session, needId: a.need, description: a.description })
)

/** `session …`: schedule, agenda, reschedule, hold, cancel, questions, arbitrate, validate, training-need. */
export const sessionCommand = Command.make("session").pipe(
  Command.withDescription("Séances : planifier, ordre du jour, déplacer, tenue, questions, arbitrages / sessions"),
  Command.withSubcommands([schedule, agenda, reschedule, hold, cancel, questions, arbitrate, validate, trainingNeed])
)
