/**
 * (Over 450 lines: the facade is one public surface — its types, its errors
 * and the one function that builds it — documented where it is declared.)
 *
 * A Promise facade for applications that do not use Effect: the application
 * service of `@entre-pairs/core` over the SQL event store, behind plain async
 * methods, typed end to end. Input is JSON (commands as they arrive in an
 * HTTP body, instants as ISO-8601 strings); output is plain JSON too:
 * encoded events, the snapshot's interchange format, views with ISO-8601
 * strings for instants. Every failure rejects with an {@link EntrePairsError}
 * subclass that keeps the rule IDs and paths.
 *
 * @since 0.1.0
 */
import {
  Audience,
  Command,
  Event,
  Exchange,
  ExchangeService,
  Input,
  Obligations,
  Policy,
  type View,
  type Violation
} from "@entre-pairs/core"
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as JsonValue from "./internal/json.js"
import * as SqlEventStore from "./SqlEventStore.js"

/**
 * Where the events are kept: a SQLite file (the embedded default) or a
 * PostgreSQL server. Each needs its driver installed (`better-sqlite3`, or
 * `@effect/sql-pg` and `pg`).
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const embedded: Facade.StoreOptions = { sqlite: { filename: "entre-pairs.db" } }
 * const server: Facade.StoreOptions = { postgres: { url: "postgres://app@db.internal/entre_pairs" } }
 * @since 0.1.0
 */
export type StoreOptions =
  | { readonly sqlite: Omit<SqlEventStore.SqliteOptions, "afterEventsInsert"> }
  | {
    readonly postgres: {
      readonly url: string
      readonly maxConnections?: number | undefined
      readonly migrate?: boolean | undefined
    }
  }

/**
 * Options of {@link createEntrePairs}: the store, and optionally the
 * service's policy overrides and the number of retries on a concurrent write.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const options: Facade.Options = { sqlite: { filename: "entre-pairs.db" }, config: { sizeMax: 12 }, retries: 5 }
 * @since 0.1.0
 */
export type Options = StoreOptions & {
  /** The service's policy overrides (each exchange's own are in its framing). */
  readonly config?: typeof Policy.PolicyOverrides.Encoded | undefined
  /** Reloads and decisions on a concurrent write before `ConcurrencyConflictError` (default 3). */
  readonly retries?: number | undefined
}

/**
 * An instant: an ISO-8601 string, a `Date` or epoch milliseconds.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const instants: Array<Facade.InstantInput> = ["2026-12-03T13:30:00Z", new Date(), 1796304600000]
 * @since 0.1.0
 */
export type InstantInput = string | Date | number

/**
 * A command, as JSON: one member of the encoded command union
 * (`Command.ExchangeCommandEncoded`), discriminated by `_tag`. A wrong tag or
 * a wrong field does not compile; `at` is an ISO-8601 string (a `Date` is
 * accepted at run time and read as its ISO string).
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const command: Facade.Command = { _tag: "Propose", exchangeId: "ech-1", title: "Accueil des usagers", by: "agents" }
 * @since 0.1.0
 */
export type Command = Command.ExchangeCommandEncoded

/**
 * The tag of a command (`"Propose"`, `"Frame"`, …).
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const tag: Facade.CommandTag = "ScheduleSession"
 * @since 0.1.0
 */
export type CommandTag = Command.CommandTag

/**
 * The audiences a view is built for.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const audience: Facade.ViewAudience = "lineManagers"
 * @since 0.1.0
 */
export type ViewAudience = Audience.Audience

/**
 * The views an exchange offers.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const output: Facade.Output = "minutes"
 * @since 0.1.0
 */
export type Output = Audience.Output

/**
 * What {@link EntrePairs.view} asks for: an output, an audience, and the
 * session (agenda, minutes) or the agent (attestation) it is about.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const request: Facade.ViewRequest = { output: "minutes", audience: "lineManagers", sessionId: "s2" }
 * @since 0.1.0
 */
export type ViewRequest =
  | { readonly output: "agenda" | "minutes"; readonly audience: ViewAudience; readonly sessionId: string }
  | { readonly output: "attestation"; readonly audience: ViewAudience; readonly agentId: string }
  | { readonly output: Exclude<Output, "agenda" | "minutes" | "attestation">; readonly audience: ViewAudience }

