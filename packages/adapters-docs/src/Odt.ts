/**
 * OpenDocument Text (`.odt`, ISO/IEC 26300) rendering of a document, written
 * by hand over `fflate`: `mimetype` first and stored uncompressed (so that
 * `file` and office suites recognise the package), `META-INF/manifest.xml`,
 * `content.xml`, `styles.xml` (named paragraph, text, list and table styles,
 * an A4 page with a running header and "Page n sur N" footer) and `meta.xml`.
 * The format of choice for French administrations (RGI), and the input of
 * {@link LibreOffice.toPdfA} for archival PDF/A.
 *
 * @since 0.1.0
 */
import { strToU8, zipSync } from "fflate"
import type { Block, Document, Text } from "./Document.js"
import { fractions } from "./Document.js"
import { fitColumns } from "./internal/fit.js"
import { metrics } from "./internal/measure.js"
import { stampZip } from "./internal/zip.js"
import { readableOnWhite, textOn, tint } from "./internal/colour.js"
import { audienceLine, escapeXml as esc, imageSize, issuedLine, langOf, serviceOf } from "./internal/head.js"
import { labels } from "./internal/labels.js"
import { clean } from "./internal/safe.js"
import { markOrdinals } from "./internal/superscript.js"
import * as Theme from "./Theme.js"

/** Width of the text area of the A4 page (21 cm − 2 × 2 cm margins), in centimetres. @since 0.1.0 */
export const textWidthCm = 17
const TEXT_WIDTH_PT = (textWidthCm / 2.54) * 72

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"'
].join(" ")

/** Text with spaces preserved the ODF way (runs of spaces, tabs, line breaks). */
const ODF_SPACES = /[\t\r\n]| {2}/
const odfText = (raw: string): string => {
  const s = clean(raw)
  return !ODF_SPACES.test(s)
    ? esc(s)
    : esc(s)
    .replace(/\t/g, "<text:tab/>")
    .replace(/\r\n?|\n/g, "<text:line-break/>")
    .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)
}

/** An ordinal suffix in superscript (« 2ᵉ »: the letters raised, 58 % of the size). */
const supSpan = (letters: string) => `<text:span text:style-name="T_Sup">${letters}</text:span>`

const runs = (t: Text): string =>
  t
    .map((r) => {
      const style = r.bold && r.italic ? "T_BoldItalic" : r.bold ? "T_Bold" : r.italic ? "T_Italic" : undefined
      return style === undefined ? odfText(r.text) : `<text:span text:style-name="${style}">${odfText(r.text)}</text:span>`
    })
    .join("")

const p = (style: string, inner: string): string => `<text:p text:style-name="${style}">${inner}</text:p>`

interface Ctx {
  readonly lang: "fr" | "en"
  /** Body font size in points (tables are set in it). */
  readonly size: number
  readonly tableStyles: Array<string>
  tableCount: number
}

