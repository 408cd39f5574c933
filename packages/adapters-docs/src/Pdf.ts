/**
 * PDF rendering of a document with `pdfmake` (pure JavaScript): A4, running
 * header (service, confidentiality) and "Page n sur N" footer, tables with
 * proportional column widths and a repeated header row, the document's
 * language and title in its metadata. Not a tagged PDF: pdfmake writes no
 * structure tree, and claiming tags without structure misleads screen
 * readers; for an accessible file use the HTML, or LibreOffice's PDF of the
 * ODT.
 *
 * The font is embedded: DejaVu Sans, read from the `dejavu-fonts-ttf` package
 * (never from the system), because the standard PDF fonts and Roboto lack
 * U+202F, the narrow no-break space French typography uses. Pass `fonts` to
 * use another family (e.g. Marianne) with the same glyph coverage.
 *
 * @since 0.1.0
 */
import type { Block, Document, Text } from "./Document.js"
import { fractions } from "./Document.js"
import { readableOnWhite, textOn, tint } from "./internal/colour.js"
import { dejaVuSans, type FontFaces } from "./internal/fonts.js"
import { audienceLine, base64, issuedLine, langOf, serviceOf } from "./internal/head.js"
import { labels } from "./internal/labels.js"
import PrinterModule from "pdfmake/js/Printer.js"
import UrlResolverModule from "pdfmake/js/URLResolver.js"
import VirtualFsModule from "pdfmake/js/virtual-fs.js"
import * as Theme from "./Theme.js"

/** Font faces to embed (TTF or OTF bytes). @since 0.1.0 */
export type Fonts = FontFaces

/** PDF options: the theme, plus the font faces to embed. @since 0.1.0 */
export interface Options extends Theme.Options {
  readonly fonts?: Fonts
}

// pdfmake is CommonJS with `exports.default`: ESM sees the exports object,
// a CJS bundle sees the class itself.
const cjsDefault = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T
type Ctor = new (...args: Array<any>) => any
const Printer = cjsDefault<Ctor>(PrinterModule)
const UrlResolver = cjsDefault<Ctor>(UrlResolverModule)
// The module exports a shared instance; each print gets a private one.
const VirtualFs = (cjsDefault<object>(VirtualFsModule).constructor) as Ctor

/** A4 in points and the margins used (2 cm left and right). */
const PAGE = { width: 595.28, height: 841.89, side: 56.69, top: 70, bottom: 56 }

/** Node id of the running header and footer. */
const RUNNING = "entre-pairs-running"

/** Whether a block is short enough to move whole to the next page. */
const small = (b: Block): boolean =>
  b._tag === "Table" ? b.rows.length <= 8 : b._tag === "List" ? b.items.length <= 8 : b._tag === "Definitions" ? b.items.length <= 8 : b._tag !== "PageBreak"

/**
 * pdfmake has no keep-with-next: headings followed by a short block are laid
 * out as one unbreakable stack, so that a heading never ends a page alone
 * (seen on the rendering before this).
 */
const keepHeadingsWithNext = (blocks: ReadonlyArray<Block>, theme: Theme.Theme, lang: "fr" | "en"): Array<Record<string, unknown>> => {
  const out: Array<Record<string, unknown>> = []
  let pending: Array<Record<string, unknown>> = []
  for (const b of blocks) {
    const nodes = block(b, theme, lang)
    if (b._tag === "Heading") {
      pending.push(...nodes)
      continue
    }
    if (pending.length === 0) out.push(...nodes)
    else if (small(b)) {
      out.push({ stack: [...pending, ...nodes], unbreakable: true })
      pending = []
    } else {
      // A long block may break: keep the headings with its first part at least.
      out.push({ stack: pending, unbreakable: true }, ...nodes)
      pending = []
    }
  }
  out.push(...pending)
  return out
}

const mmToPt = (mm: number) => (mm * 72) / 25.4

const runs = (t: Text) => t.map((r) => ({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }))

