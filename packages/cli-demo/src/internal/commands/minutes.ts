/** `minutes …`: the minutes commands, each building one lifecycle command. */
import * as Command from "@effect/cli/Command"
import { lifecycle, optionalText, session, some, text } from "./shared.js"

const draft = lifecycle(
  "draft",
  "DraftMinutes",
  "Rédige (ou corrige) le compte rendu (RES-09)",
  { session, summary: text("summary", "Texte / summary"), correction: optionalText("correction", "Motif de la correction d'une version envoyée") },
  (a) => ({ sessionId: a.session, summary: a.summary, ...some(a.correction, "correction") })
)
const finalise = lifecycle("finalise", "FinaliseMinutes", "Les animateurs finalisent le compte rendu (RES-09)", { session }, (a) => ({ sessionId: a.session }))
const send = lifecycle("send", "SendMinutes", "La personne ressource envoie le compte rendu à l'encadrement (RES-01, RES-02, CNF-06)", { session }, (a) => ({
  sessionId: a.session
}))

/** `minutes …`: draft, finalise, send. */
export const minutes = Command.make("minutes").pipe(
  Command.withDescription("Comptes rendus : rédiger, finaliser, envoyer / minutes"),
  Command.withSubcommands([draft, finalise, send])
)