/**
 * A value as JSON: Effect `DateTime`s become ISO-8601 strings; the rest keeps
 * its shape.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * import type * as DateTime from "effect/DateTime"
 * const at: Facade.Json<{ readonly at: DateTime.Utc }> = { at: "2026-12-03T13:30:00.000Z" }
 * @since 0.1.0
 */
export type Json<T> = T extends DateTime.DateTime ? string
  : T extends string | number | boolean | null | undefined ? T
  : T extends ReadonlyArray<infer U> ? ReadonlyArray<Json<U>>
  : T extends object ? { readonly [K in keyof T as K extends string ? T[K] extends Function ? never : K : never]: Json<T[K]> }
  : T

/**
 * The view an output builds, as JSON (`View.ViewByOutput[O]` with ISO-8601
 * strings for instants).
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const sessionDate = (minutes: Facade.ViewOf<"minutes">): string => minutes.session.scheduledAt
 * @since 0.1.0
 */
export type ViewOf<O extends Output> = Json<View.ViewByOutput[O]>

/**
 * The base class of every error the facade rejects with: catch it to catch
 * them all, then tell them apart with `instanceof` or `name`.
 *
 * @example
 * import { EntrePairsError } from "@entre-pairs/adapters-sql"
 * const isOurs = (error: unknown) => error instanceof EntrePairsError
 * @since 0.1.0
 */
export abstract class EntrePairsError extends Error {
  abstract override readonly name:
    | "RuleViolationError"
    | "ConcurrencyConflictError"
    | "InvalidInputError"
    | "StoreError"
    | "ClosedError"
}

/**
 * A rule refused the command (or a view, for confidentiality). `violations`
 * carry each rule ID, the path of what breaks it, and a message in French and
 * English.
 *
 * @example
 * import { RuleViolationError } from "@entre-pairs/adapters-sql"
 * const error = new RuleViolationError([
 *   { rule: "LIF-08", kind: "blocking", path: [], message: { fr: "hors séquence", en: "out of order" } }
 * ])
 * error.rules // ["LIF-08"]
 * @since 0.1.0
 */
export class RuleViolationError extends EntrePairsError {
  override readonly name = "RuleViolationError"
  readonly violations: ReadonlyArray<{
    readonly rule: string
    readonly kind: "blocking" | "advisory"
    readonly path: ReadonlyArray<string | number>
    readonly message: { readonly fr: string; readonly en: string }
  }>
  constructor(violations: RuleViolationError["violations"], options?: { readonly cause?: unknown }) {
    super(violations.map((v) => `${v.rule}: ${v.message.en}`).join("\n"), options)
    this.violations = violations
  }
  /** The rule IDs, e.g. `["LIF-08"]`. */
  get rules(): ReadonlyArray<string> {
    return this.violations.map((v) => v.rule)
  }
}

/**
 * Another writer changed the exchange first, and the retries ran out: reload
 * and try again.
 *
 * @example
 * import { ConcurrencyConflictError } from "@entre-pairs/adapters-sql"
 * const error = new ConcurrencyConflictError("ech-1", 3, 4)
 * error.actualVersion // 4
 * @since 0.1.0
 */
export class ConcurrencyConflictError extends EntrePairsError {
  override readonly name = "ConcurrencyConflictError"
  constructor(
    readonly exchangeId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
    options?: { readonly cause?: unknown }
  ) {
    super(`concurrency conflict on "${exchangeId}": expected version ${expectedVersion}, found ${actualVersion}`, options)
  }
}

/**
 * The input is malformed, or names something that does not exist (an
 * unknown exchange, session or agent). `issues` give the path of each faulty
 * field and what is wrong with it.
 *
 * @example
 * import { InvalidInputError } from "@entre-pairs/adapters-sql"
 * const error = new InvalidInputError("no exchange \"ech-9\"", [{ path: ["exchangeId"], message: "no exchange \"ech-9\"" }])
 * error.issues[0]?.path // ["exchangeId"]
 * @since 0.1.0
 */
export class InvalidInputError extends EntrePairsError {
  override readonly name = "InvalidInputError"
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>,
    options?: { readonly cause?: unknown }
  ) {
    super(message, options)
  }
}

/**
 * The store failed (file, server, corrupt data, a driver that is not
 * installed); `cause` has the driver's error.
 *
 * @example
 * import { StoreError } from "@entre-pairs/adapters-sql"
 * const error = new StoreError("open", "unable to open database file")
 * error.operation // "open"
 * @since 0.1.0
 */
