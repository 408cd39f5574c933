/**
 * Reporting obligations (RES-02, RES-03, RES-05, RES-06, RES-07, RES-08): what
 * someone must do by a date, computed from a snapshot, the evaluation date
 * and the policy configuration. Only obligations whose trigger has happened
 * and that are not met yet are listed, each `due` or `overdue`.
 *
 * Deadlines are calendar days added to the session (its `heldAt`, else its
 * scheduled date), the training need's recording, the restitution, or the direction's response (RES-07), at the
 * same time of day in Paris; with the policy's `workingDays` (the default), a
 * deadline that falls on a Saturday, a Sunday or a French public holiday of
 * the policy's `holidayCalendar` (metropolitan France, or Alsace-Moselle)
 * moves to the next working day, and so does an action's due date (RES-08).
 * None of it depends on the process's time zone. An abandoned exchange owes
 * nothing.
 *
 * @since 0.1.0
 */
import * as DateTime from "effect/DateTime"
import * as Schema from "effect/Schema"
import type { ExchangeSnapshot } from "./Exchange.js"
import { Instant } from "./Instant.js"
import { type PolicyConfig, type PolicyOverrides, inForce } from "./Policy.js"
import { Path, Text } from "./Violation.js"
import { cite, seance, sessionEn } from "./internal/labels.js"
import { dueDate } from "./internal/workingDays.js"

/**
 * Who must act: the liaison (minutes, training needs), the facilitators (the
 * review), the direction (its response), or the owner of an action (with the
 * owner's label from the follow-up grid).
 *
 * @example
 * import { Obligations } from "@entre-pairs/core"
 * const owner: Obligations.Owner = { role: "actionOwner", label: "Pôle RH" }
 * @since 0.1.0
 */
export const Owner = Schema.Struct({
  role: Schema.Literal("liaison", "facilitators", "direction", "actionOwner"),
  label: Schema.optional(Schema.String)
}).annotations({ identifier: "Owner" })
/** @since 0.1.0 */
export interface Owner extends Schema.Schema.Type<typeof Owner> {}

/**
 * An unmet obligation.
 *
 * @example
 * import { Obligations } from "@entre-pairs/core"
 * const late = (o: Obligations.Obligation) => o.status === "overdue"
 * @since 0.1.0
 */
export const Obligation = Schema.Struct({
  rule: Schema.Literal("RES-02", "RES-03", "RES-05", "RES-06", "RES-07", "RES-08"),
  what: Text,
  owner: Owner,
  dueAt: Instant,
  status: Schema.Literal("due", "overdue"),
  /** Path into the snapshot of what the obligation is about. */
  path: Path
}).annotations({ identifier: "Obligation" })
/** @since 0.1.0 */
export interface Obligation extends Schema.Schema.Type<typeof Obligation> {}

/** The largest instant JavaScript dates can hold: obligations owed at any instant are those owed then. */
const MAX_MILLIS = 8.64e15

/** An obligation before its status: `from` is the instant it starts being owed (undefined: whatever the instant). */
interface Scheduled {
  readonly rule: Obligation["rule"]
  readonly what: Text
  readonly owner: Owner
  readonly due: number
  readonly from: number | undefined
  readonly path: Path
}

/**
 * Every obligation the snapshot makes owed at `now` (or at any instant when
 * `now` is the end of time), in a fixed order: an obligation owed at an
 * earlier instant is listed at the same rank among those owed then. Whether it
 * is owed at all depends on `now` only through `from`; its due date never does.
 */
