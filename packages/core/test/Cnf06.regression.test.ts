/**
 * Regression tests of issue 12, first class (« the name scan can be
 * defeated »), through the public API only: each one failed before the fix.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import { Evaluate, Example, Exchange, Instant, View } from "@entre-pairs/core"
import type { Command } from "@entre-pairs/core"
import { Runner, runnerUntil } from "./support/runner.js"

const rulesOf = (result: Either.Either<unknown, { _tag: string }>) =>
  Either.isLeft(result) && "violations" in result.left
    ? (result.left.violations as ReadonlyArray<{ rule: string; path: ReadonlyArray<string | number> }>)
    : []

/** The example cycle up to the first SendMinutes, with the summary of s1's minutes replaced. */
const sendingMinutesOf = (summary: string, invite?: (c: Command.ExchangeCommandEncoded) => Command.ExchangeCommandEncoded) => {
  const r = new Runner()
  for (const c of Example.cycleEncoded) {
    if (c._tag === "SendMinutes") break
    if (c._tag === "DraftMinutes") r.run({ ...c, summary })
    else r.run(invite !== undefined && c._tag === "Invite" ? invite(c) : c)
  }
  return r
}

let played: Exchange.ExchangeSnapshot | undefined
/** The example cycle played to its end. */
const exampleSnapshot = (): Exchange.ExchangeSnapshot => {
  if (played === undefined) {
    const r = new Runner()
    for (const c of Example.cycleEncoded) r.run(c)
    played = r.snapshot
  }
  return played
}

const cnf06 = (s: Exchange.ExchangeSnapshot) =>
  Evaluate.evaluate(s, { at: Instant.unsafeMake("2027-06-01T00:00:00Z") }).blocking.filter((v) => v.rule === "CNF-06").map((v) => v.path.join("."))

/** The complete example, as a plain object to edit. */
const complete = () => Exchange.encode(exampleSnapshot()) as unknown as Record<string, any>

