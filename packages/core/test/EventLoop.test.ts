/**
 * The event loop turns between two tests (vitest.setup.ts): without it, a
 * file of synchronous tests can keep a worker from answering vitest for
 * over 60 s on a loaded machine, and the run fails with "Timeout calling
 * onTaskUpdate" although every test passed.
 */
import { describe, expect, it } from "vitest"

describe("the event loop between tests", () => {
  let fired = false
  it("a synchronous test schedules a timer", () => {
    setTimeout(() => {
      fired = true
    }, 0)
    expect(fired).toBe(false)
  })
  it("the timer has fired before the next test starts", () => {
    expect(fired).toBe(true)
  })
})
