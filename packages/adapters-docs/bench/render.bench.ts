/**
 * Each format of the adapter against the bare library building the same
 * content in the same run: a 10-member session's minutes (and the calendar
 * for iCalendar). Target: at most 1.5× the bare library.
 *
 * "The same content": the baselines get the laid-out document's text,
 * flattened once outside the timed code (headings, paragraphs with their bold
 * and italic runs, lists, tables, label–value lines, notes), and write it
 * with the library's plain API and no styling of ours. The adapter's timing
 * includes the layout from the core view.
 *
 *   npx vitest bench --run packages/adapters-docs/bench/render.bench.ts
 */
import { createRequire } from "node:module"
import { readFileSync } from "node:fs"
import {
  Document as DocxDocument,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType
} from "docx"
import { strToU8, unzipSync, zipSync } from "fflate"
import { createEvents } from "ics"
import * as fontkit from "fontkit"
import PDFDocument from "pdfkit"
import pdfmake from "pdfmake"
import { bench, describe } from "vitest"
import { Docx, Html, Icalendar, Layout, Markdown, Odt, Pdf, Typography } from "../src/index.js"
import type { Document } from "../src/index.js"
import { forgetSharedLayouts } from "../src/internal/pdf/paint.js"
import { calendarView, minutesView } from "../test/fixtures.js"

// Long runs: this runs on small shared machines where a short run is mostly noise.
const fast = { time: 2_000, warmupIterations: 20 }
const slow = { time: 6_000, warmupIterations: 3, iterations: 10 }

const view: Layout.MinutesView = { ...minutesView, attendance: { present: 10, members: 10 } }
const theme = { serviceName: "DREETS Bretagne — Pôle travail" }
const ms = (d: { epochMillis: number }) => d.epochMillis

// --- the same content, flattened once for the bare baselines ---------------
type Runs = ReadonlyArray<{ text: string; bold?: boolean; italic?: boolean }>
type Item =
  | { kind: "h"; level: number; text: string }
  | { kind: "p"; runs: Runs }
  | { kind: "list"; ordered: boolean; items: ReadonlyArray<Runs> }
  | { kind: "table"; header: ReadonlyArray<string>; rows: ReadonlyArray<ReadonlyArray<string>> }

const laidOut = Layout.minutes(view)
const plain = (r: Runs) => r.map((x) => x.text).join("")
const items: ReadonlyArray<Item> = [
  { kind: "h", level: 0, text: laidOut.meta.title },
  ...laidOut.blocks.flatMap((b: Document.Block): Array<Item> => {
    switch (b._tag) {
      case "Heading":
        return [{ kind: "h", level: b.level, text: b.text }]
      case "Paragraph":
      case "Signature":
        return [{ kind: "p", runs: b.text }]
      case "Note":
        return [{ kind: "p", runs: [{ text: `${b.title ?? "À noter"} — `, bold: true }, ...b.text] }]
      case "List":
        return [{ kind: "list", ordered: b.ordered, items: b.items }]
      case "Table":
        return [{ kind: "p", runs: [{ text: b.caption, bold: true }] }, { kind: "table", header: b.header, rows: b.rows.map((r) => r.map(plain)) }]
      case "Definitions":
        return b.items.map((d) => ({ kind: "p", runs: [{ text: `${d.label} : `, bold: true }, ...d.value] }))
      case "Signatory":
        return [b.place, b.title, b.name].flatMap((t) => (t === undefined ? [] : [{ kind: "p" as const, runs: [{ text: t }] }]))
      case "PageBreak":
        return []
    }
  })
]

