/**
 * What the view builders share: the environment of one build, the header,
 * session references and labels. Builders return their view or the reason it
 * cannot be built yet; `View.build` turns that reason into `ViewUnavailable`
 * for the output requested, and checks each builder's result against the
 * view types of `View.ts` (the builders' table is typed there).
 */
import type * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as AudienceM from "../../Audience.js"
import type { Audience, Output } from "../../Audience.js"
import type { ExchangeSnapshot } from "../../Exchange.js"
import type { SessionId } from "../../Ids.js"
import type * as Policy from "../../Policy.js"
import type { PolicyConfig } from "../../Policy.js"
import type { Text } from "../../Violation.js"
import type { Session } from "../../Session.js"

/** One build: for whom, when, under which configuration (the exchange's own overrides applied). */
export interface Env {
  readonly audience: Audience
  readonly at: DateTime.Utc
  readonly config: PolicyConfig
  /** The rules the policy in force makes local, with their catalogue text (`View.LocalRuleView`). */
  readonly localRules: ReadonlyArray<LocalRule>
}

/** A local rule as views carry it (`View.LocalRuleView`). */
export interface LocalRule extends Policy.LocalRule {
  readonly title: Text
}

/** Why a view cannot be built yet. */
export interface Unavailable {
  readonly fr: string
  readonly en: string
}

export type Build<V> = Either.Either<V, Unavailable>

export const unavailable = (fr: string, en: string): Build<never> => Either.left({ fr, en })

/** The latest of some instants (those present), or `undefined`. */
export const latest = (...instants: ReadonlyArray<DateTime.Utc | undefined>): DateTime.Utc | undefined =>
  instants.reduce<DateTime.Utc | undefined>(
    (a, b) => (b === undefined ? a : a === undefined || b.epochMillis > a.epochMillis ? b : a),
    undefined
  )

/** The earliest of some instants (those present), or `undefined`. */
export const earliest = (...instants: ReadonlyArray<DateTime.Utc | undefined>): DateTime.Utc | undefined =>
  instants.reduce<DateTime.Utc | undefined>(
    (a, b) => (b === undefined ? a : a === undefined || b.epochMillis < a.epochMillis ? b : a),
    undefined
  )

/**
 * The header of a view. `issuedAt` is the instant of the event that issues
 * the document (approval of the framing, sending of the minutes…): a
 * document is dated by it, never by the instant it is built at; `env.at`
 * only when the document has no such event yet (a draft).
 */
export const header = <O extends Output>(s: ExchangeSnapshot, output: O, env: Env, issuedAt?: DateTime.Utc) => ({
  exchangeId: s.id,
  title: s.title,
  service: s.service,
  audience: env.audience,
  output,
  state: s.state,
  generatedAt: env.at,
  issuedAt: issuedAt ?? env.at,
  circulation: AudienceM.insideGroup(env.audience)
    ? ("group" as const)
    : env.audience === "organisation"
    ? ("public" as const)
    : ("restricted" as const)
})

export const sessionOrder = (s: ExchangeSnapshot): ReadonlyArray<Session> =>
  [...s.sessions].sort((a, b) => a.scheduledAt.epochMillis - b.scheduledAt.epochMillis)

export const sessionRef = (s: ExchangeSnapshot, session: Session) => ({
  id: session.id,
  number: sessionOrder(s).indexOf(session) + 1,
  kind: session.kind,
  scheduledAt: session.scheduledAt,
  durationMinutes: session.durationMinutes,
  venue: session.venue?.name,
  status: session.status,
  natures: (session.agenda?.items ?? []).map((i) => i.nature),
  sequence: session.sequence ?? 0,
  changedAt: session.changedAt
})

export const unitLabel = (s: ExchangeSnapshot, id: string): string => s.framing?.labels?.units[id] ?? id
export const occupationLabel = (s: ExchangeSnapshot, id: string): string => s.framing?.labels?.occupations[id] ?? id

export const questionTitle = (s: ExchangeSnapshot, id: string): string => s.questions.find((q) => q.id === id)?.title ?? id

export const agendaItems = (s: ExchangeSnapshot, session: Session) =>
  (session.agenda?.items ?? []).map((i) => ({
    title: i.title,
    nature: i.nature,
    question: i.questionId === undefined ? undefined : questionTitle(s, i.questionId)
  }))

export const findSession = (s: ExchangeSnapshot, id: SessionId): Build<Session> => {
  const session = s.sessions.find((x) => x.id === id)
  return session === undefined
    ? unavailable(`La séance « ${id} » n'existe pas.`, `Session "${id}" does not exist.`)
    : Either.right(session)
}

export const guestsOf = (session: Session) => session.guests.map((g) => ({ role: g.role, reason: g.reason }))

/** Members of the group at a session's date (facilitators and guests are not members). */
export const membersAt = (s: ExchangeSnapshot, session: Session): number =>
  s.members.filter(
    (m) => m.joinedAt.epochMillis <= session.scheduledAt.epochMillis + session.durationMinutes * 60_000 &&
      (m.withdrawnAt === undefined || m.withdrawnAt.epochMillis > session.scheduledAt.epochMillis)
  ).length
