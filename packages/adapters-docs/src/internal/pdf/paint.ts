/**
 * Draws a laid-out document with pdfkit as a tagged PDF (PDF/UA-1 in
 * intent): a structure tree of standard types mirroring the layout's, every
 * mark inside a marked-content sequence of its structure element or of an
 * artifact (running header and footer, repeated table headers: pagination;
 * rules, cell backgrounds and borders: layout), the document's language and
 * title (shown in the viewer's title bar), bookmarks for the title and the
 * headings, XMP metadata with the PDF/UA identifier.
 *
 * The bytes depend on the input only: dates come from the document, font
 * subset tags and the file identifier from them (pdfkit derives both
 * deterministically).
 */
import PDFDocument from "pdfkit"
import type { Face, ParsedFont } from "../measure.js"
import { labels } from "../labels.js"
import { hasOrdinal, segments, SUP_RISE, SUP_SIZE } from "../superscript.js"
import { type Layout, type Node, type Op, type Owner, PAGE, type Slice } from "./layout.js"

/** What the file's properties say. */
export interface Info {
  readonly subject?: string
  readonly date?: number
}

type Doc = InstanceType<typeof PDFDocument>
type StructElement = ReturnType<Doc["struct"]>
type StructContent = ReturnType<Doc["markStructureContent"]>

const FACES: ReadonlyArray<Face> = ["normal", "bold", "italics", "bolditalics"]

/** Paints the layout; resolves to the PDF's bytes. */
export const paint = (l: Layout, fonts: Readonly<Record<Face, ParsedFont>>, info: Info): Promise<Uint8Array> => {
  const date = info.date === undefined ? undefined : new Date(info.date)
  const doc: Doc = new PDFDocument({
    autoFirstPage: false,
    size: "A4",
    margin: 0,
    pdfVersion: "1.7",
    tagged: true,
    subset: "PDF/UA" as never,
    lang: l.lang === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    // No default font: only the embedded faces appear in the file.
    font: null as unknown as string,
    info: {
      Title: l.title,
      ...(l.service !== undefined ? { Author: l.service } : {}),
      ...(info.subject !== undefined ? { Subject: info.subject } : {}),
      Creator: "@entre-pairs/adapters-docs",
      Producer: "@entre-pairs/adapters-docs (pdfkit)",
      // Never the clock: without a date of its own, a fixed instant.
      CreationDate: date ?? new Date(Date.UTC(2020, 0, 1)),
      ...(date !== undefined ? { ModDate: date } : {})
    }
  })
  escapeXmpValues(doc)
  const chunks: Array<Uint8Array> = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (c: Uint8Array) => chunks.push(c))
    doc.on("error", reject)
    doc.on("end", () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
      let offset = 0
      for (const c of chunks) {
        out.set(c, offset)
        offset += c.length
      }
      resolve(out)
    })
  })
  for (const face of FACES) doc.registerFont(`F-${face}`, fonts[face] as unknown as Uint8Array)

  // The structure tree, built before any content is marked.
  const elements = new Map<Node, StructElement>()
  const build = (n: Node): StructElement => {
    const el = doc.struct(n.role, { ...(n.alt !== undefined ? { alt: n.alt } : {}), ...(n.scope !== undefined ? { scope: n.scope } : {}) } as never)
    elements.set(n, el)
    for (const c of n.children) el.add(build(c))
    return el
  }
  const root = build(l.root)
  doc.addStructure(root)

  // One marked-content sequence per run of marks with the same owner.
  let open: { owner: Owner; content?: StructContent } | undefined
  const close = () => {
    if (open === undefined) return
    doc.endMarkedContent()
    if (open.content !== undefined && "role" in open.owner) elements.get(open.owner)!.add(open.content)
    open = undefined
  }
  const mark = (owner: Owner) => {
    if (open?.owner === owner) return
    close()
    if ("role" in owner) open = { owner, content: doc.markStructureContent(owner.role) }
    else {
      doc.markContent("Artifact", { type: owner.artifact } as never)
      open = { owner }
    }
  }

  // Ordinal suffixes (« 2ᵉ ») as letters in a smaller font, raised: true superscript.
  const drawOrdinals = (text: string, x: number, baseline: number, size: number) => {
    let at = x
    for (const seg of segments(text)) {
      doc.fontSize(seg.sup ? size * SUP_SIZE : size)
      doc.text(seg.text, at, baseline - (seg.sup ? size * SUP_RISE : 0), { lineBreak: false, baseline: "alphabetic" })
      at += doc.widthOfString(seg.text)
    }
    doc.fontSize(size)
  }
  const draw = (op: Op, top: number) => {
    mark(op.owner)
    switch (op.kind) {
      case "text":
        doc.fontSize(op.size).fillColor(op.color)
        for (const f of op.frags) {
          shareLayouts(doc.font(`F-${f.face}`))
          if (hasOrdinal(f.text)) {
            drawOrdinals(f.text, op.x + f.x, top + op.baseline, op.size)
            continue
          }
          // The width is the layout's own (the same fontkit advances): pdfkit need not measure the line again.
          doc.text(f.text, op.x + f.x, top + op.baseline, { lineBreak: false, baseline: "alphabetic", textWidth: f.width } as never)
        }
        return
      case "rect":
        doc.rect(op.x, top + op.y, op.w, op.h).fill(op.fill)
        return
      case "line":
        doc.save().lineWidth(op.width).strokeColor(op.color).moveTo(op.x1, top + op.y1).lineTo(op.x2, top + op.y2).stroke().restore()
        return
      case "image":
        doc.image(Buffer.from(op.bytes.buffer, op.bytes.byteOffset, op.bytes.byteLength), op.x, top + op.y, { width: op.w, height: op.h })
        return
    }
  }
  const drawSlice = (s: Slice, top: number) => {
    for (const op of s.ops) draw(op, top)
  }

  // Bookmarks: the title, then the headings nested by level.
  type Outline = Doc["outline"]
  const parents: Array<Outline> = []
  const bookmark = (title: string, level: number) => {
    const parent = level <= 1 ? doc.outline : (parents[level - 1] ?? parents[parents.length - 1] ?? doc.outline)
    const item = parent.addItem(title) as unknown as Outline
    parents[level] = item
    parents.length = level + 1
  }

  const pageCount = l.pages.length
  const small = Math.round(9 * l.theme.fontScale * 2) / 2
  l.pages.forEach((page, index) => {
    doc.addPage({ size: "A4", margin: 0 })
    // Running header and footer: pagination artifacts, not read as content.
    const pagination: Owner = { artifact: "Pagination" }
    if (l.header !== "") {
      mark(pagination)
      doc.font("F-normal").fontSize(small).fillColor("#3a3a3a").text(l.header, PAGE.side, 28, { lineBreak: false, baseline: "top" })
      doc.save().lineWidth(0.5).strokeColor("#767676").moveTo(PAGE.side, 28 + small * 1.3).lineTo(PAGE.width - PAGE.side, 28 + small * 1.3).stroke().restore()
    }
    mark(pagination)
    const footer = labels(l.lang).page(index + 1, pageCount)
    const width = doc.font("F-normal").fontSize(small).widthOfString(footer)
    doc.fillColor("#3a3a3a").text(footer, (PAGE.width - width) / 2, PAGE.height - PAGE.bottom + 20, { lineBreak: false, baseline: "top" })
    close()
    if (page.repeat !== undefined) drawSlice(page.repeat, PAGE.top)
    for (const { slice, y } of page.slices) {
      if (slice.bookmark !== undefined) bookmark(slice.bookmark.title, slice.bookmark.level)
      drawSlice(slice, PAGE.top + y)
    }
    close()
  })
  root.end()
  doc.end()
  boundLayouts(fonts)
  return done
}

