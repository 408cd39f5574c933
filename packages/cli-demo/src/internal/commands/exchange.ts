/**
 * `exchange …`: list, show, exec and the ergonomic lifecycle subcommands.
 * Declarations only; the handlers (`handlers/exchange.ts`, `Lifecycle.ts`)
 * are loaded when a command runs.
 */
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { common } from "../Common.js"
import * as L from "../Labels.js"
import {
  agent,
  at,
  exchangeArg,
  jsonValue,
  lifecycle,
  lifecycleHandlers,
  many,
  optionalText,
  page,
  serviceOption,
  some,
  text
} from "./shared.js"

const handlers = () => Effect.promise(() => import("../handlers/exchange.js"))
const input = () => Effect.promise(() => import("../Input.js"))

const exchangeList = Command.make(
  "list",
  {
    ...common,
    state: Options.choice("state", L.states).pipe(Options.withDescription("Filtrer par état / filter by state"), Options.optional),
    service: serviceOption,
    theme: Options.text("theme").pipe(
      Options.withDescription("Échanges dont l'une des thématiques est ce texte / exchanges with this theme"),
      Options.optional
    ),
    ...page
  },
  (a) => Effect.flatMap(handlers(), (h) => h.list(a, a.state, { service: a.service, theme: a.theme, limit: a.limit, cursor: a.cursor }))
).pipe(Command.withDescription("Liste les échanges (état, service, thématique, version), par page / list exchanges"))

const exchangeExec = Command.make(
  "exec",
  { exchange: exchangeArg, ...common, command: jsonValue("command", "Commande(s) de Command.ExchangeCommand (objet ou tableau, avec _tag)") },
  (a) => Effect.flatMap(handlers(), (h) => h.exec(a, a.exchange, a.command))
).pipe(Command.withDescription("Exécute toute commande du cycle, en JSON / run any lifecycle command as JSON"))

/** `show` and `exchange show`. */
export const exchangeShow = Command.make(
  "show",
  { exchange: exchangeArg, ...common, at },
  (a) => Effect.flatMap(handlers(), (h) => h.show(a, a.exchange, a.at))
).pipe(Command.withDescription("Affiche un échange : état, séances, conseils, obligations / show an exchange"))

