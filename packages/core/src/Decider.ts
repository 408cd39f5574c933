/**
 * The lifecycle of an exchange as a decider (functional event sourcing):
 * `decide(command, state)` accepts a command and returns the events it
 * produces with the advisories it raises, or refuses it with a typed error;
 * `evolve(state, event)` folds one event; `initialState` is "no exchange yet".
 * The exchange snapshot is the fold of the events: one model, not two.
 *
 * A command is refused when
 * - it is out of order (LIF-08, or the specific rule: LIF-03 for invitations
 *   before approval, SES-01 for a case before any question, …);
 * - it names something that does not exist (`InvalidCommand`, with the path);
 * - the state it would lead to breaks a blocking rule that the current state
 *   does not break (every snapshot rule of the registry is checked on the
 *   next state), so no reachable state breaks a blocking rule;
 * - a text would leave the group with a participant's name in it (CNF-06).
 * Advisories the next state raises and the current one did not ride along
 * with the events.
 *
 * Withdrawal (ELI-01: participation is voluntary) and abandonment are never
 * refused by a rule other than the lifecycle order.
 *
 * This module holds the signatures and their documentation. Each command's
 * handler is an entry of a typed table (`{ [K in CommandTag]: Handler<K> }`),
 * grouped by phase under `internal/decide/`: `framing.ts` (Propose … Invite),
 * `composition.ts` (Volunteer … AdoptCharter), `sessions.ts` (ScheduleSession,
 * RescheduleSession … RecordTrainingNeed), `questions.ts`, `arbitration.ts`, `minutes.ts`,
 * `restitution.ts`, `review.ts`, `closing.ts`; `evolve.ts` is the event
 * table; `decide.ts` assembles the command table and runs the rules.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as Command from "./Command.js"
import type * as Event from "./Event.js"
import type { ExchangeState } from "./Exchange.js"
import * as internal from "./internal/decide/common.js"
import * as decider from "./internal/decide/decide.js"
import * as evolution from "./internal/decide/evolve.js"
import type { RuleViolation } from "./Violation.js"

/**
 * The state a decider works on: `null` before the exchange is proposed.
 *
 * @since 0.1.0
 */
export type State = internal.State

/**
 * No exchange yet.
 *
 * @since 0.1.0
 */
export const initialState: State = null

/**
 * What a decision may depend on besides the command and the state.
 *
 * @since 0.1.0
 */
export interface Context extends internal.Context {}

/**
 * An accepted command: the events to append, the advisories raised, and the
 * exchange after the events (`state`), so that nothing folds them again.
 *
 * @since 0.1.0
 */
export interface Decision extends internal.Decision {}

/**
 * A command that names something that does not exist or is malformed in a
 * way no rule covers (e.g. an unknown session ID). Carries the path of the
 * faulty field in the command.
 *
 * @since 0.1.0
 */
export const InvalidCommand: typeof internal.InvalidCommand = internal.InvalidCommand
/** @since 0.1.0 */
export type InvalidCommand = internal.InvalidCommand

/** @since 0.1.0 */
export type DecideError = RuleViolation | InvalidCommand

/**
 * Folds one event into the state. Events are facts: `evolve` never refuses,
 * it only applies (an event other than `ExchangeProposed` on no exchange is
 * ignored).
 *
 * @example
 * import { Decider, ExchangeId, Instant } from "@entre-pairs/core"
 * import * as assert from "node:assert"
 * const s = Decider.evolve(Decider.initialState, {
 *   _tag: "ExchangeProposed", at: Instant.unsafeMake("2026-09-01T08:00:00Z"),
 *   exchangeId: ExchangeId.make("ech-1"), title: "Accueil des usagers",
 *   origin: { by: "direction", at: Instant.unsafeMake("2026-09-01T08:00:00Z") }
 * })
 * assert.strictEqual(s?.state, "proposed")
 * @since 0.1.0
 */
