/**
 * CNF-06: one list of the free-text fields that leave the group
 * (internal/release.ts), read by the commands that release them, by the
 * CNF-06 check of `evaluate`/`check` and by the views. A name planted in any
 * listed field is refused by the releasing command, reported by `check` at the
 * same path, and refused by the view that shows it outside the group.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as FC from "effect/FastCheck"
import { Decider, Evaluate, Example, Instant, View } from "../src/index.js"
import type { Command, Exchange } from "../src/index.js"
import * as Release from "../src/internal/release.js"
import { decodeCommand, Runner } from "./support/runner.js"

type Path = ReadonlyArray<string | number>

const getAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v === null || typeof v !== "object" ? undefined : (v as Record<string | number, unknown>)[k]), value)

const setAt = <A>(value: A, path: Path, leaf: unknown): A => {
  if (path.length === 0) return leaf as A
  const [k, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[k as number] = setAt(copy[k as number], rest, leaf)
    return copy as A
  }
  const obj = value as Record<string, unknown>
  return { ...obj, [k!]: setAt(obj[k as string], rest, leaf) } as A
}

const key = (p: Path) => p.join(".")

/** Where a released text comes from when the releasing command carries it. */
const commandPath = (command: Command.ExchangeCommandEncoded, path: Path): Path | undefined => {
  const p = key(path)
  if (command._tag === "Conclude" && p === "conclusions.summary") return ["summary"]
  if (command._tag === "PresentReview" && p === "review.text") return ["text"]
  if (command._tag === "PresentReview" && p === "review.body") return ["body"]
  return undefined
}

/** The scope a command releases, read on the state after it. */
const scopeOf = (command: Command.ExchangeCommandEncoded, after: Exchange.ExchangeSnapshot): Release.Scope | undefined => {
  const session = (id: string) => after.sessions.findIndex((x) => x.id === id)
  switch (command._tag) {
    case "SendMinutes": {
      const si = session(command.sessionId)
      return { release: "minutes", session: si, version: after.sessions[si]!.minutes.length - 1 }
    }
    case "Conclude":
      return { release: "conclusions" }
    case "PresentReview":
      return { release: "review" }
    default:
      return undefined
  }
}

/** The view that shows a release outside the group. */
const viewOf = (scope: Release.Scope, s: Exchange.ExchangeSnapshot): View.Request => {
  switch (scope.release) {
    case "minutes":
      return { output: "minutes", audience: "lineManagers", sessionId: s.sessions[scope.session]!.id }
    case "conclusions":
      return { output: "conclusions", audience: "direction" }
    case "review":
      return { output: "review", audience: "socialDialogue" }
  }
}

interface Case {
  readonly step: number
  readonly command: Command.ExchangeCommandEncoded
  readonly before: Exchange.ExchangeSnapshot
  readonly at: number
  readonly scope: Release.Scope
  readonly field: Release.Field
}

/** Plays the example cycle; at each releasing command, every field it releases. */
const play = () => {
  const r = new Runner()
  const cases: Array<Case> = []
  Example.cycleEncoded.forEach((command, step) => {
    const before = r.state
    const at = r.clock + 3_600_000
    r.run(command)
    const scope = scopeOf(command, r.snapshot)
    if (scope === undefined || before === null) return
    for (const field of Release.fields(r.snapshot, scope)) cases.push({ step, command, before, at, scope, field })
  })
  return { cases, final: r.snapshot }
}

const { cases, final } = play()
const participants = Release.people(final)
const members = new Set<string>(final.members.map((m) => m.agentId))

