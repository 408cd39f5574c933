/**
 * Issue 13, defect 8: « 2e » and « 1er » not superscript. Typography writes
 * ordinal suffixes as Unicode modifier letters (« 2ᵉ », « 1ᵉʳ »); the formats
 * that have real superscript set them as ordinary letters in superscript:
 * HTML `<sup>`, ODF `style:text-position="super 58%"`, Word
 * `w:vertAlign="superscript"`, PDF a smaller font raised. Markdown has no
 * superscript and keeps the modifier letters.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs"
import { describe, expect, it } from "vitest"
import { Document, Docx, Html, Markdown, Odt, Pdf, Typography } from "../src/index.js"
import { unzipText, xml } from "./helpers.js"

const doc = Document.make({ title: Typography.ordinals("Séance du 1er octobre"), lang: "fr" }, [
  Document.paragraph(Typography.ordinals("Salle Vauban, 2e étage ; la 1re séance ; M. Dupont, ᵉ seul")),
  Document.paragraph([{ text: Typography.ordinals("Au 3e rang"), bold: true }])
])

describe("ordinals in superscript where the format has it", () => {
  it("HTML: <sup> in the page, the plain modifier letters in <title>", () => {
    const html = Html.render(doc)
    expect(html).toContain("<h1>Séance du 1<sup>er</sup> octobre</h1>")
    expect(html).toContain("Salle Vauban, 2<sup>e</sup> étage ; la 1<sup>re</sup> séance")
    expect(html).toContain("<strong>Au 3<sup>e</sup> rang</strong>")
    // A modifier letter that does not follow a digit is no ordinal suffix.
    expect(html).toContain("Dupont, ᵉ seul")
    expect(html).toMatch(/<title>Séance du 1ᵉʳ octobre/)
  })

  it("ODT: a text span styled super 58 %, nested in a bold span; the content stays well-formed XML", () => {
    const parts = unzipText(Odt.render(doc))
    const content = parts["content.xml"]!
    expect(content).toContain('2<text:span text:style-name="T_Sup">e</text:span> étage')
    expect(content).toContain('1<text:span text:style-name="T_Sup">er</text:span> octobre')
    expect(content).toMatch(/<text:span text:style-name="T_Bold">Au 3<text:span text:style-name="T_Sup">e<\/text:span> rang<\/text:span>/)
    expect(parts["styles.xml"]).toContain('<style:style style:name="T_Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>')
    expect(() => xml.parse(content, true)).not.toThrow()
    expect(parts["meta.xml"]).toContain("Séance du 1ᵉʳ octobre")
  })

  it("DOCX: the suffix in a run of its own with w:vertAlign superscript, bold kept", async () => {
    const document = unzipText(await Docx.render(doc))["word/document.xml"]!
    expect(document).toMatch(/<w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">e<\/w:t><\/w:r><w:r><w:t xml:space="preserve"> étage/)
    expect(document).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">e<\/w:t><\/w:r>/)
    expect(document).not.toMatch(/\d[ᵉʳ]/u)
  })

  it("PDF: the suffix drawn at 58 % of the size, raised by a third of it (pdf.js); the text reads « 2e »", async () => {
    const pdf = await getDocument({ data: new Uint8Array(await Pdf.render(doc)), verbosity: 0, isEvalSupported: false }).promise
    const page = await pdf.getPage(1)
    const items = (await page.getTextContent()).items.flatMap((i) => ("str" in i ? [{ str: i.str, size: Math.hypot(i.transform[0], i.transform[1]), x: i.transform[4], y: i.transform[5] }] : []))
    const two = items.findIndex((i) => i.str.endsWith("2"))
    expect(two).toBeGreaterThanOrEqual(0)
    const [digit, suffix] = [items[two]!, items[two + 1]!]
    const after = items.slice(two + 2).find((i) => i.str.includes("étage"))!
    expect(suffix.str).toBe("e")
    expect(suffix.size / digit.size).toBeCloseTo(0.58, 2)
    expect((suffix.y - digit.y) / digit.size).toBeCloseTo(0.33, 2)
    // Back to the text's size and baseline after the suffix.
    expect([after.size, after.y]).toEqual([digit.size, digit.y])
    expect(after.x).toBeGreaterThan(suffix.x)
    await pdf.destroy()
  })

  it("Markdown keeps the modifier letters (it has no superscript)", () => {
    expect(Markdown.render(doc)).toContain("2ᵉ étage")
  })
})
