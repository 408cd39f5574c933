/**
 * Reliability — resource bounds: an exchange of 200 sessions and about 5,000
 * events (the core property tests' generator, with the sessions spread over
 * the calendar) is loaded (its stored JSON parsed, decoded by the event
 * Schema and replayed), evaluated (every rule, obligations included) and
 * rendered (calendar of every session and the last minutes, laid out, to
 * Markdown and HTML), against a 10-event exchange and a mid-size one cut from
 * the same stream at a command boundary. CPU time (process.cpuUsage, the
 * median of 5 runs) and heap are printed for each size. Bar: no super-linear
 * growth — the CPU cost per event at 5,000 events is at most 3 × the cost per
 * event at the mid size.
 */
import { Html, Layout, Markdown } from "@entre-pairs/adapters-docs"
import { Decider, Evaluate, Event, View } from "@entre-pairs/core"
import type { Exchange } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import * as FC from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { commandsOf, peopleArb } from "../packages/core/test/support/generate.js"
import type { Plan, SessionPlan } from "../packages/core/test/support/generate.js"
import { Runner } from "../packages/core/test/support/runner.js"
import { figure, yieldNow } from "./support.js"

const SESSIONS = 200
const REPEATS = 5
const BAR = 3

const text = "Le groupe a analysé une situation de contrôle tendue avec l'employeur, puis proposé une méthode."
const session = (i: number): SessionPlan => ({
  guest: false,
  presentations: Array.from({ length: 5 }, () => ({ text, variants: [{ outcome: "desirable" as const, text }, { outcome: "conditional" as const, text }] })),
  summary: text,
  trainingNeed: i % 10 === 0 ? text : undefined
})

/** A generated cycle of three sessions (decided command by command, every rule checked). */
const smallCycle = () => {
  const [people] = FC.sample(peopleArb(14), { numRuns: 1, seed: 12 })
  const plan: Plan = {
    people: people!,
    volunteers: 11,
    members: 11,
    sessions: Array.from({ length: 3 }, (_, i) => session(i)),
    conclusions: text,
    review: text,
    stop: 1
  }
  const r = new Runner()
  for (const c of commandsOf(plan)) r.run(c)
  return r
}

const iso = /^\d{4}-\d\d-\d\dT[\d:.]+Z$/
const ids = /^([pvn])(\d+)$/
const DAY = 86_400_000

/** Copies a JSON value, renaming ids and shifting dates. */
const remap = (value: unknown, rename: (id: string) => string | undefined, shift: number): unknown => {
  if (typeof value === "string") {
    if (iso.test(value)) return new Date(Date.parse(value) + shift).toISOString()
    return rename(value) ?? value
  }
  if (Array.isArray(value)) return value.map((v) => remap(v, rename, shift))
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v, rename, shift)]))
  return value
}

/**
 * The big exchange's stored events: a decided three-session cycle whose
 * second session (its events, from scheduling to sent minutes) is repeated
 * with fresh ids and later dates until the exchange has 200 sessions.
 * Deciding 5,000 commands one by one would re-check every rule on an ever
 * larger exchange (quadratic): the stream is what the store would hold.
 */
const bigStream = (): { readonly encoded: ReadonlyArray<unknown>; readonly at: DateTime.Utc } => {
  const r = smallCycle()
  const encoded = encodeEvents(r.events) as ReadonlyArray<{ readonly _tag: string; readonly at: string; readonly sessionId?: string }>
  const sessionOf = (e: unknown) => (JSON.stringify(e).match(/"sessionId":"(s\d+)"/)?.[1])
  const i2 = encoded.findIndex((e) => sessionOf(e) === "s2")
  const i3 = encoded.findIndex((e) => sessionOf(e) === "s3")
  const end3 = encoded.length - 1 - [...encoded].reverse().findIndex((e) => sessionOf(e) === "s3")
  const block = encoded.slice(i2, i3)
  const span = Date.parse(encoded[i3]!.at) - Date.parse(block[0]!.at) + DAY
  const copies = SESSIONS - 1
  const out: Array<unknown> = [...encoded.slice(0, i2)]
  for (let k = 0; k < copies; k++) {
    const rename = (id: string) => {
      if (id === "s2") return `s${k + 2}`
      const m = ids.exec(id)
      return m === null ? undefined : `${m[1]}${k}x${m[2]}`
    }
    out.push(...block.map((e) => remap(e, rename, k * span)))
  }
  const tail = encoded.slice(end3 + 1).map((e) => remap(e, () => undefined, copies * span))
  out.push(...tail)
  return { encoded: out, at: DateTime.unsafeMake(Date.parse((tail[tail.length - 1] as { at: string }).at) + DAY) }
}

