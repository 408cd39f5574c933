/**
 * The lifecycle and the views, rule by rule: each test drives real commands
 * through the decider (not only a snapshot check).
 */
import { assert, describe, it } from "@effect/vitest"
import * as DateTime from "effect/DateTime"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as TestClock from "effect/TestClock"
import { Audience, Command, Decider, Event, Evaluate, Instant, Obligations, Policy, View } from "../src/index.js"
import type { Exchange } from "../src/index.js"
import { exampleFrom, fullCycle, Runner, runnerUntil } from "./support/runner.js"

const rules = (result: Either.Either<unknown, { _tag: string }>) =>
  Either.isLeft(result) && result.left._tag === "RuleViolation"
    ? (result.left as unknown as { violations: ReadonlyArray<{ rule: string }> }).violations.map((v) => v.rule)
    : []

const at = (iso: string) => Instant.unsafeMake(iso)

const view = (s: Exchange.ExchangeSnapshot, request: View.Request, when = "2027-06-01T00:00:00Z") =>
  View.build(s, request, { at: at(when) })

describe("LIF — lifecycle", () => {
  it("LIF-08 refuses a command outside its state and records nothing", () => {
    const r = runnerUntil("Approve")
    const before = r.state
    const result = r.try({ _tag: "Compose", members: [{ agentId: "agt-001" }] })
    assert.deepStrictEqual(rules(result), ["LIF-08"])
    assert.strictEqual(r.state, before)
  })
  it("LIF-08 refuses every command but Propose when no exchange exists, and Propose once it does", () => {
    const r = new Runner()
    assert.deepStrictEqual(rules(r.try({ _tag: "Approve", by: "Direction" })), ["LIF-08"])
    r.run({ _tag: "Propose", exchangeId: "ech-1", title: "Accueil", by: "direction" })
    assert.deepStrictEqual(rules(r.try({ _tag: "Propose", exchangeId: "ech-1", title: "Accueil", by: "direction" })), ["LIF-08"])
  })
  it("LIF-08 allows abandonment with a reason from any open state, and nothing after it", () => {
    const r = runnerUntil("HoldSession", 2)
    r.run({ _tag: "Abandon", reason: "Réorganisation du service" })
    assert.strictEqual(r.snapshot.state, "abandoned")
    assert.strictEqual(r.snapshot.abandonment?.reason, "Réorganisation du service")
    assert.deepStrictEqual(rules(r.try({ _tag: "Abandon", reason: "encore" })), ["LIF-08"])
    assert.deepStrictEqual(rules(r.try(exampleFrom("HoldSession", 2)[0]!)), ["LIF-08"])
  })
  it("LIF-08 a command dated before the latest event is refused as invalid: history is not rewritten", () => {
    const r = runnerUntil("Approve")
    const result = r.try({ _tag: "Approve", by: "Direction", at: "2026-01-01T00:00:00.000Z" })
    assert.isTrue(Either.isLeft(result) && result.left._tag === "InvalidCommand")
  })
  it("LIF-03 refuses invitations before management accepts the exchange", () => {
    const r = runnerUntil("Approve")
    assert.deepStrictEqual(rules(r.try({ _tag: "Invite", agents: [] })), ["LIF-03"])
    assert.deepStrictEqual(rules(r.try({ _tag: "Communicate", channel: "email", about: "approach" })), ["LIF-03"])
  })
  it.effect("LIF-08 decide takes the current time from Effect's Clock when the command has no date", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.UTC(2026, 8, 1, 8))
      const decision = yield* Decider.decide(
        { _tag: "Propose", exchangeId: "ech-1" as never, title: "Accueil", by: "agents" },
        Decider.initialState
      )
      assert.strictEqual(DateTime.formatIso(decision.events[0]!.at), "2026-09-01T08:00:00.000Z")
    })
  )
})

