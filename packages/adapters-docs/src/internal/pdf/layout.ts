/**
 * The PDF's layout, pure: a document becomes a structure tree (what a
 * screen reader reads: headings, paragraphs, lists, tables with header
 * cells, a figure for the logo) and a sequence of slices (what is drawn: a
 * line of text, a table row, a rule), then pages. The painter draws the
 * pages with pdfkit and tags every mark with its structure element or as an
 * artifact.
 *
 * Pagination rules, checked on the rendered demo documents:
 * - a heading, a table caption and a table's header row keep with what
 *   follows; a paragraph keeps its first two and last two lines together
 *   (no orphan, no widow);
 * - the closing line (signature) keeps with the content before it, so no
 *   page holds only a closing line;
 * - a long table breaks between rows, its header row repeated (as an
 *   artifact) on the next page; a row never breaks;
 * - a page exists only when something is placed on it: no blank page.
 *
 * Longer than 450 lines on purpose: these pagination rules interact (keep
 * with next, widows, repeated header rows, the closing line), and they are
 * read and changed together, in one place.
 */
import type { Block, Document, Run, Table, Text } from "../../Document.js"
import type { Theme } from "../../Theme.js"
import * as ThemeM from "../../Theme.js"
import { readableOnWhite, textOn, tint } from "../colour.js"
import { fitColumns } from "../fit.js"
import { audienceLine, imageSize, issuedLine, langOf, serviceOf } from "../head.js"
import { labels } from "../labels.js"
import { breakLines, type Piece } from "../lines.js"
import { type Face, faceOf, type Metrics } from "../measure.js"
import { clean } from "../safe.js"

/** A4 in points and the margins used (2 cm left and right). */
export const PAGE = { width: 595.28, height: 841.89, side: 56.69, top: 70, bottom: 56 } as const
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side
const CONTENT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom

/** Standard structure types used (ISO 32000-1 §14.8.4). */
export type Role =
  | "Document"
  | "H1"
  | "H2"
  | "H3"
  | "H4"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "Caption"
  | "THead"
  | "TBody"
  | "TR"
  | "TH"
  | "TD"
  | "Figure"

/** A structure element. */
export interface Node {
  readonly role: Role
  readonly children: Array<Node>
  readonly alt?: string
  readonly scope?: "Column"
}

/** Who owns a mark: a structure element, or nobody (an artifact: layout decoration or pagination). */
export type Owner = Node | { readonly artifact: "Layout" | "Pagination" }

/** A drawing operation; coordinates in points from the slice's top-left (x from the page's left edge). */
export type Op =
  | {
      readonly kind: "text"
      readonly owner: Owner
      readonly x: number
      readonly baseline: number
      readonly size: number
      readonly color: string
      readonly frags: ReadonlyArray<{ readonly text: string; readonly face: Face; readonly x: number; readonly width: number }>
    }
  | { readonly kind: "rect"; readonly owner: Owner; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string }
  | {
      readonly kind: "line"
      readonly owner: Owner
      readonly x1: number
      readonly y1: number
      readonly x2: number
      readonly y2: number
      readonly width: number
      readonly color: string
    }
  | { readonly kind: "image"; readonly owner: Owner; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly bytes: Uint8Array }

/** An unbreakable piece of the flow. */
export interface Slice {
  readonly height: number
  /** Space above, dropped at the top of a page. */
  spaceBefore: number
  /** Never the last slice of a page (unless the page holds nothing else). */
  keepWithNext: boolean
  readonly ops: ReadonlyArray<Op>
  /** Start a new page before this slice. */
  readonly breakBefore?: boolean
  /** Drawn first when this slice opens a page (a table's header row, as an artifact). */
  readonly repeat?: Slice
  /** An outline entry (bookmark) pointing at this slice. */
  readonly bookmark?: { readonly title: string; readonly level: number }
  /** Body text: a page must hold some (the running header and footer are not). */
  readonly body: boolean
  /** The document's closing line. */
  readonly closing?: boolean
}

/** A page: slices with their offset from the top of the text area; a repeated table header first, if any. */
export interface Page {
  readonly repeat?: Slice
  readonly slices: ReadonlyArray<{ readonly slice: Slice; readonly y: number }>
}

/** The laid-out document. */
export interface Layout {
  readonly root: Node
  readonly pages: ReadonlyArray<Page>
  readonly lang: "fr" | "en"
  readonly title: string
  readonly service: string | undefined
  /** Running header text ("service — confidentiality"), or "". */
  readonly header: string
  readonly theme: Theme
}

