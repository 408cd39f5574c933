/**
 * Every document of the demo, looked at page by page, in PDF (ours, read by
 * pdf.js), and in ODT and DOCX (rendered by LibreOffice): no page without
 * body text, no page holding only the closing line, no date broken across
 * two lines; every PDF tagged, with headings and, where the document has
 * tables, tables with header cells. The same input gives the same bytes in
 * every format.
 */
import { execFileSync, spawn } from "node:child_process"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { Docx, Html, Layout, Markdown, Odt, Pdf, Render } from "../src/index.js"
import type { Document } from "../src/index.js"
import { demoDocuments } from "./demo.js"
import { requireTool } from "./helpers.js"
import { nodes, readPdf, roles } from "./pdfReader.js"

const docs = demoDocuments().map((d) => ({ ...d, doc: Layout.toDocument(d.view) }))

const MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
/** A line break inside a date or a time: « 30/04/202 » + « 7 », « 3 » + « décembre », « décembre » + « 2026 », « 14 » + « h ». */
const BROKEN_DATE = new RegExp(`\\d{1,2}/\\d{0,2}/?\\d{0,3}\\n\\d|\\b\\d{1,2}(ᵉʳ|er)?\\n(${MONTHS})\\b|\\b(${MONTHS})\\n\\d{4}\\b|\\b\\d{1,2}\\n+h\\b`, "u")

const closingOf = (doc: Document.Document): string | undefined => {
  const last = [...doc.blocks].reverse().find((b) => b._tag === "Signature")
  return last?._tag === "Signature" ? last.text.map((r) => r.text).join("") : undefined
}
const squash = (s: string) => s.replace(/\s+/g, " ").trim()

/** The page problems of one page's body text (running header and footer excluded). */
const pageProblems = (body: string, closing: string | undefined): Array<string> => {
  const problems: Array<string> = []
  if (squash(body) === "") problems.push("no body text")
  else if (closing !== undefined && squash(closing).includes(squash(body))) problems.push(`only the closing line: « ${squash(body)} »`)
  const broken = BROKEN_DATE.exec(body)
  if (broken !== null) problems.push(`a date broken across lines: « ${broken[0].replace(/\n/g, "⏎")} »`)
  return problems
}