const block = (b: Block, theme: Theme.Theme, lang: "fr" | "en"): Array<Record<string, unknown>> => {
  switch (b._tag) {
    case "Heading":
      return [{ text: b.text, style: `h${b.level}`, headlineLevel: b.level }]
    case "Paragraph":
      return [{ text: runs(b.text), style: "body" }]
    case "List":
      return [{ [b.ordered ? "ol" : "ul"]: b.items.map((i) => ({ text: runs(i) })), style: "list" }]
    case "Table": {
      const primary = theme.colours.primary
      const even = tint(primary, 0.94)
      const table = {
          style: "table",
          table: {
            headerRows: 1,
            // Never leave the header row alone at the bottom of a page.
            keepWithHeaderRows: 1,
            dontBreakRows: true,
            widths: fractions(b.widths).map((f) => `${(f * 100).toFixed(2)}%`),
            body: [
              b.header.map((h) => ({ text: h, bold: true, color: textOn(primary), fillColor: primary })),
              ...b.rows.map((r, ri) => r.map((c) => ({ text: runs(c), ...(ri % 2 === 1 ? { fillColor: even } : {}) })))
            ]
          },
          layout: {
            hLineColor: () => "#767676",
            vLineColor: () => "#767676",
            hLineWidth: () => 0.6,
            vLineWidth: () => 0.6,
            paddingLeft: () => 4,
            paddingRight: () => 4,
            paddingTop: () => 3,
            paddingBottom: () => 3
          }
        }
      // A short table moves whole with its caption to the next page rather
      // than leaving the caption and header row alone at the bottom (seen on
      // the rendering); a long one breaks between rows, header repeated.
      return [{ stack: [{ text: b.caption, style: "caption" }, table], unbreakable: b.rows.length <= 8 }]
    }
    case "Definitions":
      return b.items.map((d) => ({
        text: [{ text: `${d.label}${lang === "fr" ? "\u00a0:" : ":"} `, bold: true }, ...runs(d.value)],
        style: "definition"
      }))
    case "Note":
      return [note(b.title ?? labels(lang).note[b.tone], runs(b.text), theme)]
    case "PageBreak":
      return [{ text: "", pageBreak: "after" }]
    case "Signature":
      return [
        {
          canvas: [{ type: "line", x1: 0, y1: 0, x2: PAGE.width - 2 * PAGE.side, y2: 0, lineWidth: 0.6, lineColor: "#767676" }],
          margin: [0, 24, 0, 4]
        },
        { text: runs(b.text), style: "body" }
      ]
  }
}

const note = (title: string | undefined, body: ReadonlyArray<Record<string, unknown>>, theme: Theme.Theme) => ({
  style: "note",
  table: {
    widths: ["*"],
    body: [[{ text: [...(title === undefined ? [] : [{ text: `${title} — `, bold: true }]), ...body], fillColor: tint(theme.colours.accent, 0.92) }]]
  },
  layout: {
    hLineWidth: () => 0,
    vLineWidth: (i: number) => (i === 0 ? 3 : 0),
    vLineColor: () => readableOnWhite(theme.colours.accent),
    paddingLeft: () => 8,
    paddingRight: () => 6,
    paddingTop: () => 5,
    paddingBottom: () => 5
  }
})

/**
 * The pdfmake document definition of a document (for integrators who want to
 * add content before printing; pass it to {@link print}).
 *
 * @example
 * import { Document, Pdf } from "@entre-pairs/adapters-docs"
 * const def = Pdf.toDefinition(Document.make({ title: "Compte rendu", lang: "fr" }, []))
 * @since 0.1.0
 */
