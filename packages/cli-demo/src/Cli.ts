/**
 * The `entre-pairs` command line: the command tree and a runner that maps
 * every outcome to an exit code (0 ok, advisories allowed; 1 refused command
 * or blocking violations; 2 invalid input or usage). Expected failures print
 * a message (with `--json`, a JSON document `{ "ok": false, … }` on stdout),
 * never a stack trace; only a defect — a bug — prints « Erreur interne ».
 *
 * @since 0.1.0
 */
import * as Command from "@effect/cli/Command"
import * as ValidationError from "@effect/cli/ValidationError"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"
import { CliExit } from "./internal/Common.js"
import { root } from "./internal/Commands.js"
import * as Output from "./internal/Output.js"

declare const __CLI_VERSION__: string | undefined

/**
 * The version printed by `--version`.
 *
 * @since 0.1.0
 */
export const version: string = typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "0.0.0"

/**
 * The root command, with every subcommand (for embedding or testing).
 *
 * @example
 * import { Cli } from "@entre-pairs/cli-demo"
 * import * as Command from "@effect/cli/Command"
 * const run = Command.run(Cli.command, { name: "entre-pairs", version: Cli.version })
 * @since 0.1.0
 */
export const command = root

const ansi = /\u001b\[[0-9;]*[A-Za-z]/g

/**
 * A console that strips ANSI escapes from what it prints when the stream is
 * not a terminal (or `NO_COLOR` is set): @effect/cli colours its help and
 * errors unconditionally.
 *
 * @since 0.1.0
 */
export const plainConsole = (
  base: Console.Console,
  stdoutPlain: boolean,
  stderrPlain: boolean,
  /** Receives what would go to stderr instead (the usage errors of a `--json` run). */
  captureErrors?: (text: string) => void
): Console.Console => {
  const strip = (plain: boolean) => (args: ReadonlyArray<unknown>) =>
    plain ? args.map((a) => (typeof a === "string" ? a.replace(ansi, "") : a)) : args
  const text = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a : String(a))).join(" ")
  const log = (...args: ReadonlyArray<unknown>) => Output.out(text(strip(stdoutPlain)(args)))
  const error = (...args: ReadonlyArray<unknown>) =>
    captureErrors === undefined ? Output.err(text(strip(stderrPlain)(args))) : Effect.sync(() => captureErrors(text(strip(true)(args))))
  return { ...base, log, info: log, error, warn: error }
}

const cli = Command.run(root, { name: "entre-pairs", version })

/**
 * Runs the CLI on `argv` (as `process.argv`: node, script, …args) and
 * succeeds with the exit code. Never fails: every failure has been printed.
 *
 * @example
 * import { Cli } from "@entre-pairs/cli-demo"
 * import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
 * NodeRuntime.runMain(Cli.run(process.argv), { disableErrorReporting: true })
 * @since 0.1.0
 */
export const run = (argv: ReadonlyArray<string>): Effect.Effect<0 | 1 | 2> => {
  Output.watchStreams()
  const noColor = "NO_COLOR" in process.env
  // With --json, a usage error is one JSON document on stdout, not help text on stderr.
  const json = argv.slice(2).includes("--json")
  const usage: Array<string> = []
  const program = cli(argv).pipe(
    Effect.as(0 as const),
    Effect.catchAll((e) => {
      if (e instanceof CliExit) {
        if (e.printed === true) return Effect.succeed(e.code)
        return Effect.as(json ? Output.json({ ok: false, ...(e.json ?? { error: e.message }) }) : Output.err(e.message), e.code)
      }
      // @effect/cli printed the usage error (or, with --json, handed it over).
      if (ValidationError.isValidationError(e)) {
        const message = usage.join("\n").trim()
        return Effect.as(json ? Output.json({ ok: false, error: "usage", message }) : Effect.void, 2 as const)
      }
      const message = String((e as Error)?.message ?? e)
      return Effect.as(json ? Output.json({ ok: false, error: message }) : Output.err(message), 1 as const)
    }),
    Effect.catchAllDefect((defect) =>
      Effect.as(Output.err(`Erreur interne / internal error: ${defect instanceof Error ? (defect.stack ?? defect.message) : String(defect)}`), 1 as const)
    ),
    Effect.provide(NodeContext.layer)
  )
  return Effect.flatMap(Effect.console, (base) =>
    Effect.withConsole(
      program,
      plainConsole(base, noColor || !process.stdout.isTTY, noColor || !process.stderr.isTTY, json ? (text) => void usage.push(text) : undefined)
    )
  )
}