export class StoreError extends EntrePairsError {
  override readonly name = "StoreError"
  constructor(readonly operation: string, reason: string, options?: { readonly cause?: unknown }) {
    super(`event store ${operation} failed: ${reason}`, options)
  }
}

/**
 * The facade was used after {@link EntrePairs.close}.
 *
 * @example
 * import { ClosedError } from "@entre-pairs/adapters-sql"
 * new ClosedError().message // "the entre-pairs facade is closed"
 * @since 0.1.0
 */
export class ClosedError extends EntrePairsError {
  override readonly name = "ClosedError"
  constructor() {
    super("the entre-pairs facade is closed")
  }
}

/**
 * A command accepted and recorded, in JSON.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const warnings = (executed: Facade.Executed) => executed.advisories.map((a) => `${a.rule}: ${a.message.fr}`)
 * @since 0.1.0
 */
export interface Executed {
  readonly exchangeId: string
  readonly command: CommandTag
  /** The exchange's version after the command. */
  readonly version: number
  /** The events appended (none when the command changed nothing). */
  readonly events: ReadonlyArray<Event.ExchangeEventEncoded>
  /** Advisory rules the command raised: shown, never blocking. */
  readonly advisories: ReadonlyArray<Violation.Violation>
  /** The exchange after the command, in the interchange format. */
  readonly snapshot: Exchange.ExchangeSnapshotEncoded
}

/**
 * An exchange in a list: its read model, instants as ISO-8601 strings.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const label = (s: Facade.Summary) => `${s.title} (${s.state}, ${s.service ?? "?"})`
 * @since 0.1.0
 */
export interface Summary {
  readonly exchangeId: string
  readonly title: string
  readonly state: Exchange.ExchangeState
  readonly version: number
  /** @since 0.2.0 */
  readonly service?: string | undefined
  /** @since 0.2.0 */
  readonly themes?: ReadonlyArray<string> | undefined
  /** @since 0.2.0 */
  readonly openedAt?: string | undefined
  /** @since 0.2.0 */
  readonly closedAt?: string | undefined
  /** @since 0.2.0 */
  readonly updatedAt?: string | undefined
}

/**
 * A page of an estate query and the cursor of the next page (absent on the
 * last one): pass it back as `cursor` with the same filters.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const more = (page: Facade.Page<Facade.Summary>) => page.next !== undefined
 * @since 0.2.0
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly next?: string | undefined
}

/**
 * Filters of the estate's obligations: a service, an owner (an action
 * owner's label, or `liaison`, `facilitators`, `direction`), a rule, a period
 * of due dates (`dueFrom` inclusive, `dueBefore` exclusive), a status at the
 * query's instant.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const late: Facade.ObligationFilter = { service: "DRH", status: "overdue", dueFrom: "2026-01-01" }
 * @since 0.2.0
 */
export interface ObligationFilter {
  readonly service?: string | undefined
  readonly owner?: string | undefined
  readonly rule?: Obligations.Obligation["rule"] | undefined
  readonly dueFrom?: InstantInput | undefined
  readonly dueBefore?: InstantInput | undefined
  readonly status?: Obligations.Obligation["status"] | undefined
}

/**
 * A page request: at most `limit` items (1 to 1,000, default 100) after
 * `cursor` (the `next` of the previous page).
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const first: Facade.PageRequest = { limit: 50 }
 * @since 0.2.0
 */
export interface PageRequest {
  readonly limit?: number | undefined
  readonly cursor?: string | undefined
}

/**
 * An obligation open at an instant, with its exchange, in JSON.
 *
 * @example
 * import type { Facade } from "@entre-pairs/adapters-sql"
 * const line = (d: Facade.DueObligation) => `${d.obligation.rule} ${d.obligation.dueAt} ${d.obligation.status}`
 * @since 0.1.0
 */
export interface DueObligation {
  readonly exchangeId: string
  readonly title: string
  readonly obligation: typeof Obligations.Obligation.Encoded
}

/**
 * The facade: every method returns a Promise of plain JSON, and rejects with
 * an {@link EntrePairsError}.
 *
 * @example
 * import type { EntrePairs } from "@entre-pairs/adapters-sql"
 * const stateOf = async (app: EntrePairs, id: string) => (await app.getExchange(id))?.snapshot.state
 * @since 0.1.0
 */