const propose = lifecycle(
  "propose",
  "Propose",
  "Propose un échange (LIF-01)",
  {
    title: text("title", "Titre / title"),
    by: Options.choice("by", ["direction", "agents"]).pipe(Options.withDescription("Qui propose / proposed by")),
    service: optionalText("service", "Service"),
    description: optionalText("description", "Description")
  },
  (a) => ({ title: a.title, by: a.by, ...some(a.service, "service"), ...some(a.description, "description") })
)
const frame = Command.make(
  "frame",
  {
    exchange: exchangeArg,
    at,
    ...common,
    framing: jsonValue("framing", "Cadrage (champs de Framing, ou { framing, agents })"),
    agents: jsonValue("agents", "Fiches des animateurs pas encore connus (tableau d'Agent)").pipe(Options.optional)
  },
  (a) =>
    Effect.flatMap(Effect.zip(input(), lifecycleHandlers()), ([i, h]) =>
      i.withJson(a, a.framing, (value) => {
        const body = typeof value === "object" && value !== null && "framing" in value ? (value as Record<string, unknown>) : { framing: value }
        const run = (agents: unknown) =>
          h.execute(a, a.exchange, { _tag: "Frame", ...some(a.at, "at"), ...body, ...(agents === undefined ? {} : { agents }) })
        return Option.isSome(a.agents) ? i.withJson(a, a.agents.value, run) : run(undefined)
      })
    )
).pipe(Command.withDescription("Formalise le cadrage (LIF-02) [Frame]"))
const approve = lifecycle("approve", "Approve", "L'encadrement accepte l'échange (LIF-03)", { by: text("by", "Qui accepte / approved by") }, (a) => ({ by: a.by }))
const communicate = lifecycle(
  "communicate",
  "Communicate",
  "Communique sur la démarche ou ses résultats (LIF-04, RES-07)",
  {
    channel: Options.choice("channel", ["serviceMeeting", "email", "intranet", "poster", "newsletter", "other"]).pipe(Options.withDescription("Canal / channel")),
    about: Options.choice("about", ["approach", "results"]).pipe(Options.withDefault("approach"))
  },
  (a) => ({ channel: a.channel, about: a.about })
)
const invite = Command.make(
  "invite",
  {
    exchange: exchangeArg,
    at,
    ...common,
    agents: jsonValue("agents", "Agents invités (tableau d'Agent)").pipe(Options.optional),
    fromDirectory: Options.boolean("from-directory").pipe(Options.withDescription("Inviter les agents de l'annuaire importé (agents import) / invite from the directory")),
    unit: many("unit", "Avec --from-directory : seulement ces unités / only these units")
  },
  (a) => Effect.flatMap(handlers(), (h) => h.invite(a, a.exchange, { at: a.at, agents: a.agents, fromDirectory: a.fromDirectory, units: a.unit }))
).pipe(Command.withDescription("Invite les agents du périmètre (ELI-02, LIF-03) [Invite]"))
const volunteer = Command.make(
  "volunteer",
  { exchange: exchangeArg, at, ...common, agents: many("agent", "Agent volontaire / volunteering agent") },
  (a) =>
    Effect.flatMap(lifecycleHandlers(), (h) =>
      h.executeAll(a, a.exchange, a.agents.map((agentId) => ({ _tag: "Volunteer", ...some(a.at, "at"), agentId })))
    )
).pipe(Command.withDescription("Des agents invités se portent volontaires (ELI-01) [Volunteer]"))
const withdraw = lifecycle("withdraw", "Withdraw", "Un volontaire ou membre se retire (ELI-01)", { agent, reason: optionalText("reason", "Motif / reason") }, (a) => ({
  agentId: a.agent,
  ...some(a.reason, "reason")
}))
const composeGroup = lifecycle(
  "compose",
  "Compose",
  "Compose le groupe parmi les volontaires (ELI-*, SIZ-*, DIV-*)",
  { members: many("member", "Membre opérationnel / operational member"), resources: many("resource", "Personne ressource / resource person") },
  (a) => ({ members: [...a.members.map((agentId) => ({ agentId })), ...a.resources.map((agentId) => ({ agentId, role: "resource" }))] })
)
const designateLiaison = lifecycle("designate-liaison", "DesignateLiaison", "Désigne la personne ressource (RES-01)", { agent }, (a) => ({ agentId: a.agent }))
const delegate = lifecycle(
  "delegate",
  "DelegateTask",
  "Délègue une tâche à un membre (ANI-07)",
  { agent, task: Options.choice("task", ["noteTaking", "timekeeping", "other"]) },
  (a) => ({ agentId: a.agent, task: a.task })
)
const adoptCharter = lifecycle(
  "adopt-charter",
  "AdoptCharter",
  "Adopte les règles du groupe, les cinq points par défaut (CHA-01, ouvre CNF-01)",
  {
    items: many("item", "Points adoptés (défaut : les cinq) / items adopted (default: all five)"),
    text: optionalText("text", "Texte des règles / text")
  },
  (a) => ({
    items: a.items.length > 0 ? a.items : ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"],
    ...some(a.text, "text")
  })
)
const conclude = lifecycle("conclude", "Conclude", "Produit le relevé de conclusions (ARB-03, RES-04, CNF-06)", { summary: optionalText("summary", "Synthèse / summary") }, (a) =>
  some(a.summary, "summary")
)
const restitute = lifecycle(
  "restitute",
  "Restitute",
  "Restitution (ferme la fenêtre de confidentialité, CNF-01)",
  { form: Options.choice("form", ["serviceMeeting", "directionMeeting", "written"]).pipe(Options.withDefault("serviceMeeting")) },
  (a) => ({ form: a.form })
)
const respond = lifecycle(
  "respond",
  "RecordDirectionResponse",
  "Consigne le retour de la direction (RES-05)",
  { analysis: text("analysis", "Analyse / analysis"), decisions: many("decision", "Décision envisagée / planned decision") },
  (a) => ({ analysis: a.analysis, plannedDecisions: a.decisions })
)
const addAction = lifecycle(
  "add-action",
  "AddAction",
  "Ajoute une action à la grille de suivi (RES-08)",
  {
    action: text("action", "Identifiant d'action / action ID"),
    title: text("title", "Intitulé / title"),
    owner: text("owner", "Responsable / owner"),
    due: text("due", "Échéance ISO 8601 / due date"),
    variants: many("variant", "Variantes concernées / variants")
  },
  (a) => ({ actionId: a.action, title: a.title, owner: a.owner, dueDate: a.due, variantIds: a.variants })
)
const updateAction = lifecycle(
  "update-action",
  "UpdateAction",
  "Met à jour une action (RES-08)",
  {
    action: text("action", "Identifiant d'action / action ID"),
    status: Options.choice("status", ["planned", "inProgress", "done", "dropped"]),
    due: optionalText("due", "Nouvelle échéance / new due date"),
    comment: optionalText("comment", "Commentaire / comment")
  },
  (a) => ({ actionId: a.action, status: a.status, ...some(a.due, "dueDate"), ...some(a.comment, "comment") })
)
const review = lifecycle(
  "review",
  "PresentReview",
  "Présente le bilan aux instances de dialogue social (RES-06, CNF-06)",
  { body: text("body", "Instance / body"), text: text("text", "Texte du bilan / review text") },
  (a) => ({ body: a.body, text: a.text })
)
const abandon = lifecycle("abandon", "Abandon", "Abandonne l'échange, avec un motif (LIF-08)", { reason: text("reason", "Motif / reason") }, (a) => ({ reason: a.reason }))
const close = lifecycle("close", "Close", "Clôt le cycle (LIF-08)", {}, () => ({}))

/** `exchange …`: every lifecycle command. */
export const exchange = Command.make("exchange").pipe(
  Command.withDescription("Cycle d'un échange : toutes les commandes (exec) et les plus courantes / every lifecycle command"),
  Command.withSubcommands([
    exchangeList,
    exchangeShow,
    exchangeExec,
    propose,
    frame,
    approve,
    communicate,
    invite,
    volunteer,
    withdraw,
    composeGroup,
    designateLiaison,
    delegate,
    adoptCharter,
    conclude,
    restitute,
    respond,
    addAction,
    updateAction,
    review,
    abandon,
    close
  ])
)
