/**
 * Shared machinery of the handlers: the store layer, reading inputs,
 * printing results, and turning domain failures into exit codes.
 */
import { type Decider, type EventStore, ExchangeService, type Violation, type View } from "@entre-pairs/core"
import { SqlEventStore } from "@entre-pairs/adapters-sql"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { readFileSync } from "node:fs"
import { CliExit, type Common, type Lang, t } from "./Common.js"

/** The store of the options: PostgreSQL when a URL is given, else the SQLite file. */
export const storeLayer = (c: Pick<Common, "database" | "databaseUrl">, sqlite: { synchronous?: "FULL" | "NORMAL" } = {}) =>
  ExchangeService.layer().pipe(
    Layer.provideMerge(
      // An empty DATABASE_URL (as CI systems often export) means "not set".
      Option.match(Option.filter(c.databaseUrl, (url) => url.trim() !== ""), {
        onNone: () => SqlEventStore.layerSqlite({ filename: c.database, ...sqlite }),
        onSome: (url) => SqlEventStore.layerPg({ url })
      })
    )
  )

/** Prints a line on stdout. */
export const out = (line: string) => Effect.sync(() => process.stdout.write(line + "\n"))
/** Prints a line on stderr. */
export const err = (line: string) => Effect.sync(() => process.stderr.write(line + "\n"))
/** Prints a JSON value on stdout. */
export const printJson = (value: unknown) => out(JSON.stringify(value, null, 2))

/** A path as `a.b[0].c`. */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.length === 0
    ? "(racine)"
    : path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("")

/** A violation as JSON for scripts. */
export const violationJson = (v: Violation.Violation, lang: Lang) => ({
  rule: v.rule,
  kind: v.kind,
  path: formatPath(v.path),
  message: lang === "fr" ? v.message.fr : v.message.en
})

/** A violation as one line of text. */
export const violationLine = (v: Violation.Violation, lang: Lang) =>
  `${v.kind === "blocking" ? "✗" : "⚠"} ${v.rule} ${t(lang, v.kind === "blocking" ? "(bloquant)" : "(conseil)", `(${v.kind})`)} — ${lang === "fr" ? v.message.fr : v.message.en}${v.path.length > 0 ? `  [${formatPath(v.path)}]` : ""}`

/** Reads `<json>` or `@file` (or `-` for stdin) into a value; exit 2 on failure. */
export const readJsonArgument = (raw: string, lang: Lang) =>
  Effect.gen(function* () {
    const source = raw === "-" ? "/dev/stdin" : raw.startsWith("@") ? raw.slice(1) : undefined
    const text =
      source === undefined
        ? raw
        : yield* Effect.try({
            try: () => readFileSync(source, "utf8"),
            catch: (e) => new CliExit({ code: 2, message: t(lang, `Fichier illisible : ${source} (${String((e as Error).message)})`, `Unreadable file: ${source} (${String((e as Error).message)})`) })
          })
    return yield* parseJson(text, source ?? t(lang, "argument", "argument"), lang)
  })

/** Parses JSON text; exit 2 with the position on a syntax error. */
export const parseJson = (text: string, where: string, lang: Lang) =>
  Effect.try({
    try: () => JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown,
    catch: (e) =>
      new CliExit({
        code: 2,
        message: t(lang, `JSON invalide dans ${where} : ${(e as Error).message}`, `Invalid JSON in ${where}: ${(e as Error).message}`)
      })
  })

/** Reads a file as text; exit 2 when it cannot be read. */
export const readText = (file: string, lang: Lang) =>
  Effect.try({
    try: () => readFileSync(file, "utf8"),
    catch: (e) =>
      new CliExit({ code: 2, message: t(lang, `Fichier illisible : ${file} (${(e as Error).message})`, `Unreadable file: ${file} (${(e as Error).message})`) })
  })

/** An expected failure, explained: exit code, message, JSON form, detail lines. */
export interface Described {
  readonly code: 1 | 2
  readonly message: string
  readonly json: Record<string, unknown>
  readonly lines: ReadonlyArray<string>
}

