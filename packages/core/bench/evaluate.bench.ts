import { Evaluate, Exchange } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { bench, describe } from "vitest"
import { baselineEvaluate } from "./baseline.js"

const snapshot = Exchange.decodeSync(
  JSON.parse(readFileSync(fileURLToPath(new URL("../../../docs/examples/exchange-complete.json", import.meta.url)), "utf8"))
)
const at = DateTime.unsafeMake("2027-01-15T09:00:00Z")

// Both must agree on the example before their speed is compared.
const registry = Evaluate.evaluate(snapshot, { at })
const baseline = baselineEvaluate(snapshot, at.epochMillis)
if (registry.blocking.length !== baseline.blocking.length || registry.advisories.length !== baseline.advisories.length) {
  throw new Error(`baseline and registry disagree: ${JSON.stringify({ registry: registry.blocking.length, baseline })}`)
}

const options = { time: 3000, warmupTime: 1000, warmupIterations: 2000 }

describe("evaluate the complete example snapshot", () => {
  bench("baseline: hand-written checks", () => {
    baselineEvaluate(snapshot, at.epochMillis)
  }, options)
  bench("evaluate (registry)", () => {
    Evaluate.evaluate(snapshot, { at })
  }, options)
})
