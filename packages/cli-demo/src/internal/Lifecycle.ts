/**
 * Running lifecycle commands: decoding an encoded `Command.ExchangeCommand`,
 * executing it through the store, printing what was accepted. Shared by
 * `exchange exec`, every ergonomic lifecycle subcommand, `agents import
 * --exchange` and the demo.
 */
import { Command } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { CliExit, type Common, type Lang, type OutputOptions } from "./Common.js"
import { describeFailure, invalid } from "./Failure.js"
import { formatPath, short, stateLabel, violationJson, violationLine } from "./Format.js"
import { messages } from "./Messages.js"
import * as Output from "./Output.js"
import * as Store from "./Store.js"

const decodeCommand = Schema.decodeUnknownEither(Command.ExchangeCommand, { errors: "all", onExcessProperty: "error" })

/** Decodes an encoded command; exit 2 listing each fault with its path. */
export const decodeCommandOrExit = (input: unknown, lang: Lang): Effect.Effect<Command.ExchangeCommand, CliExit> => {
  const decoded = decodeCommand(input)
  if (Either.isRight(decoded)) return Effect.succeed(decoded.right)
  const faults = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)
  const message = [messages(lang).invalidCommand, ...faults.map((f) => `  - ${formatPath(f.path)} : ${short(f.message)}`)].join("\n")
  return Effect.fail(invalid(message, { error: message, faults: faults.map((f) => ({ path: formatPath(f.path), message: short(f.message) })) }))
}

/** An accepted command as JSON. */
export const executedJson = (r: Store.Executed, lang: Lang) => ({
  ok: true,
  exchange: r.exchangeId,
  command: r.command,
  state: r.snapshot.state,
  version: r.version,
  events: r.events.map((e) => e._tag),
  advisories: r.advisories.map((v) => violationJson(v, lang))
})

/** Prints an accepted command. */
export const printExecuted = (r: Store.Executed, c: OutputOptions): Effect.Effect<void> =>
  Output.result(c, {
    json: () => executedJson(r, c.lang),
    text: () => [
      `✓ ${r.command} — ${r.exchangeId} : ${messages(c.lang).state} « ${stateLabel(r.snapshot.state, c.lang)} » (version ${r.version})`,
      ...r.advisories.map((v) => "  " + violationLine(v, c.lang))
    ]
  })

const decodeForExchange = (exchangeId: string, encoded: unknown, lang: Lang) =>
  Effect.gen(function* () {
    const m = messages(lang)
    if (typeof encoded !== "object" || encoded === null || Array.isArray(encoded)) return yield* invalid(m.commandIsObject)
    const record = encoded as Record<string, unknown>
    const input = record["_tag"] === "Propose" && record["exchangeId"] === undefined ? { ...record, exchangeId } : record
    const command = yield* decodeCommandOrExit(input, lang)
    if (command._tag === "Propose" && command.exchangeId !== exchangeId) return yield* invalid(m.exchangeIdMismatch(command.exchangeId, exchangeId))
    return command
  })

/**
 * Runs encoded commands on an exchange, in order, each in its own
 * transaction, stopping at the first refusal. Text: one line per command.
 * JSON: one object for one command; for several (`asArray`), one array, or
 * on a refusal one object `{ ok: false, executed: […], refused: […] }`.
 */
export const executeAll = (c: Common, exchangeId: string, encoded: ReadonlyArray<unknown>, asArray = encoded.length !== 1) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const done: Array<Store.Executed> = []
      for (const item of encoded) {
        const result = yield* Effect.either(Effect.flatMap(decodeForExchange(exchangeId, item, c.lang), (command) => Store.execute(exchangeId, command)))
        if (result._tag === "Left") {
          if (!c.json || !asArray) return yield* Effect.fail(result.left)
          const f = describeFailure(result.left, c.lang)
          yield* Output.json({ ok: false, executed: done.map((r) => executedJson(r, c.lang)), ...f.json })
          return yield* new CliExit({ code: f.code, message: f.message, printed: true })
        }
        done.push(result.right)
        if (!c.json) yield* printExecuted(result.right, c)
      }
      if (c.json) yield* Output.json(asArray ? done.map((r) => executedJson(r, c.lang)) : executedJson(done[0]!, c.lang))
    })
  )

/** Runs one encoded command on an exchange. */
export const execute = (c: Common, exchangeId: string, encoded: Record<string, unknown>) => executeAll(c, exchangeId, [encoded], false)
