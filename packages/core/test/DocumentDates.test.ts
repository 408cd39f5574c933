/**
 * Each document is dated by its own event (issue 13, defect 1: every
 * document said « Émis le jeudi 20 mai 2027 », the instant the demo was
 * built at), and a session's calendar revision (SEQUENCE, DTSTAMP) is
 * derived from its events (defect 7: SEQUENCE stayed 0).
 */
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Decider, Example, type Exchange, View } from "../src/index.js"
import type { Command } from "../src/index.js"

const run = (commands: ReadonlyArray<Command.ExchangeCommand>): Exchange.ExchangeSnapshot => {
  let state = Decider.initialState
  for (const command of commands) {
    const decided = Decider.decideAt(command, state, command.at!)
    if (Either.isLeft(decided)) throw new Error(`${command._tag}: ${decided.left.message}`)
    state = Decider.replay(decided.right.events, state)
  }
  if (state === null) throw new Error("no exchange")
  return state
}

const closed = run(Example.cycle())
// Long after the closing: a document built then must still carry its own date.
const late = DateTime.unsafeMake("2027-09-01T08:00:00Z")
const iso = (d: DateTime.Utc) => DateTime.formatIso(d).slice(0, 16)

const issued = (request: View.Request): string => {
  const built = View.build(closed, request, { at: late })
  if (Either.isLeft(built)) throw new Error(built.left.message)
  expect(DateTime.formatIso(built.right.header.generatedAt).slice(0, 16)).toBe("2027-09-01T08:00")
  return iso(built.right.header.issuedAt)
}

describe("document dates: each document dated by its own event, not by when it is built", () => {
  it("note de cadrage at its acceptance, invitation when sent, charter when adopted", () => {
    expect(issued({ output: "framing", audience: "group" })).toBe(iso(closed.approval!.at))
    const firstInvitation = Math.min(...closed.invitations.map((i) => i.at.epochMillis), ...closed.collectiveInvitations.map((i) => i.at.epochMillis))
    expect(issued({ output: "invitation", audience: "organisation" })).toBe(iso(DateTime.unsafeMake(firstInvitation)))
    expect(issued({ output: "charter", audience: "group" })).toBe(iso(closed.charter!.adoptedAt))
  })

  it("agenda when sent (else set) before its session; minutes when their version was sent", () => {
    for (const session of closed.sessions) {
      const agenda = issued({ output: "agenda", audience: "group", sessionId: session.id })
      expect(agenda).toBe(iso(session.agenda!.sentAt ?? session.agenda!.setAt))
      expect(new Date(`${agenda}Z`).getTime()).toBeLessThan(session.scheduledAt.epochMillis)
      const sent = session.minutes.filter((m) => m.sentAt !== undefined)
      expect(issued({ output: "minutes", audience: "lineManagers", sessionId: session.id })).toBe(iso(sent[sent.length - 1]!.sentAt!))
    }
  })

  it("conclusions when circulated, review when presented, attestation at the closing", () => {
    expect(issued({ output: "conclusions", audience: "group" })).toBe(iso(closed.conclusions!.circulatedAt ?? closed.conclusions!.draftedAt))
    expect(issued({ output: "review", audience: "socialDialogue" })).toBe(iso(closed.review!.presentedAt!))
    const agentId = closed.members.find((m) => m.role === "operational")!.agentId
    expect(issued({ output: "attestation", audience: "lineManagers", agentId })).toBe(iso(closed.closedAt!))
  })

  it("the direction's response at its latest event (response or action update), never later", () => {
    const at = issued({ output: "directionResponse", audience: "group" })
    const candidates = [closed.directionResponse!.at, ...closed.actions.flatMap((a) => (a.updatedAt === undefined ? [a.decidedAt] : [a.decidedAt, a.updatedAt]))]
    expect(at).toBe(iso(DateTime.unsafeMake(Math.max(...candidates.map((d) => d.epochMillis)))))
  })

  it("no two kinds of document share one date (the defect: every one said the demo's instant)", () => {
    const dates = new Set([
      issued({ output: "framing", audience: "group" }),
      issued({ output: "charter", audience: "group" }),
      issued({ output: "calendar", audience: "group" }),
      issued({ output: "conclusions", audience: "group" }),
      issued({ output: "review", audience: "socialDialogue" })
    ])
    expect(dates.size).toBe(5)
  })
})

describe("a session's calendar revision derived from its events (ICS SEQUENCE and DTSTAMP)", () => {
  const commands = Example.cycle()
  const firstHold = commands.findIndex((c) => c._tag === "HoldSession")

  it("scheduled: SEQUENCE 0, DTSTAMP the scheduling", () => {
    const s = run(commands.slice(0, commands.findIndex((c) => c._tag === "ScheduleSession") + 1))
    const view = View.build(s, { output: "calendar", audience: "group" }, { at: late })
    if (Either.isLeft(view) || view.right._tag !== "CalendarView") throw new Error("no calendar")
    const ref = view.right.sessions[0]!
    expect(ref.sequence).toBe(0)
    expect(iso(ref.changedAt!)).toBe(iso(commands.find((c) => c._tag === "ScheduleSession")!.at!))
  })

  it("agenda set then the session cancelled: SEQUENCE 2, DTSTAMP the cancellation; the calendar dated by it", () => {
    const before = commands.slice(0, firstHold)
    const cancelAt = DateTime.unsafeMake("2026-10-12T08:00:00Z")
    const s = run([...before, { _tag: "CancelSession", at: cancelAt, sessionId: "s1", reason: "Salle indisponible" } as unknown as Command.ExchangeCommand])
    const view = View.build(s, { output: "calendar", audience: "group" }, { at: late })
    if (Either.isLeft(view) || view.right._tag !== "CalendarView") throw new Error("no calendar")
    expect(view.right.sessions[0]!.sequence).toBe(2)
    expect(iso(view.right.sessions[0]!.changedAt!)).toBe(iso(cancelAt))
    expect(iso(view.right.header.issuedAt)).toBe(iso(cancelAt))
  })
})
