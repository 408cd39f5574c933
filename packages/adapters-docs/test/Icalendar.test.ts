import { Command, Decider, Example, View } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import ICAL from "ical.js"
import { describe, expect, it } from "vitest"
import { Icalendar, Layout, Render, Typography } from "../src/index.js"
import { agendaView, calendarView } from "./fixtures.js"

const stamp = Date.UTC(2026, 9, 1, 8, 0, 0)

const parisHour = (d: Date) => Typography.wallTime(d.getTime())

describe("iCalendar", () => {
  const ics = Icalendar.render(Layout.calendarEvents(calendarView), { timestamp: stamp, uidDomain: "dreets-bretagne.example" })

  it("uses CRLF line endings and the same bytes for the same calendar", () => {
    expect(ics.split("\r\n").length).toBeGreaterThan(10)
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n")
    expect(Icalendar.render(Layout.calendarEvents(calendarView), { timestamp: stamp, uidDomain: "dreets-bretagne.example" })).toBe(ics)
  })

  it("defect 7: DTSTAMP is the session's own last change and SEQUENCE its revisions, never the clock", () => {
    // The fixture's sessions last changed on 20 Oct 2026 08:00Z, once after scheduling.
    expect(ics.match(/^DTSTAMP:.*$/gm)).toEqual(["DTSTAMP:20261020T080000Z", "DTSTAMP:20261020T080000Z", "DTSTAMP:20261020T080000Z"])
    expect(ics.match(/^SEQUENCE:.*$/gm)).toEqual(["SEQUENCE:1", "SEQUENCE:1", "SEQUENCE:1"])
    const moved = {
      ...calendarView,
      sessions: calendarView.sessions.map((s, i) => (i === 0 ? { ...s, sequence: 2, changedAt: DateTime.unsafeMake("2026-10-22T07:30:00Z") } : s))
    }
    const again = Icalendar.render(Layout.calendarEvents(moved), { timestamp: stamp, uidDomain: "dreets-bretagne.example" })
    const first = new ICAL.Event(new ICAL.Component(ICAL.parse(again)).getFirstSubcomponent("vevent")!)
    expect(first.sequence).toBe(2)
    expect(first.component.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-10-22T07:30:00Z")
  })

  it("defect 7: a session moved with RescheduleSession gets the new DTSTART, SEQUENCE + 1 and DTSTAMP the move (core's decider, ical.js)", () => {
    // The example cycle just before session 2's agenda is set, then session 2 moved by a week.
    let seen = 0
    const until = Example.cycle().findIndex((c) => c._tag === "SetAgenda" && ++seen === 2)
    let state: Decider.State = Decider.initialState
    const run = (command: Command.ExchangeCommand) => {
      const decided = Decider.decideAt(command, state, command.at!)
      if (Either.isLeft(decided)) throw new Error(decided.left.message)
      state = Decider.replay(decided.right.events, state)
    }
    Example.cycle().slice(0, until).forEach(run)
    const ics = () => {
      const view = View.build(state!, { output: "calendar", audience: "group" }, { at: DateTime.unsafeMake("2027-09-01T08:00:00Z") })
      if (Either.isLeft(view) || view.right._tag !== "CalendarView") throw new Error("no calendar")
      const events = new ICAL.Component(ICAL.parse(Icalendar.render(Layout.calendarEvents(view.right)))).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c))
      return events.find((e) => e.uid.includes("-s2@"))!
    }
    const before = ics()
    run(Schema.decodeUnknownSync(Command.ExchangeCommand)({ _tag: "RescheduleSession", at: "2026-10-21T09:00:00Z", sessionId: "s2", scheduledAt: "2026-11-26T13:00:00Z", reason: "Salle indisponible le 19" }))
    const after = ics()
    expect(after.uid).toBe(before.uid)
    expect(after.sequence).toBe(before.sequence + 1)
    expect(before.startDate.toString()).toBe("2026-11-19T13:00:00Z")
    expect(after.startDate.toString()).toBe("2026-11-26T13:00:00Z")
    expect(after.endDate.toString()).toBe("2026-11-26T16:00:00Z")
    expect(after.component.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-10-21T09:00:00Z")
  })

  it("defect 7: lines folded at 75 octets, never inside a UTF-8 character; a strict parser reads the text back whole", () => {
    const title = "Séance « désescalade » — écoute, évaluation, échéances ; ".repeat(4)
    const out = Icalendar.render({ name: "Échanges", events: [{ id: "s1", title, start: Date.UTC(2026, 9, 24, 12), durationMinutes: 60, stamp }] })
    for (const line of out.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75)
    // Character-count folding (the defect) gives lines of 75 characters but more than 75 octets.
    expect(out.split("\r\n").some((l) => l.length < 75 && Buffer.byteLength(l, "utf8") > 70)).toBe(true)
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(out)).getFirstSubcomponent("vevent")!).summary).toBe(title)
  })

  it("parses back with the right Paris times on both sides of the DST change", () => {
    const cal = new ICAL.Component(ICAL.parse(ics))
    const events = cal.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c))
    expect(events).toHaveLength(3)
    const [first, second, third] = events
    // Saturday 24 Oct 2026, 14:00 CEST = 12:00Z; Tuesday 3 Nov 2026, 14:00 CET = 13:00Z.
    expect(first!.startDate.toJSDate().toISOString()).toBe("2026-10-24T12:00:00.000Z")
    expect(second!.startDate.toJSDate().toISOString()).toBe("2026-11-03T13:00:00.000Z")
    expect(parisHour(first!.startDate.toJSDate())).toMatchObject({ day: 24, hour: 14, minute: 0, weekday: 6 })
    expect(parisHour(second!.startDate.toJSDate())).toMatchObject({ day: 3, hour: 14, minute: 0, weekday: 2 })
    expect(parisHour(third!.startDate.toJSDate())).toMatchObject({ day: 3, hour: 14, minute: 30 })
    expect(parisHour(second!.endDate.toJSDate())).toMatchObject({ hour: 16, minute: 30 })
    expect(first!.summary).toBe("Contrôle des chantiers de retrait d’amiante — séance n°\u00a01")
    expect(first!.location).toBe("Rennes, salle Vauban (2ᵉ étage)")
    expect(first!.description).toContain("samedi 24\u00a0octobre\u00a02026 à 14\u00a0h (heure de Paris)")
  })

  it("gives each session a stable UID", () => {
    const cal = new ICAL.Component(ICAL.parse(ics))
    const uids = cal.getAllSubcomponents("vevent").map((c) => String(c.getFirstPropertyValue("uid")))
    expect(uids).toEqual([
      "ech-amiante-2026-ses-1@dreets-bretagne.example",
      "ech-amiante-2026-ses-2@dreets-bretagne.example",
      "ech-amiante-2026-ses-3@dreets-bretagne.example"
    ])
    const later = Icalendar.render(Layout.calendarEvents(calendarView), { timestamp: stamp + 86_400_000, uidDomain: "dreets-bretagne.example" })
    expect(later.match(/^UID:.*$/gm)).toEqual(ics.match(/^UID:.*$/gm))
  })

  it("renders an agenda as one event with its items", async () => {
    const one = await Render.render(agendaView, "ics", { timestamp: stamp })
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(one)).getFirstSubcomponent("vevent")!)
    expect(event.description).toContain("1. Retour sur les règles de travail du groupe")
  })

  it("writes an empty calendar", () => {
    const empty = Icalendar.render({ name: "Vide", events: [] })
    expect(new ICAL.Component(ICAL.parse(empty)).getAllSubcomponents("vevent")).toHaveLength(0)
  })
})