interface Style {
  readonly size: number
  readonly color: string
  readonly lineHeight: number
}

const node = (role: Role, extra: Partial<Pick<Node, "alt" | "scope">> = {}): Node => ({ role, children: [], ...extra })
const add = (parent: Node, child: Node): Node => {
  parent.children.push(child)
  return child
}

const pieces = (t: Text, forceBold = false): Array<Piece> =>
  t.map((r: Run) => ({ text: clean(r.text), face: faceOf(forceBold || r.bold, r.italic) }))

interface Ctx {
  readonly m: Metrics
  readonly theme: Theme
  readonly lang: "fr" | "en"
  readonly size: (role: Parameters<typeof ThemeM.fontSize>[1]) => number
  readonly heading: string
  readonly accent: string
}

/**
 * Lines of text as slices, one per line, with orphan and widow control: the
 * first two and the last two lines of a text stay together.
 */
const textSlices = (
  ctx: Ctx,
  owner: Owner,
  text: ReadonlyArray<Piece>,
  style: Style,
  opts: { x?: number; width?: number; marginTop?: number; keepAll?: boolean; before?: (first: boolean, h: number, baseline: number) => Array<Op>; bookmark?: Slice["bookmark"]; padTop?: number; padBottom?: number } = {}
): Array<Slice> => {
  const x = opts.x ?? PAGE.side
  const width = opts.width ?? CONTENT_WIDTH
  const lines = breakLines(text, width, ctx.m, style.size)
  const lh = style.size * style.lineHeight
  const baseline = (lh - (ctx.m.ascent + ctx.m.descent) * style.size) / 2 + ctx.m.ascent * style.size
  return lines.map((line, i) => {
    const padTop = i === 0 ? (opts.padTop ?? 0) : 0
    const padBottom = i === lines.length - 1 ? (opts.padBottom ?? 0) : 0
    const height = lh + padTop + padBottom
    const keep = opts.keepAll === true ? i < lines.length - 1 : (i === 0 && lines.length >= 2) || (i === lines.length - 2 && lines.length >= 3)
    return {
      height,
      spaceBefore: i === 0 ? (opts.marginTop ?? 0) : 0,
      keepWithNext: keep,
      ops: [
        ...(opts.before?.(i === 0, height, padTop + baseline) ?? []),
        ...(line.frags.length === 0
          ? []
          : [{ kind: "text" as const, owner, x, baseline: padTop + baseline, size: style.size, color: style.color, frags: line.frags }])
      ],
      body: true,
      ...(i === 0 && opts.bookmark !== undefined ? { bookmark: opts.bookmark } : {})
    }
  })
}

const BORDER = "#767676"
const layoutArtifact: Owner = { artifact: "Layout" }