export interface EntrePairs {
  /**
   * Decides and records a command on an exchange: loads it, decides, and
   * appends the events with the read model in one transaction. Rejects with
   * `RuleViolationError` when a blocking rule refuses it (nothing is
   * written), `InvalidInputError` when it does not decode, names something
   * unknown (the exchange included, for any command but `Propose`) or is
   * dated before the latest event.
   */
  readonly execute: (exchangeId: string, command: Command) => Promise<Executed>
  /** The exchange's snapshot (interchange format) and version, or `undefined`. */
  readonly getExchange: (
    exchangeId: string
  ) => Promise<{ readonly snapshot: Exchange.ExchangeSnapshotEncoded; readonly version: number } | undefined>
  /** Exchanges, optionally in one state. */
  readonly list: (filter?: { readonly state?: Exchange.ExchangeState | undefined }) => Promise<ReadonlyArray<Summary>>
  /** Obligations open at an instant across all exchanges (optionally filtered), by due date. */
  readonly obligationsDue: (at: InstantInput, filter?: ObligationFilter) => Promise<ReadonlyArray<DueObligation>>
  /**
   * One page of the obligations open at an instant across exchanges, by due
   * date, then exchange, from the read models. Rejects with
   * `InvalidInputError` on a malformed filter, limit or cursor.
   *
   * @since 0.2.0
   */
  readonly obligations: (
    at: InstantInput,
    options?: ObligationFilter & PageRequest
  ) => Promise<Page<DueObligation>>
  /**
   * One page of exchanges by state, service and theme (one of the exchange's
   * themes, the same text), in code-point order of their IDs.
   *
   * @since 0.2.0
   */
  readonly exchanges: (
    options?: {
      readonly state?: Exchange.ExchangeState | undefined
      readonly service?: string | undefined
      readonly theme?: string | undefined
    } & PageRequest
  ) => Promise<Page<Summary>>
  /**
   * A view of an exchange for an audience, as JSON (default instant: now).
   * The result's type follows `request.output`. Rejects with
   * `RuleViolationError` when the rules keep that view from that audience at
   * that time (CNF-03) or its text names a participant (CNF-06).
   */
  readonly view: <O extends Output>(
    exchangeId: string,
    request: ViewRequest & { readonly output: O },
    options?: { readonly at?: InstantInput | undefined }
  ) => Promise<ViewOf<O>>
  /** Rebuilds the read models from the events; returns how many exchanges. */
  readonly rebuildReadModels: () => Promise<number>
  /** Closes the database connections; any later call rejects with `ClosedError`. */
  readonly close: () => Promise<void>
}

const decodeCommand = Schema.decodeUnknownEither(Command.ExchangeCommand)
const decodeOverrides = Schema.decodeUnknownEither(Policy.PolicyOverrides)
const encodeEvents = Schema.encodeSync(Schema.Array(Event.ExchangeEvent))
const encodeObligation = Schema.encodeSync(Obligations.Obligation)
const dueJson = (d: ExchangeService.DueObligation): DueObligation => ({
  exchangeId: d.exchangeId,
  title: d.title,
  obligation: encodeObligation(d.obligation)
})

/**
 * The snapshot's cross-field checks (e.g. every facilitator is a known agent)
 * describe a complete exchange; states on the way there (framed, agents not
 * invited yet) are legitimate, so encode them without the checks.
 */
const encodeSnapshot: (snapshot: Exchange.ExchangeSnapshot) => Exchange.ExchangeSnapshotEncoded = (() => {
  let ast = Exchange.ExchangeSnapshot.ast
  while (ast._tag === "Refinement") ast = ast.from
  return Schema.encodeSync(Schema.make<Exchange.ExchangeSnapshot, Exchange.ExchangeSnapshotEncoded>(ast))
})()

/**
 * A parse error's text quotes the input's value: a huge one is quoted as an
 * excerpt, and the whole message is bounded (never echo 20 MB back).
 */
const bounded = (message: string, max = 1000): string => Input.boundMessage(message, max)

const parseIssues = (error: ParseResult.ParseError) =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({ path: issue.path, message: bounded(issue.message) }))

const parseMessage = (error: ParseResult.ParseError) => bounded(ParseResult.TreeFormatter.formatErrorSync(error), 4000)

