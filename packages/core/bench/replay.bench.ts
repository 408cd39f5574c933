/**
 * Replay of a 1,000-event stream: the decider's fold (`Decider.replay`)
 * against a hand-written plain `reduce` over the same events (a `switch` with
 * the same immutable updates), in the same run. Target: ≤ 3× the baseline.
 * Decoding stored JSON events is measured too, for information (it happens
 * once per load, at the boundary).
 */
import * as Schema from "effect/Schema"
import { bench, describe } from "vitest"
import { Decider, Event, Exchange } from "../src/index.js"
import type { Session } from "../src/index.js"
import { commandsOf } from "../test/support/generate.js"
import type { Plan } from "../test/support/generate.js"
import { Runner } from "../test/support/runner.js"

const people = Array.from({ length: 14 }, (_, i) => ({
  id: `agt-b${i}`,
  civility: i % 2 === 0 ? ("Mme" as const) : ("M." as const),
  firstName: `Prénom${String.fromCharCode(65 + i)}`,
  lastName: `Nom${String.fromCharCode(65 + i)}`
}))
const text = "Le groupe a analysé une situation de contrôle tendue avec l'employeur."
const plan: Plan = {
  people,
  volunteers: 11,
  members: 9,
  sessions: Array.from({ length: 50 }, () => ({
    guest: false,
    presentations: Array.from({ length: 3 }, () => ({
      text,
      variants: [
        { outcome: "desirable" as const, text },
        { outcome: "conditional" as const, text }
      ]
    })),
    summary: text,
    trainingNeed: "Formation à la désescalade"
  })),
  conclusions: text,
  review: text,
  stop: 1
}

const runner = new Runner()
for (const c of commandsOf(plan)) runner.run(c)
const events = runner.events.slice(0, 1000)
if (events.length < 1000) throw new Error(`only ${events.length} events`)
const encoded = events.map(Event.encode)
const decodeAll = Schema.decodeUnknownSync(Schema.Array(Event.ExchangeEvent))

type S = Exchange.ExchangeSnapshot
const onSession = (s: S, id: string, f: (x: Session.Session) => Session.Session): S => ({
  ...s,
  sessions: s.sessions.map((x) => (x.id === id ? f(x) : x))
})

/** The baseline: a plain reducer, one `switch`, the same updates. */
const plain = (s: S | null, e: Event.ExchangeEvent): S | null => {
  if (s === null) return e._tag === "ExchangeProposed" ? { ...Exchange.empty(e.exchangeId, e.title), origin: e.origin, updatedAt: e.at } : null
  let n: S
  switch (e._tag) {
    case "ExchangeFramed": n = { ...s, framing: e.framing, state: "framed" }; break
    case "ExchangeApproved": n = { ...s, approval: e.approval, state: "approved" }; break
    case "ApproachCommunicated": n = { ...s, communications: [...s.communications, e.communication] }; break
    case "AgentsInvited": n = { ...s, agents: [...s.agents, ...e.agents], invitations: [...s.invitations, ...e.invitations], state: "announced" }; break
    case "AgentVolunteered": n = { ...s, volunteers: [...s.volunteers, { agentId: e.agentId, at: e.at }] }; break
    case "GroupComposed": n = { ...s, members: e.members, state: "composed" }; break
    case "LiaisonDesignated": n = { ...s, liaison: e.agentId }; break
    case "CharterAdopted": n = { ...s, charter: e.charter, state: "charterAdopted" }; break
    case "SessionScheduled":
      n = {
        ...s,
        sessions: [...s.sessions, { id: e.sessionId, kind: e.kind, scheduledAt: e.scheduledAt, durationMinutes: e.durationMinutes, guests: e.guests, status: "scheduled", attendees: [], presentations: [], variants: [], minutes: [], ...(e.venue ? { venue: e.venue } : {}) }],
        state: "inSessions"
      }
      break
    case "AgendaSet": n = onSession(s, e.sessionId, (x) => ({ ...x, agenda: e.agenda })); break
    case "SessionHeld": n = onSession(s, e.sessionId, (x) => ({ ...x, status: "held", heldAt: e.at, attendees: e.attendees })); break
    case "QuestionsChosen": n = { ...s, questions: [...s.questions, ...e.questions] }; break
    case "CasePresented": n = onSession(s, e.sessionId, (x) => ({ ...x, presentations: [...x.presentations, e.presentation] })); break
    case "VariantsRecorded": n = onSession(s, e.sessionId, (x) => ({ ...x, variants: [...x.variants, ...e.variants] })); break
    case "VariantArbitrated":
      n = onSession(s, e.sessionId, (x) => ({ ...x, variants: x.variants.map((v) => (v.id === e.variantId ? { ...v, arbitration: e.arbitration } : v)) }))
      break
    case "ArbitrationsValidated":
      n = onSession(s, e.sessionId, (x) => ({ ...x, variants: x.variants.map((v) => (e.variantIds.includes(v.id) ? { ...v, validatedAt: e.at } : v)) }))
      break
    case "TrainingNeedRecorded": n = { ...s, trainingNeeds: [...s.trainingNeeds, e.need] }; break
    case "MinutesDrafted": n = onSession(s, e.sessionId, (x) => ({ ...x, minutes: [...x.minutes, e.minutes] })); break
    case "MinutesFinalised":
      n = onSession(s, e.sessionId, (x) => ({ ...x, minutes: x.minutes.map((m) => (m.version === e.version ? { ...m, finalisedAt: e.at } : m)) }))
      break
    case "MinutesSent":
      n = onSession(s, e.sessionId, (x) => ({ ...x, minutes: x.minutes.map((m) => (m.version === e.version ? { ...m, sentAt: e.at } : m)) }))
      break
    default: n = { ...s }
  }
  return { ...n, updatedAt: e.at }
}

// Timed by the process's CPU time, not the wall clock: on a shared, busy
// machine the wall clock mostly measures the other processes.
const cpu = () => {
  const used = process.cpuUsage()
  return (used.user + used.system) / 1000
}
const options = { time: 3000, warmupTime: 1000, now: cpu }

describe("replay a 1,000-event stream", () => {
  bench("baseline: plain reduce", () => {
    events.reduce(plain, null)
  }, options)
  bench("Decider.replay", () => {
    Decider.replay(events)
  }, options)
  bench("load: decode stored JSON events + Decider.replay", () => {
    Decider.replay(decodeAll(encoded))
  }, options)
})
