/**
 * Office Open XML (`.docx`) rendering of a document with `docx`: named
 * styles (Title, Heading 1–3, captions, notes), real Word lists, tables with
 * explicit column widths in twips and a repeated header row (a table at 100 %
 * renders narrow in LibreOffice), an A4 page with a running header and a
 * "Page n sur N" footer, French language tagging for spell-checkers and
 * screen readers.
 *
 * @since 0.1.0
 */
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak as DocxPageBreak,
  PageNumber,
  Paragraph as DocxParagraph,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from "docx"
import type { Block, Document, Text } from "./Document.js"
import { fractions } from "./Document.js"
import { fitColumns } from "./internal/fit.js"
import { metrics } from "./internal/measure.js"
import { readableOnWhite, textOn, tint } from "./internal/colour.js"
import { audienceLine, escapeXml, imageSize, issuedLine, langOf, serviceOf } from "./internal/head.js"
import { labels } from "./internal/labels.js"
import { clean } from "./internal/safe.js"
import { segments } from "./internal/superscript.js"
import { stampZip } from "./internal/zip.js"
import * as Theme from "./Theme.js"

/** A4 width minus 2 cm margins on each side, in twips (1/1440 inch): 11906 − 2 × 1134. @since 0.1.0 */
export const textWidthTwips = 9638

const hex = (c: string) => c.replace("#", "").toUpperCase()
const halfPoints = (pt: number) => Math.round(pt * 2)

interface RunStyle {
  readonly bold?: boolean
  readonly italic?: boolean
  readonly color?: string
}

/**
 * Word runs of a piece of text: cleaned of what XML 1.0 forbids, and with
 * each line feed (a vertical tab from Word included) written as a `<w:br/>`
 * rather than a raw newline, which Word would show as a space.
 */
const textRuns = (raw: string, style: RunStyle = {}): Array<TextRun> => {
  const attrs = {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italics: true } : {}),
    ...(style.color !== undefined ? { color: style.color } : {})
  }
  const s = clean(raw)
  // Ordinal suffixes (« 2ᵉ ») in Word's superscript: a run of their own.
  const line = (text: string, brk: boolean): Array<TextRun> =>
    segments(text).map((seg, i) => new TextRun({ text: seg.text, ...attrs, ...(seg.sup ? { superScript: true } : {}), ...(brk && i === 0 ? { break: 1 } : {}) }))
  if (!/[\r\n]/.test(s)) return line(s, false)
  return s.split(/\r\n?|\n/).flatMap((l, i) => line(l, i > 0))
}

const runsOf = (t: Text, extra: { bold?: boolean; color?: string } = {}): Array<TextRun> =>
  t.flatMap((r) =>
    textRuns(r.text, { bold: r.bold === true || extra.bold === true, italic: r.italic === true, ...(extra.color !== undefined ? { color: extra.color } : {}) })
  )

const border = { style: BorderStyle.SINGLE, size: 4, color: "767676" } as const

interface Ctx {
  readonly lang: "fr" | "en"
  readonly theme: Theme.Theme
  lists: number
}

/**
 * `keep`: the block's last paragraph keeps with the next one (keepNext), so
 * that the closing line or the signatory's block never stands alone on a page.
 */