describe("PUR-05 / ARB-02 — recommendations, not decisions", () => {
  it("PUR-05 the group has no decision outcome: decisions exist only as the direction's response", () => {
    // No command or event of the group records a decision; only the direction's response carries planned decisions.
    const tags = Object.keys(Decider.allowedStates)
    assert.notInclude(tags, "Decide")
    assert.lengthOf(Command.ExchangeCommand.members, tags.length)
    const decisionEvents = Event.ExchangeEvent.members.filter((m) => "response" in m.fields || "decision" in m.fields)
    assert.deepStrictEqual(decisionEvents, [Event.DirectionResponded])
    // An agenda item whose nature is taking decisions is refused (PUR-04).
    const r = runnerUntil("SetAgenda", 2)
    const result = r.try({ _tag: "SetAgenda", sessionId: "s2", items: [{ title: "Décider des sanctions", nature: "decisionMaking" }] })
    assert.include(rules(result), "PUR-04")
  })
  it("ARB-02 an arbitration records the group's outcome only: no votes, no author", () => {
    const r = runnerUntil("ValidateArbitrations")
    const arbitrations = r.snapshot.sessions.flatMap((s) => s.variants.map((v) => v.arbitration))
    for (const a of arbitrations) {
      assert.isDefined(a)
      assert.includeMembers(["outcome", "at", "conditions"], Object.keys(a!))
    }
    // The Arbitrate command has no field for a voter or an author.
    assert.deepStrictEqual(Object.keys(Command.Arbitrate.fields).sort(), ["_tag", "at", "conditions", "outcome", "sessionId", "variantId"])
  })
  it("ARB-01 refuses a conditional arbitration without conditions, and a second arbitration once validated", () => {
    const r = runnerUntil("Arbitrate")
    assert.deepStrictEqual(
      rules(r.try({ _tag: "Arbitrate", sessionId: "s2", variantId: "v1", outcome: "conditional", conditions: [" "] })),
      ["ARB-01"]
    )
    const done = runnerUntil("RecordSpeakingTimes")
    assert.deepStrictEqual(rules(done.try({ _tag: "Arbitrate", sessionId: "s2", variantId: "v1", outcome: "discontinue" })), ["ARB-01"])
  })
})

describe("CHA — group rules", () => {
  it("CHA-01 refuses a charter missing one of its five items", () => {
    const r = runnerUntil("AdoptCharter")
    const result = r.try({ _tag: "AdoptCharter", items: ["respectNoJudgement", "speakingEquity", "confidentiality", "attendanceCommitment"] })
    assert.include(rules(result), "CHA-01")
  })
  it("CHA-02 recording unequal speaking times raises an advisory, and the facilitators' view reports shares and Gini", () => {
    const r = runnerUntil("RecordSpeakingTimes")
    const decision = r.run({
      _tag: "RecordSpeakingTimes",
      sessionId: "s2",
      times: [
        { participant: "agt-001", seconds: 3000 },
        { participant: "agt-002", seconds: 60 },
        { participant: "agt-003", seconds: 60 },
        { participant: "agt-004", seconds: 60 }
      ]
    })
    assert.deepStrictEqual(decision.advisories.map((a) => a.rule), ["CHA-02"])
    const built = view(r.snapshot, { output: "composition", audience: "facilitators" })
    assert.isTrue(Either.isRight(built))
    const composition = Either.getOrThrow(built) as View.CompositionView
    assert.isAbove(composition.speaking[0]!.gini, 0.35)
    assert.closeTo(composition.speaking[0]!.shares.reduce((n, s) => n + s.share, 0), 1, 1e-9)
    // The equal log of the example raises nothing.
    const equal = runnerUntil("RecordSpeakingTimes").run(exampleFrom("RecordSpeakingTimes")[0]!)
    assert.deepStrictEqual(equal.advisories, [])
  })
})

