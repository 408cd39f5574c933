/**
 * The handlers of the commands that work on exchanges, rules and snapshot
 * files. Loaded on demand (dynamic import) so `--help` never pays for the
 * domain, the database drivers or the renderers.
 */
import { Command, Evaluate, Exchange, ExchangeService, type Obligations, Rules, View } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { CliExit, type Common, type Lang, t } from "./Common.js"
import * as L from "./Labels.js"
import * as Store from "./Store.js"
import {
  describeFailure,
  err,
  formatPath,
  handleFailures,
  out,
  parseJson,
  printJson,
  readJsonArgument,
  readText,
  violationJson,
  violationLine,
  withStore
} from "./Runtime.js"

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const dateFormat = (lang: Lang, withTime = false) =>
  new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
    timeZone: "Europe/Paris",
    dateStyle: "long",
    ...(withTime ? { timeStyle: "short" as const } : {})
  })

/** A date in Paris time, in words. */
export const formatDate = (d: DateTime.Utc | Date, lang: Lang, withTime = false): string =>
  dateFormat(lang, withTime).format(d instanceof Date ? d : DateTime.toDateUtc(d)).replace(/\u202f/g, " ")

/** Parses `--at` (ISO-8601); exit 2 when it is not a date. */
export const parseAt = (raw: Option.Option<string>, lang: Lang) =>
  Option.match(raw, {
    onNone: () => DateTime.now,
    onSome: (s) =>
      Option.match(DateTime.make(s), {
        onNone: () =>
          Effect.fail(new CliExit({ code: 2, message: t(lang, `Date invalide : « ${s} » (ISO 8601 attendu, ex. 2027-01-31)`, `Invalid date: "${s}" (ISO 8601 expected, e.g. 2027-01-31)`) })),
        onSome: (d) => Effect.succeed(DateTime.toUtc(d))
      })
  })

// ---------------------------------------------------------------------------
// Commands of the lifecycle
// ---------------------------------------------------------------------------

const decodeCommand = Schema.decodeUnknownEither(Command.ExchangeCommand, { errors: "all", onExcessProperty: "error" })

/** Decodes an encoded command; exit 2 listing each fault with its path. */
export const decodeCommandOrExit = (input: unknown, lang: Lang) => {
  const decoded = decodeCommand(input)
  if (Either.isRight(decoded)) return Effect.succeed(decoded.right)
  const faults = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
  return Effect.fail(
    new CliExit({
      code: 2,
      message: [
        t(lang, "Commande invalide :", "Invalid command:"),
        ...faults.map((f) => `  - ${formatPath(f.path)} : ${f.message}`)
      ].join("\n")
    })
  )
}

/** Prints an accepted command. */
export const printExecuted = (r: Store.Executed, c: Pick<Common, "json" | "lang">): Effect.Effect<void> =>
  c.json
    ? printJson(executedJson(r, c.lang))
    : Effect.forEach(
        [
          `✓ ${r.command} — ${r.exchangeId} : ${t(c.lang, "état", "state")} « ${L.label(L.states, r.snapshot.state, c.lang)} » (version ${r.version})`,
          ...r.advisories.map((v) => "  " + violationLine(v, c.lang))
        ],
        out,
        { discard: true }
      )

const decodeForExchange = (exchangeId: string, encoded: unknown, lang: Lang) =>
  Effect.gen(function* () {
    if (typeof encoded !== "object" || encoded === null || Array.isArray(encoded)) {
      return yield* new CliExit({ code: 2, message: t(lang, "Une commande est un objet JSON avec _tag.", "A command is a JSON object with _tag.") })
    }
    const record = encoded as Record<string, unknown>
    const input = record["_tag"] === "Propose" && record["exchangeId"] === undefined ? { ...record, exchangeId } : record
    const command = yield* decodeCommandOrExit(input, lang)
    if (command._tag === "Propose" && command.exchangeId !== exchangeId) {
      return yield* new CliExit({
        code: 2,
        message: t(lang, `L'identifiant de la commande (${command.exchangeId}) diffère de l'argument (${exchangeId}).`, `The command's exchangeId (${command.exchangeId}) differs from the argument (${exchangeId}).`)
      })
    }
    return command
  })

