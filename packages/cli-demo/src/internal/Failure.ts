/**
 * Turns every expected failure of the domain, the store and the inputs into
 * an exit code and an explanation, printed as text on stderr or as one JSON
 * document (`{ "ok": false, … }`) on stdout.
 */
import type { Decider, EventStore, View, Violation } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import { CliExit, type Lang, type OutputOptions } from "./Common.js"
import { formatPath, short, violationJson, violationLine } from "./Format.js"
import { messages, say } from "./Messages.js"
import * as Output from "./Output.js"

/** An expected failure, explained: exit code, message, JSON form, detail lines. */
export interface Described {
  readonly code: 1 | 2
  readonly message: string
  readonly json: Record<string, unknown>
  readonly lines: ReadonlyArray<string>
}

/** Explains a failure of the domain or the store in a language. */
export const describeFailure = (e: unknown, lang: Lang): Described => {
  const m = messages(lang)
  const d = (code: 1 | 2, message: string, json: Record<string, unknown>, lines: ReadonlyArray<string> = []): Described => ({ code, message, json, lines })
  if (e instanceof CliExit) return d(e.code, e.message, e.json ?? { error: e.message })
  const tag = (e as { _tag?: string })._tag
  switch (tag) {
    case "RuleViolation": {
      const vs = (e as { violations: ReadonlyArray<Violation.Violation> }).violations
      return d(
        1,
        m.refused(vs.map((v) => v.rule).join(", ")),
        { refused: vs.map((v) => violationJson(v, lang)) },
        vs.map((v) => "  " + violationLine(v, lang))
      )
    }
    case "InvalidCommand": {
      const ic = e as Decider.InvalidCommand
      const reason = short(say(ic.reason, lang), 500)
      return d(2, m.invalidCommandAt(ic.command, formatPath(ic.path), reason), {
        invalid: { command: ic.command, path: formatPath(ic.path), message: reason }
      })
    }
    case "ViewRefused": {
      const vr = e as View.ViewRefused
      const reason = say(vr.reason, lang)
      return d(1, m.documentRefused(vr.rule, reason), { refused: [{ rule: vr.rule, kind: "blocking", path: "", message: reason }] })
    }
    case "ViewUnavailable": {
      const vu = e as View.ViewUnavailable
      const reason = say(vu.reason, lang)
      return d(1, m.documentUnavailable(vu.output, reason), { unavailable: { output: vu.output, message: reason } })
    }
    case "ExchangeNotFound": {
      const id = (e as { exchangeId?: string }).exchangeId ?? ""
      return d(2, m.unknownExchange(id), { error: "ExchangeNotFound", exchange: id })
    }
    case "ConcurrencyConflict":
      return d(1, m.conflict((e as Error).message), { conflict: (e as Error).message })
    case "EventStoreError": {
      const se = e as EventStore.EventStoreError
      // A refused migration or query (bad cursor, limit) is the caller's input: exit 2.
      return d(se.operation === "migrate" || se.operation === "query" ? 2 : 1, m.database(se.reason), { store: se.reason })
    }
    default: {
      const message = short(String((e as Error)?.message ?? e), 500)
      return d(1, m.error(message), { error: message })
    }
  }
}

/**
 * Turns every expected failure into a `CliExit` with its code, printed in
 * the chosen language (or as JSON).
 */
export const handleFailures = (c: OutputOptions) =>
  <A, R>(self: Effect.Effect<A, unknown, R>): Effect.Effect<A, CliExit, R> =>
    Effect.catchAll(self, (e): Effect.Effect<never, CliExit> => {
      if (e instanceof CliExit && (e.printed === true || !c.json)) return Effect.fail(e)
      const f = describeFailure(e, c.lang)
      return Effect.zipRight(
        c.json ? Output.json({ ok: false, ...f.json }) : Output.errLines([f.message, ...f.lines]),
        Effect.fail(new CliExit({ code: f.code, message: f.message, printed: true }))
      )
    })

/** Fails with exit code 2 (invalid input) and a message. */
export const invalid = (message: string, json?: Record<string, unknown>): CliExit =>
  new CliExit({ code: 2, message, ...(json === undefined ? {} : { json }) })