/** How people write a name in a text. */
const forms = [
  (p: { firstName: string; lastName: string }) => `Mme ${p.lastName.toUpperCase()}`,
  (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`,
  (p: { firstName: string; lastName: string }) => `M. ${p.lastName.replace(/(.)(.)/u, "$1\u00AD$2")}`,
  (p: { firstName: string; lastName: string }) => `${p.lastName.slice(0, 2)}\u200B${p.lastName.slice(2)}`
] as const

const lastSent = (s: Exchange.ExchangeSnapshot, si: number) => {
  const ms = s.sessions[si]!.minutes
  for (let i = ms.length - 1; i >= 0; i--) if (ms[i]!.sentAt !== undefined) return i
  return -1
}

const planted = (text: string, name: string, where: "start" | "end") => (where === "start" ? `${name} : ${text}` : `${text} (${name})`)

/** Runs the releasing command with the name planted in one field; returns the CNF-06 paths it refused with. */
const commandRefusal = (c: Case, text: string): ReadonlyArray<string> => {
  const viaCommand = commandPath(c.command, c.field.path)
  const command = viaCommand === undefined ? c.command : setAt(c.command, viaCommand, text)
  const before = viaCommand === undefined ? setAt(c.before, c.field.path, text) : c.before
  if (viaCommand === undefined) assert.strictEqual(getAt(c.before, c.field.path), c.field.text, `${key(c.field.path)} exists before ${c.command._tag}`)
  const decoded = decodeCommand({ ...command, at: command.at ?? new Date(c.at).toISOString() })
  const result = decideAt(decoded, before, c.at)
  if (Either.isRight(result)) return []
  const left = result.left as { _tag: string; violations?: ReadonlyArray<{ rule: string; path: Path }> }
  return (left.violations ?? []).filter((v) => v.rule === "CNF-06").map((v) => key(v.path))
}

const decideAt = (command: Command.ExchangeCommand, state: Exchange.ExchangeSnapshot, at: number) =>
  Decider.decideAt(command, state, Instant.make(at))

const checkPaths = (s: Exchange.ExchangeSnapshot): ReadonlyArray<string> =>
  Evaluate.evaluate(s, { at: Instant.make(Date.UTC(2027, 11, 31)) }).blocking.filter((v) => v.rule === "CNF-06").map((v) => key(v.path))

describe("CNF-06 one list of outgoing free-text fields for commands, check and views", () => {
  it("CNF-06 the example cycle releases every kind of field of the list, and nothing in it names anyone", () => {
    const kinds = new Set(cases.map((c) => `${c.scope.release}/${c.field.kind}`))
    for (const [release, list] of Object.entries(Release.table)) {
      for (const k of list) assert.isTrue(kinds.has(`${release}/${k.kind}`), `${release}/${k.kind} is exercised`)
    }
    assert.deepStrictEqual(checkPaths(final), [])
    assert.isAtLeast(cases.length, 60)
  })

  it("CNF-06 a name planted in any listed field: the releasing command refuses it, check reports it, the view refuses it — same path", () => {
    let n = 0
    for (const c of cases) {
      const ps = Release.people(c.before)
      const p = ps[n % ps.length]!
      const text = planted(c.field.text, forms[n % forms.length]!(p), n % 2 === 0 ? "end" : "start")
      n++
      const where = `${c.command._tag} (step ${c.step}) ${key(c.field.path)} with « ${text} »`
      assert.include(commandRefusal(c, text), key(c.field.path), `command: ${where}`)
      const s = setAt(final, c.field.path, text)
      assert.include(checkPaths(s), key(c.field.path), `check: ${where}`)
      // The view shows the last version sent of the minutes: a planted earlier version is not in it.
      if (c.scope.release !== "minutes" || c.scope.version === lastSent(s, c.scope.session)) {
        const view = View.build(s, viewOf(c.scope, s), { at: Instant.make(Date.UTC(2027, 11, 31)) })
        assert.isTrue(Either.isLeft(view) && view.left._tag === "ViewRefused" && view.left.rule === "CNF-06", `view: ${where}`)
      }
    }
  })

  it("CNF-06 property: any participant, any form, anywhere in any listed field — found by the command and by check alike", () => {
    FC.assert(
      FC.property(
        FC.nat(cases.length - 1),
        FC.nat(100),
        FC.nat(forms.length - 1),
        FC.constantFrom<"start" | "end">("start", "end"),
        (ci, pi, fi, where) => {
          const c = cases[ci]!
          // The participants when the text is released (a later guest is not one yet).
          const ps = Release.people(c.before)
          const p = ps[pi % ps.length]!
          const text = planted(c.field.text, forms[fi]!(p), where)
          const byCommand = commandRefusal(c, text).includes(key(c.field.path))
          const byCheck = checkPaths(setAt(final, c.field.path, text)).includes(key(c.field.path))
          assert.isTrue(byCommand, `command ${c.command._tag} ${key(c.field.path)}: « ${text} »`)
          assert.strictEqual(byCheck, byCommand, `check agrees with the command on ${key(c.field.path)}`)
        }
      ),
      { numRuns: 150 }
    )
  })

  it("CNF-06 names of people outside the group pass everywhere", () => {
    const outsider = final.agents.find((a) => !participants.some((p) => p.id === a.id) && !members.has(a.id))
    assert.isDefined(outsider)
    for (const c of cases.slice(0, 20)) {
      const text = planted(c.field.text, `${outsider!.firstName} ${outsider!.lastName}`, "end")
      assert.deepStrictEqual(commandRefusal(c, text), [])
    }
  })
})