const executedJson = (r: Store.Executed, lang: Lang) => ({
  ok: true,
  exchange: r.exchangeId,
  command: r.command,
  state: r.snapshot.state,
  version: r.version,
  events: r.events.map((e) => e._tag),
  advisories: r.advisories.map((v) => violationJson(v, lang))
})

/**
 * Runs encoded commands on an exchange, in order, each in its own
 * transaction, stopping at the first refusal. Text: one line per command.
 * JSON: one object for one command; for several (`asArray`), one array, or
 * on a refusal one object `{ ok: false, executed: […], refused: […] }`.
 */
export const executeAll = (c: Common, exchangeId: string, encoded: ReadonlyArray<unknown>, asArray = encoded.length !== 1) =>
  withStore(
    c,
    Effect.gen(function* () {
      const done: Array<Store.Executed> = []
      for (const item of encoded) {
        const result = yield* Effect.either(Effect.flatMap(decodeForExchange(exchangeId, item, c.lang), (command) => Store.execute(exchangeId, command)))
        if (result._tag === "Left") {
          if (!c.json || !asArray) return yield* Effect.fail(result.left)
          const f = describeFailure(result.left, c.lang)
          yield* printJson({ ok: false, executed: done.map((r) => executedJson(r, c.lang)), ...f.json })
          return yield* new CliExit({ code: f.code, message: f.message, printed: true })
        }
        done.push(result.right)
        if (!c.json) yield* printExecuted(result.right, c)
      }
      if (c.json) yield* printJson(asArray ? done.map((r) => executedJson(r, c.lang)) : executedJson(done[0]!, c.lang))
    })
  )

/** Runs one encoded command on an exchange. */
export const execute = (c: Common, exchangeId: string, encoded: Record<string, unknown>) => executeAll(c, exchangeId, [encoded], false)

/** `exchange exec <id> --command <json|@file|->`: one command, or an array run in order. */
export const exec = (c: Common, exchangeId: string, raw: string) =>
  Effect.flatMap(handleFailures(c)(readJsonArgument(raw, c.lang)), (value) =>
    executeAll(c, exchangeId, Array.isArray(value) ? value : [value], Array.isArray(value))
  )

// ---------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------

const loadOrExit = (exchangeId: string, lang: Lang) =>
  Effect.flatMap(Store.load(exchangeId), ({ state, version }) =>
    state === null
      ? Effect.fail(new CliExit({ code: 2, message: t(lang, `Échange inconnu : ${exchangeId}`, `Unknown exchange: ${exchangeId}`) }))
      : Effect.succeed({ snapshot: state, version })
  )

/** `exchange list [--state]`: the read models, through `ExchangeService.list`. */
export const list = (c: Common, state: Option.Option<string>) =>
  withStore(
    c,
    Effect.gen(function* () {
      const service = yield* ExchangeService.ExchangeService
      const models = yield* service.list(Option.isSome(state) ? { state: state.value as Exchange.ExchangeState } : undefined)
      if (c.json) return yield* printJson(models.map((m) => ({ id: m.exchangeId, title: m.title, state: m.state, version: m.version })))
      if (models.length === 0) return yield* out(t(c.lang, "Aucun échange.", "No exchange."))
      for (const m of models) {
        yield* out(`${m.exchangeId}  ${L.label(L.states, m.state, c.lang).padEnd(16)}  v${m.version}  ${m.title}`)
      }
    })
  )

const obligationJson = (o: Obligations.Obligation, lang: Lang) => ({
  rule: o.rule,
  what: lang === "fr" ? o.what.fr : o.what.en,
  owner: o.owner.label ?? L.label(L.owners, o.owner.role, lang),
  dueAt: DateTime.formatIso(o.dueAt),
  status: o.status,
  path: formatPath(o.path)
})