const block = (b: Block, ctx: Ctx, keep = false): Array<DocxParagraph | DocxTable> => {
  switch (b._tag) {
    case "Heading":
      return [
        new DocxParagraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: textRuns(b.text)
        })
      ]
    case "Paragraph":
      return [new DocxParagraph({ style: "BodyText", children: runsOf(b.text), ...(keep ? { keepNext: true } : {}) })]
    case "List": {
      // Each numbered list restarts at 1: one numbering instance per numbered
      // list; bullets share one (fewer numbering definitions to write).
      const instance = b.ordered ? ++ctx.lists : 0
      return b.items.map(
        (item, i) =>
          new DocxParagraph({
            style: "ListParagraph",
            numbering: { reference: b.ordered ? "numbered" : "bullets", level: 0, instance },
            children: runsOf(item),
            ...(keep && i === b.items.length - 1 ? { keepNext: true } : {})
          })
      )
    }
    case "Table": {
      // Columns at least as wide as their widest word (DejaVu Sans metrics; 85-twip cell margins; 8 % for a substituted font).
      const widths = fractions(fitColumns(b, textWidthTwips / 20, metrics(), Theme.fontSize(ctx.theme, "body"), { padding: 4.25, slack: 0.08 })).map((f) =>
        Math.round(f * textWidthTwips)
      )
      const primary = ctx.theme.colours.primary
      const headerText = hex(textOn(primary))
      const cell = (children: Array<TextRun>, width: number, fill?: string) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(fill !== undefined ? { shading: { type: ShadingType.CLEAR, color: "auto", fill } } : {}),
          children: [new DocxParagraph({ style: "TableContents", children })]
        })
      const rows = [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: b.header.map((h, i) => cell(runsOf([{ text: h }], { bold: true, color: headerText }), widths[i]!, hex(primary)))
        }),
        ...b.rows.map(
          (r, ri) =>
            new TableRow({
              cantSplit: true,
              children: r.map((c, i) => cell(runsOf(c), widths[i]!, ri % 2 === 1 ? hex(tint(primary, 0.94)) : undefined))
            })
        )
      ]
      return [
        new DocxParagraph({ style: "Caption", keepNext: true, children: textRuns(b.caption) }),
        new DocxTable({
          width: { size: textWidthTwips, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          // Borders and cell margins once for the table, not per cell (smaller XML, faster).
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          margins: { top: 57, bottom: 57, left: 85, right: 85 },
          rows
        }),
        new DocxParagraph({ style: "AfterTable", children: [] })
      ]
    }
    case "Definitions":
      return b.items.map(
        (d, i) =>
          new DocxParagraph({
            style: "Definition",
            children: [...textRuns(`${d.label}${ctx.lang === "fr" ? "\u00a0:" : ":"} `, { bold: true }), ...runsOf(d.value)],
            ...(keep && i === b.items.length - 1 ? { keepNext: true } : {})
          })
      )
    case "Note": {
      const title = b.title ?? labels(ctx.lang).note[b.tone]
      return [
        new DocxParagraph({ style: "Note", children: [...textRuns(`${title} — `, { bold: true }), ...runsOf(b.text)] })
      ]
    }
    case "PageBreak":
      return [new DocxParagraph({ children: [new DocxPageBreak()] })]
    case "Signature":
      return [new DocxParagraph({ style: "Signature", children: runsOf(b.text) })]
    case "Signatory":
      // Right half of the page, kept whole (keepNext on each line but the last); the name after the space left to sign.
      return [
        new DocxParagraph({ style: "Signatory", children: textRuns(b.place) }),
        ...(b.title !== undefined ? [new DocxParagraph({ style: "Signatory", children: textRuns(b.title, { bold: true }) })] : []),
        new DocxParagraph({ style: "SignatoryName", children: b.name !== undefined ? textRuns(b.name) : [] })
      ]
  }
}

/**
 * Builds the `docx` library's document object. Not exported: `docx` is
 * bundled into this package, so its classes are not the application's.
 */
