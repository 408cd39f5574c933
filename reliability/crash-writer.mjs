// A writer to be killed, for crashes.reliability.ts. It imports the BUILT
// packages, opens the store through the Promise facade, says "ready", then
// records the example cycle's commands on exchange after exchange
// (`ech-<run>-1`, `ech-<run>-2`, …) until it is killed, printing
// "ack <exchangeId> <command index> <version>" after each acknowledged one.
import { createEntrePairs } from "@entre-pairs/adapters-sql"
import { Example } from "@entre-pairs/core"

const [backend, target, run] = process.argv.slice(2)
const app = await createEntrePairs(backend === "sqlite" ? { sqlite: { filename: target } } : { postgres: { url: target, maxConnections: 2 } })
process.stdout.write("ready\n")
for (let k = 1; ; k++) {
  const exchangeId = `ech-${run}-${k}`
  for (const [index, command] of Example.cycleEncoded.entries()) {
    const executed = await app.execute(exchangeId, command._tag === "Propose" ? { ...command, exchangeId } : command)
    process.stdout.write(`ack ${exchangeId} ${index} ${executed.version}\n`)
  }
}