const collect = (snapshot: ExchangeSnapshot, now: number, config: PolicyConfig): Array<Scheduled> => {
  if (snapshot.state === "abandoned") return []
  const out: Array<Scheduled> = []
  const add = (rule: Obligation["rule"], what: Text, owner: Owner, due: number, from: number | undefined, path: Path) =>
    out.push({ rule, what, owner, due, from, path })
  const plusDays = (millis: number, days: number): number => dueDate(millis, days, config)
  const liaison: Owner = { role: "liaison" }
  const sessionDue = new Map<string, { si: number; due: number }>()
  snapshot.sessions.forEach((s, si) => {
    if (s.status === "cancelled") return
    const scheduled = s.scheduledAt.epochMillis
    if (s.status !== "held" && scheduled > now) return
    const due = plusDays(s.heldAt?.epochMillis ?? scheduled, config.minutesDueDays)
    sessionDue.set(s.id, { si, due })
    if (s.minutes.some((m) => m.sentAt !== undefined)) return
    add(
      "RES-02",
      {
        fr: `Transmettre le compte rendu de la ${seance(snapshot, s)} aux supérieurs hiérarchiques des membres.`,
        en: `Send the minutes of the ${sessionEn(snapshot, s)} to the members' line managers.`
      },
      liaison,
      due,
      s.status === "held" ? undefined : scheduled,
      ["sessions", si, "minutes"]
    )
  })
  snapshot.trainingNeeds.forEach((n, i) => {
    const recorded = n.recordedAt.epochMillis
    if (recorded > now) return
    const session = snapshot.sessions.find((s) => s.id === n.sessionId)
    if (session === undefined || session.status === "cancelled") return
    if (session.minutes.some((m) => m.sentAt !== undefined && m.sentAt.epochMillis >= recorded)) return
    const base = sessionDue.get(session.id)?.due ?? plusDays(session.scheduledAt.epochMillis, config.minutesDueDays)
    add(
      "RES-03",
      {
        fr: `Transmettre à la hiérarchie, avec le compte rendu de la ${seance(snapshot, session)}, le besoin de formation « ${cite(n.description)} ».`,
        en: `Send the training need "${cite(n.description)}" to management with the minutes of the ${sessionEn(snapshot, session)}.`
      },
      liaison,
      Math.max(base, plusDays(recorded, 0)),
      recorded,
      ["trainingNeeds", i]
    )
  })
  const restitution = snapshot.restitution
  if (restitution !== undefined && restitution.at.epochMillis <= now) {
    const r = restitution.at.epochMillis
    if (snapshot.directionResponse === undefined) {
      add(
        "RES-05",
        {
          fr: "Partager l'analyse de la direction et les décisions envisagées à la suite de la restitution.",
          en: "Share the direction's analysis and planned decisions after the restitution."
        },
        { role: "direction" },
        plusDays(r, config.directionResponseDueDays),
        r,
        ["directionResponse"]
      )
    }
    if (snapshot.framing?.reviewForSocialDialogue === true && snapshot.review?.presentedAt === undefined) {
      add(
        "RES-06",
        {
          fr: "Présenter le bilan de la démarche aux instances de dialogue social.",
          en: "Present the review of the approach to the social-dialogue bodies."
        },
        { role: "facilitators" },
        plusDays(r, config.reviewDueDays),
        r,
        ["review"]
      )
    }
  }
  const response = snapshot.directionResponse
  if (response !== undefined && response.at.epochMillis <= now) {
    const r = response.at.epochMillis
    // RES-07: « devra être réalisée » — a communication of the results after the direction's response meets it.
    if (!snapshot.communications.some((c) => c.about === "results" && c.at.epochMillis >= r)) {
      add(
        "RES-07",
        {
          fr: "Communiquer sur les travaux menés, afin de valoriser les apports et les avancées mises en place.",
          en: "Communicate the work done, to show its contributions and the progress made."
        },
        { role: "direction" },
        plusDays(r, config.resultsCommunicationDueDays),
        r,
        ["communications"]
      )
    }
  }
  snapshot.actions.forEach((a, i) => {
    if (a.status === "done" || a.status === "dropped" || a.decidedAt.epochMillis > now) return
    add(
      "RES-08",
      { fr: `Mener l'action : ${a.title}.`, en: `Carry out the action: ${a.title}.` },
      { role: "actionOwner", label: a.owner },
      plusDays(a.dueDate.epochMillis, 0),
      a.decidedAt.epochMillis,
      ["actions", i]
    )
  })
  return out
}

