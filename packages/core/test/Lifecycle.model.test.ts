/**
 * Model-based tests of the lifecycle (LIF-08): random command sequences run
 * against the decider and a simple model of the lifecycle's states.
 */
import * as Either from "effect/Either"
import * as FC from "effect/FastCheck"
import { describe, expect, it } from "vitest"
import { Decider, Evaluate, Example, Exchange, Instant } from "../src/index.js"
import type { Command } from "../src/index.js"
import { Runner } from "./support/runner.js"

interface Model {
  state: Exchange.ExchangeState | null
  /** Position of the next command of the example cycle (the guided walk). */
  next: number
}

/** The state an accepted command leads to, by the model. */
const transition = (tag: Command.CommandTag, from: Exchange.ExchangeState | null): Exchange.ExchangeState | null => {
  switch (tag) {
    case "Propose":
      return "proposed"
    case "Frame":
      return "framed"
    case "Approve":
      return "approved"
    case "Invite":
      return from === "approved" ? "announced" : from
    case "Compose":
      return "composed"
    case "AdoptCharter":
      return "charterAdopted"
    case "ScheduleSession":
      return from === "charterAdopted" ? "inSessions" : from
    case "Conclude":
      return "concluded"
    case "Restitute":
      return "restituted"
    case "Close":
      return "closed"
    case "Abandon":
      return "abandoned"
    default:
      return from
  }
}

const rank = ["proposed", "framed", "approved", "announced"]

const roundTrips = (snapshot: Exchange.ExchangeSnapshot) =>
  expect(Exchange.decode(JSON.parse(JSON.stringify(Exchange.encode(snapshot))))._tag).toBe("Right")

/** Runs one command on the real system and checks it against the model. */
const step = (model: Model, real: Runner, command: Command.ExchangeCommandEncoded) => {
  const before = real.state
  const allowed =
    model.state === null
      ? command._tag === "Propose"
      : Decider.allowedStates[command._tag].includes(model.state)
  const result = real.try(command)
  if (!allowed) {
    // Out of order: refused with LIF-08, or LIF-03 for invitations and communication before approval.
    expect(Either.isLeft(result)).toBe(true)
    if (Either.isLeft(result)) {
      expect(result.left._tag).toBe("RuleViolation")
      const rules = result.left._tag === "RuleViolation" ? result.left.violations.map((v) => v.rule) : []
      const early = model.state !== null && rank.includes(model.state) && (command._tag === "Invite" || command._tag === "Communicate")
      expect(rules).toEqual([early && model.state !== "approved" && model.state !== "announced" ? "LIF-03" : "LIF-08"])
    }
    expect(real.state).toBe(before)
    return
  }
  if (Either.isLeft(result)) {
    // Refused by a rule or an invalid reference: typed, and nothing changes.
    expect(["RuleViolation", "InvalidCommand"]).toContain(result.left._tag)
    expect(real.state).toBe(before)
    return
  }
  const phase = model.state
  model.state = transition(command._tag, model.state)
  expect(real.state?.state ?? null).toBe(model.state)
  // A reachable state is a valid snapshot (references included) that
  // round-trips through JSON: checked at each change of phase, where the
  // snapshot gains a new part, and on the final state of every run (the
  // decoder is most of a step's cost; each run's states are a growing chain).
  if (model.state !== phase) roundTrips(real.snapshot)
  // No reachable state breaks a blocking rule.
  const evaluation = Evaluate.evaluate(real.snapshot, { at: Instant.make(real.clock) })
  expect(evaluation.blocking).toEqual([])
}

/**
 * The commands run asynchronously and hand the event loop back every few
 * steps: a run of thousands of decisions must not block the test worker, whose
 * RPC with vitest times out on a busy machine. The budget is a number of runs.
 */
let steps = 0
const yieldEvery = 16
const breathe = (): Promise<void> | void => {
  if (++steps % yieldEvery === 0) return new Promise<void>((resolve) => setImmediate(resolve))
}

