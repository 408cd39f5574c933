/**
 * Moving a session (`RescheduleSession`): a new date, duration or venue with
 * a reason, for a session still scheduled. The date and venue it gets meet
 * the same rules as a scheduling (the snapshot rules on the next state: one
 * condition each, whichever command set the date), and calendars get the
 * change (SEQUENCE + 1, DTSTAMP the move). Issue 13, defect 7: « SEQUENCE
 * stays 0 when a session moves ».
 */
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { Decider, Event, Session, View } from "../src/index.js"
import type { Exchange } from "../src/index.js"
import { runnerUntil } from "./support/runner.js"

type Refusal = { readonly rule: string; readonly path: ReadonlyArray<string | number>; readonly message: { readonly fr: string } }
const refusals = (result: Either.Either<unknown, { _tag: string }>): ReadonlyArray<Refusal> =>
  Either.isLeft(result) && result.left._tag === "RuleViolation" ? (result.left as unknown as { violations: ReadonlyArray<Refusal> }).violations : []
const invalidPath = (result: Either.Either<unknown, { _tag: string }>) =>
  Either.isLeft(result) && result.left._tag === "InvalidCommand" ? (result.left as unknown as { path: ReadonlyArray<string | number> }).path : undefined

const iso = (d: DateTime.Utc) => DateTime.formatIso(d)
const session = (s: Exchange.ExchangeSnapshot, id: string) => s.sessions.find((x) => x.id === id)!
const late = { at: DateTime.unsafeMake("2027-09-01T08:00:00Z") }

// The example cycle just before session 2's agenda is set: s2 is scheduled
// for 19 November 2026 at 14 h (Paris), s1 is held.
const beforeAgenda2 = () => runnerUntil("SetAgenda", 2)