/**
 * The unmet obligations of an exchange at `at`.
 *
 * @example
 * import { Exchange, Obligations, Policy } from "@entre-pairs/core"
 * import * as DateTime from "effect/DateTime"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * Obligations.obligations(snapshot, DateTime.unsafeMake("2026-01-01T00:00:00Z"), Policy.defaults) // []
 * @since 0.1.0
 */
export const obligations = (
  snapshot: ExchangeSnapshot,
  at: DateTime.Utc,
  config: PolicyConfig
): Array<Obligation> => {
  const now = at.epochMillis
  return collect(snapshot, now, config).map(({ due, owner, path, rule, what }) => ({
    rule,
    what,
    owner,
    dueAt: DateTime.unsafeMake(due),
    status: now > due ? "overdue" : "due",
    path
  }))
}

/**
 * An obligation as a read model keeps it: without a status, with the instant
 * from which it is owed (`from`; absent when it is owed whatever the instant,
 * e.g. the minutes of a session already held). At an instant `at`, it is owed
 * when `from <= at`, `overdue` when `at > dueAt`, `due` otherwise: the same
 * answer as {@link due} on the snapshot at `at`.
 *
 * @example
 * import type { Obligations } from "@entre-pairs/core"
 * const owedAt = (o: Obligations.ScheduledObligation, at: number) => o.from === undefined || o.from.epochMillis <= at
 * @since 0.2.0
 */
export interface ScheduledObligation {
  readonly rule: Obligation["rule"]
  readonly what: Text
  readonly owner: Owner
  readonly dueAt: DateTime.Utc
  readonly from: DateTime.Utc | undefined
  readonly path: Path
}

/**
 * Every obligation the snapshot makes owed at some instant, now or later,
 * with the instant from which it is owed: what the estate's read models keep
 * so that the status at any instant is computed from the stored due date,
 * without replaying the exchange. The order is {@link due}'s: at any instant,
 * `due` lists the obligations of `schedule` owed then, in the same order.
 *
 * @example
 * import { Exchange, Obligations } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * Obligations.schedule(snapshot).length // 0
 * @since 0.2.0
 */
export const schedule = (
  snapshot: ExchangeSnapshot,
  options?: { readonly config?: PolicyOverrides | undefined }
): Array<ScheduledObligation> =>
  collect(snapshot, MAX_MILLIS, inForce(options?.config, snapshot.framing)).map(({ due, from, owner, path, rule, what }) => ({
    rule,
    what,
    owner,
    dueAt: DateTime.unsafeMake(due),
    from: from === undefined ? undefined : DateTime.unsafeMake(from),
    path
  }))

/**
 * Options of {@link due}: the evaluation date and the service's policy
 * overrides (the exchange's own, from its framing, apply on top).
 *
 * @example
 * import type { Obligations } from "@entre-pairs/core"
 * import * as DateTime from "effect/DateTime"
 * const options: Obligations.Options = { at: DateTime.unsafeMake("2026-12-01T00:00:00Z"), config: { minutesDueDays: 10 } }
 * @since 0.1.0
 */
export interface Options {
  readonly at: DateTime.Utc
  readonly config?: PolicyOverrides | undefined
}

/**
 * What is due for this exchange at `options.at`: its unmet obligations under
 * `Policy.inForce(options.config, snapshot.framing)`.
 *
 * @example
 * import { Exchange, Instant, Obligations } from "@entre-pairs/core"
 * const snapshot = Exchange.decodeSync({ id: "ech-1", title: "T", state: "proposed" })
 * Obligations.due(snapshot, { at: Instant.unsafeMake("2026-12-01T00:00:00Z") }).length // 0
 * @since 0.1.0
 */
export const due = (snapshot: ExchangeSnapshot, options: Options): Array<Obligation> =>
  obligations(snapshot, options.at, inForce(options.config, snapshot.framing))
