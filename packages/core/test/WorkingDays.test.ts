/**
 * Working days (RULES.md, preamble): a due date that falls on a Saturday, a
 * Sunday or a French public holiday moves to the next working day, from
 * `@socialgouv/jours-feries`, with the Alsace-Moselle calendar selectable in
 * the policy; and none of it depends on the process's time zone (checked in
 * child processes started with other `TZ` values).
 */
import { assert, describe, it } from "@effect/vitest"
import { Obligations, Policy, View } from "@entre-pairs/core"
import * as DateTime from "effect/DateTime"
import * as Either from "effect/Either"
import { build } from "esbuild"
import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { dueDate, holidayDates, isWorkingDay } from "../src/internal/workingDays.js"
import { at, decode, mutate } from "./fixtures.js"

const iso = (d: DateTime.Utc) => DateTime.formatIso(d)
const ms = (s: string) => Date.parse(s)
const isoOf = (millis: number) => new Date(millis).toISOString()

/** The example with its direction's response and review removed, restitution moved to `restitution`. */
const afterRestitution = (restitution: string) =>
  decode(
    mutate((s) => {
      s.restitution.at = restitution
      delete s.directionResponse
      s.actions = []
      delete s.review.presentedAt
    })
  )

const dueOf = (snapshot: ReturnType<typeof decode>, rule: string, when: string, config?: Policy.PolicyOverrides) =>
  Obligations.due(snapshot, { at: at(when), config }).filter((o) => o.rule === rule)