const block = (b: Block, ctx: Ctx): string => {
  switch (b._tag) {
    case "Heading":
      return `<text:h text:style-name="Heading_20_${b.level}" text:outline-level="${b.level}">${odfText(b.text)}</text:h>`
    case "Paragraph":
      return p("Text_20_body", runs(b.text))
    case "List": {
      const style = b.ordered ? "L_Numbered" : "L_Bullets"
      return `<text:list text:style-name="${style}">${b.items
        .map((i) => `<text:list-item>${p("List_20_Contents", runs(i))}</text:list-item>`)
        .join("")}</text:list>`
    }
    case "Table": {
      const n = ++ctx.tableCount
      const name = `Tableau${n}`
      // Columns at least as wide as their widest word (DejaVu Sans metrics; 0.1 cm padding; 8 % for a substituted font).
      const fr = fractions(fitColumns(b, TEXT_WIDTH_PT, metrics(), ctx.size, { padding: 2.9, slack: 0.08 }))
      ctx.tableStyles.push(
        `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${textWidthCm}cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.35cm"/></style:style>`,
        ...fr.map(
          (f, i) =>
            `<style:style style:name="${name}.C${i + 1}" style:family="table-column"><style:table-column-properties style:column-width="${(f * textWidthCm).toFixed(3)}cm" style:rel-column-width="${Math.round(f * 65535)}*"/></style:style>`
        )
      )
      const cols = fr.map((_, i) => `<table:table-column table:style-name="${name}.C${i + 1}"/>`).join("")
      const head = b.header
        .map(
          (h) =>
            `<table:table-cell table:style-name="Cell_Head" office:value-type="string">${p("Table_20_Heading", odfText(h))}</table:table-cell>`
        )
        .join("")
      const rows = b.rows
        .map(
          (r, ri) =>
            `<table:table-row table:style-name="Row">${r
              .map(
                (c) =>
                  `<table:table-cell table:style-name="${ri % 2 === 1 ? "Cell_Even" : "Cell"}" office:value-type="string">${p("Table_20_Contents", runs(c))}</table:table-cell>`
              )
              .join("")}</table:table-row>`
        )
        .join("")
      return (
        p("Caption", odfText(b.caption)) +
        `<table:table table:name="${name}" table:style-name="${name}">${cols}<table:table-header-rows><table:table-row>${head}</table:table-row></table:table-header-rows>${rows}</table:table>`
      )
    }
    case "Definitions":
      return b.items
        .map((d) =>
          p(
            "Definition",
            `<text:span text:style-name="T_Bold">${odfText(d.label)}${ctx.lang === "fr" ? "\u00a0:" : ":"}</text:span> ${runs(d.value)}`
          )
        )
        .join("")
    case "Note": {
      const title = b.title ?? labels(ctx.lang).note[b.tone]
      return p("Note", `<text:span text:style-name="T_Bold">${odfText(title)}</text:span> — ${runs(b.text)}`)
    }
    case "PageBreak":
      return p("Page_Break", "")
    case "Signature":
      return p("Signature", runs(b.text))
    case "Signatory":
      // Right half of the page, kept whole; the name after the space left to sign.
      return [
        p("Signatory", odfText(b.place)),
        ...(b.title !== undefined ? [p("Signatory", `<text:span text:style-name="T_Bold">${odfText(b.title)}</text:span>`)] : []),
        p(b.name !== undefined ? "Signatory_Name" : "Signatory_Space", b.name !== undefined ? odfText(b.name) : "")
      ].join("")
  }
}

const fontDecls = `<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>`

