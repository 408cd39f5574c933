/**
 * The command tree of `entre-pairs`. Built at start-up from @effect/cli and
 * effect only; every handler is imported on demand, so `--help` and
 * completions stay fast.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import { type Common, common, output } from "./Common.js"
import * as L from "./Labels.js"

const handlers = () => Effect.promise(() => import("./Handlers.js"))

// ---------------------------------------------------------------------------
// Shared arguments and options
// ---------------------------------------------------------------------------

const exchangeArg = Args.text({ name: "exchange-id" }).pipe(Args.withDescription("Identifiant de l'échange / exchange ID (ex. ech-ddets33-uc3-2026)"))
const at = Options.text("at").pipe(
  Options.withDescription("Date de la commande, ISO 8601 (défaut : maintenant) / when it happened"),
  Options.optional
)
const session = Options.text("session").pipe(Options.withDescription("Identifiant de séance / session ID (ex. s2)"))
const agent = Options.text("agent").pipe(Options.withDescription("Identifiant d'agent / agent ID (ex. agt-003)"))
const text = (name: string, description: string) => Options.text(name).pipe(Options.withDescription(description))
const optionalText = (name: string, description: string) => text(name, description).pipe(Options.optional)
const many = (name: string, description: string) =>
  Options.text(name).pipe(
    Options.withDescription(`${description} (répétable ou séparé par des virgules / repeatable or comma-separated)`),
    Options.repeated,
    Options.map((values) => values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v.length > 0))
  )
const some = <A>(o: Option.Option<A>, key: string) => (Option.isSome(o) ? { [key]: o.value } : {})

type LifecycleConfig = Record<string, Options.Options<any> | Args.Args<any>>

/**
 * An ergonomic subcommand: its options build one encoded command of
 * `Command.ExchangeCommand`, which then runs like `exchange exec`.
 */
const lifecycle = <const C extends LifecycleConfig>(
  name: string,
  tag: string,
  description: string,
  config: C,
  build: (a: Command.Command.ParseConfig<C>) => Record<string, unknown>
) =>
  Command.make(name, { exchange: exchangeArg, at, ...common, ...config }, (parsed) => {
    // The spread of a generic record is opaque to the checker: name the shared fields.
    const a = parsed as unknown as Common & { readonly exchange: string; readonly at: Option.Option<string> }
    return Effect.flatMap(handlers(), (h) =>
      h.execute(a, a.exchange, { _tag: tag, ...some(a.at, "at"), ...build(parsed as unknown as Command.Command.ParseConfig<C>) })
    )
  }).pipe(Command.withDescription(`${description} [${tag}]`))

const jsonValue = (name: string, description: string) =>
  Options.text(name).pipe(Options.withDescription(`${description} : JSON, @fichier ou - (stdin) / JSON, @file or -`))

// ---------------------------------------------------------------------------
// exchange …
// ---------------------------------------------------------------------------

const exchangeList = Command.make(
  "list",
  { ...common, state: Options.choice("state", Object.keys(L.states)).pipe(Options.withDescription("Filtrer par état / filter by state"), Options.optional) },
  (a) => Effect.flatMap(handlers(), (h) => h.list(a, a.state))
).pipe(Command.withDescription("Liste les échanges (état, version) / list exchanges"))

const exchangeExec = Command.make(
  "exec",
  { exchange: exchangeArg, ...common, command: jsonValue("command", "Commande(s) de Command.ExchangeCommand (objet ou tableau, avec _tag)") },
  (a) => Effect.flatMap(handlers(), (h) => h.exec(a, a.exchange, a.command))
).pipe(Command.withDescription("Exécute toute commande du cycle, en JSON / run any lifecycle command as JSON"))

