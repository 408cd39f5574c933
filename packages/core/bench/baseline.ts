/**
 * A hand-written baseline for the benchmark: the same checks as the rules
 * registry, written directly against the snapshot in plain TypeScript, with
 * the defaults of the policy, no registry, no shared context, and results as
 * bare rule IDs. Only the name scanner of CNF-06 is the library's (`Names`),
 * so that the comparison measures the registry, not two scanners.
 */
import { addDays, addMonths } from "date-fns"
import { type Exchange, Names } from "@entre-pairs/core"

type S = Exchange.ExchangeSnapshot

const ORDER = ["proposed", "framed", "approved", "announced", "composed", "charterAdopted", "inSessions", "concluded", "restituted", "closed"]
const blank = (s: string | undefined) => s === undefined || s.trim() === ""
const excluded = new Set(["topDownInformation", "opinionCollection", "interpersonalDispute", "prescriptionOnly", "negotiation", "decisionMaking"])
const items = ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment", "facilitationModalities"]
const dims = ["ageBand", "seniorityBand", "sex", "status", "functionHeld"] as const

export const baselineEvaluate = (s: S, atMs: number) => {
  const blocking: Array<string> = []
  const advisories: Array<string> = []
  const rank = s.state === "abandoned" ? -1 : ORDER.indexOf(s.state)
  const f = s.framing
  const active = (m: S["members"][number], t: number) => m.joinedAt.epochMillis <= t && (m.withdrawnAt === undefined || m.withdrawnAt.epochMillis > t)
  const activeMembers = s.members.filter((m) => active(m, atMs))
  const agent = (id: string) => s.agents.find((a) => a.id === id)
  const live = s.sessions.filter((x) => x.status !== "cancelled").sort((a, b) => a.scheduledAt.epochMillis - b.scheduledAt.epochMillis)
  // PUR
  if (f && f.objectives.length === 0) blocking.push("PUR-01")
  if (f && f.purpose === undefined) blocking.push("PUR-02")
  for (const q of s.questions) {
    if (q.subject === undefined || blank(q.anchoring)) blocking.push("PUR-03")
    if (excluded.has(q.nature)) blocking.push("PUR-04")
  }
  for (const x of s.sessions) for (const i of x.agenda?.items ?? []) if (excluded.has(i.nature)) blocking.push("PUR-04")
  // LIF
  if (!s.origin) blocking.push("LIF-01")
  if (!f) {
    if (rank >= 1 || s.invitations.length > 0) blocking.push("LIF-02")
  } else {
    if (rank > 1 || s.invitations.length > 0) {
      if (f.objectives.length === 0 || !f.purpose || f.perimeter.units.length === 0 || f.themes.every(blank) || !f.facilitation?.facilitators.length) blocking.push("LIF-02")
      if (!f.calendar.plannedEnd && f.calendar.provisionalDates.length === 0) blocking.push("LIF-02")
    }
    for (const i of s.invitations) if (i.at.epochMillis < f.at.epochMillis) blocking.push("LIF-02")
  }
  if (!s.approval) {
    if (rank >= 2 || s.invitations.length > 0 || s.communications.length > 0) blocking.push("LIF-03")
  } else {
    for (const i of s.invitations) if (i.at.epochMillis < s.approval.at.epochMillis) blocking.push("LIF-03")
    for (const c of s.communications) if (c.at.epochMillis < s.approval.at.epochMillis) blocking.push("LIF-03")
  }
  if (rank >= 3) {
    const ch = new Set(s.communications.filter((c) => c.about === "approach").map((c) => c.channel))
    if (ch.size < 2 || !ch.has("serviceMeeting")) advisories.push("LIF-04")
  }
  for (const i of s.invitations) if (!["origin", "objectives", "perimeter", "themes", "facilitation"].every((e) => i.carries.includes(e as never))) advisories.push("LIF-04")
  if (f) {
    const t = f.dedicatedTime
    if (!t || t.preparationHours === undefined || t.participationHours === undefined || t.facilitationHours === undefined || t.formalisationHours === undefined) advisories.push("LIF-05")
  }
  for (const x of live) if (!x.venue || !x.venue.equipped || !x.venue.quiet || !x.venue.private) advisories.push("LIF-06")
  if (rank >= 1 && f && !f.calendar.plannedEnd) blocking.push("LIF-07")
  for (let i = 0; i < live.length; i++) {
    const end = addMonths(live[i]!.scheduledAt.epochMillis, 12).getTime()
    if (live.filter((x) => x.scheduledAt.epochMillis >= live[i]!.scheduledAt.epochMillis && x.scheduledAt.epochMillis < end).length > 4) {
      advisories.push("LIF-07")
      break
    }
  }
  // ELI
  for (const m of s.members) {
    const v = s.volunteers.find((x) => x.agentId === m.agentId)
    if (!v || v.at.epochMillis > m.joinedAt.epochMillis) blocking.push("ELI-01")
  }
  const perimeter = f?.perimeter.units ?? []
  let occupations: ReadonlyArray<string> = f?.occupationsConcerned ?? []
  if (f?.purpose === "professionalisation" && occupations.length === 0) {
    const counts: Record<string, number> = {}
    for (const m of activeMembers) if (m.role !== "resource") { const o = agent(m.agentId)!.occupation; counts[o] = (counts[o] ?? 0) + 1 }
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]
    if (best) occupations = [best[0]]
  }
  const covers = (a: S["agents"][number], os: ReadonlyArray<string>) => os.includes(a.occupation) || a.contributesTo.some((o) => os.includes(o))
  for (const m of activeMembers) {
    if (m.role === "resource") continue
    const a = agent(m.agentId)!
    if (perimeter.length > 0 && !perimeter.includes(a.unit)) blocking.push("ELI-02")
    if (f?.purpose === "professionalisation" && occupations.length > 0 && !covers(a, occupations)) blocking.push("ELI-03")
  }
  if (f?.purpose === "problemSolving" && rank >= 4) {
    const all = new Set([...(f.occupationsConcerned ?? []), ...s.questions.flatMap((q) => q.occupationsConcerned)])
    for (const o of all) if (!activeMembers.some((m) => covers(agent(m.agentId)!, [o]))) advisories.push("ELI-04")
  }
  if (rank >= 4 && activeMembers.length > 0) {
    const res = activeMembers.filter((m) => m.role === "resource").length
    if (res === 0 || res === activeMembers.length) advisories.push("ELI-05")
  }
  for (const x of s.sessions) for (const g of x.guests) {
    if (blank(g.reason)) advisories.push("ELI-06")
    if (activeMembers.some((m) => m.agentId === g.agentId)) advisories.push("ELI-06")
  }
  // SIZ
  if (rank >= 4 && (activeMembers.length < 8 || activeMembers.length > 10)) advisories.push("SIZ-01")
  for (const x of live) if (x.status === "held" && s.members.filter((m) => active(m, x.scheduledAt.epochMillis)).length < 2) blocking.push("SIZ-02")
  // DIV
  if (rank >= 4 && activeMembers.length > 0) {
    const group = activeMembers.map((m) => agent(m.agentId)!)
    const pool = [...group]
    for (const v of s.volunteers) {
      if (pool.some((a) => a.id === v.agentId)) continue
      if (v.withdrawnAt !== undefined && v.withdrawnAt.epochMillis <= atMs) continue
      const a = agent(v.agentId)!
      if (perimeter.length > 0 && !perimeter.includes(a.unit)) continue
      if (f?.purpose === "professionalisation" && occupations.length > 0 && !covers(a, occupations)) continue
      pool.push(a)
    }
    for (const d of dims) {
      const g = new Set(group.map((a) => a[d]).filter((x) => x !== undefined))
      const p = new Set(pool.map((a) => a[d]).filter((x) => x !== undefined))
      if (g.size < Math.min(group.length, p.size)) advisories.push("DIV-01")
    }
    const concerned = f?.occupationsConcerned ?? []
    const rep = concerned.filter((o) => group.some((a) => covers(a, [o]))).length
    const poolRep = concerned.filter((o) => pool.some((a) => covers(a, [o]))).length
    if (rep < Math.min(group.length, poolRep)) advisories.push("DIV-02")
  }
  // ANI
  const fac = f?.facilitation
  if (fac) {
    if (fac.mode === "solo" && blank(fac.soloReason)) advisories.push("ANI-01")
    if (fac.mode === "pair" && fac.facilitators.length > 0) {
      const leads = fac.facilitators.filter((x) => x.role === "lead").length
      if (leads !== 1 || fac.facilitators.length - leads < 1) advisories.push("ANI-02")
      if (fac.facilitators.some((x) => x.profile === "lineManager") && fac.facilitators.filter((x) => x.profile === "lineManager" || x.profile === "executive").length >= 2) advisories.push("ANI-03")
    }
    if (fac.mode === "solo") for (const x of fac.facilitators) {
      if (!x.mandate) blocking.push("ANI-04")
      if (!["lineManager", "executive", "occupationExpert"].includes(x.profile)) blocking.push("ANI-04")
    }
    if (fac.facilitators.length !== (fac.mode === "pair" ? 2 : 1)) blocking.push("ANI-08")
    if (fac.mode === "solo" && !s.delegations.some((d) => d.task === "noteTaking")) advisories.push("ANI-07")
  }
  if (live.length > 0) for (const x of f?.facilitation?.facilitators ?? []) {
    if (!x.training || x.training.completedAt.epochMillis > live[0]!.scheduledAt.epochMillis) blocking.push("ANI-05")
  }
  const variants = s.sessions.flatMap((x) => x.variants)
  for (const id of s.conclusions?.variantIds ?? []) if (!variants.find((v) => v.id === id)?.validatedAt) blocking.push("ANI-06")
  for (const d of s.delegations) if (!s.members.some((m) => m.agentId === d.agentId)) advisories.push("ANI-07")
  // CHA
  if (!s.charter) {
    if (rank >= 5 || live.length > 0) blocking.push("CHA-01")
  } else {
    if (!items.every((i) => s.charter!.items.includes(i as never))) blocking.push("CHA-01")
    for (const x of live) if (x.scheduledAt.epochMillis < s.charter.adoptedAt.epochMillis) blocking.push("CHA-01")
  }
  for (const x of s.sessions) {
    const t = x.speakingTimes
    if (!t || t.length < 2) continue
    const xs = t.map((y) => y.seconds).sort((a, b) => a - b)
    const total = xs.reduce((a, b) => a + b, 0)
    let w = 0
    xs.forEach((y, i) => (w += (i + 1) * y))
    if (total > 0 && (2 * w) / (xs.length * total) - (xs.length + 1) / xs.length > 0.35) advisories.push("CHA-02")
  }
  // CNF
  for (const t of s.testimonials) if (t.publishedAt && (!t.consentAt || t.consentAt.epochMillis > t.publishedAt.epochMillis)) blocking.push("CNF-05")
  const ids = new Set([...s.members.map((m) => m.agentId), ...(fac?.facilitators ?? []).map((x) => x.agentId), ...s.sessions.flatMap((x) => x.guests.map((g) => g.agentId))])
  const people = [...ids].map(agent).filter((a) => a !== undefined)
  const released: Array<string> = []
  const sent = new Set<string>()
  for (const x of s.sessions) for (const m of x.minutes) if (m.sentAt) { sent.add(x.id); released.push(m.summary); if (m.correction) released.push(m.correction) }
  for (const n of s.trainingNeeds) if (sent.has(n.sessionId)) released.push(n.description)
  if (s.conclusions?.circulatedAt) {
    released.push(s.conclusions.summary)
    for (const id of s.conclusions.variantIds) {
      const v = variants.find((y) => y.id === id)
      if (!v) continue
      released.push(v.description)
      if (v.arbitration?.outcome === "conditional") released.push(...v.arbitration.conditions)
    }
  }
  if (s.review?.presentedAt) released.push(s.review.text)
  // The name scanner is the library's public one (Names): the baseline measures
  // the registry's overhead, not a second scanning algorithm.
  const scanner = Names.compile(people)
  for (const t of released) if (scanner.find(t).length > 0) blocking.push("CNF-06")
  const facIds = new Set((fac?.facilitators ?? []).map((x) => x.agentId))
  for (const x of live) for (const a of x.attendees) {
    if (facIds.has(a) || x.guests.some((g) => g.agentId === a)) continue
    const m = s.members.find((y) => y.agentId === a)
    if (!m || !active(m, x.scheduledAt.epochMillis)) blocking.push("CNF-07")
  }
  // SES
  const chosen = (qid: string) => {
    const q = s.questions.find((y) => y.id === qid)
    if (!q) return undefined
    if (q.chosenAt) return q.chosenAt.epochMillis
    return s.sessions.find((y) => y.id === q.chosenInSession)?.scheduledAt.epochMillis
  }
  const presented = new Set<string>()
  for (const x of live) for (const p of x.presentations) {
    const c = chosen(p.questionId)
    if (c === undefined || c > x.scheduledAt.epochMillis) blocking.push("SES-01")
    if (presented.has(p.presenter) && s.members.some((m) => m.role === "operational" && active(m, x.scheduledAt.epochMillis) && !presented.has(m.agentId))) advisories.push("SES-05")
    presented.add(p.presenter)
    const m = s.members.find((y) => y.agentId === p.presenter)
    if (!m || !active(m, x.scheduledAt.epochMillis)) blocking.push("SES-08")
  }
  if (s.questions.filter((q) => q.status === "open" && chosen(q.id) !== undefined).length > 3) advisories.push("SES-02")
  for (const x of s.sessions) {
    for (const p of x.presentations) {
      if (!p.trace || blank(p.trace.description)) blocking.push("SES-03")
      if (blank(p.context) || blank(p.situation) || blank(p.reasons) || blank(p.result)) blocking.push("SES-07")
    }
    if (x.presentations.length > 3) advisories.push("SES-04")
  }
  for (const x of live) if (x.status === "held" && (!x.agenda || x.agenda.items.length === 0 || x.agenda.setAt.epochMillis > x.scheduledAt.epochMillis)) blocking.push("SES-06")
  // ARB
  for (const v of variants) {
    if (!v.arbitration) { if (rank >= 7) blocking.push("ARB-01") } else if (v.arbitration.outcome === "conditional" && v.arbitration.conditions.every(blank)) blocking.push("ARB-01")
  }
  const seen = new Set<string>()
  for (const id of s.conclusions?.variantIds ?? []) {
    if (seen.has(id) || variants.find((v) => v.id === id)?.arbitration === undefined) blocking.push("ARB-03")
    seen.add(id)
  }
  // RES
  const liaison = s.members.find((m) => m.agentId === s.liaison)
  for (const x of s.sessions) x.minutes.forEach((m, i) => {
    if (m.finalisedAt && m.finalisedAt.epochMillis < m.draftedAt.epochMillis) blocking.push("RES-09")
    if (!m.sentAt) return
    if (!liaison || !active(liaison, m.sentAt.epochMillis)) blocking.push("RES-01")
    if (!m.finalisedAt || m.finalisedAt.epochMillis > m.sentAt.epochMillis) blocking.push("RES-09")
    const next = x.minutes[i + 1]
    if (next && next.draftedAt.epochMillis < m.sentAt.epochMillis) blocking.push("RES-09")
  })
  if (rank >= 7 && !s.conclusions?.circulatedAt) blocking.push("RES-04")
  if (rank === 9 && !s.communications.some((c) => c.about === "results")) advisories.push("RES-07")
  // Obligations
  const obligations: Array<{ rule: string; due: number }> = []
  if (s.state !== "abandoned") {
    for (const x of s.sessions) {
      if (x.status === "cancelled" || (x.status !== "held" && x.scheduledAt.epochMillis > atMs)) continue
      if (!x.minutes.some((m) => m.sentAt)) obligations.push({ rule: "RES-02", due: addDays(x.scheduledAt.epochMillis, 15).getTime() })
    }
    for (const n of s.trainingNeeds) {
      const x = s.sessions.find((y) => y.id === n.sessionId)
      if (!x || n.recordedAt.epochMillis > atMs) continue
      if (!x.minutes.some((m) => m.sentAt && m.sentAt.epochMillis >= n.recordedAt.epochMillis)) obligations.push({ rule: "RES-03", due: Math.max(addDays(x.scheduledAt.epochMillis, 15).getTime(), n.recordedAt.epochMillis) })
    }
    if (s.restitution && s.restitution.at.epochMillis <= atMs) {
      if (!s.directionResponse) obligations.push({ rule: "RES-05", due: addDays(s.restitution.at.epochMillis, 30).getTime() })
      if (f?.reviewForSocialDialogue && !s.review?.presentedAt) obligations.push({ rule: "RES-06", due: addDays(s.restitution.at.epochMillis, 90).getTime() })
    }
    for (const a of s.actions) if (a.status !== "done" && a.status !== "dropped" && a.decidedAt.epochMillis <= atMs) obligations.push({ rule: "RES-08", due: a.dueDate.epochMillis })
  }
  return { blocking, advisories, obligations }
}