describe("CNF — confidentiality and anonymity", () => {
  it("CNF-01 the window opens at the charter's adoption and closes at the restitution", () => {
    assert.strictEqual(Audience.windowPhase(runnerUntil("AdoptCharter").snapshot), "before")
    assert.strictEqual(Audience.windowPhase(runnerUntil("ScheduleSession").snapshot), "open")
    assert.strictEqual(Audience.windowPhase(runnerUntil("Restitute").snapshot), "open")
    assert.strictEqual(Audience.windowPhase(runnerUntil("RecordDirectionResponse").snapshot), "closed")
    const abandoned = runnerUntil("Restitute")
    abandoned.run({ _tag: "Abandon", reason: "Départ de l'animatrice" })
    assert.strictEqual(Audience.windowPhase(abandoned.snapshot), "open")
  })
  it("CNF-02 the minutes for line managers carry cases, variants and arbitrations without any name", () => {
    const s = fullCycle().snapshot
    const minutes = Either.getOrThrow(view(s, { output: "minutes", audience: "lineManagers", sessionId: "s2" as never })) as View.MinutesView
    assert.strictEqual(minutes.cases.length, 2)
    assert.strictEqual(minutes.version.number, 2)
    const json = JSON.stringify(minutes)
    for (const a of s.agents) {
      assert.notInclude(json, a.lastName)
      assert.notInclude(json, a.id)
    }
  })
  it("CNF-03 conclusions for the direction are refused before the restitution and given after it", () => {
    const before = runnerUntil("Restitute").snapshot
    const refused = view(before, { output: "conclusions", audience: "direction" })
    assert.isTrue(Either.isLeft(refused) && refused.left._tag === "ViewRefused" && refused.left.rule === "CNF-03")
    assert.isTrue(Either.isRight(view(before, { output: "conclusions", audience: "group" })))
    const after = runnerUntil("RecordDirectionResponse").snapshot
    assert.isTrue(Either.isRight(view(after, { output: "conclusions", audience: "direction" })))
    assert.isTrue(Either.isLeft(view(after, { output: "charter", audience: "organisation" })))
  })
  it("CNF-04 profile data only in the facilitators' composition view", () => {
    const s = fullCycle().snapshot
    const refused = view(s, { output: "composition", audience: "group" })
    assert.isTrue(Either.isLeft(refused) && refused.left._tag === "ViewRefused")
    const composition = Either.getOrThrow(view(s, { output: "composition", audience: "facilitators" })) as View.CompositionView
    assert.strictEqual(composition.members[0]?.ageBand, "30-39")
    const attestation = Either.getOrThrow(view(s, { output: "attestation", audience: "group", agentId: "agt-001" as never }))
    assert.notInclude(JSON.stringify(attestation), "30-39")
  })
  it("CNF-05 refuses to publish a testimonial without consent", () => {
    const r = runnerUntil("RecordTestimonial")
    r.run({ _tag: "RecordTestimonial", testimonialId: "t9", agentId: "agt-002", text: "Très utile.", consent: false })
    assert.deepStrictEqual(rules(r.try({ _tag: "PublishTestimonial", testimonialId: "t9" })), ["CNF-05"])
  })
  it("CNF-06 refuses to send minutes whose summary names a participant, and says where", () => {
    const r = runnerUntil("DraftMinutes")
    r.run({ _tag: "DraftMinutes", sessionId: "s1", summary: "Comme l'a rappelé Mme LEFEVRE, le groupe a choisi deux questions." })
    r.run({ _tag: "FinaliseMinutes", sessionId: "s1" })
    const result = r.try({ _tag: "SendMinutes", sessionId: "s1" })
    assert.isTrue(Either.isLeft(result))
    const violation = (result as unknown as Either.Left<{ violations: ReadonlyArray<{ rule: string; path: ReadonlyArray<unknown>; message: { en: string } }> }, never>).left.violations[0]!
    assert.strictEqual(violation.rule, "CNF-06")
    assert.deepStrictEqual(violation.path, ["sessions", 0, "minutes", 0, "summary"])
    assert.include(violation.message.en, "Mme LEFEVRE")
    const refused = view(r.snapshot, { output: "minutes", audience: "group", sessionId: "s1" as never })
    assert.isTrue(Either.isLeft(refused) && refused.left._tag === "ViewRefused" && refused.left.rule === "CNF-06")
  })
  it("CNF-06 refuses conclusions and a review naming a participant", () => {
    const r = runnerUntil("Conclude")
    assert.include(rules(r.try({ _tag: "Conclude", summary: "Proposé par élodie." })), "CNF-06")
    const end = runnerUntil("PresentReview")
    assert.include(rules(end.try({ _tag: "PresentReview", text: "Merci à Karim Benali.", body: "CSA" })), "CNF-06")
  })
})

