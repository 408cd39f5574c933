/** The review (bilan, RES-06): figures only, no personal data. */
import * as Either from "effect/Either"
import type { ExchangeSnapshot } from "../../Exchange.js"
import type { Outcome } from "../../Session.js"
import { dueDate } from "../workingDays.js"
import { type Env, header, membersAt, sessionOrder } from "./common.js"

export const review = (s: ExchangeSnapshot, env: Env) => {
  const held = s.sessions.filter((x) => x.status === "held")
  const variants = s.sessions.flatMap((x) => x.variants).filter((v) => v.validatedAt !== undefined)
  const count = (o: Outcome) => variants.filter((v) => v.arbitration?.outcome === o).length
  const sent = s.sessions.flatMap((x) =>
    x.minutes.flatMap((m) => (m.sentAt !== undefined && m.version === 1 ? [{ session: x, sentAt: m.sentAt }] : []))
  )
  const onTime = sent.filter(
    ({ sentAt, session }) => sentAt.epochMillis <= dueDate(session.heldAt?.epochMillis ?? session.scheduledAt.epochMillis, env.config.minutesDueDays, env.config)
  ).length
  const possible = held.reduce((n, x) => n + membersAt(s, x), 0)
  const memberIds = new Set<string>(s.members.map((m) => m.agentId))
  const present = held.reduce((n, x) => n + x.attendees.filter((a) => memberIds.has(a)).length, 0)
  const sorted = sessionOrder(s).filter((x) => x.status !== "cancelled")
  const actions = (st: ExchangeSnapshot["actions"][number]["status"]) => s.actions.filter((a) => a.status === st).length
  return Either.right({
    _tag: "ReviewView" as const,
    header: header(s, "review", env, s.review?.presentedAt ?? s.review?.preparedAt),
    period: { from: sorted[0]?.scheduledAt, to: s.restitution?.at ?? sorted[sorted.length - 1]?.scheduledAt },
    figures: {
      sessionsHeld: held.length,
      sessionsCancelled: s.sessions.filter((x) => x.status === "cancelled").length,
      members: s.members.length,
      withdrawals: s.members.filter((m) => m.withdrawnAt !== undefined).length,
      attendanceRate: possible === 0 ? undefined : Math.round((present / possible) * 1000) / 1000,
      questions: s.questions.length,
      presentations: s.sessions.reduce((n, x) => n + x.presentations.length, 0),
      variants: { desirable: count("desirable"), conditional: count("conditional"), discontinue: count("discontinue") },
      trainingNeeds: s.trainingNeeds.length,
      minutesSent: sent.length,
      minutesSentOnTime: onTime,
      directionResponseDays:
        s.restitution === undefined || s.directionResponse === undefined
          ? undefined
          : Math.round((s.directionResponse.at.epochMillis - s.restitution.at.epochMillis) / 86_400_000),
      actions: { planned: actions("planned"), inProgress: actions("inProgress"), done: actions("done"), dropped: actions("dropped") },
      guests: new Set(s.sessions.flatMap((x) => x.guests.map((g) => g.agentId as string))).size
    },
    text: s.review?.text,
    presentedAt: s.review?.presentedAt,
    body: s.review?.body,
    testimonials: s.testimonials.filter((t) => t.publishedAt !== undefined && t.consentAt !== undefined).map((t) => t.text)
  })
}
