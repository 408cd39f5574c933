/**
 * CNF-08, a stable identity (issue 12): an agent ID reused under another name
 * is refused; `RenameAgent` records a change of name, and every name an agent
 * has had stays in the CNF-06 scan — for the commands, `evaluate`/`check` and
 * the snapshot alike.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Either from "effect/Either"
import * as FC from "effect/FastCheck"
import { Decider, Evaluate, Example, Exchange, Instant } from "@entre-pairs/core"
import type { Command, Event } from "@entre-pairs/core"
import { decodeCommand, Runner, runnerUntil } from "./support/runner.js"

type Encoded = Command.ExchangeCommandEncoded

const refusal = (result: Either.Either<unknown, { _tag: string }>) => {
  if (Either.isRight(result)) return []
  const e = result.left as { _tag: string; violations?: ReadonlyArray<{ rule: string; path: ReadonlyArray<string | number>; message: { fr: string; en: string } }> }
  return e.violations ?? []
}
const rulesAt = (result: Either.Either<unknown, { _tag: string }>) => refusal(result).map((v) => [v.rule, v.path.join(".")])

/** The example's directory entry of an agent, as the Invite command carries it. */
const entry = (id: string): Record<string, unknown> => {
  const invite = Example.cycleEncoded.find((c) => c._tag === "Invite") as Extract<Encoded, { _tag: "Invite" }>
  return { ...invite.agents.find((a) => a.id === id)! }
}

/** The example up to the first minutes (session s1 held), where texts start to leave the group. */
const atFirstMinutes = () => runnerUntil("DraftMinutes")

/**
 * Decides, from a runner's state and without changing it, the minutes of s1
 * with this summary up to their sending; returns the SendMinutes decision.
 */
const sendFrom = (r: Runner, summary: string) => {
  let state = r.state
  let clock = r.clock
  const decide = (c: Encoded) => {
    clock += 3_600_000
    const result = Decider.decideAt(decodeCommand({ ...c, at: new Date(clock).toISOString() }), state, Instant.make(clock))
    if (Either.isRight(result)) state = result.right.state
    return result
  }
  const drafted = decide({ _tag: "DraftMinutes", sessionId: "s1", summary })
  if (Either.isLeft(drafted)) return drafted
  const finalised = decide({ _tag: "FinaliseMinutes", sessionId: "s1" })
  if (Either.isLeft(finalised)) return finalised
  return decide({ _tag: "SendMinutes", sessionId: "s1" })
}

const cnf06 = (s: Exchange.ExchangeSnapshot) =>
  Evaluate.evaluate(s, { at: Instant.unsafeMake("2027-08-01T00:00:00Z") }).blocking.filter((v) => v.rule === "CNF-06").map((v) => v.path.join("."))

let played: Exchange.ExchangeSnapshot | undefined
const exampleSnapshot = (): Exchange.ExchangeSnapshot => {
  if (played === undefined) {
    const r = new Runner()
    for (const c of Example.cycleEncoded) r.run(c)
    played = r.snapshot
  }
  return played
}

