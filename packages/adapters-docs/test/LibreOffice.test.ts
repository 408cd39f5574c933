/**
 * Real conversions with LibreOffice and poppler: the generated ODT and DOCX
 * open in an office suite and print as expected. Runs where LibreOffice is
 * installed; in CI (CI set) a missing LibreOffice fails the suite instead of
 * skipping it. Page images go to test/__output__/ for a person to look at.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Docx, LibreOffice, Layout, Odt } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"
import { hasTool, inCI, pdfPages, pdfText } from "./helpers.js"

const installed = Effect.runSync(Effect.either(LibreOffice.find()))
if (Either.isLeft(installed) && inCI) {
  throw new Error(`LibreOffice is required in CI: ${installed.left.message}`)
}
if (Either.isRight(installed) && !hasTool("pdftoppm") && inCI) {
  throw new Error("pdftoppm (poppler-utils) is required in CI")
}

const out = join(import.meta.dirname, "__output__")
const theme = { serviceName: "DREETS Bretagne — Pôle travail" }

const toPngs = (pdf: Uint8Array, name: string): Array<string> => {
  mkdirSync(out, { recursive: true })
  const file = join(out, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync("pdftoppm", ["-r", "60", "-png", file, join(out, name)])
  return readdirSync(out).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))
}

const normalise = (s: string) => s.normalize("NFC").replace(/\s+/g, " ")

describe.runIf(Either.isRight(installed))("LibreOffice", { timeout: 240_000 }, () => {
  it("converts the minutes ODT to PDF with text, accents and tables intact", async () => {
    const pdf = await Effect.runPromise(LibreOffice.convert(Odt.render(Layout.minutes(minutesView), theme), "odt", "pdf"))
    const text = normalise(pdfText(pdf))
    expect(text).toContain("Compte rendu — séance n° 2")
    expect(text).toContain("l’œuvre commune")
    expect(text).toMatch(/« garder la trace »/)
    expect(text).toContain("Possible sous conditions")
    expect(text).toMatch(/Page 1 sur [2-9]/)
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2)
    expect(toPngs(pdf, "minutes-odt").length).toBe(pdfPages(pdf))
  })

  it("converts the minutes DOCX to PDF", async () => {
    const pdf = await Effect.runPromise(LibreOffice.convert(await Docx.render(Layout.minutes(minutesView), theme), "docx", "pdf"))
    const text = normalise(pdfText(pdf))
    expect(text).toContain("l’œuvre commune")
    expect(text).toContain("Mesure de l’empoussièrement")
    expect(text).toMatch(/Page 1 sur [2-9]/)
    expect(toPngs(pdf, "minutes-docx").length).toBe(pdfPages(pdf))
  })

  it("converts the conclusions ODT and DOCX to PDF", async () => {
    for (const [format, bytes] of [
      ["odt", Odt.render(Layout.conclusions(conclusionsView), theme)],
      ["docx", await Docx.render(Layout.conclusions(conclusionsView), theme)]
    ] as const) {
      const pdf = await Effect.runPromise(LibreOffice.convert(bytes, format, "pdf"))
      const text = normalise(pdfText(pdf))
      expect(text).toContain("Ce qu’il est possible de faire à certaines conditions")
      expect(text).toContain("sans préciser l’heure de la visite")
      expect(toPngs(pdf, `conclusions-${format}`).length).toBeGreaterThan(0)
    }
  })

  it("makes a PDF/A-2 from the ODT", async () => {
    const pdf = await Effect.runPromise(LibreOffice.toPdfA(Odt.render(Layout.conclusions(conclusionsView), theme)))
    const raw = Buffer.from(pdf).toString("latin1")
    expect(raw).toMatch(/pdfaid:part[>="]+2/)
    expect(normalise(pdfText(pdf))).toContain("Relevé de conclusions")
  })
})

describe("LibreOffice not installed", () => {
  it("fails with a typed error, not a defect", async () => {
    const result = await Effect.runPromise(Effect.either(LibreOffice.toPdfA(new Uint8Array(), { binary: "/nonexistent/soffice" })))
    expect(Either.isLeft(result) && result.left._tag).toBe("LibreOfficeNotInstalled")
  })
})