describe("working days: obligations", () => {
  it("RES-05 a due date on Saturday 1 May moves to Monday 3 May", () => {
    // 1 April 2027 + 30 days = Saturday 1 May 2027 (also Labour Day).
    const snapshot = afterRestitution("2027-04-01T08:00:00.000Z")
    const [o] = dueOf(snapshot, "RES-05", "2027-04-02T00:00:00Z")
    assert.strictEqual(iso(o!.dueAt), "2027-05-03T08:00:00.000Z")
    assert.strictEqual(o!.status, "due")
    // Still due on the Saturday and the Sunday; overdue on Tuesday.
    assert.strictEqual(dueOf(snapshot, "RES-05", "2027-05-02T12:00:00Z")[0]!.status, "due")
    assert.strictEqual(dueOf(snapshot, "RES-05", "2027-05-04T00:00:00Z")[0]!.status, "overdue")
  })
  it("RES-05 keeps the calendar date when the policy turns working days off", () => {
    const snapshot = afterRestitution("2027-04-01T08:00:00.000Z")
    const [o] = dueOf(snapshot, "RES-05", "2027-04-02T00:00:00Z", { workingDays: false })
    assert.strictEqual(iso(o!.dueAt), "2027-05-01T08:00:00.000Z")
  })
  it("RES-05 the direction's response view shows the working-day due date", () => {
    const snapshot = afterRestitution("2027-04-01T08:00:00.000Z")
    const view = View.build(snapshot, { output: "directionResponse", audience: "direction" }, { at: at("2027-05-02T00:00:00Z") })
    assert.isTrue(Either.isRight(view))
    const right = Either.getOrThrow(view) as View.DirectionResponseView
    assert.strictEqual(iso(right.dueAt), "2027-05-03T08:00:00.000Z")
    assert.isFalse(right.overdue)
  })
  it("RES-02 minutes due on Tuesday 14 July (Fête nationale) are due on Wednesday 15 July", () => {
    // Session 3 held on Monday 6 July 2026; with minutes due within 8 days: Tuesday 14 July.
    const snapshot = decode(mutate((s) => (s.sessions[2].minutes = [])))
    const res02 = (when: string) => dueOf(snapshot, "RES-02", when, { minutesDueDays: 8 }).filter((o) => o.path[1] === 2)
    assert.strictEqual(iso(res02("2026-07-07T00:00:00Z")[0]!.dueAt), "2026-07-15T09:30:00.000Z")
    assert.strictEqual(res02("2026-07-14T20:00:00Z")[0]!.status, "due")
    assert.strictEqual(res02("2026-07-15T10:00:00Z")[0]!.status, "overdue")
  })
  it("RES-03 a training need travels with minutes due past Whit Sunday and Monday, on Tuesday 26 May", () => {
    // Session 2 held on Monday 18 May 2026 (need-1 recorded that day); due within 6 days: Sunday 24 May.
    const snapshot = decode(mutate((s) => (s.sessions[1].minutes = [])))
    const [o] = dueOf(snapshot, "RES-03", "2026-05-19T00:00:00Z", { minutesDueDays: 6 })
    assert.deepStrictEqual(o!.path, ["trainingNeeds", 0])
    assert.strictEqual(iso(o!.dueAt), "2026-05-26T09:30:00.000Z")
  })
  it("RES-06 a review due on Friday 25 December (Noël) is due on Monday 28 December", () => {
    // 26 September 2026 + 90 days = Friday 25 December 2026.
    const snapshot = afterRestitution("2026-09-26T09:00:00.000Z")
    const [o] = dueOf(snapshot, "RES-06", "2026-10-01T00:00:00Z")
    assert.strictEqual(iso(o!.dueAt), "2026-12-28T09:00:00.000Z")
  })
  it("RES-08 an action due on a Sunday is owed on the Monday, in the obligations and the follow-up grid", () => {
    const snapshot = decode(mutate((s) => (s.actions[2].dueDate = "2027-06-27T15:00:00.000Z")))
    const [o] = dueOf(snapshot, "RES-08", "2027-06-27T20:00:00Z").filter((x) => x.path[1] === 2)
    assert.strictEqual(iso(o!.dueAt), "2027-06-28T15:00:00.000Z")
    assert.strictEqual(o!.status, "due")
    const view = Either.getOrThrow(
      View.build(snapshot, { output: "directionResponse", audience: "direction" }, { at: at("2027-06-27T20:00:00Z") })
    ) as View.DirectionResponseView
    assert.strictEqual(iso(view.actions[2]!.dueDate), "2027-06-28T15:00:00.000Z")
    assert.isFalse(view.actions[2]!.overdue)
  })
  it("RES-05 Alsace-Moselle: a due date on Friday 26 December moves to Monday 29 December", () => {
    // 26 November 2025 + 30 days = Friday 26 December 2025 (Saint-Étienne, Alsace-Moselle only).
    const snapshot = afterRestitution("2025-11-26T09:00:00.000Z")
    const france = dueOf(snapshot, "RES-05", "2025-11-27T00:00:00Z")[0]!
    assert.strictEqual(iso(france.dueAt), "2025-12-26T09:00:00.000Z")
    const alsace = dueOf(snapshot, "RES-05", "2025-11-27T00:00:00Z", { holidayCalendar: "alsaceMoselle" })[0]!
    assert.strictEqual(iso(alsace.dueAt), "2025-12-29T09:00:00.000Z")
  })
  it("RES-05 Alsace-Moselle: a due date on Good Friday moves past Easter Monday, to Tuesday", () => {
    // 4 March 2026 + 30 days = Good Friday 3 April 2026; Easter Monday is 6 April.
    const snapshot = afterRestitution("2026-03-04T09:00:00.000Z")
    assert.strictEqual(iso(dueOf(snapshot, "RES-05", "2026-03-05T00:00:00Z")[0]!.dueAt), "2026-04-03T09:00:00.000Z")
    const alsace = dueOf(snapshot, "RES-05", "2026-03-05T00:00:00Z", { holidayCalendar: "alsaceMoselle" })[0]!
    assert.strictEqual(iso(alsace.dueAt), "2026-04-07T09:00:00.000Z")
  })
  it("RES-05 the calendar set in the exchange's framing applies", () => {
    const snapshot = decode(
      mutate((s) => {
        s.restitution.at = "2025-11-26T09:00:00.000Z"
        delete s.directionResponse
        s.framing.policy = { holidayCalendar: "alsaceMoselle" }
      })
    )
    assert.strictEqual(iso(dueOf(snapshot, "RES-05", "2025-11-27T00:00:00Z")[0]!.dueAt), "2025-12-29T09:00:00.000Z")
  })
})

