import { assert, describe, it } from "@effect/vitest"
import { Diversity, Evaluate, Exchange, type Framing, type Session } from "@entre-pairs/core"
import * as Arbitrary from "effect/Arbitrary"
import * as DateTime from "effect/DateTime"
import * as FastCheck from "effect/FastCheck"

const snapshots = Arbitrary.make(Exchange.ExchangeSnapshot)
const dates = FastCheck.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2036, 0, 1) }).map((ms) => DateTime.unsafeMake(ms))
const runs = { fastCheck: { numRuns: 150 } }
const ids = (r: Evaluate.Evaluation) => [...r.blocking, ...r.advisories].map((v) => v.rule)
const composedStates = FastCheck.constantFrom(
  "composed",
  "charterAdopted",
  "inSessions",
  "concluded",
  "restituted",
  "closed"
) as FastCheck.Arbitrary<Exchange.ExchangeState>

/** The framing of a snapshot, created if absent, without policy overrides (the exchange's or the service's it recorded). */
const framingOf = (s: Exchange.ExchangeSnapshot): Framing.Framing => {
  const base: Framing.Framing = s.framing ?? {
    form: "note",
    at: DateTime.unsafeMake(0),
    objectives: [],
    perimeter: { units: [] },
    occupationsConcerned: [],
    themes: [],
    calendar: { provisionalDates: [] },
    reviewForSocialDialogue: false
  }
  const { policy: _, servicePolicy: __, ...rest } = base
  return rest
}

describe("properties of evaluate", () => {
  it.prop("evaluate never throws on any snapshot the schema accepts", [snapshots, dates], ([snapshot, at]) => {
    const r = Evaluate.evaluate(snapshot, { at })
    assert.isTrue(r.blocking.every((v) => v.kind === "blocking"))
    assert.isTrue(r.advisories.every((v) => v.kind === "advisory"))
    Diversity.diversityReport(snapshot)
  }, runs)

  it.prop(
    "SIZ-01 always fires with 11 or more active members",
    [snapshots, FastCheck.integer({ min: 11, max: 25 }), composedStates],
    ([snapshot, n, state]) => {
      const at = DateTime.unsafeMake(Date.UTC(2040, 0, 1))
      const extra = Array.from({ length: n }, (_, i) => `agt_m${i}` as Exchange.Member["agentId"])
      const s: Exchange.ExchangeSnapshot = {
        ...snapshot,
        state,
        framing: framingOf(snapshot),
        agents: [
          ...snapshot.agents,
          ...extra.map((id) => ({ id, firstName: "A", lastName: "B", occupation: "occ-x" as never, unit: "unit-x" as never, contributesTo: [] }))
        ],
        members: [
          ...snapshot.members.filter((m) => !extra.includes(m.agentId)),
          ...extra.map((agentId) => ({ agentId, role: "operational" as const, joinedAt: DateTime.unsafeMake(0) }))
        ]
      }
      assert.include(ids(Evaluate.evaluate(s, { at })), "SIZ-01")
    },
    runs
  )

  it.prop(
    "ARB-01 always fires for a conditional arbitration without conditions",
    [snapshots, dates, FastCheck.array(FastCheck.constantFrom("", " ", "\t"), { maxLength: 3 })],
    ([snapshot, at, blanks]) => {
      const session: Session.Session = {
        id: "ses_prop" as never,
        kind: "casework",
        scheduledAt: at,
        durationMinutes: 180,
        guests: [],
        status: "scheduled",
        attendees: [],
        presentations: [],
        minutes: [],
        variants: [
          {
            id: "var_prop" as never,
            questionId: "q_prop" as never,
            description: "Variante",
            arbitration: { outcome: "conditional", conditions: blanks, at }
          }
        ]
      }
      const s: Exchange.ExchangeSnapshot = {
        ...snapshot,
        questions: [...snapshot.questions, { id: "q_prop" as never, title: "Q", nature: "experienceSharing", occupationsConcerned: [], status: "open" }],
        sessions: [...snapshot.sessions, session]
      }
      assert.include(ids(Evaluate.evaluate(s, { at })), "ARB-01")
    },
    runs
  )

  it.prop(
    "ANI-04 always fires for a solo facilitator without mandate",
    [snapshots, dates],
    ([snapshot, at]) => {
      const facilitator = snapshot.agents[0]?.id ?? ("agt_fac" as never)
      const framing = framingOf(snapshot)
      const s: Exchange.ExchangeSnapshot = {
        ...snapshot,
        agents:
          snapshot.agents.length > 0
            ? snapshot.agents
            : [{ id: facilitator, firstName: "A", lastName: "B", occupation: "occ-x" as never, unit: "unit-x" as never, contributesTo: [] }],
        framing: {
          ...framing,
          facilitation: {
            mode: "solo",
            facilitators: [{ agentId: facilitator, role: "lead", profile: "executive" }]
          }
        }
      }
      assert.include(ids(Evaluate.evaluate(s, { at })), "ANI-04")
    },
    runs
  )

  it.prop(
    "DIV-01 never fires when the pool offers no more categories than the group has",
    [snapshots, dates, composedStates],
    ([snapshot, at, state]) => {
      const active = new Set(
        snapshot.members
          .filter((m) => m.joinedAt.epochMillis <= at.epochMillis && (m.withdrawnAt === undefined || m.withdrawnAt.epochMillis > at.epochMillis))
          .map((m) => m.agentId as string)
      )
      // Only the active members volunteered: the pool is the group itself.
      const s: Exchange.ExchangeSnapshot = { ...snapshot, state, volunteers: snapshot.volunteers.filter((v) => active.has(v.agentId)) }
      assert.notInclude(ids(Evaluate.evaluate(s, { at })), "DIV-01")
      const report = Diversity.diversityReport(s, { at })
      for (const d of report.dimensions) assert.isAtMost(d.poolCategories, d.categories.length)
    },
    runs
  )

  it.prop(
    "DIV-01 fires exactly for the dimensions the diversity report finds below what the pool allowed",
    [snapshots, dates, composedStates],
    ([snapshot, at, state]) => {
      const s: Exchange.ExchangeSnapshot = { ...snapshot, state }
      const warned = ids(Evaluate.evaluate(s, { at })).filter((id) => id === "DIV-01").length
      const report = Diversity.diversityReport(s, { at })
      const expected = report.groupSize === 0 ? 0 : report.dimensions.filter((d) => d.belowAchievable).length
      assert.strictEqual(warned, expected)
      for (const d of report.dimensions) if (d.poolCategories <= d.categories.length) assert.isFalse(d.belowAchievable)
    },
    runs
  )
})