export const toDefinition = (doc: Document, options: Theme.Options = {}): Record<string, unknown> => {
  const theme = Theme.unsafeMake(options)
  const lang = langOf(doc, theme)
  const service = serviceOf(doc, theme)
  const size = (role: Parameters<typeof Theme.fontSize>[1]) => Theme.fontSize(theme, role)
  const heading = readableOnWhite(theme.colours.primary)
  const accent = readableOnWhite(theme.colours.accent)
  const head: Array<Record<string, unknown>> = []
  if (theme.logo !== undefined) {
    head.push({ image: `data:${theme.logo.mime};base64,${base64(theme.logo.bytes)}`, width: mmToPt(theme.logo.widthMm), margin: [0, 0, 0, 6] })
  }
  if (service !== undefined) head.push({ text: service, bold: true, margin: [0, 0, 0, 2] })
  head.push({ text: doc.meta.title, style: "title" })
  if (doc.meta.subtitle !== undefined) head.push({ text: doc.meta.subtitle, style: "subtitle" })
  for (const line of [audienceLine(doc, theme), issuedLine(doc, theme)]) if (line !== undefined) head.push({ text: line, style: "meta" })
  head.push({
    canvas: [{ type: "line", x1: 0, y1: 0, x2: PAGE.width - 2 * PAGE.side, y2: 0, lineWidth: 2, lineColor: accent }],
    margin: [0, 6, 0, 12]
  })
  if (doc.meta.confidentiality !== undefined) {
    head.push(note(undefined, [{ text: doc.meta.confidentiality, bold: true }], theme))
  }
  const headerText = [service, doc.meta.confidentiality].filter((s): s is string => s !== undefined).join(" — ")
  return {
    pageSize: "A4",
    pageMargins: [PAGE.side, PAGE.top, PAGE.side, PAGE.bottom],
    language: lang === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    info: {
      title: doc.meta.title,
      ...(doc.meta.subtitle !== undefined ? { subject: doc.meta.subtitle } : {}),
      ...(service !== undefined ? { author: service } : {}),
      creator: "@entre-pairs/adapters-docs",
      producer: "@entre-pairs/adapters-docs (pdfmake)",
      ...(doc.meta.issuedAt !== undefined ? { creationDate: new Date(doc.meta.issuedAt), modDate: new Date(doc.meta.issuedAt) } : {})
    },
    header:
      headerText === ""
        ? undefined
        : () => ({
            stack: [
              { text: headerText, style: "running", id: RUNNING },
              { canvas: [{ type: "line", x1: 0, y1: 2, x2: PAGE.width - 2 * PAGE.side, y2: 2, lineWidth: 0.5, lineColor: "#767676" }], id: RUNNING }
            ],
            margin: [PAGE.side, 28, PAGE.side, 0]
          }),
    footer: (current: number, count: number) => ({
      text: labels(lang).page(current, count),
      style: "running",
      id: RUNNING,
      alignment: "center",
      margin: [PAGE.side, 20, PAGE.side, 0]
    }),
    defaultStyle: { font: "Body", fontSize: size("body"), lineHeight: 1.2, color: "#1a1a1a" },
    styles: {
      title: { fontSize: size("title"), bold: true, color: heading, margin: [0, 2, 0, 4] },
      subtitle: { fontSize: size("subtitle"), margin: [0, 0, 0, 4] },
      meta: { color: "#3a3a3a", margin: [0, 0, 0, 1] },
      h1: { fontSize: size(1), bold: true, color: heading, margin: [0, 14, 0, 5] },
      h2: { fontSize: size(2), bold: true, color: heading, margin: [0, 10, 0, 4] },
      h3: { fontSize: size(3), bold: true, margin: [0, 8, 0, 3] },
      body: { margin: [0, 0, 0, 6] },
      list: { margin: [0, 0, 0, 6] },
      caption: { bold: true, margin: [0, 6, 0, 3] },
      table: { margin: [0, 0, 0, 10], fontSize: size("body") * 0.95 },
      definition: { margin: [0, 0, 0, 3] },
      note: { margin: [0, 4, 0, 10] },
      running: { fontSize: size("small"), color: "#3a3a3a" }
    },
    content: [...head, ...keepHeadingsWithNext(doc.blocks, theme, lang)]
  }
}

/**
 * Prints a pdfmake document definition with the given fonts (family name
 * `Body`), with every URL and local file access refused: the document can
 * only use what it embeds.
 *
 * @example
 * import { Document, Pdf } from "@entre-pairs/adapters-docs"
 * const bytes = await Pdf.print(Pdf.toDefinition(Document.make({ title: "Test", lang: "fr" }, [])))
 * @since 0.1.0
 */
export const print = async (definition: Record<string, unknown>, fonts: Fonts = dejaVuSans()): Promise<Uint8Array> => {
  const vfs = new VirtualFs()
  const faces = ["normal", "bold", "italics", "bolditalics"] as const
  for (const face of faces) vfs.writeFileSync(`entre-pairs-${face}.ttf`, Buffer.from(fonts[face].buffer, fonts[face].byteOffset, fonts[face].byteLength))
  const resolver = new UrlResolver(vfs)
  resolver.setUrlAccessPolicy(() => false)
  const printer = new Printer(
    { Body: Object.fromEntries(faces.map((face) => [face, `entre-pairs-${face}.ttf`])) },
    vfs,
    resolver,
    () => false
  )
  const pdf = await printer.createPdfKitDocument(definition, {})
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Array<Uint8Array> = []
    pdf.on("data", (chunk: Uint8Array) => chunks.push(chunk))
    pdf.on("end", () => {
      const total = chunks.reduce((n, c) => n + c.length, 0)
      const out = new Uint8Array(total)
      let offset = 0
      for (const c of chunks) {
        out.set(c, offset)
        offset += c.length
      }
      resolve(out)
    })
    pdf.on("error", reject)
    pdf.end()
  })
}

/**
 * Renders a document as PDF bytes.
 *
 * @example
 * import { Document, Pdf } from "@entre-pairs/adapters-docs"
 * const bytes = await Pdf.render(Document.make({ title: "Compte rendu", lang: "fr" }, [Document.paragraph("Œuvre « commune »")]))
 * @since 0.1.0
 */
export const render = async (doc: Document, options: Options = {}): Promise<Uint8Array> => {
  // A bad theme (a corrupt PNG logo included) is refused before pdfkit sees it.
  Theme.unsafeMake(options)
  return print(toDefinition(doc, options), options.fonts)
}