const stylesXml = (doc: Document, theme: Theme.Theme, lang: "fr" | "en"): string => {
  const size = (role: Parameters<typeof Theme.fontSize>[1]) => `${Theme.fontSize(theme, role)}pt`
  const heading = readableOnWhite(theme.colours.primary)
  const accent = readableOnWhite(theme.colours.accent)
  const country = lang === "fr" ? "FR" : "GB"
  const service = serviceOf(doc, theme)
  const headerText = [service, doc.meta.confidentiality].filter((s): s is string => s !== undefined).join(" — ")
  const page = labels(lang).page(1, 1)
  // "Page 1 sur 1" → "Page <n/> sur <N/>" (word order kept from the label).
  const [before, middle] = page.split("1")
  const footer = `${odfText(before ?? "")}<text:page-number text:select-page="current">1</text:page-number>${odfText(middle ?? "")}<text:page-count>1</text:page-count>`
  const para = (name: string, parent: string, props: string, textProps = "", extra = "") =>
    `<style:style style:name="${name}" style:family="paragraph" style:parent-style-name="${parent}"${extra}><style:paragraph-properties ${props}/><style:text-properties ${textProps}/></style:style>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ${NS} office:version="1.3">${fontDecls}<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="${size("body")}" fo:language="${lang}" fo:country="${country}" fo:color="#1a1a1a" fo:hyphenate="false"/></style:default-style>
<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>
${para("Standard", "", 'fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="125%"', "", ' style:class="text"').replace(' style:parent-style-name=""', "")}
${para("Text_20_body", "Standard", 'fo:margin-top="0cm" fo:margin-bottom="0.22cm" fo:orphans="2" fo:widows="2"', "", ' style:display-name="Text body"')}
${para("Title", "Standard", 'fo:margin-top="0.1cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"', `fo:font-size="${size("title")}" fo:font-weight="bold" fo:color="${heading}"`)}
${para("Subtitle", "Standard", 'fo:margin-bottom="0.2cm"', `fo:font-size="${size("subtitle")}"`)}
${para("Service", "Standard", 'fo:margin-bottom="0.1cm"', 'fo:font-weight="bold"')}
${para("Meta", "Standard", 'fo:margin-bottom="0.05cm"', 'fo:color="#3a3a3a"')}
${para("Head_20_Rule", "Standard", `fo:margin-bottom="0.4cm" fo:padding-bottom="0.1cm" fo:border-bottom="0.06cm solid ${accent}"`, 'fo:font-size="2pt"', ' style:display-name="Head Rule"')}
${[1, 2, 3]
  .map((l) =>
    para(
      `Heading_20_${l}`,
      "Standard",
      `fo:margin-top="${l === 1 ? "0.55" : "0.4"}cm" fo:margin-bottom="0.18cm" fo:keep-with-next="always"${l === 1 ? ` fo:padding-bottom="0.05cm" fo:border-bottom="0.02cm solid ${tint(theme.colours.primary, 0.6)}"` : ""}`,
      `fo:font-size="${size(l as 1 | 2 | 3)}" fo:font-weight="bold" fo:color="${l < 3 ? heading : "#1a1a1a"}"`,
      ` style:display-name="Heading ${l}" style:default-outline-level="${l}" style:class="text"`
    )
  )
  .join("\n")}
${para("List_20_Contents", "Standard", 'fo:margin-bottom="0.1cm"', "", ' style:display-name="List Contents"')}
${para("Table_20_Contents", "Standard", 'fo:margin-top="0.02cm" fo:margin-bottom="0.02cm"', "", ' style:display-name="Table Contents"')}
${para("Table_20_Heading", "Table_20_Contents", "", `fo:font-weight="bold" fo:color="${textOn(theme.colours.primary)}"`, ' style:display-name="Table Heading"')}
${para("Caption", "Standard", 'fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"', 'fo:font-weight="bold"')}
${para("Definition", "Standard", 'fo:margin-bottom="0.08cm" fo:margin-left="0cm"')}
${para("Note", "Standard", `fo:margin-top="0.25cm" fo:margin-bottom="0.3cm" fo:padding="0.2cm" fo:border-left="0.12cm solid ${accent}" fo:background-color="${tint(theme.colours.accent, 0.92)}"`)}
${para("Signature", "Standard", `fo:margin-top="0.9cm" fo:padding-top="0.15cm" fo:border-top="0.02cm solid #767676"`)}
${para("Signatory", "Standard", 'fo:margin-left="8.5cm" fo:margin-top="0.1cm" fo:keep-with-next="always" fo:keep-together="always"')}
${para("Signatory_Name", "Signatory", 'fo:margin-top="2.5cm" fo:keep-with-next="auto"')}
${para("Signatory_Space", "Signatory", 'fo:margin-top="2.5cm" fo:keep-with-next="auto"')}
${para("Page_Break", "Standard", 'fo:break-before="page"', "", ' style:display-name="Page Break"')}
${para("End", "Standard", 'fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="100%"', 'fo:font-size="1pt"')}
${para("Header", "Standard", `fo:padding-bottom="0.1cm" fo:border-bottom="0.02cm solid #767676"`, `fo:font-size="${size("small")}" fo:color="#3a3a3a"`)}
${para("Footer", "Standard", 'fo:text-align="center"', `fo:font-size="${size("small")}" fo:color="#3a3a3a"`)}
<style:style style:name="T_Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T_Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T_BoldItalic" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="T_Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<text:list-style style:name="L_Bullets">${[1, 2, 3]
    .map(
      (l) =>
        `<text:list-level-style-bullet text:level="${l}" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${0.6 * l}cm" fo:text-indent="-0.4cm" fo:margin-left="${0.6 * l}cm"/></style:list-level-properties></text:list-level-style-bullet>`
    )
    .join("")}</text:list-style>