describe("CNF-08 an agent ID keeps its name unless a rename is recorded", () => {
  it("CNF-08 Invite giving a known agent ID another name is refused at that name, in French and English, and nothing changes", () => {
    const r = runnerUntil("Volunteer")
    const before = r.state
    const result = r.try({ _tag: "Invite", agents: [{ ...entry("agt-001"), lastName: "Martin" } as never] })
    assert.deepStrictEqual(rulesAt(result), [["CNF-08", "agents.0.lastName"]])
    const [v] = refusal(result)
    assert.include(v!.message.fr, "« Élodie Lefèvre »")
    assert.include(v!.message.fr, "RenameAgent")
    assert.include(v!.message.en, "RenameAgent")
    assert.strictEqual(r.state, before)
    // The first name alone, too.
    assert.deepStrictEqual(rulesAt(r.try({ _tag: "Invite", agents: [{ ...entry("agt-002"), firstName: "Karima" } as never] })), [["CNF-08", "agents.0.firstName"]])
  })

  it("CNF-08 the same name again, pasted with invisible characters, is no rename: accepted", () => {
    const r = runnerUntil("Volunteer")
    const result = r.try({ _tag: "Invite", agents: [{ ...entry("agt-001"), lastName: "Le\u00ADfè\u200Bvre" } as never] })
    assert.isTrue(Either.isRight(result))
    assert.strictEqual(r.snapshot.agents.find((a) => a.id === "agt-001")!.lastName, "Lefèvre")
  })

  it("CNF-08 one ID twice in a command is refused, at the second record", () => {
    const r = runnerUntil("Volunteer")
    const a = { ...entry("agt-012"), id: "agt-099", firstName: "Inès", lastName: "Vasseur" }
    const result = r.try({ _tag: "Invite", agents: [a as never, { ...a, lastName: "Vasseur-Roy" } as never] })
    assert.deepStrictEqual(rulesAt(result), [["CNF-08", "agents.1.id"]])
  })

  it("CNF-08 a session guest with a member's ID under another name is refused (ScheduleSession)", () => {
    const r = runnerUntil("ScheduleSession", 2)
    const result = r.try({
      _tag: "ScheduleSession",
      sessionId: "s9",
      kind: "casework",
      scheduledAt: new Date(r.clock + 7 * 86_400_000).toISOString(),
      guests: [{ agent: { ...entry("agt-003"), lastName: "Marchand-Petit" } as never, role: "preventionOfficer", reason: "Appui juridique" }]
    })
    assert.deepStrictEqual(rulesAt(result), [["CNF-08", "guests.0.agent.lastName"]])
  })

  it("CNF-08 RenameAgent records the rename; then the old and the new name are both refused in the minutes", () => {
    const r = atFirstMinutes()
    const { events } = r.run({ _tag: "RenameAgent", agentId: "agt-001", firstName: "Élodie", lastName: "Mar\u00ADtin", reason: "nom d'usage" })
    assert.deepStrictEqual(events.map((e) => e._tag), ["AgentRenamed"])
    const renamed = events[0] as Extract<Event.ExchangeEvent, { _tag: "AgentRenamed" }>
    assert.deepStrictEqual([renamed.from, renamed.to, renamed.reason], [{ firstName: "Élodie", lastName: "Lefèvre" }, { firstName: "Élodie", lastName: "Martin" }, "nom d'usage"])
    const agent = r.snapshot.agents.find((a) => a.id === "agt-001")!
    assert.deepStrictEqual([agent.firstName, agent.lastName], ["Élodie", "Martin"])
    assert.deepStrictEqual(agent.formerNames?.map((n) => [n.firstName, n.lastName, n.reason]), [["Élodie", "Lefèvre", "nom d'usage"]])
    for (const summary of ["Mme Lefèvre a exposé la visite du chantier.", "Mme Martin a exposé la visite du chantier.", "Élodie LEFEVRE a exposé."]) {
      assert.deepStrictEqual(rulesAt(sendFrom(r, summary)), [["CNF-06", "sessions.0.minutes.0.summary"]], summary)
    }
    assert.isTrue(Either.isRight(sendFrom(r, "Une inspectrice a exposé la visite du chantier.")))
    // The old name is no longer the agent's: bringing it back silently is refused too.
    assert.deepStrictEqual(rulesAt(r.try({ _tag: "ScheduleSession", sessionId: "s9", kind: "casework", scheduledAt: new Date(r.clock + 7 * 86_400_000).toISOString(), guests: [{ agent: entry("agt-001") as never, role: "preventionOfficer" }] })), [
      ["CNF-08", "guests.0.agent.lastName"]
    ])
    // Replaying the events rebuilds the renamed agent, former name included.
    assert.deepStrictEqual(Decider.replay(r.events), r.state)
  })

  it("CNF-08 RenameAgent of an unknown agent, or to the name it has, is invalid; after abandonment it is out of order", () => {
    const r = atFirstMinutes()
    const unknown = r.try({ _tag: "RenameAgent", agentId: "agt-404", firstName: "Jean", lastName: "Dupont" })
    assert.isTrue(Either.isLeft(unknown) && unknown.left._tag === "InvalidCommand" && unknown.left.path.join(".") === "agentId")
    const same = r.try({ _tag: "RenameAgent", agentId: "agt-001", firstName: "Élodie", lastName: "Lefè\u2060vre" })
    assert.isTrue(Either.isLeft(same) && same.left._tag === "InvalidCommand" && same.left.path.join(".") === "lastName")
    r.run({ _tag: "Abandon", reason: "Réorganisation du service" })
    assert.deepStrictEqual(rulesAt(r.try({ _tag: "RenameAgent", agentId: "agt-001", firstName: "Élodie", lastName: "Martin" })), [["LIF-08", "state"]])
  })

  it("CNF-08 evaluate on a snapshot: a former name in a released text is reported (CNF-06); former names round-trip, normalised", () => {
    const s = exampleSnapshot()
    const review = { ...s.review!, text: `${s.review!.text} Merci à Mme Vasseur.` }
    assert.deepStrictEqual(cnf06({ ...s, review }), [])
    const encoded = Exchange.encode({ ...s, review }) as unknown as { agents: Array<Record<string, unknown>> }
    const withFormer = {
      ...encoded,
      agents: encoded.agents.map((a) => (a.id === "agt-001" ? { ...a, formerNames: [{ firstName: "Élodie", lastName: "Vas\u00ADseur", until: "2026-10-01T08:00:00Z" }] } : a))
    }
    const decoded = Exchange.decodeSync(withFormer)
    assert.deepStrictEqual(decoded.agents.find((a) => a.id === "agt-001")!.formerNames?.map((n) => n.lastName), ["Vasseur"])
    assert.deepStrictEqual(cnf06(decoded), ["review.text"])
    assert.deepStrictEqual(Exchange.encode(Exchange.decodeSync(JSON.parse(JSON.stringify(Exchange.encode(decoded))))), Exchange.encode(decoded))
  })

  it("CNF-08 events recorded before the rule (a later AgentsInvited under another name) keep the old name scanned on replay", () => {
    const r = atFirstMinutes()
    const last = r.events[r.events.length - 1]!
    const legacy: Event.ExchangeEvent = {
      _tag: "AgentsInvited",
      at: last.at,
      agents: [{ ...r.snapshot.agents.find((a) => a.id === "agt-001")!, lastName: "Martin" }],
      invitations: []
    }
    const state = Decider.replay([...r.events, legacy])!
    const agent = state.agents.find((a) => a.id === "agt-001")!
    assert.deepStrictEqual([agent.lastName, agent.formerNames?.map((n) => n.lastName)], ["Martin", ["Lefèvre"]])
  })
})

