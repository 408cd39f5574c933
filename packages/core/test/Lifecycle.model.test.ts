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
  model.state = transition(command._tag, model.state)
  expect(real.state?.state ?? null).toBe(model.state)
  // Every reachable state is a valid snapshot (references included) that round-trips through JSON.
  expect(Exchange.decode(JSON.parse(JSON.stringify(Exchange.encode(real.snapshot))))._tag).toBe("Right")
  // No reachable state breaks a blocking rule.
  const evaluation = Evaluate.evaluate(real.snapshot, { at: Instant.make(real.clock) })
  expect(evaluation.blocking).toEqual([])
}

/** The next command of the example cycle (a walk along the happy path). */
class NextCommand implements FC.Command<Model, Runner> {
  check = () => true
  run(model: Model, real: Runner) {
    const command = Example.cycleEncoded[model.next % Example.cycleEncoded.length]!
    model.next++
    step(model, real, command)
  }
  toString = () => "Next"
}

/** Any command of the example cycle, out of its place. */
class AnyCommand implements FC.Command<Model, Runner> {
  constructor(readonly index: number) {}
  check = () => true
  run(model: Model, real: Runner) {
    step(model, real, Example.cycleEncoded[this.index]!)
  }
  toString = () => `Any(${Example.cycleEncoded[this.index]!._tag}#${this.index})`
}

/** A member or volunteer withdraws (never refused by a rule, ELI-01). */
class WithdrawCommand implements FC.Command<Model, Runner> {
  constructor(readonly pick: number) {}
  check = () => true
  run(model: Model, real: Runner) {
    const ids = real.state?.volunteers.filter((v) => v.withdrawnAt === undefined).map((v) => v.agentId) ?? []
    step(model, real, { _tag: "Withdraw", agentId: ids[this.pick % Math.max(1, ids.length)] ?? "agt-001", reason: "Charge de travail" })
  }
  toString = () => `Withdraw(${this.pick})`
}

class AbandonCommand implements FC.Command<Model, Runner> {
  check = () => true
  run(model: Model, real: Runner) {
    step(model, real, { _tag: "Abandon", reason: "Réorganisation du service" })
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

describe("lifecycle, model-based", () => {
  const reached = new Set<Exchange.ExchangeState | null>()
  it("LIF-08 random command sequences: out-of-order commands are refused, no reachable state breaks a blocking rule, replay rebuilds the state", () => {
    FC.assert(
      FC.property(FC.commands(commands, { maxCommands: 140, size: "max" }), (cmds) => {
        const real = new Runner()
        const model: Model = { state: null, next: 0 }
        FC.modelRun(() => ({ model, real }), cmds)
        // Replaying the events rebuilds the same state.
        expect(Decider.replay(real.events)).toEqual(real.state)
        reached.add(model.state)
      }),
      { numRuns: process.env.CI ? 300 : 100 }
    )
    // The walk explores the whole lifecycle, not only its first states.
    expect([...reached]).toEqual(expect.arrayContaining(["closed", "abandoned", "inSessions"]))
  })

  it("LIF-08 the guided walk alone reaches the end of the cycle", () => {
    const real = new Runner()
    const model: Model = { state: null, next: 0 }
    for (let i = 0; i < Example.cycleEncoded.length; i++) new NextCommand().run(model, real)
    expect(model.state).toBe("closed")
  })
})