// The header lines the adapter writes before the blocks (service, title,
// audience, date of issue, banner): built in the task, date formatting included.
const mdHeader = (mdEsc: (t: string) => string) => {
  const m = laidOut.meta
  let h = `**${mdEsc(theme.serviceName)}**\n\n# ${mdEsc(m.title)}\n\n`
  if (m.subtitle !== undefined) h += `*${mdEsc(m.subtitle)}*\n\n`
  const info = [
    ...(m.audience !== undefined ? [`Destinataires\u00a0: ${m.audience}`] : []),
    ...(m.issuedAt !== undefined ? [`Émis le ${Typography.formatDate(m.issuedAt, "fr")}`] : [])
  ]
  if (info.length > 0) h += `${info.map(mdEsc).join("  \n")}\n\n`
  if (m.confidentiality !== undefined) h += `> **${mdEsc(m.confidentiality)}**\n\n`
  return h
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

describe("markdown", () => {
  bench("adapter: Layout + Markdown.render", () => {
    Markdown.render(Layout.minutes(view), theme)
  }, fast)
  bench("adapter: Markdown.render of a laid-out document", () => {
    Markdown.render(laidOut, theme)
  }, fast)
  bench("baseline: string concat markdown", () => {
    // The same content: Markdown's special characters escaped, as any correct
    // writer must (a case text with "*" or "|" would otherwise break the page),
    // and the document's header lines (service, audience, date of issue).
    const mdEsc = (t: string) => (/[\\`*_[\]<>|#\r\n]/.test(t) ? t.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\r?\n/g, " ") : t)
    const md = (r: Runs) => r.map((x) => (x.bold ? `**${mdEsc(x.text)}**` : x.italic ? `*${mdEsc(x.text)}*` : mdEsc(x.text))).join("")
    let s = mdHeader(mdEsc)
    for (const it of items) {
      if (it.kind === "h") s += `${"#".repeat(it.level + 1)} ${mdEsc(it.text)}\n\n`
      else if (it.kind === "p") s += `${md(it.runs)}\n\n`
      else if (it.kind === "list") s += `${it.items.map((x, i) => `${it.ordered ? `${i + 1}.` : "-"} ${md(x)}`).join("\n")}\n\n`
      else s += `| ${it.header.map(mdEsc).join(" | ")} |\n|${it.header.map(() => " --- |").join("")}\n${it.rows.map((r) => `| ${r.map(mdEsc).join(" | ")} |`).join("\n")}\n\n`
    }
  }, fast)
})

describe("html", () => {
  bench("adapter: Layout + Html.render", () => {
    Html.render(Layout.minutes(view), theme)
  }, fast)
  bench("adapter: Html.render of a laid-out document", () => {
    Html.render(laidOut, theme)
  }, fast)
  bench("baseline: string concat html", () => {
    const html = (r: Runs) => r.map((x) => (x.bold ? `<strong>${esc(x.text)}</strong>` : x.italic ? `<em>${esc(x.text)}</em>` : esc(x.text))).join("")
    let s = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${esc(laidOut.meta.title)}</title><style>body{font-family:sans-serif}</style></head><body>`
    for (const it of items) {
      if (it.kind === "h") s += `<h${it.level + 1}>${esc(it.text)}</h${it.level + 1}>`
      else if (it.kind === "p") s += `<p>${html(it.runs)}</p>`
      else if (it.kind === "list") s += `<${it.ordered ? "ol" : "ul"}>${it.items.map((x) => `<li>${html(x)}</li>`).join("")}</${it.ordered ? "ol" : "ul"}>`
      else
        s += `<table><thead><tr>${it.header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${it.rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>`
    }
    s += "</body></html>"
  }, fast)
})

// The adapter's own parts (content, styles, meta, manifest) as already-built XML.
const odtParts = unzipSync(Odt.render(laidOut, theme))

describe("odt", () => {
  bench("adapter: Layout + Odt.render", () => {
    Odt.render(Layout.minutes(view), theme)
  }, fast)
  bench("baseline: fflate zip of the same four XML parts, pre-built", () => {
    zipSync(
      Object.fromEntries(Object.entries(odtParts).map(([name, bytes]) => [name, [bytes, { level: name === "mimetype" ? 0 : 6 }]])) as Parameters<typeof zipSync>[0]
    )
  }, fast)
  bench("baseline: fflate zip of hand-written ODF", () => {
    const runs = (r: Runs) =>
      r.map((x) => (x.bold || x.italic ? `<text:span text:style-name="${x.bold ? "B" : "I"}">${esc(x.text)}</text:span>` : esc(x.text))).join("")
    const p = (r: Runs) => `<text:p>${runs(r)}</text:p>`
    let body = ""
    for (const it of items) {
      if (it.kind === "h") body += `<text:h text:outline-level="${it.level + 1}">${esc(it.text)}</text:h>`
      else if (it.kind === "p") body += p(it.runs)
      else if (it.kind === "list") body += `<text:list>${it.items.map((x) => `<text:list-item>${p(x)}</text:list-item>`).join("")}</text:list>`
      else
        body += `<table:table><table:table-column table:number-columns-repeated="${it.header.length}"/>${[it.header, ...it.rows]
          .map((r) => `<table:table-row>${r.map((c) => `<table:table-cell>${p([{ text: c }])}</table:table-cell>`).join("")}</table:table-row>`)
          .join("")}</table:table>`
    }
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "META-INF/manifest.xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
      ),
      "content.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`)
    })
  }, fast)
})

