/**
 * The command table and `decideAt`: the lifecycle order, the command's
 * handler, then the snapshot rules on the state before and after. The
 * decision carries the next state, folded once here.
 */
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import type * as Command from "../../Command.js"
import type { ExchangeSnapshot } from "../../Exchange.js"
import * as Policy from "../../Policy.js"
import { RuleViolation, type Violation } from "../../Violation.js"
import { violations } from "../evaluate.js"
import { arbitration } from "./arbitration.js"
import { closing } from "./closing.js"
import {
  allowedStates,
  type Context,
  type DecideError,
  type Decision,
  type Handlers,
  invalid,
  outOfOrder,
  type Produce,
  type State
} from "./common.js"
import { composition } from "./composition.js"
import { applyAll, proposed } from "./evolve.js"
import { framing, propose } from "./framing.js"
import { checkIdentity, identity } from "./identity.js"
import { minutes } from "./minutes.js"
import { questions } from "./questions.js"
import { restitution } from "./restitution.js"
import { review } from "./review.js"
import { sessions } from "./sessions.js"

/** Every command's handler, by tag: a missing or extra command does not compile. */
export const handlers: Handlers<Command.CommandTag> = {
  ...framing,
  ...composition,
  ...sessions,
  ...questions,
  ...arbitration,
  ...minutes,
  ...restitution,
  ...review,
  ...identity,
  ...closing
}

const produce = (command: Command.ExchangeCommand, s: ExchangeSnapshot, at: DateTime.Utc): Produce =>
  // The entry for `command._tag` takes exactly that command; TypeScript cannot
  // correlate the index with the argument on its own.
  (handlers[command._tag] as (c: Command.ExchangeCommand, s: ExchangeSnapshot, at: DateTime.Utc) => Produce)(command, s, at)

const key = (v: Violation) => `${v.rule}|${v.path.join(".")}`

/** Commands a rule never refuses (beyond the lifecycle order). */
const neverRefusedByRules: ReadonlySet<Command.CommandTag> = new Set(["Withdraw", "Abandon"])

export const decideAt = (
  command: Command.ExchangeCommand,
  state: State,
  now: DateTime.Utc,
  context: Context
): Either.Either<Decision, DecideError> => {
  const at = command.at ?? now
  if (state === null) {
    if (command._tag !== "Propose") return outOfOrder(command, state)
    const event = propose(command, at)
    return Either.right({ events: [event], advisories: [], state: proposed(event) })
  }
  if (!allowedStates[command._tag].includes(state.state)) return outOfOrder(command, state)
  if (state.updatedAt !== undefined && at.epochMillis < state.updatedAt.epochMillis) {
    return invalid(command, ["at"], {
      fr: `la commande est datée avant le dernier événement enregistré (${DateTime.formatIso(state.updatedAt)}) : l'historique ne se réécrit pas`,
      en: `the command is dated before the latest recorded event (${DateTime.formatIso(state.updatedAt)}): history is not rewritten`
    })
  }
  // CNF-08: a known agent ID keeps its name unless RenameAgent records the change.
  const renaming = checkIdentity(command, state)
  if (renaming !== undefined) return Either.left(renaming)
  const produced = produce(command, state, at)
  if (Either.isLeft(produced)) return Either.left(produced.left)
  // The framing records the service's policy in force (Policy.inForce); a
  // local severity that loosens a rule the note states without condition is
  // refused, naming the rule.
  const events = produced.right.map((e) =>
    e._tag === "ExchangeFramed" && context.config !== undefined && e.framing.servicePolicy === undefined
      ? { ...e, framing: { ...e.framing, servicePolicy: context.config } }
      : e
  )
  for (const e of events) {
    if (e._tag !== "ExchangeFramed") continue
    for (const [layer, path] of [[e.framing.policy, ["framing", "policy"]], [e.framing.servicePolicy, ["config"]]] as const) {
      const checked = Policy.validate(layer, path)
      if (Either.isLeft(checked)) {
        const r = checked.left.refusals[0]!
        return invalid(command, r.path, r.message)
      }
    }
  }
  const next = applyAll(state, events)
  const before = violations(state, at, Policy.inForce(context.config, state.framing))
  const after = violations(next, at, Policy.inForce(context.config, next.framing))
  if (!neverRefusedByRules.has(command._tag)) {
    const known = new Set(before.blocking.map(key))
    const added = after.blocking.filter((v) => !known.has(key(v)))
    if (added.length > 0) return Either.left(new RuleViolation({ violations: added }))
  }
  const knownAdvisories = new Set(before.advisories.map(key))
  return Either.right({ events, advisories: after.advisories.filter((v) => !knownAdvisories.has(key(v))), state: next })
}
