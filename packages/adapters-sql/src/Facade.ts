/**
 * A Promise facade for applications that do not use Effect: the application
 * service of `@entre-pairs/core` over the SQL event store, behind plain async
 * methods. Input is JSON (commands as they arrive in an HTTP body, instants
 * as ISO-8601 strings); output is JSON too (the snapshot's interchange
 * format, encoded events and obligations), except views, which are the
 * objects the renderers of `@entre-pairs/adapters-docs` take. Failures reject
 * with `Error` subclasses that keep the rule IDs and paths.
 *
 * @since 0.1.0
 */
import {
  Audience,
  Command,
  Event,
  Exchange,
  ExchangeService,
  Obligations,
  type Policy,
  type View,
  type Violation
} from "@entre-pairs/core"
import * as Cause from "effect/Cause"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import * as SqlEventStore from "./SqlEventStore.js"

/**
 * Where the events are kept: a SQLite file (the embedded default) or a
 * PostgreSQL server.
 *
 * @since 0.1.0
 */
export type StoreOptions =
  | { readonly sqlite: Omit<SqlEventStore.SqliteOptions, "afterEventsInsert"> }
  | { readonly postgres: { readonly url: string; readonly maxConnections?: number | undefined; readonly migrate?: boolean | undefined } }

/**
 * Options of {@link createEntrePairs}.
 *
 * @since 0.1.0
 */
export type Options = StoreOptions & {
  /** The service's policy overrides (each exchange's own are in its framing). */
  readonly config?: Policy.PolicyOverrides | undefined
  /** Reloads and decisions on a concurrent write before `ConcurrencyConflictError` (default 3). */
  readonly retries?: number | undefined
}

/** An instant: an ISO-8601 string, a `Date` or epoch milliseconds. */
type InstantInput = string | Date | number

/**
 * A rule refused the command (or a view, for confidentiality). `violations`
 * carry each rule ID, the path of what breaks it, and a message in French and
 * English.
 *
 * @since 0.1.0
 */
export class RuleViolationError extends Error {
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
 * @since 0.1.0
 */
export class ConcurrencyConflictError extends Error {
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
 * The input is malformed, or names something that does not exist. `issues`
 * give the path of each faulty field and what is wrong with it.
 *
 * @since 0.1.0
 */
export class InvalidInputError extends Error {
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
 * The store failed (file, server, corrupt data); `cause` has the driver's error.
 *
 * @since 0.1.0
 */
export class StoreError extends Error {
  override readonly name = "StoreError"
  constructor(readonly operation: string, reason: string, options?: { readonly cause?: unknown }) {
    super(`event store ${operation} failed: ${reason}`, options)
  }
}

/**
 * A command accepted and recorded, in JSON.
 *
 * @since 0.1.0
 */
export interface Executed {
  readonly exchangeId: string
  readonly command: string
  readonly version: number
  readonly events: ReadonlyArray<Event.ExchangeEventEncoded>
  readonly advisories: ReadonlyArray<Violation.Violation>
  readonly snapshot: Exchange.ExchangeSnapshotEncoded
}

/**
 * The facade.
 *
 * @since 0.1.0
 */
export interface EntrePairs {
  /** Decides and records a command (JSON, as `Command.ExchangeCommand` encodes it) on an exchange. */
  readonly execute: (exchangeId: string, command: unknown) => Promise<Executed>
  /** The exchange's snapshot (interchange format) and version, or `undefined`. */
  readonly getExchange: (
    exchangeId: string
  ) => Promise<{ readonly snapshot: Exchange.ExchangeSnapshotEncoded; readonly version: number } | undefined>
  /** Exchanges, optionally in one state. */
  readonly list: (filter?: { readonly state?: string | undefined }) => Promise<ReadonlyArray<ExchangeService.Summary>>
  /** Obligations open at an instant across all exchanges, by due date. */
  readonly obligationsDue: (at: InstantInput) => Promise<
    ReadonlyArray<{ readonly exchangeId: string; readonly title: string; readonly obligation: typeof Obligations.Obligation.Encoded }>
  >
  /** A view of an exchange for an audience (default instant: now). */
  readonly view: (
    exchangeId: string,
    request: { readonly output: string; readonly audience: string; readonly sessionId?: string; readonly agentId?: string },
    options?: { readonly at?: InstantInput | undefined }
  ) => Promise<View.View>
  /** Rebuilds the read models from the events; returns how many exchanges. */
  readonly rebuildReadModels: () => Promise<number>
  /** Closes the database connections. */
  readonly close: () => Promise<void>
}

const decodeCommand = Schema.decodeUnknownEither(Command.ExchangeCommand)
const encodeEvents = Schema.encodeSync(Schema.Array(Event.ExchangeEvent))
const encodeObligation = Schema.encodeSync(Obligations.Obligation)

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

const parseIssues = (error: ParseResult.ParseError) =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => ({ path: issue.path, message: issue.message }))

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
      return new StoreError(tagged["operation"], tagged["reason"], { cause: error })
    default:
      return error instanceof Error ? error : new Error(String(error))
  }
}

