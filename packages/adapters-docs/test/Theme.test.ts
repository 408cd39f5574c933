import { describe, expect, it } from "vitest"
import { Document, Html, Pdf, Theme } from "../src/index.js"

const doc = Document.make({ title: "Titre", lang: "fr" }, [Document.table({ caption: "c", header: ["a", "b"], rows: [["1", "2"]] })])

describe("Theme", () => {
  it("rejects colours that are not #rrggbb and absurd scales", () => {
    expect(() => Theme.make({ colours: { primary: "blue" } })).toThrow(/#rrggbb/)
    expect(() => Theme.make({ fontScale: 10 })).toThrow(RangeError)
  })

  it("rejects a logo whose bytes do not match its type", () => {
    expect(() => Theme.make({ logo: { bytes: new Uint8Array([1, 2, 3]), mime: "image/png", widthMm: 20 } })).toThrow(/not a image\/png/)
  })

  it("rejects a corrupt PNG in a PDF instead of hanging", async () => {
    const header = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0", "base64")
    const corrupt = new Uint8Array(Buffer.concat([header, Buffer.from([0, 0, 0, 4, 0x49, 0x44, 0x41, 0x54, 1, 2, 3, 4, 0, 0, 0, 0])]))
    await expect(Pdf.render(doc, { logo: { bytes: corrupt, mime: "image/png", widthMm: 20 } })).rejects.toThrow(/corrupt PNG/)
  })

  it("keeps contrast: a pale primary colour is not used for text", () => {
    const html = Html.render(doc, { colours: { primary: "#ffe600", accent: "#ffe600" } })
    expect(html).toContain("h1 { color: #1a1a1a;")
    expect(html).toContain("thead th { background: #ffe600; color: #1a1a1a; }")
    const dark = Html.render(doc, { colours: { primary: "#1f3a93" } })
    expect(dark).toContain("h1 { color: #1f3a93;")
    expect(dark).toContain("thead th { background: #1f3a93; color: #ffffff; }")
  })

  it("scales fonts", () => {
    expect(Theme.fontSize(Theme.make({ fontScale: 2 }), "body")).toBe(21)
    expect(Html.render(doc, { fontScale: 1.2 })).toContain("font-size: 120%")
  })
})