describe("CNF-06 the name scan cannot be defeated (issue 12)", () => {
  it.each([
    ["soft hyphen", "Mme Le\u00ADfèvre a exposé la visite du chantier."],
    ["zero-width space", "Mme Lef\u200Bèvre a exposé la visite du chantier."],
    ["word joiner", "Mme Lefè\u2060vre a exposé la visite du chantier."],
    ["BOM", "Mme Lef\uFEFFèvre a exposé la visite du chantier."]
  ])("CNF-06 a %s pasted inside a name does not hide it: SendMinutes is refused", (_, summary) => {
    const r = sendingMinutesOf(summary)
    const refused = rulesOf(r.try({ _tag: "SendMinutes", sessionId: "s1" }))
    assert.deepStrictEqual(
      refused.filter((v) => v.rule === "CNF-06").map((v) => v.path),
      [["sessions", 0, "minutes", 0, "summary"]]
    )
  })

  it("CNF-06 a name stored with an invisible character at import is found written plainly", () => {
    const r = sendingMinutesOf("Mme Lefèvre a exposé la visite du chantier.", (c) =>
      c._tag === "Invite" ? { ...c, agents: c.agents.map((a) => (a.id === "agt-001" ? { ...a, lastName: "Le\u00ADfè\u200Bvre" } : a)) } : c
    )
    assert.include(rulesOf(r.try({ _tag: "SendMinutes", sessionId: "s1" })).map((v) => v.rule), "CNF-06")
    // And in a snapshot built by hand, without decoding (check).
    const s = exampleSnapshot()
    const stored = {
      ...s,
      agents: s.agents.map((a) => (a.id === "agt-001" ? { ...a, lastName: "Le\u00ADfè\u2060vre" } : a)),
      review: { ...s.review!, text: `${s.review!.text} Merci à Mme LEFEVRE.` }
    }
    assert.deepStrictEqual(cnf06(stored), ["review.text"])
  })

  it("CNF-06 a ligature written out does not hide a name: member « Lœuillet », text « Mme Loeuillet »", () => {
    const s = exampleSnapshot()
    const renamed = {
      ...s,
      agents: s.agents.map((a) => (a.id === "agt-001" ? { ...a, lastName: "Lœuillet" } : a)),
      review: { ...s.review!, text: `${s.review!.text} Merci à Mme Loeuillet et à M. LŒUILLET.` }
    }
    assert.deepStrictEqual(cnf06(renamed), ["review.text", "review.text"])
  })

  it("CNF-06 the line managers' minutes view refuses « Mme Le\u00ADfèvre a exposé… »", () => {
    const r = sendingMinutesOf("Mme Le\u00ADfèvre a exposé la visite du chantier.")
    // Released as the pre-fix scan allowed it: the view must still refuse it.
    const s = r.snapshot
    const sent = {
      ...s,
      sessions: s.sessions.map((x, i) =>
        i === 0 ? { ...x, minutes: x.minutes.map((m) => ({ ...m, sentAt: Instant.unsafeMake("2026-10-19T09:30:00Z") })) } : x
      )
    }
    const view = View.build(sent, { output: "minutes", audience: "lineManagers", sessionId: s.sessions[0]!.id }, { at: Instant.unsafeMake("2026-10-20T00:00:00Z") })
    assert.isTrue(Either.isLeft(view) && view.left._tag === "ViewRefused" && view.left.rule === "CNF-06")
  })

  it.each([
    ["a case presentation", (s: Record<string, any>) => (s.sessions[1].presentations[0].situation += " Mme Lefèvre a été prise à partie."), "sessions.1.presentations.0.situation"],
    ["an agenda item", (s: Record<string, any>) => (s.sessions[1].agenda.items[0].title += " (cas de Mme Lefèvre)"), "sessions.1.agenda.items.0.title"],
    ["a question chosen in the session", (s: Record<string, any>) => (s.questions[0].title += " (posée par Karim Benali)"), "questions.0.title"],
    ["a discussion question", (s: Record<string, any>) => s.sessions[1].presentations[0].discussion.questions.push("Élodie aurait-elle dû revenir à deux ?"), "sessions.1.presentations.0.discussion.questions.2"],
    ["the trace of a case", (s: Record<string, any>) => (s.sessions[1].presentations[0].trace.description += " rédigé par Karim Benali"), "sessions.1.presentations.0.trace.description"]
  ])("CNF-06 check scans what SendMinutes scans: a name in %s of sent minutes is reported", (_, edit, path) => {
    const json = complete()
    edit(json)
    assert.include(cnf06(Exchange.decodeSync(json)), path)
  })

  it("CNF-06 « la consigne n'est pas claire » passes for a member named Claire; « Claire a exposé » does not", () => {
    const ok = sendingMinutesOf("Le groupe note que la consigne n'est pas claire et qu'un petit rappel s'impose.")
    assert.deepStrictEqual(rulesOf(ok.try({ _tag: "SendMinutes", sessionId: "s1" })), [])
    const named = sendingMinutesOf("Le groupe note que la consigne n'est pas claire, comme l'a dit Claire.")
    assert.deepStrictEqual(
      rulesOf(named.try({ _tag: "SendMinutes", sessionId: "s1" })).map((v) => v.rule),
      ["CNF-06"]
    )
  })

  it("CNF-06 a first name shared by two participants still matches", () => {
    const s = exampleSnapshot()
    const shared = {
      ...s,
      agents: s.agents.map((a) => (a.id === "agt-002" ? { ...a, firstName: "Élodie" } : a)),
      review: { ...s.review!, text: `${s.review!.text} Élodie a présenté la démarche.` }
    }
    assert.deepStrictEqual(cnf06(shared), ["review.text"])
  })

  it("CNF-06 check and commands agree: the example conclusions naming a member are refused by Conclude and reported by check", () => {
    const r = runnerUntil("Conclude")
    const refused = rulesOf(r.try({ _tag: "Conclude", summary: "Synthèse rédigée avec Mme Fontaine." }))
    assert.deepStrictEqual(refused.map((v) => v.path.join(".")), ["conclusions.summary"])
    const json = complete()
    json.conclusions.summary = "Synthèse rédigée avec Mme Fontaine."
    assert.deepStrictEqual(cnf06(Exchange.decodeSync(json)), ["conclusions.summary"])
  })
})
