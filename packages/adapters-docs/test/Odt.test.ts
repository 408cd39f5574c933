import { describe, expect, it } from "vitest"
import { Document, Layout, Odt } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"
import { textOf, unzipText, xml, zipEntries } from "./helpers.js"

const png = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEAD/4B/3ydQXYAAAAASUVORK5CYII=", "base64")
)

describe("ODT", () => {
  const bytes = Odt.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" })
  const files = unzipText(bytes)

  it("starts with an uncompressed mimetype entry", () => {
    const entries = zipEntries(bytes)
    expect(entries[0]).toMatchObject({ name: "mimetype", method: 0, extraLength: 0, offset: 0 })
    expect(files.mimetype).toBe("application/vnd.oasis.opendocument.text")
    // The media type is readable at a fixed offset, as ODF 1.3 §3.3 intends.
    expect(Buffer.from(bytes.subarray(38, 38 + 39)).toString("latin1")).toBe("application/vnd.oasis.opendocument.text")
  })

  it("has a manifest listing every part", () => {
    const manifest = xml.parse(files["META-INF/manifest.xml"]!)
    const entries = manifest["manifest:manifest"]["manifest:file-entry"] as Array<Record<string, string>>
    expect(entries.map((e) => e["@manifest:full-path"]).sort()).toEqual(["/", "content.xml", "meta.xml", "styles.xml"])
    expect(entries.find((e) => e["@manifest:full-path"] === "/")?.["@manifest:media-type"]).toBe("application/vnd.oasis.opendocument.text")
  })

  it("keeps the text and its French characters intact", () => {
    const content = xml.parse(files["content.xml"]!)
    const text = textOf(content["office:document-content"]["office:body"])
    expect(text).toContain("Compte rendu — séance n°\u00a02")
    expect(text).toContain("l’œuvre commune")
    expect(text).toContain("«\u00a0garder la trace\u00a0»")
    expect(text).toContain("occupé\u202f?")
    expect(text).toContain("Possible sous conditions")
    expect(text).toContain("Mesure de l’empoussièrement")
  })

  it("gives tables explicit column widths summing to the text width", () => {
    const widths = [...files["content.xml"]!.matchAll(/style:column-width="([\d.]+)cm"/g)].map((m) => Number(m[1]))
    expect(widths).toHaveLength(6) // two tables of three columns (one per work question)
    expect(widths.slice(0, 3).reduce((a, b) => a + b, 0)).toBeCloseTo(Odt.textWidthCm, 2)
    expect(files["content.xml"]).toContain("<table:table-header-rows>")
  })

  it("declares styles, page layout, header and page numbers", () => {
    const styles = files["styles.xml"]!
    expect(() => xml.parse(styles)).not.toThrow()
    for (const name of ["Heading_20_1", "Heading_20_2", "Text_20_body", "Table_20_Heading", "Note", "Title"]) {
      expect(styles).toContain(`style:name="${name}"`)
    }
    expect(styles).toContain("<text:page-number")
    expect(styles).toContain("<text:page-count")
    expect(styles).toContain('fo:language="fr"')
    expect(textOf(xml.parse(styles))).toContain("DREETS Bretagne — Diffusion restreinte aux destinataires")
    expect(files["meta.xml"]).toContain("<dc:language>fr-FR</dc:language>")
    // The service is the author; the dates are the document's own.
    expect(files["meta.xml"]).toContain("<meta:initial-creator>DREETS Bretagne</meta:initial-creator><dc:creator>DREETS Bretagne</dc:creator>")
    const date = new Date(Layout.minutes(minutesView).meta.issuedAt!).toISOString().replace(/\.\d{3}Z$/, "Z")
    expect(files["meta.xml"]).toContain(`<meta:creation-date>${date}</meta:creation-date><dc:date>${date}</dc:date>`)
  })

  it("is deterministic", () => {
    expect(Odt.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" })).toEqual(bytes)
  })

  it("defect 7: the same bytes whatever the machine's time zone (zip entry times in UTC, the document's own date)", () => {
    const saved = process.env["TZ"]
    try {
      process.env["TZ"] = "Pacific/Kiritimati"
      const east = Odt.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" })
      process.env["TZ"] = "America/Los_Angeles"
      const west = Odt.render(Layout.minutes(minutesView), { serviceName: "DREETS Bretagne" })
      expect(Buffer.from(east).equals(Buffer.from(west))).toBe(true)
      // The entries are dated 5 Nov 2026 09:00 UTC (the minutes' sending): MS-DOS date and time fields.
      const view = new DataView(east.buffer, east.byteOffset, east.byteLength)
      expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (11 << 5) | 5)
      expect(view.getUint16(10, true)).toBe(9 << 11)
    } finally {
      if (saved === undefined) delete process.env["TZ"]
      else process.env["TZ"] = saved
    }
  })

  it("embeds the logo and lists it in the manifest", () => {
    const withLogo = unzipText(Odt.render(Layout.conclusions(conclusionsView), { logo: { bytes: png, mime: "image/png", widthMm: 30 } }))
    expect(Object.keys(withLogo)).toContain("Pictures/logo.png")
    expect(withLogo["META-INF/manifest.xml"]).toContain('manifest:full-path="Pictures/logo.png"')
    expect(withLogo["content.xml"]).toContain('svg:width="3.000cm" svg:height="1.500cm"')
  })

  it("applies theme colours", () => {
    const files2 = unzipText(Odt.render(Document.make({ title: "T", lang: "fr" }, [Document.table({ caption: "c", header: ["a"], rows: [["b"]] })]), { colours: { primary: "#005a32" } }))
    expect(files2["content.xml"]).toContain('fo:background-color="#005a32"')
    expect(files2["styles.xml"]).toContain('fo:color="#005a32"')
  })
})
