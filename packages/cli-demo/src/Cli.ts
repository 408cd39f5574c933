/**
 * The `entre-pairs` command line: the command tree and a runner that maps
 * every outcome to an exit code (0 ok, advisories allowed; 1 refused command
 * or blocking violations; 2 invalid input or usage).
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
export const plainConsole = (base: Console.Console, stdoutPlain: boolean, stderrPlain: boolean): Console.Console => {
  const strip = (plain: boolean) => (args: ReadonlyArray<unknown>) =>
    plain ? args.map((a) => (typeof a === "string" ? a.replace(ansi, "") : a)) : args
  const log = (...args: ReadonlyArray<unknown>) => Effect.sync(() => globalThis.console.log(...strip(stdoutPlain)(args)))
  const error = (...args: ReadonlyArray<unknown>) => Effect.sync(() => globalThis.console.error(...strip(stderrPlain)(args)))
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
  const noColor = "NO_COLOR" in process.env
  const program = cli(argv).pipe(
    Effect.as(0 as const),
    Effect.catchAll((e) => {
      if (e instanceof CliExit) {
        return e.printed === true ? Effect.succeed(e.code) : Effect.as(Console.error(e.message), e.code)
      }
      // @effect/cli already printed the usage error.
      if (ValidationError.isValidationError(e)) return Effect.succeed(2 as const)
      return Effect.as(Console.error(String((e as Error)?.message ?? e)), 1 as const)
    }),
    Effect.catchAllDefect((defect) => Effect.as(Console.error("Erreur interne / internal error:", defect), 1 as const)),
    Effect.provide(NodeContext.layer)
  )
  return Effect.flatMap(Effect.console, (base) =>
    Effect.withConsole(program, plainConsole(base, noColor || !process.stdout.isTTY, noColor || !process.stderr.isTTY))
  )
}