describe("the demo's documents", () => {
  it("the check finds each defect it is meant to find (the check can fail)", () => {
    expect(pageProblems(" \n ", undefined)).toEqual(["no body text"])
    expect(pageProblems("Compte rendu transmis\npar la personne", "Compte rendu transmis par la personne ressource.")[0]).toMatch(/only the closing line/)
    expect(pageProblems("échéance 30/04/202\n7 suite", undefined)[0]).toMatch(/date broken/)
    expect(pageProblems("le jeudi 3\ndécembre", undefined)[0]).toMatch(/date broken/)
    expect(pageProblems("3 décembre\n2026", undefined)[0]).toMatch(/date broken/)
    expect(pageProblems("de 14\nh à 17 h", undefined)[0]).toMatch(/date broken/)
    expect(pageProblems("Séance 2 du 3 décembre 2026\nrien", "fin")).toEqual([])
  })

  it("there are documents of every kind", () => {
    expect(new Set(docs.map((d) => d.view._tag)).size).toBe(11)
    expect(docs.length).toBeGreaterThanOrEqual(25)
  })

  it("the same input gives the same bytes in every format", async () => {
    for (const { view, name } of docs.filter((_, i) => i % 3 === 0)) {
      for (const format of ["markdown", "html", "odt", "docx", "pdf"] as const) {
        const a = await Render.render(view, format)
        const b = await Render.render(view, format)
        expect(Buffer.from(b).equals(Buffer.from(a)), `${name}.${format}`).toBe(true)
      }
    }
    expect(Markdown.render(docs[0]!.doc)).toBe(Markdown.render(docs[0]!.doc))
    expect(Html.render(docs[0]!.doc)).toBe(Html.render(docs[0]!.doc))
  })

  describe.runIf(requireTool("pdfinfo", "the demo's PDF checks"))("PDF", () => {
    it.each(docs.map((d) => [d.name, d] as const))("%s: tagged, headings and tables, every page with body text, no date broken", async (_, d) => {
      const pdf = await Pdf.render(d.doc)
      const dir = mkdtempSync(join(tmpdir(), "ep-demo-pdf-"))
      try {
        writeFileSync(join(dir, "d.pdf"), pdf)
        expect(execFileSync("pdfinfo", [join(dir, "d.pdf")], { encoding: "utf8" })).toMatch(/^Tagged:\s+yes$/m)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
      const read = await readPdf(pdf)
      const all = read.trees.flatMap(roles)
      expect(all).toContain("H1")
      const tables = d.doc.blocks.filter((b) => b._tag === "Table").length
      expect(all.filter((r) => r === "Table")).toHaveLength(tables)
      if (tables > 0) expect(all).toContain("TH")
      expect(read.trees.flatMap(nodes).filter((n) => n.role === "TH").length).toBeGreaterThanOrEqual(tables)
      const closing = closingOf(d.doc)
      const problems = read.text.flatMap((page, i) => {
        expect(page.unmarked).toBe("")
        return pageProblems(page.tagged, closing).map((p) => `page ${i + 1}: ${p}`)
      })
      expect(problems).toEqual([])
    })
  })

  // LibreOffice lays out the ODT and DOCX files: the same page checks on its PDFs.
  describe.runIf(requireTool("soffice", "the demo's ODT and DOCX page checks") && requireTool("pdftotext", "the demo's ODT and DOCX page checks"))(
    "ODT and DOCX, laid out by LibreOffice",
    { timeout: 600_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), "ep-demo-lo-"))
      afterAll(() => rmSync(dir, { recursive: true, force: true }))

      const convert = async (format: "odt" | "docx") => {
        const files: Array<string> = []
        for (const d of docs) {
          const file = join(dir, `${d.name}.${format}`)
          writeFileSync(file, format === "odt" ? Odt.render(d.doc) : await Docx.render(d.doc))
          files.push(file)
        }
        const out = join(dir, format)
        // One LibreOffice process for every file, with a profile of its own.
        // Asynchronous: a synchronous minute-long child would block the test worker's event loop.
        await new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.env.LIBREOFFICE_PATH ?? "soffice",
            [`-env:UserInstallation=file://${join(dir, `profile-${format}`)}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, ...files],
            { stdio: ["ignore", "ignore", "pipe"], timeout: 540_000 }
          )
          let stderr = ""
          child.stderr.on("data", (c: Buffer) => (stderr += c.toString()))
          child.on("error", reject)
          child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`LibreOffice exited with ${code}: ${stderr}`))))
        })
        return out
      }

      const pageTexts = (pdf: string, running: string): Array<string> => {
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? 0)
        return Array.from({ length: pages }, (_, i) => {
          const text = execFileSync("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" })
          // The running header (service — banner) and the footer (« Page n sur N ») are not body text.
          return text
            .split("\n")
            .filter((l) => !/^Page \d+ sur \d+$/.test(l.trim()) && !(l.trim() !== "" && running.includes(l.trim())))
            .join("\n")
        })
      }

      for (const format of ["odt", "docx"] as const) {
        it(`${format}: every page with body text, none with only the closing line, no date broken`, async () => {
          const out = await convert(format)
          expect(readdirSync(out)).toHaveLength(docs.length)
          const problems = docs.flatMap((d) => {
            const running = [d.doc.meta.serviceName, d.doc.meta.confidentiality].filter((x) => x !== undefined).join(" — ")
            const texts = pageTexts(join(out, `${d.name}.pdf`), running)
            return texts.flatMap((t, i) => pageProblems(t, closingOf(d.doc)).map((p) => `${d.name} page ${i + 1}/${texts.length}: ${p}`))
          })
          expect(problems).toEqual([])
        })
      }
    }
  )
})
