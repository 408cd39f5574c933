/**
 * The command tree of `entre-pairs`, in the shape of @effect/cli's examples:
 * commands declare their arguments and options (`commands/`), handlers
 * (`handlers/`, `Lifecycle.ts`, `Demo.ts`) call the library. Built at
 * start-up from @effect/cli and effect only; every handler is imported on
 * demand, so `--help` and completions stay fast.
 */
import * as Args from "@effect/cli/Args"
import * as Command from "@effect/cli/Command"
import * as Options from "@effect/cli/Options"
import * as Effect from "effect/Effect"
import { common, output } from "./Common.js"
import { exchange, exchangeShow } from "./commands/exchange.js"
import { minutes } from "./commands/minutes.js"
import { sessionCommand } from "./commands/session.js"
import { agent, at, exchangeArg, many, page, serviceOption, session } from "./commands/shared.js"
import * as L from "./Labels.js"

const load = {
  obligations: () => Effect.promise(() => import("./handlers/obligations.js")),
  rules: () => Effect.promise(() => import("./handlers/rules.js")),
  check: () => Effect.promise(() => import("./handlers/check.js")),
  export: () => Effect.promise(() => import("./handlers/export.js")),
  demo: () => Effect.promise(() => import("./Demo.js")),
  agents: () => Effect.promise(() => import("./handlers/agents.js")),
  compose: () => Effect.promise(() => import("./handlers/compose.js")),
  store: () => Effect.promise(() => import("./handlers/store.js"))
}

const show = exchangeShow

/**
 * An output directory. Text, not `Options.directory`: @effect/cli checks a
 * directory option with a `FileSystem.exists` that dies on a path under a
 * file (ENOTDIR); the handler reports an unwritable directory itself (exit 2).
 */
const outDirectory = (fallback: string, description: string) =>
  Options.text("out").pipe(Options.withPseudoName("directory"), Options.withDefault(fallback), Options.withDescription(description))

const obligations = Command.make(
  "obligations",
  {
    ...common,
    at,
    exchange: exchangeArg.pipe(Args.optional),
    service: serviceOption,
    owner: Options.text("owner").pipe(
      Options.withDescription("Responsable : libellé d'une action, ou liaison, facilitators, direction / owner"),
      Options.optional
    ),
    rule: Options.choice("rule", ["RES-02", "RES-03", "RES-05", "RES-06", "RES-07", "RES-08"]).pipe(Options.optional),
    dueFrom: Options.text("due-from").pipe(Options.withDescription("Échéance à partir de (ISO 8601) / due from"), Options.optional),
    dueBefore: Options.text("due-before").pipe(Options.withDescription("Échéance avant (ISO 8601) / due before"), Options.optional),
    status: Options.choice("status", ["due", "overdue"]).pipe(Options.optional),
    ...page
  },
  (a) => Effect.flatMap(load.obligations(), (h) => h.obligations(a, a.exchange, a.at, a))
).pipe(Command.withDescription("Obligations ouvertes (RES-*), dues ou en retard, à une date, par service, responsable, règle, échéance / open obligations"))

const rules = Command.make(
  "rules",
  { ...output, kind: Options.choice("kind", ["blocking", "advisory", "obligation", "guarantee"]).pipe(Options.optional) },
  (a) => Effect.flatMap(load.rules(), (h) => h.rules(a, a.kind))
).pipe(Command.withDescription("Liste les règles : ID, nature, portée, section, paramètres / list every rule"))

const check = Command.make(
  "check",
  { ...output, at, file: Args.text({ name: "snapshot.json" }).pipe(Args.withDescription("Instantané d'échange (JSON) / exchange snapshot")) },
  (a) => Effect.flatMap(load.check(), (h) => h.check(a, a.file, a.at))
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
    out: outDirectory(".", "Dossier de sortie / output directory"),
    force: Options.boolean("force").pipe(Options.withDescription("Remplacer les fichiers qui existent déjà / overwrite existing files"))
  },
  (a) =>
    Effect.flatMap(load.export(), (h) =>
      h.exportView(a, {
        exchangeId: a.exchange,
        view: a.view,
        audience: a.audience,
        formats: a.format === "all" ? (a.view === "calendar" || a.view === "agenda" ? L.formats : L.documentFormats) : [a.format],
        sessionId: a.session,
        agentId: a.agent,
        out: a.out,
        at: a.at,
        force: a.force
      })
    )
).pipe(Command.withDescription("Écrit un document pour un public, dans un ou tous les formats / export a document"))

const demo = Command.make(
  "demo",
  {
    ...output,
    out: outDirectory("./entre-pairs-demo", "Dossier des documents / output directory"),
    allAudiences: Options.boolean("all-audiences").pipe(
      Options.withDescription("Chaque document pour chaque public autorisé (CNF-03), pas seulement ses destinataires / every allowed audience")
    ),
    force: Options.boolean("force").pipe(
      Options.withDescription("Remplacer des fichiers nommés comme ceux de la démonstration qu'elle n'a pas écrits / overwrite files named like the demo's")
    )
  },
  (a) => Effect.flatMap(load.demo(), (d) => d.demo(a))
).pipe(Command.withDescription("Cycle complet en français, règles à l'œuvre, tous les documents dans tous les formats / full demo cycle"))

const agentsImport = Command.make(
  "import",
  {
    ...common,
    file: Args.text({ name: "file" }).pipe(Args.withDescription("CSV (; ou ,, UTF-8 ou Windows-1252, en-têtes français ou anglais) ou JSON")),
    exchange: Options.text("exchange").pipe(Options.withDescription("Inviter aussi ces agents dans cet échange (Invite) / also invite them"), Options.optional)
  },
  (a) => Effect.flatMap(load.agents(), (d) => d.importAgents(a, a.file, a.exchange))
).pipe(Command.withDescription("Importe des agents dans l'annuaire ; tout ou rien / import agents, all or nothing"))

const agentsList = Command.make(
  "list",
  { ...common, unit: Options.text("unit").pipe(Options.optional) },
  (a) => Effect.flatMap(load.agents(), (d) => d.listAgents(a, a.unit))
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
    occupation: many("occupation", "Métiers concernés / occupations concerned"),
    admissible: Options.choice("admissible", ["tolerance", "quotas"]).pipe(
      Options.optional,
      Options.withDescription(
        "Groupes admis au tirage : tolerance (diversité optimale, défaut) ou quotas (tout groupe qui respecte les quotas, loterie la plus équitable) / admissible groups"
      )
    )
  },
  (a) => Effect.flatMap(load.compose(), (m) => m.compose(a))
).pipe(Command.withDescription("Propose un groupe divers et équitable depuis un vivier de volontaires (DIV-*) / compose a group"))

const storeRebuild = Command.make("rebuild", common, (a) => Effect.flatMap(load.store(), (h) => h.rebuild(a))).pipe(
  Command.withDescription(
    "Reconstruit les modèles de lecture (résumés, obligations) depuis les événements, en une transaction / rebuild the read models from the events"
  )
)

const storeCommand = Command.make("store").pipe(
  Command.withDescription("Entretien du magasin d'événements / event store maintenance"),
  Command.withSubcommands([storeRebuild])
)

/** The root command. */
export const root = Command.make("entre-pairs").pipe(
  Command.withDescription(
    "Échanges entre pairs : le cycle de la note des ministères sociaux, ses règles et ses documents. Codes de sortie : 0 ok, 1 refus ou violation bloquante, 2 entrée ou usage invalide."
  ),
  Command.withSubcommands([demo, exchange, sessionCommand, minutes, show, obligations, exportCommand, rules, check, agents, compose, storeCommand])
)
