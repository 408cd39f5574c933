/**
 * What every command shares: where the store is, the output language and
 * whether to print JSON. Light on purpose: the command tree is built from
 * this file at start-up, so it imports @effect/cli and effect only.
 */
import * as Options from "@effect/cli/Options"
import * as Config from "effect/Config"
import * as Data from "effect/Data"
import type * as Option from "effect/Option"

/** Output language: French by default. */
export type Lang = "fr" | "en"

/** The options shared by every command. */
export interface Common {
  readonly database: string
  readonly databaseUrl: Option.Option<string>
  readonly json: boolean
  readonly lang: Lang
}

/** What a command that never opens a database needs: JSON or text, and the language. */
export type OutputOptions = Pick<Common, "json" | "lang">

/** The shared options, spread into each command's options. */
export const common = {
  database: Options.text("database").pipe(
    Options.withDescription("Fichier SQLite (défaut ./entre-pairs.db) / SQLite file"),
    Options.withDefault("./entre-pairs.db")
  ),
  databaseUrl: Options.text("database-url").pipe(
    Options.withDescription("URL PostgreSQL (ou variable DATABASE_URL) / PostgreSQL URL (or DATABASE_URL)"),
    Options.withFallbackConfig(Config.string("DATABASE_URL")),
    Options.optional
  ),
  json: Options.boolean("json").pipe(Options.withDescription("Sortie JSON pour les scripts / JSON output for scripts")),
  lang: Options.choice("lang", ["fr", "en"] as const).pipe(
    Options.withDescription("Langue des messages / language of messages"),
    Options.withDefault("fr" as const)
  )
} as const

/** Options without the store (commands that never open a database). */
export const output = { json: common.json, lang: common.lang } as const

/**
 * How a command ends when it does not succeed: exit code 1 (refused command,
 * blocking violations) or 2 (invalid input or usage). `printed` says the
 * explanation was already written; `json` is the body of the JSON error
 * document (`{ ok: false, ...json }`) when it was not.
 */
export class CliExit extends Data.TaggedError("CliExit")<{
  readonly code: 1 | 2
  readonly message: string
  readonly printed?: boolean
  readonly json?: Record<string, unknown>
}> {}