describe("RES — restitution and reporting", () => {
  it("RES-01 refuses to send minutes before a liaison is designated", () => {
    const commands = runnerUntil("SendMinutes")
    // The same cycle without the liaison.
    const withoutLiaison = new Runner()
    for (const c of exampleFromStart().filter((c) => c._tag !== "DesignateLiaison")) {
      if (c._tag === "SendMinutes") break
      withoutLiaison.run(c)
    }
    assert.deepStrictEqual(rules(withoutLiaison.try({ _tag: "SendMinutes", sessionId: "s1" })), ["RES-01"])
    assert.isTrue(Either.isRight(commands.try({ _tag: "SendMinutes", sessionId: "s1" })))
  })
  it("RES-02 minutes are due to line managers within 15 days of the session, then overdue", () => {
    const r = runnerUntil("SendMinutes")
    const due = Obligations.obligations(r.snapshot, at("2026-10-20T00:00:00Z"), Policy.defaults)
    const o = due.find((x) => x.rule === "RES-02")!
    assert.strictEqual(DateTime.formatIso(o.dueAt), "2026-10-30T15:00:00.000Z")
    assert.strictEqual(o.status, "due")
    assert.strictEqual(Obligations.obligations(r.snapshot, at("2026-11-02T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-02")?.status, "overdue")
    r.run({ _tag: "SendMinutes", sessionId: "s1" })
    assert.isUndefined(Obligations.obligations(r.snapshot, at("2026-11-02T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-02"))
  })
  it("RES-03 a training need travels with the minutes: due until a version is sent after it", () => {
    const r = runnerUntil("SendMinutes", 2)
    assert.isDefined(Obligations.obligations(r.snapshot, at("2026-11-24T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-03"))
    r.run({ _tag: "SendMinutes", sessionId: "s2" })
    assert.isUndefined(Obligations.obligations(r.snapshot, at("2026-11-26T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-03"))
    const needs = Either.getOrThrow(view(r.snapshot, { output: "trainingNeeds", audience: "lineManagers" })) as View.TrainingNeedsView
    assert.deepStrictEqual(needs.needs.map((n) => n.transmitted), [true])
  })
  it("RES-04 the restitution needs a circulated statement of conclusions", () => {
    const r = runnerUntil("Conclude")
    assert.deepStrictEqual(rules(r.try({ _tag: "Restitute", form: "serviceMeeting" })), ["LIF-08"])
    r.run(exampleFrom("Conclude")[0]!)
    assert.isDefined(r.snapshot.conclusions?.circulatedAt)
    assert.isTrue(Either.isRight(r.try({ _tag: "Restitute", form: "serviceMeeting" })))
  })
  it("RES-05 the direction's response is due within 30 days of the restitution, then overdue", () => {
    const r = runnerUntil("RecordDirectionResponse")
    const o = Obligations.obligations(r.snapshot, at("2027-03-20T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-05")!
    assert.strictEqual(o.status, "overdue")
    assert.strictEqual(o.owner.role, "direction")
    const grid = Either.getOrThrow(view(r.snapshot, { output: "directionResponse", audience: "group" }, "2027-03-20T00:00:00Z")) as View.DirectionResponseView
    assert.isTrue(grid.overdue)
    r.run(exampleFrom("RecordDirectionResponse")[0]!)
    assert.isUndefined(Obligations.obligations(r.snapshot, at("2027-03-20T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-05"))
  })
  it("RES-06 a review planned by the framing is due after the restitution until presented", () => {
    const r = runnerUntil("PresentReview")
    assert.isDefined(Obligations.obligations(r.snapshot, at("2027-05-01T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-06"))
    r.run(exampleFrom("PresentReview")[0]!)
    assert.isUndefined(Obligations.obligations(r.snapshot, at("2027-05-20T00:00:00Z"), Policy.defaults).find((x) => x.rule === "RES-06"))
    const review = Either.getOrThrow(view(r.snapshot, { output: "review", audience: "socialDialogue" })) as View.ReviewView
    assert.strictEqual(review.figures.sessionsHeld, 4)
    assert.deepStrictEqual(review.figures.variants, { desirable: 2, conditional: 1, discontinue: 2 })
  })
  it("RES-07 communicating the results is an obligation, never an advisory", () => {
    const r = runnerUntil("Communicate", 3)
    const decision = r.run({ _tag: "Communicate", channel: "intranet", about: "results" })
    assert.deepStrictEqual(decision.advisories, [])
    const s = fullCycle().snapshot
    const withoutResults = { ...s, communications: s.communications.filter((c) => c.about !== "results") }
    assert.notInclude(Evaluate.evaluate(withoutResults, { at: at("2027-06-01T00:00:00Z") }).advisories.map((a) => a.rule), "RES-07")
  })
  it("RES-08 an open action carries over until done or dropped, and shows overdue in the grid", () => {
    const s = fullCycle().snapshot
    const late = Obligations.obligations(s, at("2027-07-15T00:00:00Z"), Policy.defaults).filter((x) => x.rule === "RES-08")
    assert.deepStrictEqual(late.map((o) => o.status), ["overdue", "overdue"])
    const grid = Either.getOrThrow(view(s, { output: "directionResponse", audience: "organisation" }, "2027-07-15T00:00:00Z")) as View.DirectionResponseView
    assert.deepStrictEqual(grid.actions.map((a) => [a.status, a.overdue]), [["inProgress", true], ["planned", true], ["done", false]])
  })
  it("RES-09 a sent version never changes: redrafting needs a correction, which is a new version", () => {
    const r = runnerUntil("DraftMinutes", 3)
    assert.deepStrictEqual(rules(r.try({ _tag: "DraftMinutes", sessionId: "s2", summary: "Autre texte" })), ["RES-09"])
    assert.deepStrictEqual(rules(r.try({ _tag: "SendMinutes", sessionId: "s2" })), ["RES-09"])
    r.run({ _tag: "DraftMinutes", sessionId: "s2", summary: "Texte corrigé", correction: "Coquille" })
    const versions = r.snapshot.sessions[1]!.minutes
    assert.strictEqual(versions.length, 2)
    assert.strictEqual(versions[0]!.summary, "Deux situations de tension en visite ont été analysées. Trois variantes ont été arbitrées par le groupe.")
    assert.deepStrictEqual(rules(r.try({ _tag: "SendMinutes", sessionId: "s2" })), ["RES-09"])
  })
})

const exampleFromStart = () => exampleFrom("Propose")
