import { describe, expect, it } from "vitest"
import { Docx, Layout } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"
import { textOf, unzipText, xml } from "./helpers.js"

describe("DOCX", async () => {
  const files = unzipText(await Docx.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne", colours: { primary: "#1f3a93" } }))
  const documentXml = files["word/document.xml"]!

  it("is a WordprocessingML package", () => {
    expect(files["[Content_Types].xml"]).toContain("wordprocessingml.document.main+xml")
    expect(() => xml.parse(documentXml)).not.toThrow()
  })

  it("keeps the text and its French characters intact", () => {
    const text = textOf(xml.parse(documentXml))
    expect(text).toContain("Compte rendu — séance n°\u00a02")
    expect(text).toContain("l’œuvre commune")
    expect(text).toContain("«\u00a0garder la trace\u00a0»")
    expect(text).toContain("occupé\u202f?")
    expect(text).toContain("Mesure de l’empoussièrement")
  })

  it("sets table column widths in twips, filling the text width", () => {
    const grid = [...documentXml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))
    expect(grid).toHaveLength(6) // two tables of three columns (one per work question)
    expect(Math.abs(grid.slice(0, 3).reduce((a, b) => a + b, 0) - Docx.textWidthTwips)).toBeLessThanOrEqual(4)
    expect(documentXml).toMatch(/<w:tblW w:type="dxa" w:w="9638"\/>/)
    expect(documentXml).toContain('<w:tblLayout w:type="fixed"/>')
    expect(documentXml).toContain("<w:tblHeader/>")
  })

  it("tags the language, uses named styles and numbers pages", () => {
    expect(files["word/styles.xml"]).toContain('<w:lang w:val="fr-FR"/>')
    expect(files["word/styles.xml"]).toContain('w:styleId="Heading1"')
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>')
    const footer = Object.entries(files).find(([k]) => k.startsWith("word/footer"))?.[1] ?? ""
    expect(footer).toContain("PAGE")
    expect(footer).toContain("NUMPAGES")
    expect(textOf(xml.parse(footer))).toContain("Page")
    expect(documentXml).toContain('w:fill="1F3A93"')
  })

  it("lays out every conclusions group", async () => {
    const text = textOf(xml.parse(unzipText(await Docx.render(Layout.conclusions(conclusionsView)))["word/document.xml"]!))
    expect(text).toContain("Ce qu’il est souhaitable de faire")
    expect(text).toContain("Ce qu’il est possible de faire à certaines conditions")
    expect(text).toContain("Ce qu’il faudrait ne plus faire")
  })

  it("is deterministic, with the service as author and the document's own date (no clock)", async () => {
    const view = Layout.minutes(minutesView)
    const a = await Docx.render(view, { serviceName: "DREETS Bretagne" })
    await new Promise((r) => setTimeout(r, 1100)) // a clock-dependent writer would now differ by a second
    const b = await Docx.render(view, { serviceName: "DREETS Bretagne" })
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    const core = unzipText(a)["docProps/core.xml"]!
    const date = new Date(view.meta.issuedAt!).toISOString().replace(/\.\d{3}Z$/, "Z")
    expect(core).toContain("<dc:creator>DREETS Bretagne</dc:creator>")
    expect(core).toContain("<cp:lastModifiedBy>DREETS Bretagne</cp:lastModifiedBy>")
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`)
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`)
    expect(core).not.toContain("adapters-docs")
  })
})