// Surnames and first names of the property: none is a common French word, so
// a mention after a civility or as a full name is always a name.
const lastNames = ["Vasseur", "Marchetti", "Kowalski", "Duval", "Nguyen", "Lambert", "Moreau", "Fabre", "Lefèvre", "Benali", "Œillet", "Da Silva"]
const firstNames = ["Élodie", "Inès", "Karim", "Zoé", "Jean-Marc", "Anaïs"]
const invisible = ["", "\u00AD", "\u200B", "\u2060", "\uFEFF"]

/** A name as someone may paste it: an invisible character slipped in. */
const pasted = (name: string, at: number, mark: string) => {
  const k = (at % name.length) + 1
  return `${name.slice(0, k)}${mark}${name.slice(k)}`
}

const renameArb = FC.record({
  agent: FC.constantFrom("agt-001", "agt-002", "agt-003", "agt-007"),
  first: FC.constantFrom(...firstNames),
  last: FC.constantFrom(...lastNames),
  at: FC.nat(20),
  mark: FC.constantFrom(...invisible)
})

describe("CNF-08 property", () => {
  it("CNF-08 property: after any sequence of renames, every name the agent ever had is refused in outgoing text", async () => {
    const start = atFirstMinutes()
    let checked = 0
    await FC.assert(
      FC.asyncProperty(FC.array(renameArb, { minLength: 1, maxLength: 5 }), async (renames) => {
        const r = new Runner(start.clock)
        r.state = start.state
        r.events = [...start.events]
        const had = new Map<string, Array<[string, string]>>()
        for (const x of renames) {
          const current = r.snapshot.agents.find((a) => a.id === x.agent)!
          const names = had.get(x.agent) ?? [[current.firstName, current.lastName]]
          had.set(x.agent, names)
          const result = r.try({ _tag: "RenameAgent", agentId: x.agent, firstName: x.first, lastName: pasted(x.last, x.at, x.mark) })
          if (current.firstName === x.first && current.lastName === x.last) {
            assert.isTrue(Either.isLeft(result), "renaming to the same name is invalid")
            continue
          }
          assert.isTrue(Either.isRight(result))
          names.push([x.first, x.last])
        }
        for (const [id, names] of had) {
          for (const [first, last] of names) {
            for (const summary of [`Mme ${last} a exposé la visite du chantier.`, `${first} ${last.toUpperCase()} a exposé.`]) {
              const refused = rulesAt(sendFrom(r, summary))
              assert.deepStrictEqual(refused, [["CNF-06", "sessions.0.minutes.0.summary"]], `${id} ${first} ${last}: ${summary}`)
              checked++
            }
          }
          // The snapshot keeps them all: current name and former names are every name the agent had.
          const agent = r.snapshot.agents.find((a) => a.id === id)!
          const kept = new Set([`${agent.firstName} ${agent.lastName}`, ...(agent.formerNames ?? []).map((n) => `${n.firstName} ${n.lastName}`)])
          assert.deepStrictEqual([...new Set(names.map(([f, l]) => `${f} ${l}`))].filter((n) => !kept.has(n)), [])
        }
        await new Promise<void>((resolve) => setImmediate(resolve))
      }),
      { numRuns: 25 }
    )
    assert.isAbove(checked, 100)
  })
})