export const evolve: (state: State, event: Event.ExchangeEvent) => State = evolution.evolve

/**
 * Folds a sequence of events from a state (default: no exchange).
 *
 * @example
 * import { Decider } from "@entre-pairs/core"
 * Decider.replay([]) // null
 * @since 0.1.0
 */
export const replay = (events: Iterable<Event.ExchangeEvent>, from: State = initialState): State =>
  evolution.replay(events, from)

/**
 * The states in which each command is accepted (LIF-08). `Propose` needs no
 * exchange at all.
 *
 * @since 0.1.0
 */
export const allowedStates: { readonly [K in Command.CommandTag]: ReadonlyArray<ExchangeState> } = internal.allowedStates

/**
 * Decides a command at a given instant, without Effect: the pure core of
 * `decide`.
 *
 * @example
 * import { Decider, ExchangeId, Instant } from "@entre-pairs/core"
 * import * as Either from "effect/Either"
 * import * as assert from "node:assert"
 * const result = Decider.decideAt(
 *   { _tag: "Propose", exchangeId: ExchangeId.make("ech-1"), title: "Accueil des usagers", by: "direction" },
 *   Decider.initialState,
 *   Instant.unsafeMake("2026-09-01T08:00:00Z")
 * )
 * assert.ok(Either.isRight(result))
 * assert.strictEqual(result.right.state?.state, "proposed")
 * @since 0.1.0
 */
export const decideAt = (
  command: Command.ExchangeCommand,
  state: State,
  now: DateTime.Utc,
  context: Context = {}
): Either.Either<Decision, DecideError> => {
  const unstorable = unstorableText(command)
  return unstorable === undefined
    ? decider.decideAt(command, state, now, context)
    : Either.left(new internal.InvalidCommand({ command: command._tag, path: unstorable.path, reason: unstorable.reason }))
}

/**
 * The path of the first text a store cannot keep as written: NUL (U+0000),
 * which PostgreSQL refuses and SQLite would keep, or half of a surrogate
 * pair (not a character). Refused here, with its path, on every store alike.
 */
const unstorableText = (
  value: unknown,
  path: Array<string | number> = []
): { readonly path: ReadonlyArray<string | number>; readonly reason: { readonly fr: string; readonly en: string } } | undefined => {
  if (typeof value === "string") {
    if (value.includes("\u0000")) {
      return { path, reason: { fr: "le caractère NUL (U+0000) n'est pas admis dans un texte", en: "the NUL character (U+0000) is not allowed in text" } }
    }
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
      return { path, reason: { fr: "demi-paire de substitution (pas un caractère Unicode)", en: "unpaired surrogate (not a Unicode character)" } }
    }
    return undefined
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], [...path, i])
      if (found !== undefined) return found
    }
    return undefined
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const found = unstorableText(v, [...path, k])
      if (found !== undefined) return found
    }
  }
  return undefined
}

/**
 * Decides a command: the events it produces and the advisories it raises, or
 * a typed refusal. The current time comes from Effect's `Clock` (so tests
 * control it with `TestClock`), unless the command carries its own `at`.
 *
 * @example
 * import { Decider, ExchangeId } from "@entre-pairs/core"
 * import * as Effect from "effect/Effect"
 * import * as assert from "node:assert"
 * const program = Decider.decide(
 *   { _tag: "Propose", exchangeId: ExchangeId.make("ech-1"), title: "Accueil des usagers", by: "agents" },
 *   Decider.initialState
 * )
 * assert.strictEqual(Effect.runSync(program).events.length, 1)
 * @since 0.1.0
 */
export const decide = (
  command: Command.ExchangeCommand,
  state: State,
  context: Context = {}
): Effect.Effect<Decision, DecideError> =>
  Effect.flatMap(DateTime.now, (now) => Either.match(decideAt(command, state, now, context), {
    onLeft: Effect.fail,
    onRight: Effect.succeed
  }))