<text:list-style style:name="L_Numbered">${[1, 2, 3]
    .map(
      (l) =>
        `<text:list-level-style-number text:level="${l}" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${0.7 * l}cm" fo:text-indent="-0.5cm" fo:margin-left="${0.7 * l}cm"/></style:list-level-properties></text:list-level-style-number>`
    )
    .join("")}</text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">${headerText === "" ? "" : `<style:header>${p("Header", odfText(headerText))}</style:header>`}<style:footer>${p("Footer", footer)}</style:footer></style:master-page></office:master-styles>
</office:document-styles>`
}

/**
 * styles.xml depends on the theme and two header strings only: documents of
 * one service share it, so its bytes are memoised (a few entries).
 */
const stylesCache = new Map<string, Uint8Array>()
const stylesBytes = (doc: Document, theme: Theme.Theme, lang: "fr" | "en"): Uint8Array => {
  const key = JSON.stringify([theme.colours, theme.fontScale, lang, serviceOf(doc, theme), doc.meta.confidentiality])
  let bytes = stylesCache.get(key)
  if (bytes === undefined) {
    bytes = strToU8(stylesXml(doc, theme, lang))
    if (stylesCache.size >= 32) stylesCache.clear()
    stylesCache.set(key, bytes)
  }
  return bytes
}

const metaXml = (doc: Document, lang: "fr" | "en", service: string | undefined): string => {
  // The service is the author (initial creator and last editor).
  const creator = service === undefined ? "" : `<meta:initial-creator>${esc(service)}</meta:initial-creator><dc:creator>${esc(service)}</dc:creator>`
  const date = doc.meta.issuedAt === undefined ? "" : new Date(doc.meta.issuedAt).toISOString().replace(/\.\d{3}Z$/, "Z")
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ${NS} office:version="1.3"><office:meta><meta:generator>@entre-pairs/adapters-docs</meta:generator>${creator}<dc:title>${esc(doc.meta.title)}</dc:title>${doc.meta.subtitle === undefined ? "" : `<dc:subject>${esc(doc.meta.subtitle)}</dc:subject>`}<dc:language>${lang === "fr" ? "fr-FR" : "en-GB"}</dc:language>${date === "" ? "" : `<meta:creation-date>${date}</meta:creation-date><dc:date>${date}</dc:date>`}</office:meta></office:document-meta>`
}

const manifestXml = (logoPath: string | undefined, logoMime: string | undefined): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>${
   logoPath === undefined ? "" : `\n <manifest:file-entry manifest:full-path="${logoPath}" manifest:media-type="${logoMime}"/>`
 }