const toDocx = (doc: Document, options: Theme.Options = {}): DocxDocument => {
  const theme = Theme.unsafeMake(options)
  const lang = langOf(doc, theme)
  const language = { value: lang === "fr" ? "fr-FR" : "en-GB" }
  const ctx: Ctx = { lang, theme, lists: 0 }
  const service = serviceOf(doc, theme)
  const size = (role: Parameters<typeof Theme.fontSize>[1]) => halfPoints(Theme.fontSize(theme, role))
  const heading = hex(readableOnWhite(theme.colours.primary))
  const accent = hex(readableOnWhite(theme.colours.accent))

  const head: Array<DocxParagraph> = []
  if (theme.logo !== undefined) {
    const { width, height } = imageSize(theme.logo.bytes, theme.logo.mime)
    const px = (theme.logo.widthMm / 25.4) * 96
    head.push(
      new DocxParagraph({
        children: [
          new ImageRun({
            type: theme.logo.mime === "image/png" ? "png" : "jpg",
            data: theme.logo.bytes,
            transformation: { width: px, height: (px * height) / Math.max(width, 1) },
            altText: { name: "logo", title: labels(lang).logo, description: service ?? labels(lang).logo }
          })
        ]
      })
    )
  }
  if (service !== undefined) head.push(new DocxParagraph({ style: "Service", children: textRuns(service) }))
  head.push(new DocxParagraph({ heading: HeadingLevel.TITLE, children: textRuns(doc.meta.title) }))
  if (doc.meta.subtitle !== undefined) head.push(new DocxParagraph({ style: "Subtitle", children: textRuns(doc.meta.subtitle) }))
  for (const line of [audienceLine(doc, theme), issuedLine(doc, theme)]) {
    if (line !== undefined) head.push(new DocxParagraph({ style: "Meta", children: textRuns(line) }))
  }
  head.push(new DocxParagraph({ style: "HeadRule", children: [] }))
  if (doc.meta.confidentiality !== undefined) {
    head.push(
      new DocxParagraph({
        style: "Note",
        children: textRuns(doc.meta.confidentiality, { bold: true })
      })
    )
  }
  const headerText = [service, doc.meta.confidentiality].filter((s): s is string => s !== undefined).join(" — ")
  const [before, middle] = labels(lang).page(1, 1).split("1")

  const para = (
    id: string,
    name: string,
    run: Record<string, unknown>,
    paragraph: Record<string, unknown>,
    basedOn = "Normal"
  ) => ({ id, name, basedOn, next: "Normal", quickFormat: true, run, paragraph })

  return new DocxDocument({
    // The service is the author; the core properties are rewritten by render (dates of the document's own).
    ...(service !== undefined ? { creator: clean(service), lastModifiedBy: clean(service) } : {}),
    title: clean(doc.meta.title),
    ...(doc.meta.subtitle !== undefined ? { subject: clean(doc.meta.subtitle) } : {}),
    styles: {
      default: {
        document: { run: { font: "DejaVu Sans", size: size("body"), color: "1A1A1A", language }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
        title: {
          run: { font: "DejaVu Sans", size: size("title"), bold: true, color: heading },
          paragraph: { spacing: { before: 60, after: 80, line: 264, lineRule: LineRuleType.AUTO }, border: {} }
        },
        heading1: {
          run: { size: size(1), bold: true, color: heading },
          paragraph: {
            spacing: { before: 320, after: 100 },
            keepNext: true,
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(tint(theme.colours.primary, 0.6)), space: 2 } }
          }
        },
        heading2: { run: { size: size(2), bold: true, color: heading }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
        heading3: { run: { size: size(3), bold: true, color: "1A1A1A" }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } }
      },
      paragraphStyles: [
        para("BodyText", "Body Text", {}, { spacing: { after: 120 } }),
        para("Subtitle", "Subtitle", { size: size("subtitle") }, { spacing: { after: 120 } }),
        para("Service", "Service", { bold: true }, { spacing: { after: 40 } }),
        para("Meta", "Meta", { color: "3A3A3A" }, { spacing: { after: 20 } }),
        para("HeadRule", "Head Rule", { size: 4 }, {
          spacing: { after: 240 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: accent, space: 4 } }
        }),
        para("ListParagraph", "List Paragraph", {}, { spacing: { after: 60 } }),
        para("TableContents", "Table Contents", {}, { spacing: { before: 20, after: 20, line: 252 } }),
        para("AfterTable", "After Table", { size: 8 }, { spacing: { after: 120 } }),
        para("Caption", "Caption", { bold: true }, { spacing: { before: 120, after: 60 } }),
        para("Definition", "Definition", {}, { spacing: { after: 50 } }),
        para("Note", "Note", {}, {
          spacing: { before: 120, after: 180 },
          shading: { type: ShadingType.CLEAR, color: "auto", fill: hex(tint(theme.colours.accent, 0.92)) },
          // Borders in the fill colour pad the shaded box above, below and on the right.
          border: {
            left: { style: BorderStyle.SINGLE, size: 24, color: accent, space: 6 },
            top: { style: BorderStyle.SINGLE, size: 1, color: hex(tint(theme.colours.accent, 0.92)), space: 5 },
            bottom: { style: BorderStyle.SINGLE, size: 1, color: hex(tint(theme.colours.accent, 0.92)), space: 5 },
            right: { style: BorderStyle.SINGLE, size: 1, color: hex(tint(theme.colours.accent, 0.92)), space: 5 }
          },
          indent: { left: 170, right: 113 }
        }),
        para("Signature", "Signature", {}, {
          spacing: { before: 480 },
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: "767676", space: 4 } }
        }),
        para("Signatory", "Signatory", {}, { indent: { left: 4819 }, spacing: { before: 60 }, keepNext: true, keepLines: true }),
        para("SignatoryName", "Signatory Name", {}, { indent: { left: 4819 }, spacing: { before: 1417 }, keepLines: true }),
        para("HeaderText", "Header Text", { size: size("small"), color: "3A3A3A" }, {
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "767676", space: 2 } }
        }),
        para("FooterText", "Footer Text", { size: size("small"), color: "3A3A3A" }, { alignment: AlignmentType.CENTER })
      ]
    },
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 454, hanging: 227 } } } }
          ]
        },
        {
          reference: "numbered",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 510, hanging: 284 } } } }
          ]
        }
      ]
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 }
          }
        },
        headers: { default: new Header({ children: headerText === "" ? [] : [new DocxParagraph({ style: "HeaderText", children: textRuns(headerText) })] }) },
        footers: {
          default: new Footer({
            children: [
              new DocxParagraph({
                style: "FooterText",
                children: [new TextRun({ children: [before ?? "", PageNumber.CURRENT, middle ?? "", PageNumber.TOTAL_PAGES] })]
              })
            ]
          })
        },
        children: [
          ...head,
          // What precedes the closing line or the signatory's block keeps with it (no page holding only a closing line).
          ...doc.blocks.flatMap((b, i) => block(b, ctx, doc.blocks[i + 1]?._tag === "Signature" || doc.blocks[i + 1]?._tag === "Signatory"))
        ]
      }
    ]
  })
}