describe("RES-07 obligation", () => {
  /** The example without its communications of the results. */
  const silent = () => decode(mutate((s) => (s.communications = s.communications.filter((c: any) => c.about !== "results"))))
  it("RES-07 the communication of the work is due 90 days after the direction's response, on a working day", () => {
    // Response on Tuesday 10 November 2026 + 90 days = Monday 8 February 2027.
    const [o] = dueOf(silent(), "RES-07", "2026-12-01T00:00:00Z")
    assert.strictEqual(iso(o!.dueAt), "2027-02-08T10:00:00.000Z")
    assert.deepStrictEqual([o!.status, o!.owner.role, o!.path], ["due", "direction", ["communications"]])
    assert.strictEqual(dueOf(silent(), "RES-07", "2027-02-09T00:00:00Z")[0]!.status, "overdue")
    // 88 days: Saturday 6 February 2027 → Monday 8 February.
    assert.strictEqual(iso(dueOf(silent(), "RES-07", "2026-12-01T00:00:00Z", { resultsCommunicationDueDays: 88 })[0]!.dueAt), "2027-02-08T10:00:00.000Z")
  })
  it("RES-07 is met by a communication of the results after the response, not by one about the approach or before it", () => {
    assert.lengthOf(dueOf(decode(mutate(() => undefined)), "RES-07", "2027-01-15T00:00:00Z"), 0)
    const before = decode(
      mutate((s) => (s.communications = [...s.communications.filter((c: any) => c.about !== "results"), { channel: "email", at: "2026-11-09T10:00:00.000Z", about: "results" }]))
    )
    assert.lengthOf(dueOf(before, "RES-07", "2027-01-15T00:00:00Z"), 1)
    // Nothing is owed before the response.
    assert.lengthOf(dueOf(silent(), "RES-07", "2026-11-09T00:00:00Z"), 0)
  })
})

describe("working days: the calendar", () => {
  it("RES-05 a day is judged in Paris: 23:30 UTC on a Friday is already Saturday there", () => {
    // Friday 8 January 2027, 23:30 UTC = Saturday 9 January, 00:30 in Paris.
    assert.strictEqual(isoOf(dueDate(ms("2027-01-08T23:30:00Z"), 0, Policy.defaults)), "2027-01-10T23:30:00.000Z")
    assert.strictEqual(isoOf(dueDate(ms("2027-01-08T22:30:00Z"), 0, Policy.defaults)), "2027-01-08T22:30:00.000Z")
    assert.isFalse(isWorkingDay(ms("2027-01-08T23:30:00Z"), "france"))
    assert.isTrue(isWorkingDay(ms("2027-01-08T22:30:00Z"), "france"))
  })
  it("RES-05 consecutive days off are all skipped: Ascension Thursday 2027 is followed by a working Friday", () => {
    // Ascension 2027: Thursday 6 May.
    assert.strictEqual(isoOf(dueDate(ms("2027-05-06T08:00:00Z"), 0, Policy.defaults)), "2027-05-07T08:00:00.000Z")
    // Saturday 8 May 2027 (Victoire 1945) → Monday 10 May.
    assert.strictEqual(isoOf(dueDate(ms("2027-05-07T08:00:00Z"), 1, Policy.defaults)), "2027-05-10T08:00:00.000Z")
  })
  it("lists the 11 public holidays of metropolitan France and the 13 of Alsace-Moselle", () => {
    assert.deepStrictEqual(holidayDates(2026, "france"), [
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25"
    ])
    const alsace = holidayDates(2026, "alsaceMoselle")
    assert.lengthOf(alsace, 13)
    assert.includeMembers(alsace, ["2026-04-03", "2026-12-26"])
  })
  it("covers the years beyond 2030: Easter Monday, Ascension and Whit Monday follow Easter", () => {
    const easterBased = (year: number) => holidayDates(year, "france").filter((d) => d.slice(5, 7) >= "03" && d.slice(5, 7) <= "06" && !/-05-0[18]$/.test(d))
    assert.deepStrictEqual(easterBased(2030), ["2030-04-22", "2030-05-30", "2030-06-10"])
    assert.deepStrictEqual(easterBased(2040), ["2040-04-02", "2040-05-10", "2040-05-21"])
    assert.deepStrictEqual(easterBased(2100), ["2100-03-29", "2100-05-06", "2100-05-17"])
    // Checked against Easter computed on its own (the anonymous Gregorian algorithm), every year to 2100;
    // a year may have 10 distinct days when two holidays coincide (Ascension on 8 May in 2059).
    const easter = (y: number) => {
      const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4
      const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30
      const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451)
      return Date.UTC(y, Math.floor((h + l - 7 * m + 114) / 31) - 1, ((h + l - 7 * m + 114) % 31) + 1)
    }
    const day = (millis: number) => new Date(millis).toISOString().slice(0, 10)
    for (let year = 2024; year <= 2100; year++) {
      const e = easter(year)
      const fixed = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"].map((md) => `${year}-${md}`)
      const france = [...new Set([...fixed, ...[1, 39, 50].map((n) => day(e + n * 86_400_000))])].sort()
      assert.deepStrictEqual(holidayDates(year, "france"), france, String(year))
      const alsace = [...new Set([...france, day(e - 2 * 86_400_000), `${year}-12-26`])].sort()
      assert.deepStrictEqual(holidayDates(year, "alsaceMoselle"), alsace, String(year))
    }
    assert.lengthOf(holidayDates(2059, "france"), 10)
  })
})

