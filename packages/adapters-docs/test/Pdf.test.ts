import { execFileSync } from "node:child_process"
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Document, Layout, Pdf } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"
import { hasTool, pdfPages, pdfText, requireTool } from "./helpers.js"

describe.runIf(requireTool("pdftotext", "PDF text extraction"))("PDF", () => {
  it("keeps accents, œ, « », ’ and U+202F in the extracted text", async () => {
    const pdf = await Pdf.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" })
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-")
    const text = pdfText(pdf).normalize("NFC")
    expect(text).toContain("Compte rendu — séance n°")
    expect(text).toContain("l’œuvre commune")
    expect(text).toMatch(/«\s?garder la trace\s?»/)
    expect(text).toContain("Mesure de l’empoussièrement")
    expect(text.replace(/\s+/g, " ")).toContain("Possible sous conditions")
    expect(text).toMatch(/Page 1 sur \d/)
    expect(text).toContain("DREETS Bretagne — Diffusion restreinte aux destinataires")
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2)
    // Page images for a person to look at (test/__output__/).
    const out = join(import.meta.dirname, "__output__")
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, "minutes-pdfmake.pdf"), pdf)
    if (hasTool("pdftoppm")) execFileSync("pdftoppm", ["-r", "60", "-png", join(out, "minutes-pdfmake.pdf"), join(out, "minutes-pdfmake")])
  })

  it("embeds the DejaVu font, so U+202F is drawn (no missing glyph)", async () => {
    const pdf = await Pdf.render(Document.make({ title: "Pourquoi\u202f? Œuvre «\u00a0commune\u00a0»", lang: "fr" }, []))
    const raw = Buffer.from(pdf).toString("latin1")
    expect(raw).toMatch(/DejaVuSans/)
    expect(pdfText(pdf)).toMatch(/Pourquoi.\?/u)
  })

  it("renders the conclusions in English on request", async () => {
    const text = pdfText(await Pdf.render(Layout.conclusions(conclusionsView, { lang: "en" }), { lang: "en" }))
    expect(text).toContain("Statement of conclusions")
    expect(text).toContain("What should no longer be done")
    expect(text).toMatch(/Page 1 of \d/)
  })
})
