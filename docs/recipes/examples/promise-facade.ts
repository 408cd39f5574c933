/**
 * Recipe: the Promise facade, for an application that does not use Effect.
 * Commands go in as JSON, results and errors come out as plain objects and
 * `Error` subclasses. Run by packages/adapters-sql/test/facade.test.ts.
 */
import { createEntrePairs, type Facade, RuleViolationError } from "@entre-pairs/adapters-sql"
import { Example } from "@entre-pairs/core"

export const main = async (filename: string) => {
  // The embedded default: one SQLite file, created and migrated on first use.
  // For a PostgreSQL server: createEntrePairs({ postgres: { url: process.env.DATABASE_URL! } })
  const app = await createEntrePairs({ sqlite: { filename } })
  try {
    const id = "ech-ddets33-uc3-2026"
    const advisories: Array<string> = []
    // Commands are JSON (as they arrive in an HTTP body), typed as the
    // encoded command union, and decoded and checked again by the facade.
    const execute = async (command: Facade.Command) => {
      const result = await app.execute(id, command)
      advisories.push(...result.advisories.map((a) => `${a.rule}: ${a.message.fr}`))
    }
    const commands = Example.cycleEncoded.slice(0, 44)
    for (const command of commands.slice(0, 41)) await execute(command)
    // Session 2 is held and its minutes are not sent yet: what is owed, across
    // exchanges, the next day? (RES-02: the liaison sends the minutes.)
    const due = await app.obligationsDue("2026-11-20T09:00:00Z")
    for (const command of commands.slice(41)) await execute(command)

    // A refused command rejects with the rule IDs and paths, and writes nothing.
    let refusal: ReadonlyArray<string> = []
    try {
      await app.execute(id, { _tag: "Restitute", form: "serviceMeeting" })
    } catch (error) {
      if (!(error instanceof RuleViolationError)) throw error
      refusal = error.rules // ["LIF-08"]
    }

    const exchange = await app.getExchange(id) // the snapshot, in the interchange format
    const inSessions = await app.list({ state: "inSessions" })
    // The minutes of session 2 for the members' line managers: anonymous by construction.
    const minutes = await app.view(
      id,
      { output: "minutes", audience: "lineManagers", sessionId: "s2" },
      { at: "2026-12-01T00:00:00Z" }
    )
    return {
      state: exchange?.snapshot.state,
      version: exchange?.version,
      advisories,
      refusal,
      listed: inSessions.map((e) => e.exchangeId),
      due: due.map((d) => `${d.obligation.rule} ${d.obligation.dueAt} ${d.obligation.status}`),
      minutes: minutes._tag,
      // Views are plain JSON: instants as ISO-8601 strings.
      minutesSession: minutes.session.scheduledAt
    }
  } finally {
    await app.close()
  }
}