const obligationLine = (o: Obligations.Obligation, lang: Lang) =>
  `${o.status === "overdue" ? t(lang, "EN RETARD", "OVERDUE") : t(lang, "à faire", "due")} ${o.rule} — ${lang === "fr" ? o.what.fr : o.what.en} (${o.owner.label ?? L.label(L.owners, o.owner.role, lang)}, ${t(lang, "échéance", "due")} ${formatDate(o.dueAt, lang)})`

/** A value's JSON form with dates as UTC ISO-8601. */
export const toJson = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
      const original = this[key]
      return DateTime.isDateTime(original) ? DateTime.formatIso(DateTime.toUtc(original)) : v
    })
  )

/**
 * The snapshot in its interchange format; a state the decider reaches but
 * the snapshot schema's cross-references refuse (facilitators framed before
 * they are invited) falls back to the same fields, unchecked.
 */
const encodeSnapshot = (s: Exchange.ExchangeSnapshot): unknown => {
  try {
    return Exchange.encode(s)
  } catch {
    return toJson(s)
  }
}

/** `show <exchange>`. */
export const show = (c: Common, exchangeId: string, at: Option.Option<string>) =>
  withStore(
    c,
    Effect.gen(function* () {
      const now = yield* parseAt(at, c.lang)
      const { snapshot: s, version } = yield* loadOrExit(exchangeId, c.lang)
      const evaluation = Evaluate.evaluate(s, { at: now })
      if (c.json) {
        return yield* printJson({
          version,
          snapshot: encodeSnapshot(s),
          advisories: evaluation.advisories.map((v) => violationJson(v, c.lang)),
          violations: evaluation.blocking.map((v) => violationJson(v, c.lang)),
          obligations: evaluation.obligations.map((o) => obligationJson(o, c.lang))
        })
      }
      const lang = c.lang
      const lines = [
        `${s.title}`,
        `${s.id} — ${s.service ?? ""}`,
        `${t(lang, "État", "State")} : ${L.label(L.states, s.state, lang)} (version ${version})`,
        `${t(lang, "Membres", "Members")} : ${s.members.length} — ${t(lang, "volontaires", "volunteers")} : ${s.volunteers.length} — ${t(lang, "invités", "invited")} : ${s.invitations.length}`,
        `${t(lang, "Séances", "Sessions")} :`,
        ...s.sessions.map(
          (session, i) =>
            `  ${i + 1}. ${session.id} ${formatDate(session.scheduledAt, lang, true)} — ${session.status}${session.minutes.length > 0 ? `, ${t(lang, "compte rendu", "minutes")} v${session.minutes[session.minutes.length - 1]!.version}${session.minutes[session.minutes.length - 1]!.sentAt !== undefined ? t(lang, " envoyé", " sent") : ""}` : ""}`
        ),
        ...(evaluation.advisories.length > 0 ? [t(lang, "Conseils :", "Advisories:"), ...evaluation.advisories.map((v) => "  " + violationLine(v, lang))] : []),
        ...(evaluation.blocking.length > 0 ? [t(lang, "Violations bloquantes :", "Blocking violations:"), ...evaluation.blocking.map((v) => "  " + violationLine(v, lang))] : []),
        ...(evaluation.obligations.length > 0
          ? [t(lang, "Obligations ouvertes :", "Open obligations:"), ...evaluation.obligations.map((o) => "  " + obligationLine(o, lang))]
          : [t(lang, "Aucune obligation ouverte.", "No open obligation.")])
      ]
      yield* Effect.forEach(lines, out, { discard: true })
    })
  )