/**
 * pdfkit shapes every word with fontkit again in each document: its cache of
 * shaped words belongs to the document's font object. Shaping is most of the
 * cost of drawing text, and a service renders many documents with the same
 * fonts, so one cache per parsed font is shared by every document (a shaped
 * word depends only on the font; pdfkit scales it by the font's own
 * units-per-em). Bounded: dropped when it grows past 20 000 words.
 */
let sharedLayouts = new WeakMap<ParsedFont, Record<string, unknown>>()

/**
 * Forgets every shared shaped word, as in a fresh process: the bench measures
 * the first document of a process with it (the cold cost), beside the warm one.
 */
export const forgetSharedLayouts = (): void => {
  sharedLayouts = new WeakMap()
}

const shareLayouts = (doc: Doc): void => {
  const embedded = (doc as unknown as { _font?: { font?: ParsedFont; layoutCache?: Record<string, unknown> } })._font
  if (embedded?.font === undefined || embedded.layoutCache === undefined) return
  let cache = sharedLayouts.get(embedded.font)
  if (cache === undefined) {
    cache = embedded.layoutCache
    sharedLayouts.set(embedded.font, cache)
  }
  embedded.layoutCache = cache
}

const boundLayouts = (fonts: Readonly<Record<Face, ParsedFont>>): void => {
  for (const face of FACES) {
    const cache = sharedLayouts.get(fonts[face])
    if (cache !== undefined && Object.keys(cache).length > 20_000) sharedLayouts.delete(fonts[face])
  }
}

/**
 * pdfkit writes the document information into the XMP metadata without
 * escaping it, so a title with « & » or « < » would make the metadata
 * ill-formed XML: escape the values while the XMP is written, and only then
 * (the Info dictionary keeps the plain text).
 */
const escapeXmpValues = (doc: Doc): void => {
  const target = doc as unknown as { _addInfo?: () => void; info: Record<string, unknown> }
  const original = target._addInfo
  if (typeof original !== "function") return
  target._addInfo = function (this: typeof target) {
    const saved = { ...this.info }
    for (const [key, value] of Object.entries(this.info)) {
      if (typeof value === "string") this.info[key] = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    }
    try {
      original.call(this)
    } finally {
      this.info = saved
    }
  }
}