const ZONES = ["Pacific/Kiritimati", "America/Los_Angeles", "Pacific/Auckland", "Europe/Paris", "UTC"] as const

describe("working days: independent of the process's time zone", () => {
  it("RES-05 gives the same holidays and due dates under TZ=Pacific/Kiritimati, America/Los_Angeles, Pacific/Auckland", async () => {
    const dir = mkdtempSync(join(tmpdir(), "entre-pairs-tz-"))
    try {
      const bundle = join(dir, "workingDays.mjs")
      await build({
        entryPoints: [fileURLToPath(new URL("../src/internal/workingDays.ts", import.meta.url))],
        bundle: true,
        platform: "node",
        format: "esm",
        outfile: bundle,
        logLevel: "silent"
      })
      const script = join(dir, "probe.mjs")
      writeFileSync(
        script,
        `import { createRequire } from "node:module"
import { dueDate, holidayDates } from ${JSON.stringify(bundle)}
const raw = createRequire(${JSON.stringify(fileURLToPath(import.meta.url))})("@socialgouv/jours-feries")
const config = (holidayCalendar) => ({ workingDays: true, holidayCalendar })
const out = { holidays: {}, due: [] }
for (let y = 2024; y <= 2045; y++) out.holidays[y] = [holidayDates(y, "france"), holidayDates(y, "alsaceMoselle")]
for (const [from, days, cal] of ${JSON.stringify([
          ["2027-04-01T08:00:00Z", 30, "france"],
          ["2025-11-26T09:00:00Z", 30, "alsaceMoselle"],
          ["2026-03-04T09:00:00Z", 30, "alsaceMoselle"],
          ["2027-01-08T23:30:00Z", 0, "france"]
        ])}) out.due.push(new Date(dueDate(Date.parse(from), days, config(cal))).toISOString())
const m = raw(2026)["Lundi de Pâques"]
out.rawEasterMonday2026 = [m.getFullYear(), m.getMonth() + 1, m.getDate()].join("-")
out.offset = new Date("2026-01-15T00:00:00Z").getTimezoneOffset()
process.stdout.write(JSON.stringify(out))
`
      )
      const run = promisify(execFile)
      const results = await Promise.all(
        ZONES.map(async (TZ) => {
          const { stdout } = await run(process.execPath, [script], { env: { ...process.env, TZ }, timeout: 30_000 })
          return [TZ, JSON.parse(stdout)] as const
        })
      )
      const expected = {
        holidays: Object.fromEntries(
          Array.from({ length: 22 }, (_, i) => 2024 + i).map((y) => [y, [holidayDates(y, "france"), holidayDates(y, "alsaceMoselle")]])
        ),
        due: ["2027-05-03T08:00:00.000Z", "2025-12-29T09:00:00.000Z", "2026-04-07T09:00:00.000Z", "2027-01-10T23:30:00.000Z"]
      }
      const offsets = new Set<number>()
      for (const [TZ, result] of results) {
        assert.deepStrictEqual(result.holidays, expected.holidays, TZ)
        assert.deepStrictEqual(result.due, expected.due, TZ)
        offsets.add(result.offset)
      }
      // The zones really differ (Kiritimati is UTC+14, Los Angeles UTC-8, Auckland UTC+13 in January)…
      assert.strictEqual(offsets.size, ZONES.length)
      // …and the library alone does depend on them: in Auckland, whose clocks go back on
      // Easter Sunday 2026, it puts Easter Monday on the Sunday. The wrapper reads it right.
      const auckland = results.find(([TZ]) => TZ === "Pacific/Auckland")![1]
      assert.strictEqual(auckland.rawEasterMonday2026, "2026-4-5")
      assert.include(auckland.holidays[2026][0], "2026-04-06")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