/** `obligations [exchange] [--at]`: due or overdue at that date (`ExchangeService.obligationsDue`). */
export const obligations = (c: Common, exchangeId: Option.Option<string>, at: Option.Option<string>) =>
  withStore(
    c,
    Effect.gen(function* () {
      const now = yield* parseAt(at, c.lang)
      const service = yield* ExchangeService.ExchangeService
      let rows: ReadonlyArray<ExchangeService.DueObligation>
      if (Option.isSome(exchangeId)) {
        const { snapshot } = yield* loadOrExit(exchangeId.value, c.lang)
        rows = View.obligations(snapshot, { at: now }).map((obligation) => ({ exchangeId: exchangeId.value, title: snapshot.title, obligation }))
      } else rows = yield* service.obligationsDue(now)
      if (c.json) return yield* printJson(rows.map((r) => ({ exchange: r.exchangeId, ...obligationJson(r.obligation, c.lang) })))
      if (rows.length === 0) return yield* out(t(c.lang, `Aucune obligation ouverte au ${formatDate(now, c.lang)}.`, `No open obligation on ${formatDate(now, c.lang)}.`))
      yield* out(t(c.lang, `Obligations ouvertes au ${formatDate(now, c.lang)} :`, `Open obligations on ${formatDate(now, c.lang)}:`))
      for (const r of rows) yield* out(`  ${r.exchangeId}  ${obligationLine(r.obligation, c.lang)}`)
    })
  )

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/** `rules [--kind] [--family]`. */
export const rules = (c: Pick<Common, "json" | "lang">, kind: Option.Option<string>) =>
  Effect.gen(function* () {
    const selected = Rules.all.filter((r) => Option.isNone(kind) || r.kind === kind.value || r.alsoKind === kind.value)
    if (c.json) {
      return yield* printJson(
        selected.map((r) => ({
          id: r.id,
          kind: r.kind,
          ...(r.alsoKind !== undefined ? { alsoKind: r.alsoKind } : {}),
          family: r.family,
          scope: r.scope,
          section: r.section,
          parameters: r.parameters.map((p) => p.key),
          title: c.lang === "fr" ? r.title.fr : r.title.en
        }))
      )
    }
    yield* out(t(c.lang, `${selected.length} règles (ID, nature, portée, section de la note, paramètres) :`, `${selected.length} rules (ID, kind, scope, section of the note, parameters):`))
    for (const r of selected) {
      const kindLabel = L.label(L.kinds, r.kind, c.lang) + (r.alsoKind !== undefined ? ` + ${L.label(L.kinds, r.alsoKind, c.lang)}` : "")
      const params = r.parameters.length > 0 ? `  [${r.parameters.map((p) => `${p.key} (${p.provenance === "note" ? t(c.lang, "note", "note") : t(c.lang, "local", "local")})`).join(", ")}]` : ""
      yield* out(`${r.id}  ${kindLabel.padEnd(20)} ${r.scope.padEnd(9)} ${r.section.padEnd(16)}${params}`)
      yield* out(`        ${c.lang === "fr" ? r.title.fr : r.title.en}`)
    }
  })

// ---------------------------------------------------------------------------
// check <snapshot.json>
// ---------------------------------------------------------------------------