</manifest:manifest>`

/** The ODT package's media type (the content of `mimetype`). @since 0.1.0 */
export const mediaType = "application/vnd.oasis.opendocument.text"

/**
 * Renders a document as an ODT package (bytes). Deterministic: the same
 * document and options give the same bytes (fixed zip timestamps).
 *
 * @example
 * import { Document, Odt } from "@entre-pairs/adapters-docs"
 * const bytes = Odt.render(Document.make({ title: "Compte rendu", lang: "fr" }, [Document.paragraph("Texte")]))
 * @since 0.1.0
 */
export const render = (doc: Document, options: Theme.Options = {}): Uint8Array => {
  const theme = Theme.unsafeMake(options)
  const lang = langOf(doc, theme)
  // Cell styles must be automatic styles of content.xml: LibreOffice ignores
  // table-cell styles declared among the common styles.
  const cell = (name: string, background?: string) =>
    `<style:style style:name="${name}" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.02cm solid #767676"${background === undefined ? "" : ` fo:background-color="${background}"`}/></style:style>`
  const ctx: Ctx = {
    lang,
    size: Theme.fontSize(theme, "body"),
    tableStyles: [
      // Rows never split across pages (as cantSplit in DOCX, dontBreakRows in PDF).
      `<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>`,
      cell("Cell"), cell("Cell_Even", tint(theme.colours.primary, 0.94)), cell("Cell_Head", theme.colours.primary)],
    tableCount: 0
  }
  const service = serviceOf(doc, theme)
  const head: Array<string> = []
  let logoPath: string | undefined
  if (theme.logo !== undefined) {
    logoPath = `Pictures/logo.${theme.logo.mime === "image/png" ? "png" : "jpg"}`
    const { width, height } = imageSize(theme.logo.bytes, theme.logo.mime)
    const w = theme.logo.widthMm / 10
    const h = (w * height) / Math.max(width, 1)
    head.push(
      p(
        "Standard",
        `<draw:frame draw:name="Logo" text:anchor-type="as-char" svg:width="${w.toFixed(3)}cm" svg:height="${h.toFixed(3)}cm"><draw:image xlink:href="${logoPath}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>${esc(labels(lang).logo)}</svg:title></draw:frame>`
      )
    )
  }
  if (service !== undefined) head.push(p("Service", odfText(service)))
  head.push(`<text:p text:style-name="Title">${odfText(doc.meta.title)}</text:p>`)
  if (doc.meta.subtitle !== undefined) head.push(p("Subtitle", odfText(doc.meta.subtitle)))
  for (const line of [audienceLine(doc, theme), issuedLine(doc, theme)]) if (line !== undefined) head.push(p("Meta", odfText(line)))
  head.push(p("Head_20_Rule", ""))
  if (doc.meta.confidentiality !== undefined) {
    head.push(
      p("Note", `<text:span text:style-name="T_Bold">${odfText(doc.meta.confidentiality)}</text:span>`)
    )
  }
  // A document ending on a table gets a paragraph from LibreOffice, which
  // lands alone on a blank page when the table fills the last one: end with
  // a paragraph of our own, one point high.
  const last = doc.blocks[doc.blocks.length - 1]
  const body = doc.blocks.map((b) => block(b, ctx)).join("\n") + (last?._tag === "Table" ? p("End", "") : "")
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} office:version="1.3">${fontDecls}<office:automatic-styles>${ctx.tableStyles.join("")}</office:automatic-styles><office:body><office:text>
${markOrdinals(head.join("\n"), supSpan)}
${markOrdinals(body, supSpan)}
</office:text></office:body></office:document-content>`
  // Entry times: the document's own date, else a fixed instant; never the clock.
  // fflate writes them in the machine's local time: rewritten in UTC below (stampZip), so that
  // the bytes do not depend on the time zone either.
  const issued = doc.meta.issuedAt ?? Date.UTC(2020, 0, 1)
  const mtime = new Date(issued)
  const files: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {
    mimetype: [strToU8(mediaType), { level: 0, mtime }],
    "META-INF/manifest.xml": [strToU8(manifestXml(logoPath, theme.logo?.mime)), { level: 6, mtime }],
    "content.xml": [strToU8(content), { level: 6, mtime }],
    "styles.xml": [stylesBytes(doc, theme, lang), { level: 6, mtime }],
    "meta.xml": [strToU8(metaXml(doc, lang, service)), { level: 6, mtime }]
  }
  if (logoPath !== undefined && theme.logo !== undefined) files[logoPath] = [theme.logo.bytes, { level: 0, mtime }]
  return stampZip(zipSync(files), issued)
}
