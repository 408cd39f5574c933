/**
 * Every message the CLI prints, in French and English, in one typed table.
 * An entry is a text or a function of its parameters returning one;
 * `messages(lang)` gives the table in one language, with the same keys and
 * parameters, so a message cannot be missing a language or an argument.
 * Labels of the domain's enumerations (states, audiences…) are in `Labels.ts`.
 */
import type { Lang } from "./Common.js"

/** A text in both languages. */
export interface Text {
  readonly fr: string
  readonly en: string
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one)
/** English: 0 and 2+ take the plural (French: only 2+). */
const pluralEn = (n: number, one: string, many: string) => (n === 1 ? one : many)

const table = {
  // --- Inputs -------------------------------------------------------------
  unreadableFile: (file: string, reason: string) => ({ fr: `Fichier illisible : ${file} (${reason})`, en: `Unreadable file: ${file} (${reason})` }),
  argument: { fr: "argument", en: "argument" },
  isDirectory: { fr: "c'est un dossier", en: "it is a directory" },
  fileTooLarge: (file: string, size: number, limit: number) => ({
    fr: `Fichier trop volumineux : ${file} (${size} octets, la limite est de ${limit} octets)`,
    en: `File too large: ${file} (${size} bytes, the limit is ${limit} bytes)`
  }),
  inputRefused: (reason: "syntax" | "depth" | "size" | "encoding", source: string, line: number, column: number, detail: string) => {
    const heading = {
      syntax: { fr: "JSON invalide", en: "Invalid JSON" },
      depth: { fr: "JSON trop imbriqué", en: "JSON nested too deep" },
      size: { fr: "Entrée trop volumineuse", en: "Input too large" },
      encoding: { fr: "Texte qui n'est pas en UTF-8", en: "Text that is not UTF-8" }
    }[reason]
    return {
      fr: `${heading.fr} dans ${source}, ligne ${line}, colonne ${column} : ${detail}`,
      en: `${heading.en} in ${source}, line ${line}, column ${column}: ${detail}`
    }
  },
  unwritable: (path: string, reason: string) => ({ fr: `Impossible d'écrire ${path} (${reason})`, en: `Cannot write ${path} (${reason})` }),

  // --- Failures of the domain and the store -------------------------------
  refused: (rules: string) => ({ fr: `Commande refusée (${rules}) :`, en: `Command refused (${rules}):` }),
  invalidCommandAt: (command: string, path: string, reason: string) => ({
    fr: `Commande invalide ${command} : ${path} : ${reason}`,
    en: `Invalid command ${command}: ${path}: ${reason}`
  }),
  documentRefused: (rule: string, reason: string) => ({ fr: `Document refusé (${rule}) : ${reason}`, en: `Document refused (${rule}): ${reason}` }),
  documentUnavailable: (output: string, reason: string) => ({
    fr: `Document indisponible (${output}) : ${reason}`,
    en: `Document unavailable (${output}): ${reason}`
  }),
  unknownExchange: (id: string) => ({ fr: `Échange inconnu : ${id}`, en: `Unknown exchange: ${id}` }),
  conflict: (detail: string) => ({
    fr: `Conflit : un autre processus a écrit avant (${detail})`,
    en: `Conflict: another writer appended first (${detail})`
  }),
  database: (reason: string) => ({ fr: `Base de données : ${reason}`, en: `Database: ${reason}` }),
  error: (message: string) => ({ fr: `Erreur : ${message}`, en: `Error: ${message}` }),
  blocking: { fr: "(bloquant)", en: "(blocking)" },
  advisory: { fr: "(conseil)", en: "(advisory)" },

  // --- Lifecycle commands -------------------------------------------------
  invalidCommand: { fr: "Commande invalide :", en: "Invalid command:" },
  commandIsObject: { fr: "Une commande est un objet JSON avec _tag.", en: "A command is a JSON object with _tag." },
  exchangeIdMismatch: (inCommand: string, argument: string) => ({
    fr: `L'identifiant de la commande (${inCommand}) diffère de l'argument (${argument}).`,
    en: `The command's exchangeId (${inCommand}) differs from the argument (${argument}).`
  }),
  state: { fr: "état", en: "state" },
  emptyDirectory: { fr: "L'annuaire est vide (agents import d'abord).", en: "The directory is empty (run agents import first)." },
  agentsRequired: { fr: "--agents <json|@fichier> ou --from-directory est requis.", en: "--agents <json|@file> or --from-directory is required." },

  // --- Queries ------------------------------------------------------------
  noExchange: { fr: "Aucun échange.", en: "No exchange." },
  nextPage: (cursor: string) => ({ fr: `Page suivante : --cursor ${cursor}`, en: `Next page: --cursor ${cursor}` }),
  overdue: { fr: "EN RETARD", en: "OVERDUE" },
  due: { fr: "à faire", en: "due" },
  dueOn: { fr: "échéance", en: "due" },
  showState: { fr: "État", en: "State" },
  showMembers: (members: number, volunteers: number, invited: number) => ({
    fr: `Membres : ${members} — volontaires : ${volunteers} — invités : ${invited}`,
    en: `Members : ${members} — volunteers : ${volunteers} — invited : ${invited}`
  }),
  showSessions: { fr: "Séances :", en: "Sessions :" },
  minutesShort: { fr: "compte rendu", en: "minutes" },
  sent: { fr: " envoyé", en: " sent" },
  advisories: { fr: "Conseils :", en: "Advisories:" },
  blockingViolations: { fr: "Violations bloquantes :", en: "Blocking violations:" },
  openObligations: { fr: "Obligations ouvertes :", en: "Open obligations:" },
  noOpenObligation: { fr: "Aucune obligation ouverte.", en: "No open obligation." },
  noOpenObligationOn: (date: string) => ({ fr: `Aucune obligation ouverte au ${date}.`, en: `No open obligation on ${date}.` }),
  rebuilt: (n: number) => ({
    fr: `Modèles de lecture reconstruits depuis les événements : ${n} ${plural(n, "échange", "échanges")}.`,
    en: `Read models rebuilt from the events: ${n} ${pluralEn(n, "exchange", "exchanges")}.`
  }),
  openObligationsOn: (date: string) => ({ fr: `Obligations ouvertes au ${date} :`, en: `Open obligations on ${date}:` }),

  // --- rules --------------------------------------------------------------
  rulesHeader: (n: number) => ({
    fr: `${n} règles (ID, nature, portée, section de la note, paramètres) :`,
    en: `${n} rules (ID, kind, scope, section of the note, parameters):`
  }),
  provenanceNote: { fr: "note", en: "note" },
  provenanceLocal: { fr: "local", en: "local" },

  // --- check --------------------------------------------------------------
  notASnapshot: (file: string, n: number) => ({
    fr: `${file} n'est pas un instantané d'échange valide (${n} ${plural(n, "défaut", "défauts")}) :`,
    en: `${file} is not a valid exchange snapshot (${n} ${plural(n, "fault", "faults")}):`
  }),
  checkHeader: (title: string, id: string, state: string, date: string) => ({
    fr: `${title} (${id}) — état « ${state} », évalué au ${date}`,
    en: `${title} (${id}) — state « ${state} », evaluated on ${date}`
  }),
  noViolation: { fr: "✓ Aucune violation.", en: "✓ No violation." },
  blockingCount: (n: number) => ({
    fr: `✗ ${n} ${plural(n, "violation bloquante", "violations bloquantes")}.`,
    en: `✗ ${n} blocking ${pluralEn(n, "violation", "violations")}.`
  }),
  compliant: (advisories: number) => ({
    fr: `✓ Conforme (${advisories} ${plural(advisories, "conseil", "conseils")}).`,
    en: `✓ Compliant (${advisories} ${pluralEn(advisories, "advisory", "advisories")}).`
  }),

  // --- export -------------------------------------------------------------
  sessionRequired: (output: string) => ({ fr: `--session est requis pour ${output}`, en: `--session is required for ${output}` }),
  agentRequired: { fr: "--agent est requis pour une attestation", en: "--agent is required for an attestation" },
  compositionHasNoLayout: {
    fr: "La composition (données de profil, animateurs seulement) n'a pas de mise en page : voir show --json.",
    en: "The composition (profile data, facilitators only) has no document layout: see show --json."
  },
  icsOnlyCalendar: { fr: "Le format ics est réservé au calendrier et aux ordres du jour.", en: "The ics format is for the calendar and agendas only." },
  wrote: (path: string) => ({ fr: `écrit ${path}`, en: `wrote ${path}` }),
  wouldOverwrite: (paths: string) => ({
    fr: `Le fichier existe déjà, rien n'a été écrit : ${paths} (--force pour le remplacer)`,
    en: `The file already exists, nothing was written: ${paths} (--force to overwrite it)`
  }),

  // --- agents -------------------------------------------------------------
  reading: { fr: "Lecture", en: "Reading" },
  writing: { fr: "Écriture", en: "Writing" },
  line: { fr: "ligne", en: "line" },
  column: { fr: "colonne", en: "column" },
  importRejected: (file: string, n: number) => ({
    fr: `${file} refusé : rien n'a été importé (${n} erreur${n > 1 ? "s" : ""}${n >= 50 ? " ou plus" : ""}).`,
    en: `${file} rejected: nothing was imported (${n} error${n > 1 ? "s" : ""}${n >= 50 ? " or more" : ""}).`
  }),
  imported: (count: number, file: string, encoding: string, delimiter: string | undefined) => ({
    fr: `✓ ${count.toLocaleString("fr-FR").replace(/\s/g, " ")} agent${count > 1 ? "s" : ""} importé${count > 1 ? "s" : ""} dans l'annuaire depuis ${file} (${encoding}${
      delimiter === undefined ? "" : `, séparateur « ${delimiter === "\t" ? "tab" : delimiter} »`
    }).`,
    en: `✓ ${count} agent(s) imported into the directory from ${file} (${encoding}${delimiter === undefined ? "" : `, delimiter "${delimiter === "\t" ? "tab" : delimiter}"`}).`
  }),
  directoryCount: (n: number) => ({ fr: `${n} agent${n > 1 ? "s" : ""} dans l'annuaire.`, en: `${n} agent(s) in the directory.` }),

  // --- compose ------------------------------------------------------------
  badSize: (raw: string) => ({ fr: `--size : « ${raw} » (attendu : 9 ou 8-10)`, en: `--size: "${raw}" (expected 9 or 8-10)` }),
  badQuota: (raw: string) => ({
    fr: `--quota : « ${raw} » (attendu : dimension:catégorie>=n, <=n ou =n)`,
    en: `--quota: "${raw}" (expected dimension:category>=n, <=n or =n)`
  }),
  invalidPool: (file: string) => ({ fr: `${file} : vivier invalide`, en: `${file}: invalid pool` }),
  invalidComposeRequest: { fr: "Demande de composition invalide :", en: "Invalid composition request:" },
  noGroup: { fr: "Aucun groupe ne satisfait la demande :", en: "No group meets the request:" },
  relaxations: { fr: "Assouplissements possibles :", en: "Possible relaxations:" },
  proposedGroup: (members: number, pool: number, seed: string) => ({
    fr: `Groupe proposé : ${members} membres parmi ${pool} volontaires (graine « ${seed} »)`,
    en: `Proposed group: ${members} members out of ${pool} volunteers (seed "${seed}")`
  }),
  diversityByDimension: { fr: "Diversité par dimension (DIV-01) :", en: "Diversity by dimension (DIV-01):" },
  index: { fr: "indice", en: "index" },
  missingThoughInPool: { fr: "absent(s) mais présents dans le vivier", en: "missing though in the pool" },
  occupations: { fr: "métiers", en: "occupations" },
  missing: { fr: "manquants", en: "missing" },
  probabilities: (proven: boolean) => ({
    fr: `Probabilité de sélection de chaque volontaire (loterie maximin${proven ? ", optimum prouvé" : ""}) :`,
    en: `Selection probability of each volunteer (maximin lottery${proven ? ", proven optimal" : ""}):`
  }),
  tradeOff: (chosen: "tolerance" | "quotas", optimalN: number, optimalMin: string, quotasN: number, quotasMin: string) => ({
    fr: `Compromis diversité/équité : ${chosen === "quotas" ? "tout groupe qui respecte les quotas (loterie la plus équitable)" : "groupes de diversité optimale, à la tolérance près"} ; à diversité optimale, ${optimalN} ${plural(optimalN, "volontaire a", "volontaires ont")} une chance (au moins ${optimalMin}) ; avec les seuls quotas, ${quotasN} (au moins ${quotasMin})`,
    en: `Diversity/fairness trade-off: ${chosen === "quotas" ? "every group that meets the quotas (fairest lottery)" : "groups of optimal diversity, within the tolerance"}; at optimal diversity ${optimalN} volunteer(s) have a chance (at least ${optimalMin}); with the quotas only, ${quotasN} (at least ${quotasMin})`
  }),
  portfolio: (panels: number, types: number, u: string, panel: number) => ({
    fr: `Portefeuille : ${panels} ${plural(panels, "groupe possible", "groupes possibles")}, ${types} ${plural(types, "profil", "profils")} ; tirage u = ${u} → groupe n° ${panel}`,
    en: `Portfolio: ${panels} possible group(s), ${types} profile type(s); draw u = ${u} → group #${panel}`
  }),
  profile: { fr: "profil", en: "type" },
  more: { fr: "autres", en: "more" },
  optimum: (optimal: boolean, pool: string, seed: string) => ({
    fr: `Optimum${optimal ? " prouvé" : " non prouvé (budget)"} ; rejouer : entre-pairs compose ${pool} --seed "${seed}"`,
    en: `Optimum${optimal ? " proven" : " not proven (budget)"}; replay: entre-pairs compose ${pool} --seed "${seed}"`
  }),

  // --- demo ---------------------------------------------------------------
  attemptInviteEarly: { fr: "inviter les agents avant l'acceptation de l'échange", en: "inviting agents before the exchange is approved" },
  attemptSendNamed: { fr: "envoyer à l'encadrement un compte rendu qui nomme un participant", en: "sending the line managers minutes that name a participant" },
  demoForeignFiles: (dir: string, files: string) => ({
    fr: `${dir} contient des fichiers nommés comme ceux de la démonstration qu'elle n'a pas écrits : ${files}. Rien n'a été modifié : choisissez un autre dossier (--out) ou --force pour les remplacer.`,
    en: `${dir} holds files named like the demo's that it did not write: ${files}. Nothing was changed: choose another directory (--out) or --force to overwrite them.`
  }),
  demoTitle: { fr: "entre-pairs — démonstration : un cycle complet d'échange entre pairs", en: "entre-pairs — demo: a complete peer-exchange cycle" },
  freshDatabase: (path: string) => ({ fr: `Base SQLite neuve : ${path}`, en: `Fresh SQLite database: ${path}` }),
  demoCycle: (accepted: number, events: number, version: number) => ({
    fr: `1. Le cycle : ${accepted} commandes acceptées, ${events} événements enregistrés (version ${version})`,
    en: `1. The cycle: ${accepted} commands accepted, ${events} events recorded (version ${version})`
  }),
  demoFigures: { fr: "12 volontaires, 9 membres, 4 séances, 5 arbitrages, restitution le", en: "12 volunteers, 9 members, 4 sessions, 5 arbitrations, restitution on" },
  demoRules: { fr: "2. Les règles à l'œuvre", en: "2. The rules at work" },
  demoRefused: { fr: "Refusé", en: "Refused" },
  demoLocalRules: (list: string) => ({
    fr: `Règles locales du service, enregistrées avec le cadrage : ${list}`,
    en: `Local rules of the service, recorded with the framing: ${list}`
  }),
  localRule: (rule: string, local: string, note: string) => ({
    fr: `${rule} ${local} (dans la note : ${note})`,
    en: `${rule} ${local} (in the note: ${note})`
  }),
  demoAdvisories: (n: number) => ({
    fr: `${n} ${plural(n, "conseil rendu", "conseils rendus")} avec des commandes acceptées :`,
    en: `${n} ${pluralEn(n, "advisory", "advisories")} returned with accepted commands:`
  }),
  demoDocuments: (n: number, dir: string) => ({ fr: `3. Documents : ${n} fichiers dans ${dir}/`, en: `3. Documents: ${n} files in ${dir}/` }),
  forExample: { fr: "par exemple", en: "e.g." },
  withheld: { fr: "Non diffusés (CNF-03, public non autorisé)", en: "Withheld (CNF-03, audience not allowed)" },
  demoObligations: (date: string) => ({ fr: `4. Obligations encore ouvertes au ${date} :`, en: `4. Obligations still open on ${date}:` }),
  none: { fr: "   aucune", en: "   none" },
  dueAligned: { fr: "à faire  ", en: "due      " },
  demoDone: (seconds: number, exchangeId: string, database: string) => ({
    fr: `Terminé en ${seconds.toFixed(1).replace(".", ",")} s. Pour continuer : entre-pairs show ${exchangeId} --database ${database}`,
    en: `Done in ${seconds.toFixed(1)} s. Next: entre-pairs show ${exchangeId} --database ${database}`
  })
} as const satisfies Record<string, Text | ((...args: ReadonlyArray<never>) => Text)>

type Table = typeof table

/** The table itself, for a text carried in both languages (`texts.attemptSendNamed`). */
export const texts: Table = table

/** The table in one language: the same keys, texts become strings. */
export type Messages = {
  readonly [K in keyof Table]: Table[K] extends (...args: infer A) => Text ? (...args: A) => string : string
}

const inLanguage = (lang: Lang): Messages =>
  Object.fromEntries(
    Object.entries(table).map(([key, entry]) => [
      key,
      typeof entry === "function" ? (...args: ReadonlyArray<never>) => (entry as (...a: ReadonlyArray<never>) => Text)(...args)[lang] : (entry as Text)[lang]
    ])
  ) as unknown as Messages

const byLanguage: Record<Lang, Messages> = { fr: inLanguage("fr"), en: inLanguage("en") }

/** Every message in `lang`. */
export const messages = (lang: Lang): Messages => byLanguage[lang]

/** A text of the domain (`{ fr, en }`) in `lang`. */
export const say = (text: Text, lang: Lang): string => (lang === "fr" ? text.fr : text.en)