const tableSlices = (ctx: Ctx, parent: Node, b: Table): Array<Slice> => {
  const table = add(parent, node("Table"))
  const size = ctx.size("body") * 0.95
  const style: Style = { size, color: "#1a1a1a", lineHeight: 1.2 }
  const pad = { x: 4, y: 3 }
  const widths = fitColumns(b, CONTENT_WIDTH, ctx.m, size, { padding: pad.x, slack: 0 })
  const caption = add(table, node("Caption"))
  const out: Array<Slice> = textSlices(ctx, caption, pieces([{ text: b.caption }], true), { size: ctx.size("body"), color: "#1a1a1a", lineHeight: 1.2 }, { marginTop: 6, keepAll: true })
  out[out.length - 1]!.keepWithNext = true
  const primary = ctx.theme.colours.primary
  const row = (cells: ReadonlyArray<ReadonlyArray<Piece>>, owners: ReadonlyArray<Owner>, fill: string | undefined, color: string): Slice => {
    const laid = cells.map((c, i) => breakLines(c, widths[i]! - 2 * pad.x, ctx.m, size))
    const lh = size * style.lineHeight
    const height = Math.max(...laid.map((l) => l.length)) * lh + 2 * pad.y
    const ops: Array<Op> = []
    let x = PAGE.side
    const baseline = (lh - (ctx.m.ascent + ctx.m.descent) * size) / 2 + ctx.m.ascent * size
    laid.forEach((lines, i) => {
      const w = widths[i]!
      if (fill !== undefined) ops.push({ kind: "rect", owner: layoutArtifact, x, y: 0, w, h: height, fill })
      lines.forEach((line, li) => {
        if (line.frags.length > 0) ops.push({ kind: "text", owner: owners[i]!, x: x + pad.x, baseline: pad.y + li * lh + baseline, size, color, frags: line.frags })
      })
      x += w
    })
    // Borders: the row's box and its inner verticals.
    const right = PAGE.side + widths.reduce((a, b) => a + b, 0)
    const line = (x1: number, y1: number, x2: number, y2: number): Op => ({ kind: "line", owner: layoutArtifact, x1, y1, x2, y2, width: 0.6, color: BORDER })
    ops.push(line(PAGE.side, 0, right, 0), line(PAGE.side, height, right, height))
    let vx = PAGE.side
    ops.push(line(vx, 0, vx, height))
    for (const w of widths) {
      vx += w
      ops.push(line(vx, 0, vx, height))
    }
    return { height, spaceBefore: 0, keepWithNext: false, ops, body: true }
  }
  const headCells = b.header.map((h) => pieces([{ text: h }], true))
  const thead = add(table, node("THead"))
  const htr = add(thead, node("TR"))
  const ths = b.header.map(() => add(htr, node("TH", { scope: "Column" })))
  const headerColor = textOn(primary)
  const header = row(headCells, ths, primary, headerColor)
  header.keepWithNext = true
  const repeat = row(headCells, headCells.map(() => ({ artifact: "Pagination" as const })), primary, headerColor)
  out.push(header)
  const tbody = add(table, node("TBody"))
  const even = tint(primary, 0.94)
  b.rows.forEach((r, ri) => {
    const tr = add(tbody, node("TR"))
    const tds = r.map(() => add(tr, node("TD")))
    const s = row(r.map((c) => pieces(c)), tds, ri % 2 === 1 ? even : undefined, "#1a1a1a")
    out.push(ri === 0 ? s : { ...s, repeat })
  })
  return out
}

const blockSlices = (ctx: Ctx, parent: Node, b: Block): Array<Slice> => {
  const body: Style = { size: ctx.size("body"), color: "#1a1a1a", lineHeight: 1.25 }
  switch (b._tag) {
    case "Heading": {
      const level = b.level
      const h = add(parent, node(`H${level + 1}` as Role))
      const size = ctx.size(level)
      const color = level < 3 ? ctx.heading : "#1a1a1a"
      const slices = textSlices(ctx, h, pieces([{ text: b.text }], true), { size, color, lineHeight: 1.2 }, {
        marginTop: level === 1 ? 14 : level === 2 ? 10 : 8,
        keepAll: true,
        bookmark: { title: clean(b.text), level }
      })
      slices[slices.length - 1]!.keepWithNext = true
      return slices
    }
    case "Paragraph":
      return textSlices(ctx, add(parent, node("P")), pieces(b.text), body)
    case "List": {
      const list = add(parent, node("L"))
      const indent = b.ordered ? 18 : 14
      return b.items.flatMap((item, i) => {
        const li = add(list, node("LI"))
        const lbl = add(li, node("Lbl"))
        const lbody = add(li, node("LBody"))
        const label = b.ordered ? `${i + 1}.` : "•"
        return textSlices(ctx, lbody, pieces(item), body, {
          x: PAGE.side + indent,
          width: CONTENT_WIDTH - indent,
          marginTop: i === 0 ? 0 : 2,
          before: (first, _h, baseline) =>
            first ? [{ kind: "text", owner: lbl, x: PAGE.side + 2, baseline, size: body.size, color: body.color, frags: [{ text: label, face: "normal", x: 0, width: ctx.m.width(label, "normal", body.size) }] }] : []
        })
      })
    }
    case "Table":
      return tableSlices(ctx, parent, b)
    case "Definitions":
      return b.items.flatMap((d, i) =>
        textSlices(ctx, add(parent, node("P")), [{ text: `${clean(d.label)}${ctx.lang === "fr" ? "\u00a0:" : ":"} `, face: "bold" }, ...pieces(d.value)], body, {
          marginTop: i === 0 ? 0 : 3
        })
      )
    case "Note": {
      const title = b.title ?? labels(ctx.lang).note[b.tone]
      return noteSlices(ctx, add(parent, node("P")), [{ text: `${clean(title)} — `, face: "bold" }, ...pieces(b.text)], body)
    }
    case "PageBreak":
      return [{ height: 0, spaceBefore: 0, keepWithNext: false, ops: [], breakBefore: true, body: false }]
    case "Signature": {
      const slices = textSlices(ctx, add(parent, node("P")), pieces(b.text), body, {
        marginTop: 24,
        keepAll: true,
        padTop: 6,
        before: (first) => (first ? [{ kind: "line", owner: layoutArtifact, x1: PAGE.side, y1: 0, x2: PAGE.side + CONTENT_WIDTH, y2: 0, width: 0.6, color: BORDER }] : [])
      })
      return slices.map((s) => ({ ...s, closing: true }))
    }
    case "Signatory": {
      // The right half of the page; kept whole: place and date, title, the space to sign, name.
      const x = PAGE.side + CONTENT_WIDTH / 2
      const width = CONTENT_WIDTH / 2
      const out: Array<Slice> = [
        ...textSlices(ctx, add(parent, node("P")), [{ text: clean(b.place), face: "normal" }], body, { x, width, marginTop: 24, keepAll: true }),
        ...(b.title !== undefined
          ? textSlices(ctx, add(parent, node("P")), [{ text: clean(b.title), face: "bold" }], body, { x, width, marginTop: 4, keepAll: true })
          : []),
        ...(b.name !== undefined
          ? textSlices(ctx, add(parent, node("P")), [{ text: clean(b.name), face: "normal" }], body, { x, width, marginTop: 72, keepAll: true })
          : [{ height: 72, spaceBefore: 0, keepWithNext: false, ops: [], body: false }])
      ]
      out.forEach((s, i) => (s.keepWithNext = i < out.length - 1))
      return out
    }
  }
}

