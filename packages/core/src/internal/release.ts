/**
 * CNF-06: before a text leaves the group (minutes sent, conclusions
 * circulated, review presented) or is shown in any view, it is scanned for the
 * names of the participants — members (including those who withdrew),
 * facilitators and guests.
 */
import type { ExchangeSnapshot } from "../Exchange.js"
import * as Names from "../Names.js"
import type { Session } from "../Session.js"
import { make as makeViolation, type Violation } from "../Violation.js"

type Path = ReadonlyArray<string | number>

/** The participants of an exchange, as people whose names must not appear. */
export const people = (s: ExchangeSnapshot): ReadonlyArray<Names.Person> => {
  const ids = new Set<string>()
  for (const m of s.members) ids.add(m.agentId)
  for (const f of s.framing?.facilitation?.facilitators ?? []) ids.add(f.agentId)
  for (const x of s.sessions) for (const g of x.guests) ids.add(g.agentId)
  return s.agents.filter((a) => ids.has(a.id))
}

const scanners = new WeakMap<ReadonlyArray<Names.Person>, Names.Scanner>()
const scanner = (ps: ReadonlyArray<Names.Person>): Names.Scanner => {
  let sc = scanners.get(ps)
  if (sc === undefined) {
    sc = Names.compile(ps)
    scanners.set(ps, sc)
  }
  return sc
}

/** Every string leaf of a view, with its path, except under `skip` keys. */
const walk = (value: unknown, path: Array<string | number>, skip: ReadonlySet<string>, out: Array<[Path, string]>) => {
  if (typeof value === "string") {
    out.push([[...path], value])
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, i], skip, out))
  } else if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) if (!skip.has(k)) walk(v, [...path, k], skip, out)
  }
}

/** Scans every text of a view; returns the hits with their path in the view. */
export const scanView = (
  view: unknown,
  ps: ReadonlyArray<Names.Person>,
  skip: ReadonlySet<string>
): Array<{ path: Array<string | number>; match: string; offset: number }> => {
  if (ps.length === 0) return []
  const texts: Array<[Path, string]> = []
  walk(view, [], skip, texts)
  const sc = scanner(ps)
  const hits: Array<{ path: Array<string | number>; match: string; offset: number }> = []
  for (const [path, text] of texts) {
    for (const h of sc.find(text)) hits.push({ path: [...path], match: h.matched, offset: h.offset })
  }
  return hits
}

const leaks = (s: ExchangeSnapshot, texts: ReadonlyArray<[Path, string]>, what: { fr: string; en: string }) => {
  const ps = people(s)
  if (ps.length === 0) return []
  const sc = scanner(ps)
  const out: Array<Violation> = []
  for (const [path, text] of texts) {
    for (const h of sc.find(text)) {
      out.push(
        makeViolation("CNF-06", "blocking", path, {
          fr: `${what.fr} cite « ${h.matched} » (position ${h.offset}) : aucun propos consigné n'est attribué à quiconque.`,
          en: `${what.en} names "${h.matched}" (offset ${h.offset}): no recorded statement is attributed to anyone.`
        })
      )
    }
  }
  return out
}

/** The free texts of one session's minutes, with their snapshot paths. */
export const minutesTexts = (s: ExchangeSnapshot, si: number): Array<[Path, string]> => {
  const session: Session = s.sessions[si]!
  const texts: Array<[Path, string]> = []
  const last = session.minutes.length - 1
  const m = session.minutes[last]
  if (m !== undefined) {
    texts.push([["sessions", si, "minutes", last, "summary"], m.summary])
    if (m.correction !== undefined) texts.push([["sessions", si, "minutes", last, "correction"], m.correction])
  }
  session.agenda?.items.forEach((it, i) => texts.push([["sessions", si, "agenda", "items", i, "title"], it.title]))
  session.guests.forEach((g, i) => {
    if (g.reason !== undefined) texts.push([["sessions", si, "guests", i, "reason"], g.reason])
  })
  session.presentations.forEach((p, i) => {
    const base = ["sessions", si, "presentations", i]
    for (const k of ["context", "situation", "reasons", "result"] as const) texts.push([[...base, k], p[k]])
    if (p.trace !== undefined) texts.push([[...base, "trace", "description"], p.trace.description])
    p.discussion.questions.forEach((q, j) => texts.push([[...base, "discussion", "questions", j], q]))
    p.discussion.comparablePractices.forEach((q, j) => texts.push([[...base, "discussion", "comparablePractices", j], q]))
  })
  session.variants.forEach((v, i) => {
    texts.push([["sessions", si, "variants", i, "description"], v.description])
    if (v.arbitration?.outcome === "conditional") {
      v.arbitration.conditions.forEach((c, j) => texts.push([["sessions", si, "variants", i, "arbitration", "conditions", j], c]))
    }
  })
  s.trainingNeeds.forEach((n, i) => {
    if (n.sessionId === session.id) texts.push([["trainingNeeds", i, "description"], n.description])
  })
  s.questions.forEach((q, i) => {
    if (q.chosenInSession === session.id) texts.push([["questions", i, "title"], q.title])
  })
  return texts
}

/** CNF-06 violations of a session's minutes about to be sent. */
export const minutesLeaks = (s: ExchangeSnapshot, si: number) =>
  leaks(s, minutesTexts(s, si), { fr: "Le compte rendu", en: "The minutes" })

/** CNF-06 violations of the statement of conclusions about to circulate. */
export const conclusionsLeaks = (s: ExchangeSnapshot) => {
  const texts: Array<[Path, string]> = []
  if (s.conclusions !== undefined) {
    texts.push([["conclusions", "summary"], s.conclusions.summary])
    const ids = new Set<string>(s.conclusions.variantIds)
    s.sessions.forEach((x, si) =>
      x.variants.forEach((v, i) => {
        if (!ids.has(v.id)) return
        texts.push([["sessions", si, "variants", i, "description"], v.description])
        if (v.arbitration?.outcome === "conditional") {
          v.arbitration.conditions.forEach((c, j) => texts.push([["sessions", si, "variants", i, "arbitration", "conditions", j], c]))
        }
      })
    )
  }
  return leaks(s, texts, { fr: "Le relevé de conclusions", en: "The statement of conclusions" })
}

/** CNF-06 violations of the review about to be presented. */
export const reviewLeaks = (s: ExchangeSnapshot) =>
  s.review === undefined ? [] : leaks(s, [[["review", "text"], s.review.text]], { fr: "Le bilan", en: "The review" })
