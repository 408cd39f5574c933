/**
 * What every command handler shares: the types of the decider (defined here
 * once, re-exported with their documentation by `Decider.ts`), the refusal
 * constructors, the lifecycle order (LIF-08) and the look-ups the handlers of
 * several phases need.
 */
import type * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type * as Command from "../../Command.js"
import type * as Event from "../../Event.js"
import * as Exchange from "../../Exchange.js"
import type { ExchangeSnapshot, ExchangeState } from "../../Exchange.js"
import type { AgentId, SessionId } from "../../Ids.js"
import type { PolicyOverrides } from "../../Policy.js"
import type { Session } from "../../Session.js"
import { make as makeViolation, type RuleId, RuleViolation, type Text, type Violation } from "../../Violation.js"
import { seance, sessionEn } from "../labels.js"

/** `null` before the exchange is proposed. */
export type State = ExchangeSnapshot | null

export interface Context {
  /** The service's policy overrides (the exchange's own are in its framing). */
  readonly config?: PolicyOverrides | undefined
}

export interface Decision {
  /** The events to append, in order. */
  readonly events: ReadonlyArray<Event.ExchangeEvent>
  /** Advisories the next state raises and the state decided on did not. */
  readonly advisories: ReadonlyArray<Violation>
  /**
   * The exchange after the events: their fold onto the state decided on, so
   * that whoever appends them does not fold them again.
   */
  readonly state: ExchangeSnapshot
}

export class InvalidCommand extends Schema.TaggedError<InvalidCommand>("@entre-pairs/core/InvalidCommand")(
  "InvalidCommand",
  {
    command: Schema.String,
    path: Schema.Array(Schema.Union(Schema.String, Schema.Number)),
    reason: Schema.Struct({ fr: Schema.String, en: Schema.String })
  }
) {
  override get message(): string {
    return `${this.command}: ${this.path.join(".")}: ${this.reason.en}`
  }
}

export type DecideError = RuleViolation | InvalidCommand

/** A command of one tag. */
export type CommandOf<K extends Command.CommandTag> = Extract<Command.ExchangeCommand, { readonly _tag: K }>

/** What a handler returns: the events the command produces, or a refusal. */
export type Produce = Either.Either<ReadonlyArray<Event.ExchangeEvent>, DecideError>

/**
 * A command's handler: checks what only the command can tell (references,
 * order within a session, CNF-06 on the texts it releases) and produces its
 * events. The lifecycle order and the snapshot rules on the next state are
 * checked around it, by `decideAt`.
 */
export type Handler<K extends Command.CommandTag> = (command: CommandOf<K>, s: ExchangeSnapshot, at: DateTime.Utc) => Produce

/** The handlers of some commands: a phase's file exports one such table. */
export type Handlers<K extends Command.CommandTag> = { readonly [T in K]: Handler<T> }

type Fail = Either.Either<never, DecideError>

export const ok = (...events: ReadonlyArray<Event.ExchangeEvent>): Produce => Either.right(events)

export const refuse = (rule: RuleId, path: ReadonlyArray<string | number>, message: Text): Fail =>
  Either.left(new RuleViolation({ violations: [makeViolation(rule, "blocking", path, message)] }))

/** Refuses with every violation found (a text that would leave the group with a name in it, CNF-06…). */
export const refuseAll = (violations: ReadonlyArray<Violation>): Fail => Either.left(new RuleViolation({ violations }))

export const invalid = (command: Command.ExchangeCommand, path: ReadonlyArray<string | number>, reason: Text): Fail =>
  Either.left(new InvalidCommand({ command: command._tag, path, reason }))

/** Every state but the two terminal ones: where Abandon is allowed. */
const open: ReadonlyArray<ExchangeState> = Exchange.states.filter((state) => state !== "closed" && state !== "abandoned")

