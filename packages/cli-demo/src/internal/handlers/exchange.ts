/**
 * Handlers of `exchange exec`, `exchange list`, `show` (`exchange show`)
 * and `exchange invite`. The other lifecycle subcommands build one command
 * and run it with `Lifecycle.execute`.
 */
import { Agent, Evaluate, type EventStore, Exchange, ExchangeService } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { CliExit, type Common, type Lang } from "../Common.js"
import { handleFailures, invalid } from "../Failure.js"
import { formatDate, obligationJson, obligationLine, stateLabel, toJson, violationJson, violationLine } from "../Format.js"
import { parseAt, readJsonArgument, withJson } from "../Input.js"
import { execute, executeAll } from "../Lifecycle.js"
import { messages } from "../Messages.js"
import * as Output from "../Output.js"
import * as Store from "../Store.js"

/** `exchange exec <id> --command <json|@file|->`: one command, or an array run in order. */
export const exec = (c: Common, exchangeId: string, raw: string) =>
  Effect.flatMap(handleFailures(c)(readJsonArgument(raw, c.lang)), (value) =>
    executeAll(c, exchangeId, Array.isArray(value) ? value : [value], Array.isArray(value))
  )

/** An exchange's snapshot and version; exit 2 when it does not exist. */
export const loadOrExit = (
  exchangeId: string,
  lang: Lang
): Effect.Effect<
  { readonly snapshot: Exchange.ExchangeSnapshot; readonly version: number },
  CliExit | EventStore.EventStoreError,
  ExchangeService.ExchangeService
> =>
  Effect.flatMap(Store.load(exchangeId), ({ state, version }) =>
    state === null ? Effect.fail(invalid(messages(lang).unknownExchange(exchangeId))) : Effect.succeed({ snapshot: state, version })
  )

/**
 * `exchange list [--state] [--service] [--limit --cursor]`: the read models,
 * through `ExchangeService.list`, or a page of `ExchangeService.exchanges`
 * when a service or a page is asked for.
 */
export const list = (
  c: Common,
  state: Option.Option<string>,
  options?: {
    readonly service: Option.Option<string>
    readonly theme?: Option.Option<string>
    readonly limit: Option.Option<number>
    readonly cursor: Option.Option<string>
  }
) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const service = yield* ExchangeService.ExchangeService
      const stateFilter = Option.isSome(state) ? (state.value as Exchange.ExchangeState) : undefined
      const serviceName = options === undefined ? undefined : Option.getOrUndefined(options.service)
      const theme = options?.theme === undefined ? undefined : Option.getOrUndefined(options.theme)
      const limit = options === undefined ? undefined : Option.getOrUndefined(options.limit)
      const cursor = options === undefined ? undefined : Option.getOrUndefined(options.cursor)
      if (limit !== undefined && (limit < 1 || limit > 1000)) {
        const message = `--limit : 1 à 1000 / 1 to 1000 (${limit})`
        return yield* Effect.fail(invalid(message, { error: "InvalidLimit", option: "--limit", message }))
      }
      let models: ReadonlyArray<ExchangeService.Summary>
      let next: string | undefined
      if (serviceName === undefined && theme === undefined && limit === undefined && cursor === undefined) {
        models = yield* service.list(stateFilter === undefined ? undefined : { state: stateFilter })
      } else {
        const page = yield* service.exchanges({ state: stateFilter, service: serviceName, theme, limit: limit ?? 1000, cursor })
        models = page.items
        next = page.next
      }
      const json = () =>
        models.map((m) => ({ id: m.exchangeId, title: m.title, state: m.state, version: m.version, ...(m.service === undefined ? {} : { service: m.service }) }))
      yield* Output.result(c, {
        json: () => (limit === undefined ? json() : { exchanges: json(), ...(next === undefined ? {} : { next }) }),
        text: () => [
          ...(models.length === 0
            ? [messages(c.lang).noExchange]
            : models.map((m) => `${m.exchangeId}  ${stateLabel(m.state, c.lang).padEnd(16)}  v${m.version}  ${m.title}${m.service === undefined ? "" : `  (${m.service})`}`)),
          ...(next === undefined ? [] : [messages(c.lang).nextPage(next)])
        ]
      })
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

/** `show <exchange> [--at]`: state, sessions, advisories, violations, obligations. */
export const show = (c: Common, exchangeId: string, at: Option.Option<string>) =>
  Store.withStore(
    c,
    Effect.gen(function* () {
      const now = yield* parseAt(at, c.lang)
      const { snapshot: s, version } = yield* loadOrExit(exchangeId, c.lang)
      const evaluation = Evaluate.evaluate(s, { at: now })
      const lang = c.lang
      const m = messages(lang)
      yield* Output.result(c, {
        json: () => ({
          version,
          snapshot: encodeSnapshot(s),
          advisories: evaluation.advisories.map((v) => violationJson(v, lang)),
          violations: evaluation.blocking.map((v) => violationJson(v, lang)),
          obligations: evaluation.obligations.map((o) => obligationJson(o, lang))
        }),
        text: () => [
          `${s.title}`,
          `${s.id} — ${s.service ?? ""}`,
          `${m.showState} : ${stateLabel(s.state, lang)} (version ${version})`,
          m.showMembers(s.members.length, s.volunteers.length, s.invitations.length),
          m.showSessions,
          ...s.sessions.map((session, i) => {
            const last = session.minutes[session.minutes.length - 1]
            const minutes = last === undefined ? "" : `, ${m.minutesShort} v${last.version}${last.sentAt !== undefined ? m.sent : ""}`
            return `  ${i + 1}. ${session.id} ${formatDate(session.scheduledAt, lang, true)} — ${session.status}${minutes}`
          }),
          ...(evaluation.advisories.length > 0 ? [m.advisories, ...evaluation.advisories.map((v) => "  " + violationLine(v, lang))] : []),
          ...(evaluation.blocking.length > 0 ? [m.blockingViolations, ...evaluation.blocking.map((v) => "  " + violationLine(v, lang))] : []),
          ...(evaluation.obligations.length > 0
            ? [m.openObligations, ...evaluation.obligations.map((o) => "  " + obligationLine(o, lang))]
            : [m.noOpenObligation])
        ]
      })
    })
  )

/** The options of `exchange invite`. */
export interface InviteOptions {
  readonly at: Option.Option<string>
  readonly agents: Option.Option<string>
  readonly fromDirectory: boolean
  readonly units: ReadonlyArray<string>
}

/** `exchange invite`: agents from a JSON value or from the directory. */
export const invite = (c: Common, exchangeId: string, o: InviteOptions) =>
  Effect.gen(function* () {
    const at = Option.isSome(o.at) ? { at: o.at.value } : {}
    const m = messages(c.lang)
    if (o.fromDirectory) {
      const { readDirectory } = yield* Effect.promise(() => import("./agents.js"))
      const agents = yield* Store.withStore(c, readDirectory(o.units))
      if (agents.length === 0) return yield* handleFailures(c)(Effect.fail(invalid(m.emptyDirectory)))
      return yield* execute(c, exchangeId, { _tag: "Invite", ...at, agents: agents.map((a) => Schema.encodeSync(Agent.Agent)(a)) })
    }
    if (Option.isNone(o.agents)) return yield* handleFailures(c)(Effect.fail<CliExit>(invalid(m.agentsRequired)))
    return yield* withJson(c, o.agents.value, (agents) => execute(c, exchangeId, { _tag: "Invite", ...at, agents }))
  })
