/**
 * Test support: runs commands through the decider, keeping the events, and
 * produces the next command of a plausible cycle from any state (a guided
 * walk used by the model-based and the view properties).
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Command, Decider, Example, Instant } from "../../src/index.js"
import type { Event, Exchange } from "../../src/index.js"

export const decodeCommand = Schema.decodeUnknownSync(Command.ExchangeCommand)

export class Runner {
  state: Decider.State = Decider.initialState
  events: Array<Event.ExchangeEvent> = []
  clock: number
  constructor(start = Date.UTC(2026, 8, 1, 8)) {
    this.clock = start
  }
  /** Decides a command at the runner's clock (advanced by an hour each call). */
  try(encoded: Command.ExchangeCommandEncoded) {
    const now = this.clock + 3_600_000
    const command = decodeCommand({ ...encoded, at: encoded.at ?? new Date(now).toISOString() })
    const result = Decider.decideAt(command, this.state, Instant.make(now))
    if (Either.isRight(result)) {
      // Accepted commands move the clock forward, to their own date when they carry one.
      this.clock = Math.max(now, command.at?.epochMillis ?? now)
      this.events.push(...result.right.events)
      this.state = Decider.replay(result.right.events, this.state)
    }
    return result
  }
  run(encoded: Command.ExchangeCommandEncoded) {
    const result = this.try(encoded)
    if (Either.isLeft(result)) throw new Error(`${encoded._tag} refused: ${result.left.message}`)
    return result.right
  }
  get snapshot(): Exchange.ExchangeSnapshot {
    if (this.state === null) throw new Error("no exchange yet")
    return this.state
  }
}

/** The example cycle's commands up to (excluding) the first command with this tag. */
export const exampleUntil = (tag: Command.CommandTag, occurrence = 1): ReadonlyArray<Command.ExchangeCommandEncoded> => {
  const out: Array<Command.ExchangeCommandEncoded> = []
  let seen = 0
  for (const c of Example.cycleEncoded) {
    if (c._tag === tag && ++seen === occurrence) break
    out.push(c)
  }
  return out
}

/** A runner that has played the example cycle up to (excluding) a command. */
export const runnerUntil = (tag: Command.CommandTag, occurrence = 1): Runner => {
  const r = new Runner()
  for (const c of exampleUntil(tag, occurrence)) r.run(c)
  return r
}

/** The example cycle's commands from a command's occurrence on. */
export const exampleFrom = (tag: Command.CommandTag, occurrence = 1): ReadonlyArray<Command.ExchangeCommandEncoded> =>
  Example.cycleEncoded.slice(exampleUntil(tag, occurrence).length)

/** The whole example cycle, played. */
export const fullCycle = (): Runner => {
  const r = new Runner()
  for (const c of Example.cycleEncoded) r.run(c)
  return r
}
