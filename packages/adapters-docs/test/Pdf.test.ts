import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it, vi } from "vitest"
import { Document, Layout, Pdf } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"
import { hasTool, pdfPages, pdfText, requireTool } from "./helpers.js"
import { nodes, readPdf, roles } from "./pdfReader.js"

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
    writeFileSync(join(out, "minutes.pdf"), pdf)
    if (hasTool("pdftoppm")) execFileSync("pdftoppm", ["-r", "60", "-png", join(out, "minutes.pdf"), join(out, "minutes")])
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

const pdfinfo = (pdf: Uint8Array, ...args: Array<string>): string => {
  const dir = mkdtempSync(join(tmpdir(), "ep-pdfinfo-"))
  try {
    writeFileSync(join(dir, "in.pdf"), pdf)
    return execFileSync("pdfinfo", [...args, join(dir, "in.pdf")], { encoding: "utf8" })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe.runIf(requireTool("pdfinfo", "PDF structure checks"))("PDF: tagged, accessible (PDF/UA-1 in intent)", () => {
  it("is tagged, with the language, the title shown and the PDF/UA identifier (pdfinfo)", async () => {
    const pdf = await Pdf.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" })
    const info = pdfinfo(pdf)
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^Title:\s+Compte rendu — séance n°\s2$/m)
    expect(info).toMatch(/^Author:\s+DREETS Bretagne$/m)
    const xmp = pdfinfo(pdf, "-meta")
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>")
    expect(xmp).toContain("Compte rendu — séance n°\u00a02</rdf:li>")
    const raw = Buffer.from(pdf).toString("latin1")
    // The viewer shows the title, not the file name (pdfinfo's « Tagged: yes » read MarkInfo /Marked).
    expect(/\/DisplayDocTitle true/.test(raw)).toBe(true)
  })

  it("has a structure tree of headings, paragraphs, lists and tables with header cells (pdf.js)", async () => {
    const read = await readPdf(await Pdf.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" }))
    expect(read.lang).toBe("fr-FR")
    const all = read.trees.flatMap(roles)
    for (const role of ["Document", "H1", "H2", "H3", "H4", "P", "L", "LI", "Lbl", "LBody", "Table", "Caption", "THead", "TBody", "TR", "TH", "TD"]) expect(all).toContain(role)
    expect(all.filter((r) => r === "H1")).toHaveLength(1)
    // A table's first row is header cells, and every header cell is a column header.
    const table = read.trees.flatMap(nodes).find((n) => n.role === "Table")!
    expect(nodes(table).map((n) => n.role).slice(0, 4)).toEqual(["Table", "Caption", "THead", "TR"])
    // Bookmarks: the title, then each heading.
    expect(read.outline.map((o) => o.title)).toEqual(["Compte rendu — séance n°\u00a02", "Ordre du jour", "Synthèse de la séance", "Cas présentés", "Variantes de pratique et arbitrages du groupe", "Besoins de formation identifiés"])
    expect(read.outline[3]!.items).toHaveLength(2)
  })

  it("marks the running header and footer as artifacts and leaves no text unmarked", async () => {
    const read = await readPdf(await Pdf.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" }))
    read.text.forEach((page, i) => {
      expect(page.unmarked).toBe("")
      expect(page.artifact).toContain(`Page ${i + 1} sur ${read.pages}`)
      expect(page.artifact).toContain("DREETS Bretagne — Diffusion restreinte aux destinataires")
      expect(page.tagged).not.toContain("Page ")
    })
    expect(read.text[0]!.tagged).toContain("Ordre du jour")
  })

  it("repeats a long table's header row on the next page, as an artifact", async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`Action n° ${i + 1}`, "Pôle ressources humaines", "30/04/2027"])
    const doc = Document.make({ title: "Suivi", lang: "fr" }, [Document.table({ caption: "Plan d’actions", header: ["Action", "Responsable", "Échéance"], rows, widths: [4, 3, 1] })])
    const read = await readPdf(await Pdf.render(doc))
    expect(read.pages).toBeGreaterThanOrEqual(2)
    expect(read.text[1]!.artifact).toContain("Échéance")
    expect(read.text[1]!.tagged).not.toContain("Échéance")
    expect(read.text[0]!.tagged).toContain("Échéance")
    // No date broken across lines, header cell included.
    for (const page of read.text) expect(page.tagged).not.toMatch(/\d{2}\/\d{2}\/\d{0,3}\n/)
  })

  it("is deterministic: the same document gives the same bytes", async () => {
    const a = await Pdf.render(Layout.conclusions(conclusionsView), { serviceName: "DREETS Bretagne" })
    await new Promise((r) => setTimeout(r, 1100))
    const b = await Pdf.render(Layout.conclusions(conclusionsView), { serviceName: "DREETS Bretagne" })
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
  })

  it("shares shaped words across documents per font only: a document in another font gets its own glyphs", async () => {
    // Words no other test renders: this test shapes them first.
    const words = Document.make({ title: "Quiproquo", lang: "fr" }, [Document.paragraph("Zéphyrin wagonnet kyrielle jusqu’au quinquennat xylophone")])
    const ttf = (name: string) => new Uint8Array(readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)))
    const serif = { normal: ttf("DejaVuSerif"), bold: ttf("DejaVuSerif-Bold"), italics: ttf("DejaVuSerif-Italic"), bolditalics: ttf("DejaVuSerif-BoldItalic") }
    // The words shaped in DejaVu Sans first…
    const sans = await Pdf.render(words)
    // …must not leak into a document set in DejaVu Serif: the reference is a
    // fresh copy of the module, whose caches are empty.
    vi.resetModules()
    const fresh = (await import("../src/index.js")).Pdf
    const reference = await fresh.render(words, { fonts: serif })
    const shared = await Pdf.render(words, { fonts: serif })
    expect(Buffer.from(shared).equals(Buffer.from(reference))).toBe(true)
    expect(Buffer.from(sans).equals(Buffer.from(shared))).toBe(false)
    expect(pdfText(shared).replace(/\s+/g, " ")).toContain("Zéphyrin wagonnet kyrielle jusqu’au quinquennat xylophone")
  })

  it("keeps the XMP metadata well-formed with « & » and « < » in the title", async () => {
    const pdf = await Pdf.render(Document.make({ title: "Prévention & sécurité <2027>", lang: "fr" }, [Document.paragraph("x")]), { serviceName: "A & B" })
    const xmp = pdfinfo(pdf, "-meta")
    expect(xmp).toContain("Prévention &amp; sécurité &lt;2027&gt;")
    expect(pdfinfo(pdf)).toMatch(/^Title:\s+Prévention & sécurité <2027>$/m)
    expect((await readPdf(pdf)).title).toBe("Prévention & sécurité <2027>")
  })
})