describe("RescheduleSession — moving a scheduled session", () => {
  it("LIF-08 moves a scheduled session: the new date, the same duration and venue, SEQUENCE + 1 and DTSTAMP the move", () => {
    const r = beforeAgenda2()
    const before = session(r.snapshot, "s2")
    const decision = r.run({ _tag: "RescheduleSession", at: "2026-10-21T09:00:00Z", sessionId: "s2", scheduledAt: "2026-11-26T13:00:00Z", reason: "Salle indisponible le 19" })
    expect(decision.events.map((e) => e._tag)).toEqual(["SessionRescheduled"])
    const moved = session(r.snapshot, "s2")
    expect(iso(moved.scheduledAt)).toBe("2026-11-26T13:00:00.000Z")
    expect(moved.durationMinutes).toBe(before.durationMinutes)
    expect(moved.venue).toEqual(before.venue)
    expect(moved.status).toBe("scheduled")
    expect(moved.sequence).toBe((before.sequence ?? 0) + 1)
    expect(iso(moved.changedAt!)).toBe("2026-10-21T09:00:00.000Z")
    // The calendar shows the new date, its revision and its stamp.
    const calendar = View.build(r.snapshot, { output: "calendar", audience: "group" }, late)
    if (Either.isLeft(calendar) || calendar.right._tag !== "CalendarView") throw new Error("no calendar")
    const ref = calendar.right.sessions.find((x) => x.id === "s2")!
    expect(iso(ref.scheduledAt)).toBe("2026-11-26T13:00:00.000Z")
    expect(ref.sequence).toBe(1)
    expect(iso(ref.changedAt!)).toBe("2026-10-21T09:00:00.000Z")
  })

  it("LIF-08 a move after the agenda was set: the agenda shows the new date and is dated by the move; SEQUENCE counts both changes", () => {
    const r = runnerUntil("HoldSession", 2)
    r.run({ _tag: "RescheduleSession", at: "2026-11-10T09:00:00Z", sessionId: "s2", scheduledAt: "2026-11-20T09:00:00Z", durationMinutes: 150, reason: "Un présentateur en congé le 19" })
    const agenda = View.build(r.snapshot, { output: "agenda", audience: "group", sessionId: "s2" as never }, late)
    if (Either.isLeft(agenda) || agenda.right._tag !== "AgendaView") throw new Error("no agenda")
    expect(iso(agenda.right.session.scheduledAt)).toBe("2026-11-20T09:00:00.000Z")
    expect(agenda.right.session.durationMinutes).toBe(150)
    expect(agenda.right.session.sequence).toBe(2)
    expect(iso(agenda.right.header.issuedAt)).toBe("2026-11-10T09:00:00.000Z")
  })

  it("LIF-08 a new venue alone moves the session to it; the date stays", () => {
    const r = beforeAgenda2()
    const date = session(r.snapshot, "s2").scheduledAt
    r.run({ _tag: "RescheduleSession", sessionId: "s2", venue: { name: "Salle Tarn, 1er étage", equipped: true, quiet: true, private: true }, reason: "Travaux salle Garonne" })
    expect(session(r.snapshot, "s2").venue?.name).toBe("Salle Tarn, 1er étage")
    expect(iso(session(r.snapshot, "s2").scheduledAt)).toBe(iso(date))
  })

  it("LIF-08 refuses to move a session already held, or cancelled, and records nothing", () => {
    const held = runnerUntil("DraftMinutes", 1)
    const before = held.state
    const onHeld = held.try({ _tag: "RescheduleSession", sessionId: "s1", scheduledAt: "2026-10-22T12:00:00Z", reason: "Après coup" })
    expect(refusals(onHeld).map((v) => [v.rule, v.path.join(".")])).toEqual([["LIF-08", "sessions.0.status"]])
    expect(refusals(onHeld)[0]!.message.fr).toContain("déjà tenue")
    expect(held.state).toBe(before)
    const cancelled = beforeAgenda2()
    cancelled.run({ _tag: "CancelSession", sessionId: "s2", reason: "Grève" })
    const onCancelled = cancelled.try({ _tag: "RescheduleSession", sessionId: "s2", scheduledAt: "2026-11-26T13:00:00Z", reason: "Reprise" })
    expect(refusals(onCancelled).map((v) => v.rule)).toEqual(["LIF-08"])
    expect(refusals(onCancelled)[0]!.message.fr).toContain("déjà annulée")
  })

  it("LIF-07 refuses a move after the cycle's planned end with the refusal scheduling there gets (one condition for both)", () => {
    const r = beforeAgenda2()
    const end = r.snapshot.framing!.calendar.plannedEnd!
    const after = DateTime.formatIso(DateTime.unsafeMake(end.epochMillis + 7 * 86_400_000))
    const moved = refusals(r.try({ _tag: "RescheduleSession", sessionId: "s2", scheduledAt: after, reason: "Reporter" }))
    const scheduled = refusals(r.try({ _tag: "ScheduleSession", sessionId: "s9", kind: "casework", scheduledAt: after, venue: { name: "Salle Garonne" } }))
    expect(moved.map((v) => [v.rule, v.path.join(".")])).toEqual([["LIF-07", "sessions.1.scheduledAt"]])
    expect(scheduled.map((v) => [v.rule, v.path.join(".")])).toEqual([["LIF-07", "sessions.2.scheduledAt"]])
    // The same sentence, but for the session it names (by its rank).
    const unnamed = (m: string) => m.replace(/^La .+? séance/, "La … séance")
    expect(unnamed(moved[0]!.message.fr)).toBe(unnamed(scheduled[0]!.message.fr))
    expect(moved[0]!.message.fr).toContain("postérieure à la fin prévue")
  })

  it("CHA-01 refuses a move before the adoption of the group's rules, as it refuses scheduling there", () => {
    const r = beforeAgenda2()
    const adopted = r.snapshot.charter!.adoptedAt
    const before = DateTime.formatIso(DateTime.unsafeMake(adopted.epochMillis - 86_400_000))
    expect(refusals(r.try({ _tag: "RescheduleSession", sessionId: "s2", scheduledAt: before, reason: "Avancer" })).map((v) => v.rule)).toEqual(["CHA-01"])
    expect(refusals(r.try({ _tag: "ScheduleSession", sessionId: "s9", kind: "casework", scheduledAt: before })).map((v) => v.rule)).toContain("CHA-01")
  })

  it("LIF-06 a move to a venue the facilitators have not attested gets the advisory scheduling there gets", () => {
    const r = beforeAgenda2()
    const decision = r.run({ _tag: "RescheduleSession", sessionId: "s2", venue: { name: "Open space du 3e" }, reason: "Salle prise" })
    expect(decision.advisories.map((v) => v.rule)).toContain("LIF-06")
  })

  it("refuses as invalid: an unknown session, nothing to change, or the same date, duration and venue again", () => {
    const r = beforeAgenda2()
    const s2 = session(r.snapshot, "s2")
    expect(invalidPath(r.try({ _tag: "RescheduleSession", sessionId: "s7", scheduledAt: "2026-11-26T13:00:00Z", reason: "x" }))).toEqual(["sessionId"])
    expect(invalidPath(r.try({ _tag: "RescheduleSession", sessionId: "s2", reason: "Rien" }))).toEqual(["scheduledAt"])
    const same = r.try({ _tag: "RescheduleSession", sessionId: "s2", scheduledAt: iso(s2.scheduledAt), durationMinutes: s2.durationMinutes, reason: "Pareil" })
    expect(invalidPath(same)).toEqual(["scheduledAt"])
    expect(Either.isLeft(same) && same.left._tag === "InvalidCommand" && same.left.reason.fr).toContain("rien ne change")
    expect(invalidPath(r.try({ _tag: "RescheduleSession", sessionId: "s2", venue: Schema.encodeSync(Session.Venue)(s2.venue!), reason: "Pareil" }))).toEqual(["venue"])
  })

  it("the event round-trips as JSON and replays to the same session", () => {
    const r = beforeAgenda2()
    const decision = r.run({ _tag: "RescheduleSession", sessionId: "s2", scheduledAt: "2026-11-26T13:00:00Z", reason: "Salle indisponible" })
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Event.ExchangeEvent)(decision.events[0]!)))
    expect(json).toMatchObject({ _tag: "SessionRescheduled", sessionId: "s2", scheduledAt: "2026-11-26T13:00:00.000Z", durationMinutes: 180, reason: "Salle indisponible" })
    const replayed = Decider.replay(r.events.map((e) => Schema.decodeUnknownSync(Event.ExchangeEvent)(JSON.parse(JSON.stringify(Schema.encodeSync(Event.ExchangeEvent)(e))))), Decider.initialState)
    expect(session(replayed!, "s2")).toEqual(session(r.snapshot, "s2"))
  })
})