/** Explains a failure of the domain or the store in a language. */
export const describeFailure = (e: unknown, lang: Lang): Described => {
  const d = (code: 1 | 2, message: string, json: Record<string, unknown>, lines: ReadonlyArray<string> = []): Described => ({ code, message, json, lines })
  if (e instanceof CliExit) return d(e.code, e.message, { error: e.message })
  const tag = (e as { _tag?: string })._tag
  switch (tag) {
    case "RuleViolation": {
      const vs = (e as { violations: ReadonlyArray<Violation.Violation> }).violations
      return d(
        1,
        t(lang, `Commande refusée (${vs.map((v) => v.rule).join(", ")}) :`, `Command refused (${vs.map((v) => v.rule).join(", ")}):`),
        { refused: vs.map((v) => violationJson(v, lang)) },
        vs.map((v) => "  " + violationLine(v, lang))
      )
    }
    case "InvalidCommand": {
      const ic = e as Decider.InvalidCommand
      const reason = lang === "fr" ? ic.reason.fr : ic.reason.en
      return d(2, t(lang, `Commande invalide ${ic.command} : ${formatPath(ic.path)} : ${reason}`, `Invalid command ${ic.command}: ${formatPath(ic.path)}: ${reason}`), {
        invalid: { command: ic.command, path: formatPath(ic.path), message: reason }
      })
    }
    case "ViewRefused": {
      const vr = e as View.ViewRefused
      const reason = lang === "fr" ? vr.reason.fr : vr.reason.en
      return d(1, t(lang, `Document refusé (${vr.rule}) : ${reason}`, `Document refused (${vr.rule}): ${reason}`), {
        refused: [{ rule: vr.rule, kind: "blocking", path: "", message: reason }]
      })
    }
    case "ViewUnavailable": {
      const vu = e as View.ViewUnavailable
      const reason = lang === "fr" ? vu.reason.fr : vu.reason.en
      return d(1, t(lang, `Document indisponible (${vu.output}) : ${reason}`, `Document unavailable (${vu.output}): ${reason}`), {
        unavailable: { output: vu.output, message: reason }
      })
    }
    case "ExchangeNotFound": {
      const id = (e as { exchangeId?: string }).exchangeId ?? ""
      return d(2, t(lang, `Échange inconnu : ${id}`, `Unknown exchange: ${id}`), { error: "ExchangeNotFound", exchange: id })
    }
    case "ConcurrencyConflict":
      return d(1, t(lang, `Conflit : un autre processus a écrit avant (${(e as Error).message})`, `Conflict: another writer appended first (${(e as Error).message})`), {
        conflict: (e as Error).message
      })
    case "EventStoreError": {
      const se = e as EventStore.EventStoreError
      return d(se.operation === "migrate" ? 2 : 1, t(lang, `Base de données : ${se.reason}`, `Database: ${se.reason}`), { store: se.reason })
    }
    default: {
      const message = String((e as Error)?.message ?? e)
      return d(1, t(lang, `Erreur : ${message}`, `Error: ${message}`), { error: message })
    }
  }
}

/**
 * Turns every expected failure of the domain and the store into a
 * `CliExit` with its code, printed in the chosen language (or as JSON).
 */
export const handleFailures = (c: Pick<Common, "json" | "lang">) =>
  <A, R>(self: Effect.Effect<A, unknown, R>): Effect.Effect<A, CliExit, R> =>
    Effect.catchAll(self, (e): Effect.Effect<never, CliExit> => {
      if (e instanceof CliExit && (e.printed === true || !c.json)) return Effect.fail(e)
      const f = describeFailure(e, c.lang)
      return Effect.zipRight(
        c.json ? printJson({ ok: false, ...f.json }) : Effect.forEach([f.message, ...f.lines], err, { discard: true }),
        Effect.fail(new CliExit({ code: f.code, message: f.message, printed: true }))
      )
    })

/** Runs a program against the configured store. */
export const withStore = <A, E, R extends Layer.Layer.Success<ReturnType<typeof storeLayer>>>(c: Common, program: Effect.Effect<A, E, R>) =>
  program.pipe(Effect.provide(storeLayer(c)), handleFailures(c))