const invalid = (message: string, path: ReadonlyArray<PropertyKey>): InvalidInputError =>
  new InvalidInputError(message, [{ path, message }])

const instant = (input: InstantInput, path: string): DateTime.Utc => {
  const at = DateTime.make(input)
  if (Option.isNone(at)) throw invalid(`not an instant: ${String(input)}`, [path])
  return DateTime.toUtc(at.value)
}

/**
 * Opens the store (creating or upgrading its schema) and returns the facade.
 * Rejects with `StoreError` when the database cannot be opened.
 *
 * @example
 * import { createEntrePairs } from "@entre-pairs/adapters-sql"
 * const app = await createEntrePairs({ sqlite: { filename: "entre-pairs.db" } })
 * const result = await app.execute("ech-1", {
 *   _tag: "Propose", exchangeId: "ech-1", title: "Accueil des usagers", by: "agents"
 * })
 * await app.close()
 * @since 0.1.0
 */
export const createEntrePairs = async (options: Options): Promise<EntrePairs> => {
  const store = "sqlite" in options
    ? SqlEventStore.layerSqlite(options.sqlite)
    : SqlEventStore.layerPg(options.postgres)
  const runtime = ManagedRuntime.make(
    ExchangeService.layer({ config: options.config, retries: options.retries }).pipe(Layer.provide(store))
  )

  const run = async <A, E>(effect: Effect.Effect<A, E, ExchangeService.ExchangeService>): Promise<A> => {
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

  return {
    execute: async (exchangeId, input) => {
      const command = decodeCommand(input)
      if (command._tag === "Left") {
        throw new InvalidInputError(`invalid command: ${ParseResult.TreeFormatter.formatErrorSync(command.left)}`, parseIssues(command.left))
      }
      const executed = await run(Effect.flatMap(service, (s) => s.execute(exchangeId, command.right)))
      return {
        exchangeId: executed.exchangeId,
        command: executed.command,
        version: executed.version,
        events: encodeEvents(executed.events),
        advisories: executed.advisories,
        snapshot: encodeSnapshot(executed.snapshot)
      }
    },
    getExchange: async (exchangeId) => {
      const found = await run(Effect.flatMap(service, (s) => s.get(exchangeId)))
      return Option.isNone(found)
        ? undefined
        : { snapshot: encodeSnapshot(found.value.snapshot), version: found.value.version }
    },
    list: async (filter) => {
      const state = filter?.state
      if (state !== undefined && !(Exchange.states as ReadonlyArray<string>).includes(state)) {
        throw invalid(`unknown state "${state}" (one of ${Exchange.states.join(", ")})`, ["state"])
      }
      return run(Effect.flatMap(service, (s) => s.list({ state: state as Exchange.ExchangeState | undefined })))
    },
    obligationsDue: async (atInput) => {
      const at = instant(atInput, "at")
      const due = await run(Effect.flatMap(service, (s) => s.obligationsDue(at)))
      return due.map((d) => ({ exchangeId: d.exchangeId, title: d.title, obligation: encodeObligation(d.obligation) }))
    },
    view: async (exchangeId, request, viewOptions) => {
      if (!(Audience.outputs as ReadonlyArray<string>).includes(request.output)) {
        throw invalid(`unknown output "${request.output}" (one of ${Audience.outputs.join(", ")})`, ["output"])
      }
      if (!(Audience.audiences as ReadonlyArray<string>).includes(request.audience)) {
        throw invalid(`unknown audience "${request.audience}" (one of ${Audience.audiences.join(", ")})`, ["audience"])
      }
      if ((request.output === "agenda" || request.output === "minutes") && request.sessionId === undefined) {
        throw invalid(`a ${request.output} view needs a sessionId`, ["sessionId"])
      }
      if (request.output === "attestation" && request.agentId === undefined) {
        throw invalid("an attestation view needs an agentId", ["agentId"])
      }
      const at = viewOptions?.at === undefined ? undefined : instant(viewOptions.at, "at")
      return run(Effect.flatMap(service, (s) => s.view(exchangeId, request as View.Request, { at })))
    },
    rebuildReadModels: () => run(Effect.flatMap(service, (s) => s.rebuildReadModels())),
    close: () => runtime.dispose()
  }
}