/** Maps the typed failures of the Effect API to the facade's errors. */
const toError = (error: unknown): Error => {
  const tagged = error as { readonly _tag?: string } & Record<string, any>
  switch (tagged._tag) {
    case "RuleViolation":
      return new RuleViolationError(tagged["violations"], { cause: error })
    case "ViewRefused":
      return new RuleViolationError(
        (tagged["hits"].length === 0 ? [{ path: [] }] : tagged["hits"]).map((hit: { path: ReadonlyArray<string | number> }) => ({
          rule: tagged["rule"],
          kind: "blocking" as const,
          path: hit.path,
          message: tagged["reason"]
        })),
        { cause: error }
      )
    case "ConcurrencyConflict":
      return new ConcurrencyConflictError(tagged["stream"], tagged["expectedVersion"], tagged["actualVersion"], { cause: error })
    case "InvalidCommand":
      return new InvalidInputError(tagged["message"], [{ path: tagged["path"], message: tagged["reason"].en }], { cause: error })
    case "ViewUnavailable":
      return new InvalidInputError(tagged["message"], [{ path: ["output"], message: tagged["reason"].en }], { cause: error })
    case "ExchangeNotFound":
      return new InvalidInputError(tagged["message"], [{ path: ["exchangeId"], message: tagged["message"] }], { cause: error })
    case "EventStoreError":
      // A query the store refuses (limit, instant, cursor) is the caller's input.
      if (tagged["operation"] === "query") {
        return new InvalidInputError(tagged["reason"], [{ path: [], message: tagged["reason"] }], { cause: error })
      }
      return new StoreError(tagged["operation"], tagged["reason"], { cause: error })
    default:
      return error instanceof Error ? error : new Error(String(error))
  }
}

const invalid = (message: string, path: ReadonlyArray<PropertyKey>): InvalidInputError =>
  new InvalidInputError(message, [{ path, message }])

const instant = (input: unknown, path: string): DateTime.Utc => {
  const at = typeof input === "string" || typeof input === "number" || input instanceof Date
    ? DateTime.make(input)
    : Option.none()
  if (Option.isNone(at)) throw invalid(`not an instant: ${Input.excerpt(String(input))}`, [path])
  return DateTime.toUtc(at.value)
}

const rules: ReadonlyArray<unknown> = ["RES-02", "RES-03", "RES-05", "RES-06", "RES-07", "RES-08"]

/** The estate filters and page request, checked (they come from JavaScript too). */
const estateOptions = (input: unknown) => {
  if (input === undefined) return {}
  if (!isRecord(input)) throw invalid("query options are an object", [])
  const text = (key: string): string | undefined => {
    const value = input[key]
    if (value !== undefined && typeof value !== "string") throw invalid(`${key} must be a string`, [key])
    return value
  }
  const { dueBefore, dueFrom, limit, rule, state, status } = input
  if (state !== undefined && !(Exchange.states as ReadonlyArray<unknown>).includes(state)) {
    throw invalid(`unknown state "${Input.excerpt(String(state))}" (one of ${Exchange.states.join(", ")})`, ["state"])
  }
  if (rule !== undefined && !rules.includes(rule)) {
    throw invalid(`unknown obligation rule "${Input.excerpt(String(rule))}" (one of ${rules.join(", ")})`, ["rule"])
  }
  if (status !== undefined && status !== "due" && status !== "overdue") {
    throw invalid(`status must be "due" or "overdue"`, ["status"])
  }
  if (limit !== undefined && (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 1 || limit > 1000)) {
    throw invalid(`limit must be an integer from 1 to 1000, got ${Input.excerpt(String(limit))}`, ["limit"])
  }
  return {
    service: text("service"),
    theme: text("theme"),
    owner: text("owner"),
    cursor: text("cursor"),
    rule: rule as Obligations.Obligation["rule"] | undefined,
    status: status as Obligations.Obligation["status"] | undefined,
    state: state as Exchange.ExchangeState | undefined,
    limit: limit as number | undefined,
    dueFrom: dueFrom === undefined ? undefined : instant(dueFrom, "dueFrom"),
    dueBefore: dueBefore === undefined ? undefined : instant(dueBefore, "dueBefore")
  }
}