/** `check <snapshot.json> [--at]`: 0 valid (advisories allowed), 1 blocking violations, 2 unreadable or undecodable. */
export const check = (c: Pick<Common, "json" | "lang">, file: string, at: Option.Option<string>) =>
  Effect.gen(function* () {
    const now = yield* parseAt(at, c.lang)
    const text = yield* readText(file, c.lang)
    const json = yield* parseJson(text, file, c.lang)
    const decoded = Exchange.decode(json)
    if (Either.isLeft(decoded)) {
      const faults = decoded.left.faults
      if (c.json) yield* printJson({ ok: false, faults: faults.map((f) => ({ path: formatPath(f.path), message: f.message })) })
      else {
        yield* err(t(c.lang, `${file} n'est pas un instantané d'échange valide (${faults.length} défaut${faults.length > 1 ? "s" : ""}) :`, `${file} is not a valid exchange snapshot (${faults.length} fault${faults.length > 1 ? "s" : ""}):`))
        for (const f of faults) yield* err(`  - ${formatPath(f.path)} : ${f.message}`)
      }
      return yield* new CliExit({ code: 2, message: "snapshot decode faults", printed: true })
    }
    const evaluation = Evaluate.evaluate(decoded.right, { at: now })
    const violations = [...evaluation.blocking, ...evaluation.advisories]
    if (c.json) {
      yield* printJson({
        violations: violations.map((v) => violationJson(v, c.lang)),
        obligations: evaluation.obligations.map((o) => obligationJson(o, c.lang))
      })
    } else {
      const s = decoded.right
      yield* out(`${s.title} (${s.id}) — ${t(c.lang, "état", "state")} « ${L.label(L.states, s.state, c.lang)} », ${t(c.lang, "évalué au", "evaluated on")} ${formatDate(now, c.lang)}`)
      if (violations.length === 0) yield* out(t(c.lang, "✓ Aucune violation.", "✓ No violation."))
      for (const v of violations) yield* out("  " + violationLine(v, c.lang))
      if (evaluation.obligations.length > 0) {
        yield* out(t(c.lang, "Obligations ouvertes :", "Open obligations:"))
        for (const o of evaluation.obligations) yield* out("  " + obligationLine(o, c.lang))
      }
      yield* out(
        evaluation.blocking.length > 0
          ? t(c.lang, `✗ ${evaluation.blocking.length} violation(s) bloquante(s).`, `✗ ${evaluation.blocking.length} blocking violation(s).`)
          : t(c.lang, `✓ Conforme (${evaluation.advisories.length} conseil(s)).`, `✓ Compliant (${evaluation.advisories.length} advisory(ies)).`)
      )
    }
    if (evaluation.blocking.length > 0) return yield* new CliExit({ code: 1, message: "blocking violations", printed: true })
  }).pipe(handleFailures(c))

// ---------------------------------------------------------------------------
// export
// ---------------------------------------------------------------------------

/** What `export` writes. */
export interface ExportRequest {
  readonly exchangeId: string
  readonly view: L.Output
  readonly audience: L.Audience
  readonly formats: ReadonlyArray<L.FileFormat>
  readonly sessionId: Option.Option<string>
  readonly agentId: Option.Option<string>
  readonly out: string
  readonly at: Option.Option<string>
}

const renderFormat = { md: "markdown", html: "html", odt: "odt", docx: "docx", pdf: "pdf", ics: "ics" } as const

/** Renders one view in one format; the renderers are loaded on first use. */
export const renderView = (view: View.View, format: L.FileFormat, lang: Lang) =>
  Effect.promise(async () => {
    const { Render } = await import("@entre-pairs/adapters-docs")
    if (format === "pdf") (await import("./PdfFonts.js")).memoiseFontTables()
    const options = { lang }
    return format === "ics"
      ? Render.render(view as Parameters<typeof Render.render>[0] & { _tag: "CalendarView" | "AgendaView" }, "ics", options)
      : Render.render(view as Parameters<typeof Render.render>[0], renderFormat[format], options)
  })

/** The file name of a view: `07-compte-rendu-seance-2.direction.pdf`. */
export const fileName = (output: L.Output, audience: L.Audience, format: L.FileFormat, suffix?: string) =>
  `${String(L.outputs.indexOf(output) + 1).padStart(2, "0")}-${L.outputSlugs[output]}${suffix === undefined ? "" : `-${suffix}`}.${L.audienceSlugs[audience]}.${format}`

/** Builds the request of a view, checking `--session` / `--agent`. */
export const viewRequest = (
  output: L.Output,
  audience: L.Audience,
  sessionId: Option.Option<string>,
  agentId: Option.Option<string>,
  lang: Lang
): Effect.Effect<View.Request, CliExit> => {
  if (output === "agenda" || output === "minutes") {
    return Option.match(sessionId, {
      onNone: () => Effect.fail(new CliExit({ code: 2, message: t(lang, `--session est requis pour ${output}`, `--session is required for ${output}`) })),
      onSome: (id) => Effect.succeed({ output, audience, sessionId: id } as View.Request)
    })
  }
  if (output === "attestation") {
    return Option.match(agentId, {
      onNone: () => Effect.fail(new CliExit({ code: 2, message: t(lang, "--agent est requis pour une attestation", "--agent is required for an attestation") })),
      onSome: (id) => Effect.succeed({ output, audience, agentId: id } as View.Request)
    })
  }
  return Effect.succeed({ output, audience } as View.Request)
}