/** A note: a tinted box with a bar on the left, breakable between its lines. */
const noteSlices = (ctx: Ctx, owner: Owner, text: ReadonlyArray<Piece>, style: Style): Array<Slice> => {
  const fill = tint(ctx.theme.colours.accent, 0.92)
  const bar = readableOnWhite(ctx.theme.colours.accent)
  return textSlices(ctx, owner, text, style, {
    x: PAGE.side + 8,
    width: CONTENT_WIDTH - 14,
    marginTop: 6,
    padTop: 5,
    padBottom: 5,
    before: (_first, h) => [
      { kind: "rect", owner: layoutArtifact, x: PAGE.side, y: 0, w: CONTENT_WIDTH, h, fill },
      { kind: "rect", owner: layoutArtifact, x: PAGE.side, y: 0, w: 3, h, fill: bar }
    ]
  })
}

/** The title block: logo, service, title, subtitle, audience and date lines, a rule, the banner. */
const headSlices = (ctx: Ctx, root: Node, doc: Document, service: string | undefined): Array<Slice> => {
  const out: Array<Slice> = []
  const theme = ctx.theme
  if (theme.logo !== undefined) {
    const { width, height } = imageSize(theme.logo.bytes, theme.logo.mime)
    const w = (theme.logo.widthMm * 72) / 25.4
    const h = (w * height) / Math.max(width, 1)
    const fig = add(root, node("Figure", { alt: service === undefined ? labels(ctx.lang).logo : `${labels(ctx.lang).logo} — ${clean(service)}` }))
    out.push({ height: h + 6, spaceBefore: 0, keepWithNext: true, ops: [{ kind: "image", owner: fig, x: PAGE.side, y: 0, w, h, bytes: theme.logo.bytes }], body: false })
  }
  const body = ctx.size("body")
  const meta: Style = { size: body, color: "#3a3a3a", lineHeight: 1.25 }
  if (service !== undefined) out.push(...textSlices(ctx, add(root, node("P")), [{ text: clean(service), face: "bold" }], { size: body, color: "#1a1a1a", lineHeight: 1.25 }, { keepAll: true }))
  out.push(
    ...textSlices(ctx, add(root, node("H1")), [{ text: clean(doc.meta.title), face: "bold" }], { size: ctx.size("title"), color: ctx.heading, lineHeight: 1.15 }, {
      marginTop: 2,
      keepAll: true,
      bookmark: { title: clean(doc.meta.title), level: 0 }
    })
  )
  if (doc.meta.subtitle !== undefined) {
    out.push(...textSlices(ctx, add(root, node("P")), [{ text: clean(doc.meta.subtitle), face: "normal" }], { size: ctx.size("subtitle"), color: "#1a1a1a", lineHeight: 1.2 }, { marginTop: 4, keepAll: true }))
  }
  const lines = [audienceLine(doc, theme), issuedLine(doc, theme)].filter((l): l is string => l !== undefined)
  lines.forEach((l, i) => out.push(...textSlices(ctx, add(root, node("P")), [{ text: clean(l), face: "normal" }], meta, { marginTop: i === 0 ? 4 : 1, keepAll: true })))
  out.push({
    height: 2,
    spaceBefore: 6,
    keepWithNext: true,
    ops: [{ kind: "line", owner: layoutArtifact, x1: PAGE.side, y1: 1, x2: PAGE.side + CONTENT_WIDTH, y2: 1, width: 2, color: ctx.accent }],
    body: false
  })
  if (doc.meta.confidentiality !== undefined) {
    out.push(...noteSlices(ctx, add(root, node("P")), [{ text: clean(doc.meta.confidentiality), face: "bold" }], { size: body, color: "#1a1a1a", lineHeight: 1.25 }))
  }
  for (const s of out) s.keepWithNext = true
  if (out[0] !== undefined) out[0].spaceBefore = 0
  const ruleIndex = out.findIndex((s) => s.ops.some((o) => o.kind === "line" && o.width === 2))
  if (out[ruleIndex + 1] !== undefined) out[ruleIndex + 1]!.spaceBefore = 12
  return out
}