const exchangeShow = Command.make(
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
    Effect.flatMap(handlers(), (h) =>
      h.withJson(a, a.framing, (value) => {
        const body = typeof value === "object" && value !== null && "framing" in value ? (value as Record<string, unknown>) : { framing: value }
        const run = (agents: unknown) =>
          h.execute(a, a.exchange, { _tag: "Frame", ...some(a.at, "at"), ...body, ...(agents === undefined ? {} : { agents }) })
        return Option.isSome(a.agents) ? h.withJson(a, a.agents.value, run) : run(undefined)
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
    Effect.flatMap(handlers(), (h) =>
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

const exchange = Command.make("exchange").pipe(
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

// ---------------------------------------------------------------------------
// session …
// ---------------------------------------------------------------------------

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

const sessionCommand = Command.make("session").pipe(
  Command.withDescription("Séances : planifier, ordre du jour, tenue, questions, arbitrages / sessions"),
  Command.withSubcommands([schedule, agenda, hold, cancel, questions, arbitrate, validate, trainingNeed])
)

// ---------------------------------------------------------------------------
// minutes …
// ---------------------------------------------------------------------------

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

const minutes = Command.make("minutes").pipe(
  Command.withDescription("Comptes rendus : rédiger, finaliser, envoyer / minutes"),
  Command.withSubcommands([draft, finalise, send])
)

// ---------------------------------------------------------------------------
// Top-level commands
// ---------------------------------------------------------------------------

const show = exchangeShow

const obligations = Command.make(
  "obligations",
  { ...common, at, exchange: exchangeArg.pipe(Args.optional) },
  (a) => Effect.flatMap(handlers(), (h) => h.obligations(a, a.exchange, a.at))
).pipe(Command.withDescription("Obligations ouvertes (RES-*), dues ou en retard, à une date / open obligations"))

const rules = Command.make(
  "rules",
  { ...output, kind: Options.choice("kind", ["blocking", "advisory", "obligation", "guarantee"]).pipe(Options.optional) },
  (a) => Effect.flatMap(handlers(), (h) => h.rules(a, a.kind))
).pipe(Command.withDescription("Liste les règles : ID, nature, portée, section, paramètres / list every rule"))

const check = Command.make(
  "check",
  { ...output, at, file: Args.text({ name: "snapshot.json" }).pipe(Args.withDescription("Instantané d'échange (JSON) / exchange snapshot")) },
  (a) => Effect.flatMap(handlers(), (h) => h.check(a, a.file, a.at))
).pipe(Command.withDescription("Évalue un instantané : 0 conforme, 1 violations bloquantes, 2 entrée invalide / evaluate a snapshot"))

const exportCommand = Command.make(
  "export",
  {
    exchange: exchangeArg,
    ...common,
    at,
    view: Options.choice("view", L.outputs).pipe(Options.withDescription("Document")),
    audience: Options.choice("audience", L.audiences).pipe(Options.withDescription("Public (CNF-03) / audience")),
    format: Options.choice("format", [...L.formats, "all"] as const).pipe(Options.withDefault("pdf" as const), Options.withDescription("md, html, odt, docx, pdf, ics (calendrier, ordre du jour) ou all")),
    session: session.pipe(Options.optional),
    agent: agent.pipe(Options.optional),
    out: Options.directory("out").pipe(Options.withDefault("."), Options.withDescription("Dossier de sortie / output directory"))
  },
  (a) =>
    Effect.flatMap(handlers(), (h) =>
      h.exportView(a, {
        exchangeId: a.exchange,
        view: a.view,
        audience: a.audience,
        formats: a.format === "all" ? (a.view === "calendar" || a.view === "agenda" ? L.formats : L.documentFormats) : [a.format],
        sessionId: a.session,
        agentId: a.agent,
        out: a.out,
        at: a.at
      })
    )
).pipe(Command.withDescription("Écrit un document pour un public, dans un ou tous les formats / export a document"))

const demo = Command.make(
  "demo",
  {
    ...output,
    out: Options.directory("out").pipe(Options.withDefault("./entre-pairs-demo"), Options.withDescription("Dossier des documents / output directory")),
    allAudiences: Options.boolean("all-audiences").pipe(
      Options.withDescription("Chaque document pour chaque public autorisé (CNF-03), pas seulement ses destinataires / every allowed audience")
    )
  },
  (a) => Effect.flatMap(Effect.promise(() => import("./Demo.js")), (d) => d.demo(a))
).pipe(Command.withDescription("Cycle complet en français, règles à l'œuvre, tous les documents dans tous les formats / full demo cycle"))

const agentsImport = Command.make(
  "import",
  {
    ...common,
    file: Args.text({ name: "file" }).pipe(Args.withDescription("CSV (; ou ,, UTF-8 ou Windows-1252, en-têtes français ou anglais) ou JSON")),
    exchange: Options.text("exchange").pipe(Options.withDescription("Inviter aussi ces agents dans cet échange (Invite) / also invite them"), Options.optional)
  },
  (a) => Effect.flatMap(Effect.promise(() => import("./Directory.js")), (d) => d.importAgents(a, a.file, a.exchange))
).pipe(Command.withDescription("Importe des agents dans l'annuaire ; tout ou rien / import agents, all or nothing"))

const agentsList = Command.make(
  "list",
  { ...common, unit: Options.text("unit").pipe(Options.optional) },
  (a) => Effect.flatMap(Effect.promise(() => import("./Directory.js")), (d) => d.listAgents(a, a.unit))
).pipe(Command.withDescription("Liste l'annuaire des agents importés / list the directory"))

const agents = Command.make("agents").pipe(
  Command.withDescription("Annuaire des agents (import CSV/JSON, liste) / agent directory"),
  Command.withSubcommands([agentsImport, agentsList])
)

const compose = Command.make(
  "compose",
  {
    ...output,
    pool: Args.text({ name: "pool" }).pipe(Args.withDescription("Volontaires : JSON (tableau ou { pool, request }) ou CSV")),
    size: Options.text("size").pipe(Options.withDefault("8-10"), Options.withDescription("Taille : 9 ou 8-10 / size")),
    seed: Options.text("seed").pipe(Options.optional, Options.withDescription("Graine (reproductible) / seed")),
    quota: many("quota", "Quota \"dimension:catégorie>=n\" ou \"<=n\" (ex. sex:female>=3)"),
    purpose: Options.choice("purpose", ["problemSolving", "professionalisation"]).pipe(Options.optional),
    perimeter: many("perimeter", "Unités du périmètre (défaut : toutes celles du vivier) / units"),
    mandatory: many("mandatory", "Agent obligatoirement retenu / mandatory member"),
    occupation: many("occupation", "Métiers concernés / occupations concerned")
  },
  (a) => Effect.flatMap(Effect.promise(() => import("./Compose.js")), (m) => m.compose(a))
).pipe(Command.withDescription("Propose un groupe divers et équitable depuis un vivier de volontaires (DIV-*) / compose a group"))

/** The root command. */
export const root = Command.make("entre-pairs").pipe(
  Command.withDescription(
    "Échanges entre pairs : le cycle de la note des ministères sociaux, ses règles et ses documents. Codes de sortie : 0 ok, 1 refus ou violation bloquante, 2 entrée ou usage invalide."
  ),
  Command.withSubcommands([demo, exchange, sessionCommand, minutes, show, obligations, exportCommand, rules, check, agents, compose])
)