/** `export <exchange> --view --audience --format [--session] [--agent] --out`. */
export const exportView = (c: Common, r: ExportRequest) =>
  withStore(
    c,
    Effect.gen(function* () {
      const now = yield* parseAt(r.at, c.lang)
      const request = yield* viewRequest(r.view, r.audience, r.sessionId, r.agentId, c.lang)
      const service = yield* ExchangeService.ExchangeService
      const view = yield* service.view(r.exchangeId, request, { at: now })
      if (view._tag === "CompositionView") {
        return yield* new CliExit({ code: 2, message: t(c.lang, "La composition (données de profil, animateurs seulement) n'a pas de mise en page : voir show --json.", "The composition (profile data, facilitators only) has no document layout: see show --json.") })
      }
      if (r.formats.includes("ics") && view._tag !== "CalendarView" && view._tag !== "AgendaView") {
        return yield* new CliExit({ code: 2, message: t(c.lang, "Le format ics est réservé au calendrier et aux ordres du jour.", "The ics format is for the calendar and agendas only.") })
      }
      mkdirSync(r.out, { recursive: true })
      const suffix = Option.getOrUndefined(Option.orElse(r.sessionId, () => r.agentId))
      const written: Array<string> = []
      for (const format of r.formats) {
        const bytes = yield* renderView(view, format, c.lang)
        const path = join(r.out, fileName(r.view, r.audience, format, suffix))
        writeFileSync(path, bytes)
        written.push(path)
      }
      if (c.json) yield* printJson({ ok: true, written })
      else for (const p of written) yield* out(`${t(c.lang, "écrit", "wrote")} ${p}`)
    })
  )

// ---------------------------------------------------------------------------
// JSON-valued options, invitations
// ---------------------------------------------------------------------------

/** Reads a `<json|@file|->` option, then continues with its value. */
export const withJson = <A, E, R>(c: Common, raw: string, f: (value: unknown) => Effect.Effect<A, E, R>) =>
  Effect.flatMap(handleFailures(c)(readJsonArgument(raw, c.lang)), f)

/** `exchange invite`: agents from a JSON value or from the directory. */
export const invite = (
  c: Common,
  exchangeId: string,
  o: { at: Option.Option<string>; agents: Option.Option<string>; fromDirectory: boolean; units: ReadonlyArray<string> }
) =>
  Effect.gen(function* () {
    const at = Option.isSome(o.at) ? { at: o.at.value } : {}
    if (o.fromDirectory) {
      const { readDirectory } = yield* Effect.promise(() => import("./Directory.js"))
      const agents = yield* withStore(c, readDirectory(o.units))
      if (agents.length === 0) {
        return yield* handleFailures(c)(Effect.fail(new CliExit({ code: 2, message: t(c.lang, "L'annuaire est vide (agents import d'abord).", "The directory is empty (run agents import first).") })))
      }
      const { Agent } = yield* Effect.promise(() => import("@entre-pairs/core"))
      return yield* execute(c, exchangeId, { _tag: "Invite", ...at, agents: agents.map((a) => Schema.encodeSync(Agent.Agent)(a)) })
    }
    if (Option.isNone(o.agents)) {
      return yield* handleFailures(c)(Effect.fail(new CliExit({ code: 2, message: t(c.lang, "--agents <json|@fichier> ou --from-directory est requis.", "--agents <json|@file> or --from-directory is required.") })))
    }
    return yield* withJson(c, o.agents.value, (agents) => execute(c, exchangeId, { _tag: "Invite", ...at, agents }))
  })
