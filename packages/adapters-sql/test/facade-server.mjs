// An application server in its own OS process, for test/servers.test.ts: the
// Promise facade (built package: run `pnpm run build` first) on the shared
// PostgreSQL database, a pool of `pool` connections, no automatic retry.
// Says "ready", waits for "go" on stdin, then records `total` communications
// on each exchange, round robin, as a client would: on a ConcurrencyConflictError
// (another server appended first) or a refusal for a date before the latest
// event, it sends the command again with a fresh date. Prints
// {server, accepted: [{exchangeId, channel, at, version}], conflicts, stale} as JSON.
import { createInterface } from "node:readline"
import { once } from "node:events"
import { ConcurrencyConflictError, createEntrePairs, InvalidInputError } from "../dist/index.js"

const [url, server, channel, totalText, poolText, ...exchanges] = process.argv.slice(2)
const total = Number(totalText)
const app = await createEntrePairs({ postgres: { url, maxConnections: Number(poolText) }, retries: 0 })
process.stdout.write("ready\n")
const lines = createInterface({ input: process.stdin })
await once(lines, "line")
lines.close()

const accepted = []
let conflicts = 0
let stale = 0
let last = 0
const now = () => (last = Math.max(Date.now(), last + 1))
for (let n = 0; n < total; n++) {
  for (const exchangeId of exchanges) {
    for (;;) {
      const at = new Date(now()).toISOString()
      try {
        const executed = await app.execute(exchangeId, { _tag: "Communicate", at, channel, about: "approach" })
        accepted.push({ exchangeId, channel, at, version: executed.version })
        break
      } catch (error) {
        if (error instanceof ConcurrencyConflictError) conflicts++
        else if (error instanceof InvalidInputError && /before/.test(error.message)) stale++
        else throw error
      }
    }
  }
}
await app.close()
process.stdout.write(JSON.stringify({ server, accepted, conflicts, stale }) + "\n")
