/**
 * Driver errors into the port's `EventStoreError`, and the discipline of
 * every message this package builds: a value is never echoed in full (a
 * 20 MB title would become a 20 MB message, log line and HTTP body).
 *
 * @internal
 */
import { SqlError } from "@effect/sql/SqlError"
import { EventStore as Port } from "@entre-pairs/core"
import * as Schema from "effect/Schema"

/** @internal */
export type Operation = Port.EventStoreError["operation"]

/** Longest excerpt of a value or a driver message kept in an error message. */
export const EXCERPT = 120

const count = new Intl.NumberFormat("en-US")

/**
 * `text` if short, else its first `max` characters (never half a surrogate
 * pair) and how long it was: `"aaaa…" (20,971,520 characters)`.
 *
 * @internal
 */
export const excerpt = (text: string, max = EXCERPT): string => {
  if (text.length <= max) return text
  let end = max
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end--
  return `${text.slice(0, end)}… (${count.format(text.length)} characters)`
}

/** A value quoted for a message, shortened by {@link excerpt}. @internal */
export const quote = (value: string): string => `"${excerpt(value)}"`

const describe = (error: unknown): string => {
  if (error instanceof SqlError) {
    const cause = error.cause
    const detail = cause instanceof Error ? cause.message : cause === undefined ? "" : String(cause)
    return detail === "" || detail === error.message ? error.message : `${error.message}: ${detail}`
  }
  if (error instanceof Error) return error.message
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") {
    return error.message
  }
  return String(error)
}

/** The port's error for a failed operation, the driver's message shortened. @internal */
export const storeError = (operation: Operation) => (error: unknown): Port.EventStoreError =>
  error instanceof Port.EventStoreError
    ? error
    : new Port.EventStoreError({ operation, reason: excerpt(describe(error), 4 * EXCERPT), cause: error })

/** The driver's verdict that a primary key already exists (a lost race on `(stream, version)`). @internal */
export const isUniqueViolation = (error: unknown): boolean => {
  const cause = error instanceof SqlError ? error.cause : error
  const code = typeof cause === "object" && cause !== null && "code" in cause ? cause.code : undefined
  return code === "23505" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE"
}

/** A database that cannot be opened (path, permissions, not a database, server unreachable). @internal */
export class OpenError {
  readonly _tag = "OpenError"
  constructor(readonly cause: unknown) {}
}

/**
 * The database's schema is not the one this release writes: migrated by a
 * newer release (never write to it: upgrade the application), or older and
 * opened with `migrate: false` (run the migrations first). Nothing was read
 * or written.
 *
 * @example
 * import { SqlEventStore } from "@entre-pairs/adapters-sql"
 * const error = new SqlEventStore.SchemaVersionMismatch({ databaseVersion: 4, supportedVersion: 3 })
 * error.message // "the database schema is at version 4, newer than version 3 that this release of …"
 * @since 0.1.0
 */
export class SchemaVersionMismatch extends Schema.TaggedError<SchemaVersionMismatch>(
  "@entre-pairs/adapters-sql/SchemaVersionMismatch"
)("SchemaVersionMismatch", {
  /** The last migration applied to the database. */
  databaseVersion: Schema.Number,
  /** The last migration this release knows. */
  supportedVersion: Schema.Number
}) {
  /** Whether a newer release migrated the database. */
  get newer(): boolean {
    return this.databaseVersion > this.supportedVersion
  }
  /** The explanation, in French and in English. */
  get reason(): { readonly fr: string; readonly en: string } {
    const { databaseVersion: db, supportedVersion: supported } = this
    return this.newer
      ? {
        fr:
          `le schéma de la base est en version ${db}, plus récente que la version ${supported} que connaît cette version d'entre-pairs : ` +
          `une version plus récente l'a migrée ; mettez l'application à jour, elle n'écrira pas dans cette base`,
        en:
          `the database schema is at version ${db}, newer than version ${supported} that this release of entre-pairs knows: ` +
          `a newer release migrated it; upgrade the application, which will not write to this database`
      }
      : {
        fr:
          `le schéma de la base est en version ${db}, plus ancienne que la version ${supported} qu'attend cette version d'entre-pairs : ` +
          `lancez les migrations (SqlEventStore.migrate) avant de l'ouvrir avec migrate: false`,
        en:
          `the database schema is at version ${db}, older than version ${supported} that this release of entre-pairs needs: ` +
          `run the migrations (SqlEventStore.migrate) before opening it with migrate: false`
      }
  }
  override get message(): string {
    return this.reason.en
  }
}