/** The states in which each command is accepted (LIF-08). `Propose` needs no exchange at all. */
export const allowedStates: { readonly [K in Command.CommandTag]: ReadonlyArray<ExchangeState> } = {
  Propose: [],
  Frame: ["proposed", "framed"],
  Approve: ["framed"],
  Communicate: ["approved", "announced", "composed", "charterAdopted", "inSessions", "concluded", "restituted", "closed"],
  Invite: ["approved", "announced"],
  Volunteer: ["announced", "composed"],
  Withdraw: ["announced", "composed", "charterAdopted", "inSessions", "concluded"],
  Compose: ["announced", "composed"],
  DesignateLiaison: ["composed", "charterAdopted", "inSessions", "concluded"],
  DelegateTask: ["composed", "charterAdopted", "inSessions"],
  AdoptCharter: ["composed"],
  ScheduleSession: ["charterAdopted", "inSessions"],
  SetAgenda: ["inSessions"],
  HoldSession: ["inSessions"],
  CancelSession: ["inSessions"],
  RescheduleSession: ["inSessions"],
  ChooseQuestions: ["inSessions"],
  CloseQuestion: ["inSessions"],
  RecordPresentation: ["inSessions"],
  RecordVariants: ["inSessions"],
  Arbitrate: ["inSessions"],
  ValidateArbitrations: ["inSessions"],
  RecordSpeakingTimes: ["inSessions"],
  RecordTrainingNeed: ["inSessions"],
  DraftMinutes: ["inSessions", "concluded", "restituted"],
  FinaliseMinutes: ["inSessions", "concluded", "restituted"],
  SendMinutes: ["inSessions", "concluded", "restituted"],
  Conclude: ["inSessions"],
  Restitute: ["concluded"],
  RecordDirectionResponse: ["restituted"],
  AddAction: ["restituted"],
  UpdateAction: ["restituted", "closed"],
  PresentReview: ["restituted", "closed"],
  RecordTestimonial: ["restituted", "closed"],
  PublishTestimonial: ["restituted", "closed"],
  // A name can be corrected as long as texts may still leave the group (the review after closing included).
  RenameAgent: [...open, "closed"],
  Abandon: open,
  Close: ["restituted"]
}

/** Refuses a command out of the lifecycle order (LIF-08, or LIF-03 before approval). */
export const outOfOrder = (command: Command.ExchangeCommand, state: State): Fail => {
  if (state === null) {
    return refuse("LIF-08", [], {
      fr: `« ${command._tag} » est refusé : aucun échange n'a encore été proposé.`,
      en: `"${command._tag}" is refused: no exchange has been proposed yet.`
    })
  }
  const allowed = allowedStates[command._tag]
  if (state.state !== "abandoned" && state.state !== "closed" && Exchange.stateRank(state.state) < Exchange.stateRank("approved")) {
    if (command._tag === "Invite" || command._tag === "Communicate") {
      return refuse("LIF-03", ["approval"], {
        fr: "Les invitations et la communication n'ont lieu qu'après l'acceptation de l'échange par l'encadrement.",
        en: "Invitations and communication happen only after management has accepted the exchange."
      })
    }
  }
  const label = (s: ExchangeState) => Exchange.stateLabels[s].fr
  return refuse("LIF-08", ["state"], {
    fr: `« ${command._tag} » est refusé dans l'état « ${label(state.state)} » (accepté dans : ${
      allowed.map(label).join(", ") || "aucun état"
    }).`,
    en: `"${command._tag}" is refused in state "${state.state}" (allowed in: ${allowed.join(", ") || "none"}).`
  })
}

export const findSession = (s: ExchangeSnapshot, id: SessionId) => {
  const index = s.sessions.findIndex((x) => x.id === id)
  return index < 0 ? undefined : { index, session: s.sessions[index]! }
}

export const activeMember = (s: ExchangeSnapshot, id: AgentId) =>
  s.members.some((m) => m.agentId === id && m.withdrawnAt === undefined)

export const nonBlank = (xs: ReadonlyArray<string>) => xs.some((x) => x.trim().length > 0)

/** Needs a session that exists and was held; otherwise refuses. */
export const heldSession = (
  command: Command.ExchangeCommand & { readonly sessionId: SessionId },
  s: ExchangeSnapshot
): Either.Either<Session, DecideError> => {
  const found = findSession(s, command.sessionId)
  if (found === undefined) {
    return invalid(command, ["sessionId"], {
      fr: `la séance « ${command.sessionId} » n'existe pas`,
      en: `session "${command.sessionId}" does not exist`
    })
  }
  if (found.session.status !== "held") {
    return refuse("LIF-08", ["sessions", found.index, "status"], {
      fr: `La ${seance(s, found.session)} n'a pas encore été tenue : on ne consigne ce qui s'y dit qu'une fois tenue.`,
      en: `The ${sessionEn(s, found.session)} has not been held yet: what is said there is recorded once it is held.`
    })
  }
  return Either.right(found.session)
}