describe("docx", () => {
  bench("adapter: Layout + Docx.render", async () => {
    await Docx.render(Layout.minutes(view), theme)
  }, slow)
  bench("baseline: docx bare", async () => {
    const runs = (r: Runs) => r.map((x) => new TextRun({ text: x.text, ...(x.bold ? { bold: true } : {}), ...(x.italic ? { italics: true } : {}) }))
    const children: Array<Paragraph | Table> = []
    for (const it of items) {
      if (it.kind === "h") {
        const heading = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][it.level]
        children.push(new Paragraph({ ...(heading !== undefined ? { heading } : {}), children: [new TextRun(it.text)] }))
      } else if (it.kind === "p") children.push(new Paragraph({ children: runs(it.runs) }))
      else if (it.kind === "list") for (const x of it.items) children.push(new Paragraph({ bullet: { level: 0 }, children: runs(x) }))
      else {
        const width = Math.floor(9638 / it.header.length)
        children.push(
          new Table({
            width: { size: 9638, type: WidthType.DXA },
            columnWidths: it.header.map(() => width),
            rows: [it.header, ...it.rows].map(
              (r, i) =>
                new TableRow({
                  tableHeader: i === 0,
                  children: r.map((c) => new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: c, bold: i === 0 })] })] }))
                })
            )
          })
        )
      }
    }
    await Packer.toBuffer(
      new DocxDocument({
        sections: [
          {
            headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(theme.serviceName)] })] }) },
            footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " sur ", PageNumber.TOTAL_PAGES] })] })] }) },
            children
          }
        ]
      })
    )
  }, slow)
})