/**
 * Pages from slices: greedy, with keep-with-next honoured by moving the
 * chain of kept slices that ends a page to the next one.
 */
export const paginate = (slices: ReadonlyArray<Slice>): Array<Page> => {
  const pages: Array<Array<Slice>> = []
  let page: Array<Slice> = []
  const heightOf = (list: ReadonlyArray<Slice>) =>
    list.reduce((h, s, i) => h + (i === 0 ? (s.repeat?.height ?? 0) : s.spaceBefore) + s.height, 0)
  let used = 0
  for (const slice of slices) {
    if (slice.breakBefore === true) {
      if (page.length > 0) {
        pages.push(page)
        page = []
        used = 0
      }
      continue
    }
    const add = page.length === 0 ? (slice.repeat?.height ?? 0) + slice.height : slice.spaceBefore + slice.height
    if (page.length === 0 || used + add <= CONTENT_HEIGHT + 0.01) {
      page.push(slice)
      used += add
      continue
    }
    // The page is full: move the chain of slices that must keep with this one.
    let k = page.length
    while (k > 0 && page[k - 1]!.keepWithNext) k--
    const moved = k === 0 ? [] : page.splice(k)
    pages.push(page)
    page = [...moved, slice]
    used = heightOf(page)
  }
  if (page.length > 0) pages.push(page)
  return pages.map((p) => {
    const repeat = p[0]?.repeat
    let y = repeat?.height ?? 0
    return {
      ...(repeat !== undefined ? { repeat } : {}),
      slices: p.map((slice, i) => {
        if (i > 0) y += slice.spaceBefore
        const at = y
        y += slice.height
        return { slice, y: at }
      })
    }
  })
}

/** Lays out a document: structure tree and pages. */
export const layout = (doc: Document, theme: Theme, m: Metrics): Layout => {
  const lang = langOf(doc, theme)
  const service = serviceOf(doc, theme)
  const ctx: Ctx = {
    m,
    theme,
    lang,
    size: (role) => ThemeM.fontSize(theme, role),
    heading: readableOnWhite(theme.colours.primary),
    accent: readableOnWhite(theme.colours.accent)
  }
  const root = node("Document")
  const slices: Array<Slice> = headSlices(ctx, root, doc, service)
  // What follows the title block's rule (or its banner) starts 12 pt below it.
  let marginBottom = 12
  doc.blocks.forEach((b, i) => {
    const own = blockSlices(ctx, root, b)
    if (own.length === 0) return
    own[0]!.spaceBefore = Math.max(own[0]!.spaceBefore, marginBottom)
    marginBottom = b._tag === "Table" || b._tag === "Note" ? 10 : b._tag === "Definitions" ? 3 : b._tag === "Heading" ? 5 : 6
    // The closing line never stands alone: what comes before it keeps with it.
    const next = doc.blocks[i + 1]
    if (next?._tag === "Signature" || next?._tag === "Signatory") own[own.length - 1]!.keepWithNext = true
    slices.push(...own)
  })
  const pages = paginate(slices)
  const header = [service, doc.meta.confidentiality].filter((s): s is string => s !== undefined).map(clean).join(" — ")
  return { root, pages, lang, title: clean(doc.meta.title), service: service === undefined ? undefined : clean(service), header, theme }
}