const summaryJson = (s: ExchangeService.Summary): Summary => ({
  exchangeId: s.exchangeId,
  title: s.title,
  state: s.state,
  version: s.version,
  ...(s.service === undefined ? {} : { service: s.service }),
  ...(s.themes === undefined ? {} : { themes: s.themes }),
  ...(s.openedAt === undefined ? {} : { openedAt: DateTime.formatIso(s.openedAt) }),
  ...(s.closedAt === undefined ? {} : { closedAt: DateTime.formatIso(s.closedAt) }),
  ...(s.updatedAt === undefined ? {} : { updatedAt: DateTime.formatIso(s.updatedAt) })
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/** A JSON copy of untrusted input, or the facade's error naming the path. */
const jsonInput = (input: unknown, what: string): unknown => {
  const copied = JsonValue.fromInput(input, Input.defaultLimits.maxDepth)
  if (copied._tag === "Left") {
    const { message, path } = copied.fault
    throw new InvalidInputError(`invalid ${what}: ${message} at [${path.map(String).join(", ")}]`, [{ path, message }])
  }
  return copied.value
}

/** The store of the options, or why not (the options come from JavaScript too). */
const storeOf = (options: unknown) => {
  if (!isRecord(options)) throw invalid("createEntrePairs needs options: { sqlite: { filename } } or { postgres: { url } }", [])
  const { postgres, sqlite } = options
  if ((sqlite === undefined) === (postgres === undefined)) {
    throw invalid("createEntrePairs needs exactly one store: { sqlite: { filename } } or { postgres: { url } }", [
      sqlite === undefined ? "sqlite" : "postgres"
    ])
  }
  if (sqlite !== undefined) {
    if (!isRecord(sqlite) || typeof sqlite["filename"] !== "string" || sqlite["filename"] === "") {
      throw invalid("sqlite.filename must be a file name (or \":memory:\")", ["sqlite", "filename"])
    }
    return SqlEventStore.layerSqlite(sqlite as Omit<SqlEventStore.SqliteOptions, "afterEventsInsert">)
  }
  if (!isRecord(postgres) || typeof postgres["url"] !== "string" || postgres["url"] === "") {
    throw invalid("postgres.url must be a connection URL", ["postgres", "url"])
  }
  const { maxConnections, migrate, url } = postgres as { url: string; maxConnections?: number; migrate?: boolean }
  return SqlEventStore.layerPg({ url, maxConnections, migrate })
}

/**
 * Opens the store (creating or upgrading its schema) and returns the facade.
 * Rejects with `InvalidInputError` when the options are wrong, and with
 * `StoreError` when the database cannot be opened (or its driver is not
 * installed).
 *
 * @example
 * import { createEntrePairs } from "@entre-pairs/adapters-sql"
 * import * as assert from "node:assert"
 * const app = await createEntrePairs({ sqlite: { filename: ":memory:" } })
 * const result = await app.execute("ech-1", {
 *   _tag: "Propose", exchangeId: "ech-1", title: "Accueil des usagers", by: "agents"
 * })
 * assert.strictEqual(result.snapshot.state, "proposed")
 * await app.close()
 * @since 0.1.0
 */
export const createEntrePairs = async (options: Options): Promise<EntrePairs> => {
  const store = storeOf(options)
  const overrides = options.config === undefined ? undefined : decodeOverrides(jsonInput(options.config, "config"))
  if (overrides !== undefined && Either.isLeft(overrides)) {
    throw new InvalidInputError(
      `invalid config: ${parseMessage(overrides.left)}`,
      parseIssues(overrides.left).map((issue) => ({ ...issue, path: ["config", ...issue.path] }))
    )
  }
  const retries = options.retries
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0)) {
    throw invalid("retries must be a whole number, 0 or more", ["retries"])
  }
  const runtime = ManagedRuntime.make(
    ExchangeService.layer({ config: overrides?.right, retries }).pipe(Layer.provide(store))
  )
  let closed = false

  const run = async <A, E>(effect: Effect.Effect<A, E, ExchangeService.ExchangeService>): Promise<A> => {
    if (closed) throw new ClosedError()
    const exit = await runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.failureOption(exit.cause)
    throw Option.isSome(failure) ? toError(failure.value) : Cause.squash(exit.cause)
  }
  const service = ExchangeService.ExchangeService

  try {
    await run(service)
  } catch (error) {
    await runtime.dispose()
    throw error
  }

  const exists = (exchangeId: string) => run(Effect.flatMap(service, (s) => s.get(exchangeId))).then(Option.isSome)

  return {
    execute: async (exchangeId, input) => {
      if (typeof exchangeId !== "string") throw invalid("exchangeId must be a string", ["exchangeId"])
      const command = decodeCommand(jsonInput(input, "command"))
      if (Either.isLeft(command)) {
        throw new InvalidInputError(
          `invalid command: ${parseMessage(command.left)}`,
          parseIssues(command.left)
        )
      }
      try {
        const executed = await run(Effect.flatMap(service, (s) => s.execute(exchangeId, command.right)))
        return {
          exchangeId: executed.exchangeId,
          command: executed.command,
          version: executed.version,
          events: encodeEvents(executed.events),
          advisories: executed.advisories,
          snapshot: encodeSnapshot(executed.snapshot)
        }
      } catch (error) {
        // Only Propose creates an exchange: any other command on an unknown
        // one names something that does not exist (not a rule of the note).
        if (error instanceof RuleViolationError && command.right._tag !== "Propose" && !(await exists(exchangeId))) {
          const message = `no exchange "${Input.excerpt(exchangeId)}"`
          throw new InvalidInputError(message, [{ path: ["exchangeId"], message }], { cause: error })
        }
        throw error
      }
    },
    getExchange: async (exchangeId) => {
      const found = await run(Effect.flatMap(service, (s) => s.get(exchangeId)))
      return Option.isNone(found)
        ? undefined
        : { snapshot: encodeSnapshot(found.value.snapshot), version: found.value.version }
    },
    list: async (filter) => {
      const state: unknown = filter?.state
      if (state !== undefined && !(Exchange.states as ReadonlyArray<unknown>).includes(state)) {
        throw invalid(`unknown state "${Input.excerpt(String(state))}" (one of ${Exchange.states.join(", ")})`, ["state"])
      }
      const listed = await run(Effect.flatMap(service, (s) => s.list({ state: state as Exchange.ExchangeState | undefined })))
      return listed.map(summaryJson)
    },
    obligationsDue: async (atInput, filter) => {
      const at = instant(atInput, "at")
      const { cursor: _, limit: __, state: ___, ...options } = estateOptions(filter)
      const due = await run(Effect.flatMap(service, (s) => s.obligationsDue(at, options)))
      return due.map(dueJson)
    },
    obligations: async (atInput, input) => {
      const at = instant(atInput, "at")
      const { state: _, theme: __, ...options } = estateOptions(input)
      const page = await run(Effect.flatMap(service, (s) => s.obligations(at, options)))
      return page.next === undefined ? { items: page.items.map(dueJson) } : { items: page.items.map(dueJson), next: page.next }
    },
    exchanges: async (input) => {
      const { cursor, limit, service: serviceName, state, theme } = estateOptions(input)
      const page = await run(Effect.flatMap(service, (s) => s.exchanges({ state, service: serviceName, theme, limit, cursor })))
      const items = page.items.map(summaryJson)
      return page.next === undefined ? { items } : { items, next: page.next }
    },
    view: async (exchangeId, input, viewOptions) => {
      const request: unknown = input
      if (!isRecord(request)) throw invalid("a view request is an object { output, audience }", [])
      const { agentId, audience, output, sessionId } = request
      if (!(Audience.outputs as ReadonlyArray<unknown>).includes(output)) {
        throw invalid(`unknown output "${Input.excerpt(String(output))}" (one of ${Audience.outputs.join(", ")})`, ["output"])
      }
      if (!(Audience.audiences as ReadonlyArray<unknown>).includes(audience)) {
        throw invalid(`unknown audience "${Input.excerpt(String(audience))}" (one of ${Audience.audiences.join(", ")})`, ["audience"])
      }
      if ((output === "agenda" || output === "minutes") && typeof sessionId !== "string") {
        throw invalid(`a ${output} view needs a sessionId`, ["sessionId"])
      }
      if (output === "attestation" && typeof agentId !== "string") {
        throw invalid("an attestation view needs an agentId", ["agentId"])
      }
      const at = viewOptions?.at === undefined ? undefined : instant(viewOptions.at, "at")
      const view = await run(Effect.flatMap(service, (s) => s.view(exchangeId, request as View.Request, { at })))
      // The builder of `output` built it (View.ViewByOutput); as JSON.
      return JsonValue.toJson(view) as never
    },
    rebuildReadModels: () => run(Effect.flatMap(service, (s) => s.rebuildReadModels())),
    close: async () => {
      if (closed) return
      closed = true
      await runtime.dispose()
    }
  }
}