const encodeEvents = Schema.encodeSync(Schema.Array(Event.ExchangeEvent))
const decodeEvents = Schema.decodeUnknownSync(Schema.Array(Event.ExchangeEvent))

const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Load, evaluate, render one stored stream; returns the snapshot (kept alive for the heap figure). */
const work = (stored: string, at: DateTime.Utc): Exchange.ExchangeSnapshot => {
  const snapshot = Decider.replay(decodeEvents(JSON.parse(stored))) as Exchange.ExchangeSnapshot
  Evaluate.evaluate(snapshot, { at })
  const last = snapshot.sessions[snapshot.sessions.length - 1]
  const requests: Array<View.Request> = [{ output: "calendar", audience: "group" }]
  if (last !== undefined) requests.push({ output: "minutes", audience: "group", sessionId: last.id })
  for (const request of requests) {
    const built = View.build(snapshot, request, { at })
    if (Either.isRight(built) && Layout.isDocumentView(built.right)) {
      const doc = Layout.toDocument(built.right)
      Markdown.render(doc)
      Html.render(doc)
    }
  }
  return snapshot
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

describe("reliability: resource bounds", () => {
  it("reliability: 200 sessions and ~5,000 events load, evaluate and render with no super-linear growth", async () => {
    const { at, encoded: events } = bigStream()
    const full = Decider.replay(decodeEvents(events)) as Exchange.ExchangeSnapshot
    // Cut at the end of a session's events (its minutes sent) for the mid size.
    const sent = events.flatMap((e, i) => ((e as { _tag: string })._tag === "MinutesSent" ? [i + 1] : []))
    const sizes = [10, sent.find((n) => n >= events.length / 5) ?? Math.floor(events.length / 5), events.length]
    const results: Array<{ events: number; cpuMs: number; perEventUs: number; heapMB: number }> = []
    for (const n of sizes) {
      const stored = JSON.stringify(events.slice(0, n))
      work(stored, at) // warm-up
      const times: Array<number> = []
      let heap = 0
      for (let k = 0; k < REPEATS; k++) {
        globalThis.gc?.()
        const before = process.memoryUsage().heapUsed
        const t0 = cpuMs()
        const kept = work(stored, at)
        times.push(cpuMs() - t0)
        heap = Math.max(heap, process.memoryUsage().heapUsed - before)
        void kept
        await yieldNow()
      }
      const ms = median(times)
      results.push({ events: n, cpuMs: ms, perEventUs: (ms * 1000) / n, heapMB: heap / 1e6 })
    }
    const [small, mid, large] = results as [typeof results[0], typeof results[0], typeof results[0]]
    const growth = large.perEventUs / mid.perEventUs
    const sessions = full.sessions.length
    figure("resources", {
      sessions,
      events: large.events,
      [`cpuMs@${small.events}`]: small.cpuMs.toFixed(1),
      [`cpuMs@${mid.events}`]: mid.cpuMs.toFixed(1),
      [`cpuMs@${large.events}`]: large.cpuMs.toFixed(1),
      [`usPerEvent@${mid.events}`]: mid.perEventUs.toFixed(1),
      [`usPerEvent@${large.events}`]: large.perEventUs.toFixed(1),
      perEventGrowth: growth.toFixed(2),
      bar: BAR,
      [`vs${small.events}events`]: `${(large.cpuMs / small.cpuMs).toFixed(0)}x`,
      [`heapMB@${small.events}`]: small.heapMB.toFixed(1),
      [`heapMB@${large.events}`]: large.heapMB.toFixed(1)
    })
    expect(full.state).toBe("closed")
    expect(sessions).toBe(SESSIONS)
    expect(large.events).toBeGreaterThanOrEqual(5_000)
    expect(growth).toBeLessThanOrEqual(BAR)
  })
})
