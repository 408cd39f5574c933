/**
 * Table-driven checks of one rule on snapshots, for the tests that kill the
 * rules' mutants: each case is a change to the complete example and the
 * violations that rule must report for it — kind, path, and what the French
 * and English messages say — or none. Every message must read as a sentence
 * in both languages (never empty, no « undefined » or « NaN »).
 */
import { assert, it } from "@effect/vitest"
import type { Policy, Violation } from "@entre-pairs/core"
import { at, of } from "../fixtures.js"

export interface Expected {
  readonly kind: "blocking" | "advisory"
  readonly path: ReadonlyArray<string | number>
  readonly fr?: RegExp
  readonly en?: RegExp | string
}

export interface Case {
  /** The test's title: starts with the rule ID. */
  readonly title: string
  readonly json: unknown
  readonly at?: string
  readonly config?: Policy.PolicyOverrides
  readonly expect: ReadonlyArray<Expected>
}

/** A message is a sentence: not empty, no leaked `undefined`, `NaN` or object. */
export const assertSentence = (text: string, where: string) => {
  assert.isAbove(text.trim().length, 15, `${where}: ${JSON.stringify(text)}`)
  assert.notMatch(text, /undefined|NaN|\[object /, where)
  // Sessions, people, questions and variants are named, never by their ID
  // (an ID is quoted only where the snapshot has no name for it).
  assert.notMatch(text, /(^|[^«"\s]\s?)\b(ses|agt|var|pres|tem|q)-[\w-]*\d/, where)
}

export const check = (rule: Violation.RuleId, c: Case) => {
  const vs = of(c.json, rule, c.at === undefined ? undefined : at(c.at), c.config)
  assert.deepStrictEqual(
    vs.map((v) => [v.kind, v.path]),
    c.expect.map((e) => [e.kind, e.path]),
    c.title
  )
  vs.forEach((v, i) => {
    const e = c.expect[i]!
    assert.strictEqual(v.rule, rule)
    assertSentence(v.message.fr, `${rule} fr`)
    assertSentence(v.message.en, `${rule} en`)
    if (e.fr !== undefined) assert.match(v.message.fr, e.fr)
    if (typeof e.en === "string") assert.strictEqual(v.message.en, e.en)
    else if (e.en !== undefined) assert.match(v.message.en, e.en)
  })
}

/** One test per case, titled by the case (which starts with the rule ID). */
export const cases = (rule: Violation.RuleId, list: ReadonlyArray<Case>) => {
  for (const c of list) {
    if (!c.title.startsWith(rule)) throw new Error(`test title must start with ${rule}: ${c.title}`)
    it(c.title, () => check(rule, c))
  }
}

/** The example taken back to an early state (nothing after the invitations). */
export const early = (s: any, state: string) => {
  s.state = state
  s.members = []
  s.volunteers = []
  delete s.liaison
  delete s.charter
  s.delegations = []
  s.sessions = []
  s.questions = []
  s.trainingNeeds = []
  for (const k of ["conclusions", "restitution", "directionResponse", "review", "closedAt"]) delete s[k]
  s.actions = []
  s.testimonials = []
  s.communications = s.communications.filter((c: any) => c.about === "approach")
  return s
}
