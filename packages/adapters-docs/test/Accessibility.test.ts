/**
 * The HTML minutes and conclusions pass axe-core in a real headless Chromium
 * (the system's, driven by playwright-core: no browser download) with no
 * serious or critical violation. Skips locally without Chromium; fails in CI.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Html, Layout } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"
import { requireTool } from "./helpers.js"

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

interface AxeResult {
  readonly violations: ReadonlyArray<{ id: string; impact: string | null; help: string; nodes: ReadonlyArray<{ target: unknown }> }>
  readonly passes: ReadonlyArray<{ id: string }>
}

describe.runIf(requireTool(executablePath, "The accessibility check"))("accessibility (axe-core in Chromium)", { timeout: 120_000 }, () => {
  let profile: string
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), "ep-chromium-"))
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      // The documents forbid scripts with a Content-Security-Policy; axe is injected by the test only.
      bypassCSP: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync"
      ]
    })
  })

  afterAll(async () => {
    await context?.close()
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
  })

  const audit = async (html: string): Promise<AxeResult> => {
    const page = await context.newPage()
    try {
      await page.setContent(html, { waitUntil: "load" })
      await page.addScriptTag({ content: axeSource })
      return (await page.evaluate(() =>
        (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }
        })
      )) as AxeResult
    } finally {
      await page.close()
    }
  }

  const serious = (r: AxeResult) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")

  it("the minutes have no serious or critical violation", async () => {
    const result = await audit(Html.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" }))
    expect(serious(result).map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
    // The checks that matter here did run and pass.
    const passed = result.passes.map((p) => p.id)
    for (const id of ["html-has-lang", "color-contrast", "document-title", "th-has-data-cells", "heading-order"]) expect(passed).toContain(id)
    expect(result.violations.map((v) => v.id)).toEqual([])
  })

  it("the conclusions with a pale brand colour stay readable", async () => {
    const result = await audit(Html.render(Layout.conclusions(conclusionsView), { colours: { primary: "#8fd3ff", accent: "#ffd400" } }))
    expect(serious(result).map((v) => `${v.id}: ${v.help}`)).toEqual([])
  })

  it("fails on a page that is not accessible (the check can fail)", async () => {
    const result = await audit("<!DOCTYPE html><html><head><title>x</title></head><body><p style='color:#eee'>pâle</p><img src='data:image/png;base64,'></body></html>")
    expect(serious(result).map((v) => v.id)).toEqual(expect.arrayContaining(["html-has-lang", "color-contrast", "image-alt"]))
  })
})