/**
 * Renders a document as DOCX bytes.
 *
 * @example
 * import { Document, Docx } from "@entre-pairs/adapters-docs"
 * const bytes = await Docx.render(Document.make({ title: "Compte rendu", lang: "fr" }, []))
 * @since 0.1.0
 */
export const render = async (doc: Document, options: Theme.Options = {}): Promise<Uint8Array> => {
  const model = toDocx(doc, options)
  const theme = Theme.unsafeMake(options)
  const core = { path: "docProps/core.xml", data: coreXml(doc, serviceOf(doc, theme), langOf(doc, theme)) }
  const buffer = await Packer.toBuffer(model, false, [core])
  return stampZip(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), doc.meta.issuedAt ?? FIXED_TIME)
}

/** Zip entry time when a document has no date of its own: a fixed instant, never the clock. */
const FIXED_TIME = Date.UTC(2020, 0, 1)

/**
 * `docProps/core.xml`: title, subject, language, the service as author and
 * last editor, and the document's own date as creation and modification
 * date (`docx` writes the machine's clock, and leaves "last modified by"
 * empty, which Word and LibreOffice show as « Un-named »).
 */
const coreXml = (doc: Document, service: string | undefined, lang: "fr" | "en"): string => {
  const el = (name: string, value: string | undefined) => (value === undefined ? "" : `<${name}>${escapeXml(value)}</${name}>`)
  const date = doc.meta.issuedAt === undefined ? undefined : new Date(doc.meta.issuedAt).toISOString().replace(/\.\d{3}Z$/, "Z")
  const stamp = (name: string) => (date === undefined ? "" : `<${name} xsi:type="dcterms:W3CDTF">${date}</${name}>`)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${el("dc:title", doc.meta.title)}${el("dc:subject", doc.meta.subtitle)}${el("dc:creator", service)}${el("cp:lastModifiedBy", service)}${el("dc:language", lang === "fr" ? "fr-FR" : "en-GB")}${stamp("dcterms:created")}${stamp("dcterms:modified")}</cp:coreProperties>`
}
