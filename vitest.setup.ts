/**
 * Run before every test file of every project (vitest.config.ts).
 *
 * Between two tests, hand the event loop back for one full turn. A test
 * worker's messages to vitest (its task updates) are answered only when the
 * worker's event loop turns, and vitest gives up on an answer after 60 s
 * ("Timeout calling onTaskUpdate", an unhandled error that fails the run).
 * Tests that block synchronously (the CLI run by spawnSync, pdftotext,
 * HiGHS) one after another in one file add up past that on a loaded
 * machine, since awaiting a synchronous test only drains microtasks. With
 * this turn, a synchronous stretch lasts one test at most.
 * (packages/core/test/EventLoop.test.ts checks that the turn happens.)
 */
import { afterEach } from "vitest"

afterEach(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
