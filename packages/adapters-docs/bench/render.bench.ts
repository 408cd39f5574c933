/**
 * Each format of the adapter against the bare library building the same
 * content in the same run: a 10-member session's minutes (and the calendar
 * for iCalendar). Target: at most 1.5× the bare library.
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
import pdfmake from "pdfmake"
import { bench, describe } from "vitest"
import { Docx, Html, Icalendar, Layout, Markdown, Odt, Pdf, Typography } from "../src/index.js"
import { calendarView, minutesView } from "../test/fixtures.js"

// Long runs: this runs on small shared machines where a short run is mostly noise.
const fast = { time: 2_000, warmupIterations: 20 }
const slow = { time: 6_000, warmupIterations: 3, iterations: 10 }

const view: Layout.MinutesView = { ...minutesView, attendance: { present: 10, members: 10 } }
const theme = { serviceName: "DREETS Bretagne — Pôle travail" }
const ms = (d: { epochMillis: number }) => d.epochMillis

// --- the same content, flattened once for the bare baselines ---------------
const title = `Compte rendu — séance n° ${view.session.number}`
const facts: Array<[string, string]> = [
  ["Séance", `n° ${view.session.number} — étude de cas`],
  ["Date", `${Typography.formatDate(ms(view.session.scheduledAt))}, ${Typography.formatTimeRange(ms(view.session.scheduledAt), view.session.durationMinutes)}`],
  ["Lieu", view.session.venue ?? ""],
  ["Présents", `${view.attendance.present} membres sur ${view.attendance.members}`]
]
const sections: Array<{ heading: string; paragraphs: Array<string>; bullets: Array<string> }> = [
  { heading: "Ordre du jour", paragraphs: [], bullets: view.agenda.map((a) => a.title) },
  { heading: "Synthèse de la séance", paragraphs: [view.summary], bullets: [] },
  ...view.cases.map((c) => ({
    heading: `Cas n° ${c.number} — ${c.question}`,
    paragraphs: [c.context, c.situation, c.reasons, c.result],
    bullets: [...c.questions, ...c.comparablePractices]
  })),
  { heading: "Besoins de formation identifiés", paragraphs: [], bullets: [...view.trainingNeeds] }
]
// The italic parts of the layout (agenda questions), so that both embed the same faces.
const italics = view.agenda.flatMap((a) => (a.question === undefined ? [] : [`(question : ${a.question})`]))
const tableHeader = ["Variante", "Arbitrage", "Conditions"]
const tableRows = view.variants.map((v) => [v.description, v.outcome ?? "", v.conditions.join(" ; ")])

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

const laidOut = Layout.minutes(view)

describe("markdown", () => {
  bench("adapter: Layout + Markdown.render", () => {
    Markdown.render(Layout.minutes(view), theme)
  }, fast)
  bench("adapter: Markdown.render of a laid-out document", () => {
    Markdown.render(laidOut, theme)
  }, fast)
  bench("baseline: string concat markdown", () => {
    let s = `# ${title}\n\n${facts.map(([k, v]) => `- **${k} :** ${v}`).join("\n")}\n\n`
    for (const x of sections) {
      s += `## ${x.heading}\n\n${x.paragraphs.join("\n\n")}\n\n${x.bullets.map((b) => `- ${b}`).join("\n")}\n\n`
    }
    s += `| ${tableHeader.join(" | ")} |\n| --- | --- | --- |\n${tableRows.map((r) => `| ${r.join(" | ")} |`).join("\n")}\n`
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
    let s = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:sans-serif}</style></head><body><h1>${esc(title)}</h1><dl>`
    for (const [k, v] of facts) s += `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`
    s += "</dl>"
    for (const x of sections) {
      s += `<h2>${esc(x.heading)}</h2>${x.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}<ul>${x.bullets.map((b) => `<li>${esc(b)}</li>`).join("")}</ul>`
    }
    s += `<table><thead><tr>${tableHeader.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${tableRows
      .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
      .join("")}</tbody></table></body></html>`
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
    const p = (t: string) => `<text:p>${esc(t)}</text:p>`
    let body = `<text:h text:outline-level="1">${esc(title)}</text:h>${facts.map(([k, v]) => p(`${k} : ${v}`)).join("")}`
    for (const x of sections) {
      body += `<text:h text:outline-level="2">${esc(x.heading)}</text:h>${x.paragraphs.map(p).join("")}<text:list>${x.bullets
        .map((b) => `<text:list-item>${p(b)}</text:list-item>`)
        .join("")}</text:list>`
    }
    body += `<table:table><table:table-column table:number-columns-repeated="3"/>${[tableHeader, ...tableRows]
      .map((r) => `<table:table-row>${r.map((c) => `<table:table-cell>${p(c)}</table:table-cell>`).join("")}</table:table-row>`)
      .join("")}</table:table>`
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
    const widths = [4300, 2000, 3338]
    const children: Array<Paragraph | Table> = [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
      ...facts.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k} : `, bold: true }), new TextRun(v)] }))
    ]
    for (const x of sections) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(x.heading)] }))
      for (const p of x.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }))
      for (const b of x.bullets) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(b)] }))
    }
    for (const t of italics) children.push(new Paragraph({ children: [new TextRun({ text: t, italics: true })] }))
    children.push(
      new Table({
        width: { size: 9638, type: WidthType.DXA },
        columnWidths: widths,
        rows: [tableHeader, ...tableRows].map(
          (r, i) =>
            new TableRow({
              tableHeader: i === 0,
              children: r.map((c, j) => new TableCell({ width: { size: widths[j]!, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: c, bold: i === 0 })] })] }))
            })
        )
      })
    )
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

// pdfmake's own singleton API with the same embedded font, as an integrator would use it bare.
const require = createRequire(import.meta.url)
const font = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`))
const faces = { normal: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", italics: "DejaVuSans-Oblique.ttf", bolditalics: "DejaVuSans-BoldOblique.ttf" }
for (const [, file] of Object.entries(faces)) pdfmake.virtualfs.writeFileSync(file, font(file.replace(".ttf", "")))
pdfmake.setFonts({ DejaVu: faces })
pdfmake.setUrlAccessPolicy(() => false)
pdfmake.setLocalAccessPolicy(() => false)

describe("pdf", () => {
  bench("adapter: Layout + Pdf.render", async () => {
    await Pdf.render(Layout.minutes(view), theme)
  }, slow)
  bench("baseline: pdfmake bare", async () => {
    const content: Array<unknown> = [{ text: title, fontSize: 21, bold: true }, ...facts.map(([k, v]) => ({ text: [{ text: `${k} : `, bold: true }, v] }))]
    for (const x of sections) {
      content.push({ text: x.heading, fontSize: 15, bold: true, margin: [0, 10, 0, 4] }, ...x.paragraphs.map((p) => ({ text: p, margin: [0, 0, 0, 6] })), { ul: x.bullets })
    }
    content.push({ ul: italics.map((t) => ({ text: t, italics: true })) })
    content.push({ table: { headerRows: 1, widths: ["45%", "20%", "35%"], body: [tableHeader.map((h) => ({ text: h, bold: true })), ...tableRows] } })
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

describe("ics", () => {
  const stamp = Date.UTC(2026, 9, 1)
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