/** The next command of the example cycle (a walk along the happy path). */
class NextCommand implements FC.AsyncCommand<Model, Runner> {
  check = () => true
  async run(model: Model, real: Runner) {
    const command = Example.cycleEncoded[model.next % Example.cycleEncoded.length]!
    model.next++
    step(model, real, command)
    await breathe()
  }
  toString = () => "Next"
}

/** Any command of the example cycle, out of its place. */
class AnyCommand implements FC.AsyncCommand<Model, Runner> {
  constructor(readonly index: number) {}
  check = () => true
  async run(model: Model, real: Runner) {
    step(model, real, Example.cycleEncoded[this.index]!)
    await breathe()
  }
  toString = () => `Any(${Example.cycleEncoded[this.index]!._tag}#${this.index})`
}

/** A member or volunteer withdraws (never refused by a rule, ELI-01). */
class WithdrawCommand implements FC.AsyncCommand<Model, Runner> {
  constructor(readonly pick: number) {}
  check = () => true
  async run(model: Model, real: Runner) {
    const ids = real.state?.volunteers.filter((v) => v.withdrawnAt === undefined).map((v) => v.agentId) ?? []
    step(model, real, { _tag: "Withdraw", agentId: ids[this.pick % Math.max(1, ids.length)] ?? "agt-001", reason: "Charge de travail" })
    await breathe()
  }
  toString = () => `Withdraw(${this.pick})`
}

class AbandonCommand implements FC.AsyncCommand<Model, Runner> {
  check = () => true
  async run(model: Model, real: Runner) {
    step(model, real, { _tag: "Abandon", reason: "Réorganisation du service" })
    await breathe()
  }
  toString = () => "Abandon"
}

// Mostly the guided walk, so that sequences reach every state; out-of-order
// commands, withdrawals and abandonment are mixed in.
const commands = [
  ...Array.from({ length: 24 }, () => FC.constant(new NextCommand())),
  FC.integer({ min: 0, max: Example.cycleEncoded.length - 1 }).map((i) => new AnyCommand(i)),
  FC.integer({ min: 0, max: Example.cycleEncoded.length - 1 }).map((i) => new AnyCommand(i)),
  FC.integer({ min: 0, max: Example.cycleEncoded.length - 1 }).map((i) => new AnyCommand(i)),
  FC.nat(20).map((i) => new WithdrawCommand(i)),
  FC.nat(9).map((i) => (i === 0 ? new AbandonCommand() : new NextCommand()))
]

// Budgeted by runs; the wall-clock limit is only a hang guard (10 min): on
// two cores shared with other work, 150 runs took over 60 s.
describe("lifecycle, model-based", { timeout: 600_000 }, () => {
  const reached = new Set<Exchange.ExchangeState | null>()
  it("LIF-08 random command sequences: out-of-order commands are refused, no reachable state breaks a blocking rule, replay rebuilds the state", async () => {
    await FC.assert(
      FC.asyncProperty(FC.commands(commands, { maxCommands: 140, size: "max" }), async (cmds) => {
        const real = new Runner()
        const model: Model = { state: null, next: 0 }
        await FC.asyncModelRun(() => ({ model, real }), cmds)
        // Replaying the events rebuilds the same state.
        expect(Decider.replay(real.events)).toEqual(real.state)
        if (real.state !== null) roundTrips(real.state)
        reached.add(model.state)
      }),
      // Budget by runs: 300 in CI (about 18 s of CPU since the linear name
      // scan), 100 locally; either reaches every end of the cycle (asserted below).
      { numRuns: process.env.CI ? 300 : 100 }
    )
    // The walk explores the whole lifecycle, not only its first states.
    expect([...reached]).toEqual(expect.arrayContaining(["closed", "abandoned", "inSessions"]))
  })

  it("LIF-08 the guided walk alone reaches the end of the cycle", async () => {
    const real = new Runner()
    const model: Model = { state: null, next: 0 }
    for (let i = 0; i < Example.cycleEncoded.length; i++) await new NextCommand().run(model, real)
    expect(model.state).toBe("closed")
  })
})