// The same content with pdfkit's plain API (its own line wrapping, `doc.list`
// and `doc.table`), the same embedded font: the bare library the adapter is
// built on. Two variants:
// - untagged: what pdfkit writes with no accessibility work at all (the
//   tougher floor: no structure tree, no marked content, no bookmarks);
// - tagged by hand: the same structure as the adapter's, written with
//   pdfkit's own accessibility API (`tagged`, `lang`, `displayTitle`, the
//   PDF/UA subset; a Document element, H1–H4, P, lists through `structParent`,
//   tables with column header cells through `structParent`, running header
//   and footer as pagination artifacts, a bookmark per heading): the fair
//   comparison for a tagged renderer.
// The adapter also lays out its own lines and pages (no break inside a date,
// keep-with-next, widows, repeated table headers) where pdfkit's wrapper does
// not: that work is inside its timing. Since 0.1 it shares pdfkit's shaped
// words across documents (one cache per parsed font, `internal/pdf/paint.ts`);
// the bare variants use pdfkit as it comes, one cache per document.
// pdfmake, the previous renderer (untagged), for reference.
const require = createRequire(import.meta.url)
const font = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`))
const faces = { normal: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italics: "DejaVuSans-Oblique.ttf", bolditalics: "DejaVuSans-BoldOblique.ttf" }
const fontBytes = Object.fromEntries(Object.entries(faces).map(([face, file]) => [face, font(file.replace(".ttf", ""))])) as Record<keyof typeof faces, Buffer>
for (const [, file] of Object.entries(faces)) pdfmake.virtualfs.writeFileSync(file, font(file.replace(".ttf", "")))
pdfmake.setFonts({ DejaVu: faces })
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy(() => false)

// The fonts parsed once, as the adapter does (pdfkit accepts fontkit's fonts): the tougher baseline.
const parsedFonts = Object.fromEntries(Object.entries(fontBytes).map(([face, bytes]) => [face, fontkit.create(bytes)]))

const pdfkitBare = (fonts: Record<string, unknown>, tagged = false) =>
  new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument({
      size: "A4",
      margins: { top: 70, bottom: 56, left: 57, right: 57 },
      bufferPages: true,
      info: { Title: laidOut.meta.title },
      ...(tagged ? { tagged: true, subset: "PDF/UA" as never, lang: "fr-FR", displayTitle: true, pdfVersion: "1.7" as const } : {})
    })
    const chunks: Array<Buffer> = []
    doc.on("data", (c: Buffer) => chunks.push(c))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    for (const [face, src] of Object.entries(fonts)) doc.registerFont(face, src as Buffer)
    const root = tagged ? doc.struct("Document") : undefined
    if (root !== undefined) doc.addStructure(root)
    const tag = (structType: string) => (root !== undefined ? { structParent: root, structType } : {})
    const runs = (r: Runs) =>
      r.forEach((x, i) => doc.font(x.bold ? (x.italic ? "bolditalics" : "bold") : x.italic ? "italics" : "normal").text(x.text, { continued: i < r.length - 1, ...(i === 0 ? tag("P") : {}) }))
    doc.font("normal").fontSize(10.5)
    for (const it of items) {
      if (it.kind === "h") {
        if (tagged) doc.outline.addItem(it.text)
        doc.font("bold").fontSize([21, 15.5, 13, 11.5][it.level]!).text(it.text, tag(`H${it.level + 1}`)).fontSize(10.5).moveDown(0.3)
      } else if (it.kind === "p") {
        runs(it.runs)
        doc.moveDown(0.3)
      } else if (it.kind === "list") {
        const list = root !== undefined ? doc.struct("L") : undefined
        if (list !== undefined) root!.add(list)
        doc.font("normal").list(it.items.map((x) => x.map((r) => r.text).join("")), { listType: it.ordered ? "numbered" : "bullet", ...(list !== undefined ? { structParent: list } : {}) })
        list?.end()
      } else {
        const header = tagged ? it.header.map((h) => ({ text: h, type: "TH", scope: "column" })) : [...it.header]
        doc.font("normal").table({ ...(root !== undefined ? { structParent: root } : {}), data: [header, ...it.rows.map((r) => [...r])] } as never)
      }
    }
    const range = doc.bufferedPageRange()
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(i)
      if (tagged) doc.markContent("Artifact", { type: "Pagination" } as never)
      doc.font("normal").fontSize(9).text(theme.serviceName, 57, 28, { lineBreak: false })
      doc.text(`Page ${i + 1} sur ${range.count}`, 270, 800, { lineBreak: false })
      if (tagged) doc.endMarkedContent()
    }
    root?.end()
    doc.end()
  })

describe("pdf", () => {
  bench("adapter: Layout + Pdf.render (tagged, PDF/UA)", async () => {
    await Pdf.render(Layout.minutes(view), theme)
  }, slow)
  // The cold cost: every word shaped again, as for the first document a
  // process renders (the task above reuses the words shaped by its earlier
  // iterations, as a service rendering many documents does).
  bench("adapter: Layout + Pdf.render (tagged, PDF/UA), shaping cache cleared first", async () => {
    forgetSharedLayouts()
    await Pdf.render(Layout.minutes(view), theme)
  }, slow)
  bench("baseline: pdfkit bare (same content, untagged, fonts parsed once)", async () => {
    await pdfkitBare(parsedFonts)
  }, slow)
  bench("baseline: pdfkit bare tagged by hand (same content and structure, fonts parsed once)", async () => {
    await pdfkitBare(parsedFonts, true)
  }, slow)
  bench("baseline: pdfkit bare (same content, untagged, fonts read from their bytes)", async () => {
    await pdfkitBare(fontBytes)
  }, slow)
  bench("reference: pdfmake (the previous renderer, untagged)", async () => {
    const runs = (r: Runs) => r.map((x) => ({ text: x.text, ...(x.bold ? { bold: true } : {}), ...(x.italic ? { italics: true } : {}) }))
    const content: Array<unknown> = []
    for (const it of items) {
      if (it.kind === "h") content.push({ text: it.text, fontSize: [21, 15.5, 13, 11.5][it.level], bold: true, margin: [0, 8, 0, 4] })
      else if (it.kind === "p") content.push({ text: runs(it.runs), margin: [0, 0, 0, 6] })
      else if (it.kind === "list") content.push({ [it.ordered ? "ol" : "ul"]: it.items.map((x) => ({ text: runs(x) })) })
      else content.push({ table: { headerRows: 1, widths: it.header.map(() => "*"), body: [it.header.map((h) => ({ text: h, bold: true })), ...it.rows] } })
    }
    await pdfmake
      .createPdf({
        pageSize: "A4",
        content,
        defaultStyle: { font: "DejaVu", fontSize: 10.5 },
        header: () => ({ text: theme.serviceName, fontSize: 9, margin: [57, 28, 57, 0] }),
        footer: (current: number, count: number) => ({ text: `Page ${current} sur ${count}`, alignment: "center", fontSize: 9 })
      })
      .getBuffer()
  }, slow)
})

const stamp = Date.UTC(2026, 9, 1)

describe("ics", () => {
  bench("adapter: Layout.calendarEvents + Icalendar.render", () => {
    Icalendar.render(Layout.calendarEvents(calendarView), { timestamp: stamp })
  }, fast)
  bench("baseline: ics bare", () => {
    createEvents(
      calendarView.sessions.map((s) => ({
        uid: `${calendarView.header.exchangeId}-${s.id}@entre-pairs.invalid`,
        title: `${calendarView.header.title} — séance n° ${s.number}`,
        start: ms(s.scheduledAt),
        startInputType: "utc" as const,
        startOutputType: "utc" as const,
        duration: { minutes: s.durationMinutes },
        description: `${Typography.formatDateTime(ms(s.scheduledAt))} (heure de Paris)\n\n${s.kind === "casework" ? "étude de cas" : "choix des questions de travail"}`,
        ...(s.venue !== undefined ? { location: s.venue } : {}),
        // The same event fields the adapter writes, so both produce the same file.
        status: s.status === "cancelled" ? ("CANCELLED" as const) : ("CONFIRMED" as const),
        sequence: 0,
        classification: "CONFIDENTIAL",
        ...({ timestamp: stamp } as object)
      })),
      { productId: "entre-pairs/adapters-docs", method: "PUBLISH", calName: `Échanges entre pairs — ${calendarView.header.title}` }
    )
  }, fast)
})
