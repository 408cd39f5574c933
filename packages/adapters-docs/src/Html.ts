/**
 * Standalone, accessible HTML rendering of a document: one file, no external
 * resource (inline stylesheet, logo as a data URI, a Content-Security-Policy
 * that forbids the rest), `<html lang>`, one `<h1>` and nested headings,
 * tables with `<caption>` and `<th scope>`, a print stylesheet. Theme colours
 * are used only where they keep WCAG AA contrast.
 *
 * @since 0.1.0
 */
import type { Block, Document, Text } from "./Document.js"
import { fractions } from "./Document.js"
import { readableOnWhite, textOn, tint } from "./internal/colour.js"
import { audienceLine, base64, issuedLine, langOf, serviceOf } from "./internal/head.js"
import { labels } from "./internal/labels.js"
import { clean } from "./internal/safe.js"
import { markOrdinals } from "./internal/superscript.js"
import * as Theme from "./Theme.js"

const HTML_SPECIAL = /[&<>"]/
const esc = (raw: string): string => {
  const s = clean(raw)
  return !HTML_SPECIAL.test(s) ? s : s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

const inline = (t: Text): string =>
  t
    .map((r) => {
      // A line feed in typed text (or Word's vertical tab) is a line break.
      let s = esc(r.text).replace(/\r\n?|\n/g, "<br>")
      if (r.italic) s = `<em>${s}</em>`
      if (r.bold) s = `<strong>${s}</strong>`
      return s
    })
    .join("")

const block = (b: Block, lang: "fr" | "en"): string => {
  switch (b._tag) {
    case "Heading": {
      const h = `h${b.level + 1}`
      return `<${h}>${esc(b.text)}</${h}>`
    }
    case "Paragraph":
      return `<p>${inline(b.text)}</p>`
    case "List": {
      const tag = b.ordered ? "ol" : "ul"
      return `<${tag}>\n${b.items.map((i) => `  <li>${inline(i)}</li>`).join("\n")}\n</${tag}>`
    }
    case "Table": {
      const cols = fractions(b.widths)
        .map((f) => `<col style="width:${(f * 100).toFixed(1)}%">`)
        .join("")
      const head = b.header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")
      const rows = b.rows
        .map((r) => `    <tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`)
        .join("\n")
      return [
        `<table>`,
        `  <caption>${esc(b.caption)}</caption>`,
        `  <colgroup>${cols}</colgroup>`,
        `  <thead><tr>${head}</tr></thead>`,
        `  <tbody>`,
        rows,
        `  </tbody>`,
        `</table>`
      ].join("\n")
    }
    case "Definitions":
      return `<dl>\n${b.items
        .map((d) => `  <div><dt>${esc(d.label)}</dt><dd>${inline(d.value)}</dd></div>`)
        .join("\n")}\n</dl>`
    case "Note": {
      const title = b.title ?? labels(lang).note[b.tone]
      return `<div class="note note-${b.tone}" role="note"><p><strong>${esc(title)}</strong> — ${inline(b.text)}</p></div>`
    }
    case "PageBreak":
      return `<div class="page-break"></div>`
    case "Signature":
      return `<p class="signature">${inline(b.text)}</p>`
    case "Signatory":
      return `<div class="signatory"><p>${esc(b.place)}</p>${b.title !== undefined ? `<p><strong>${esc(b.title)}</strong></p>` : ""}<div class="signature-space" aria-hidden="true"></div>${b.name !== undefined ? `<p>${esc(b.name)}</p>` : ""}</div>`
  }
}

const stylesheet = (theme: Theme.Theme): string => {
  const primary = theme.colours.primary
  const heading = readableOnWhite(primary)
  const accent = readableOnWhite(theme.colours.accent)
  const scale = theme.fontScale
  return `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 2rem 1.5rem; font-family: "DejaVu Sans", "Marianne", Arial, system-ui, sans-serif; font-size: ${(scale * 100).toFixed(0)}%; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
sup { line-height: 0; }
header.doc-head { border-bottom: 3px solid ${accent}; margin-bottom: 1.5rem; padding-bottom: 1rem; }
header.doc-head img { display: block; height: auto; margin-bottom: .5rem; }
.service { font-weight: bold; margin: 0 0 .25rem; }
h1 { color: ${heading}; font-size: 1.9em; line-height: 1.2; margin: .25rem 0; }
.subtitle { font-size: 1.2em; margin: 0 0 .5rem; }
.meta { margin: .25rem 0; color: #3a3a3a; }
h2 { color: ${heading}; font-size: 1.45em; margin: 2rem 0 .5rem; border-bottom: 1px solid ${tint(primary, 0.7)}; }
h3 { color: ${heading}; font-size: 1.2em; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1.05em; margin: 1.25rem 0 .4rem; }
table { width: 100%; border-collapse: collapse; margin: .75rem 0 1.25rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #767676; padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: ${primary}; color: ${textOn(primary)}; }
tbody tr:nth-child(even) td { background: ${tint(primary, 0.94)}; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .75rem 0; }
dl div { display: contents; }
dt { font-weight: bold; }
dd { margin: 0; }
.note { border-left: 4px solid ${accent}; background: ${tint(theme.colours.accent, 0.92)}; padding: .5rem .75rem; margin: 1rem 0; }
.note p { margin: 0; }
.signature { margin-top: 2.5rem; border-top: 1px solid #767676; padding-top: .5rem; }
.signatory { margin: 2rem 0 0 50%; break-inside: avoid; }
.signatory p { margin: .2rem 0; }
.signature-space { height: 25mm; }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  body { max-width: none; padding: 0; font-size: ${(10.5 * scale).toFixed(1)}pt; }
  h2, h3, h4 { break-after: avoid; }
  tr, .note, dl div { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Browsers drop backgrounds when printing by default: white header text
     would vanish (seen on Chromium's print), so print headers dark on white. */
  thead th { background: #ffffff; color: #1a1a1a; border-bottom: 2px solid #1a1a1a; }
  tbody tr:nth-child(even) td, .note { background: none; }
  .page-break { break-after: page; }
  a { color: inherit; text-decoration: none; }
}
`.trim()
}

/** An ordinal suffix in superscript (« 2<sup>e</sup> »). */
const sup = (letters: string) => `<sup>${letters}</sup>`

/**
 * Renders a document as a standalone HTML5 page (UTF-8 string).
 *
 * @example
 * import { Document, Html } from "@entre-pairs/adapters-docs"
 * const html = Html.render(Document.make({ title: "Compte rendu", lang: "fr" }, []), { serviceName: "DREETS" })
 * @since 0.1.0
 */
export const render = (doc: Document, options: Theme.Options = {}): string => {
  const theme = Theme.unsafeMake(options)
  const lang = langOf(doc, theme)
  const service = serviceOf(doc, theme)
  const head: Array<string> = []
  if (theme.logo !== undefined) {
    const src = `data:${theme.logo.mime};base64,${base64(theme.logo.bytes)}`
    const alt = service !== undefined ? `${labels(lang).logo} — ${service}` : labels(lang).logo
    head.push(`<img src="${src}" alt="${esc(alt)}" style="width:${theme.logo.widthMm}mm">`)
  }
  if (service !== undefined) head.push(`<p class="service">${esc(service)}</p>`)
  head.push(`<h1>${esc(doc.meta.title)}</h1>`)
  if (doc.meta.subtitle !== undefined) head.push(`<p class="subtitle">${esc(doc.meta.subtitle)}</p>`)
  for (const line of [audienceLine(doc, theme), issuedLine(doc, theme)]) {
    if (line !== undefined) head.push(`<p class="meta">${esc(line)}</p>`)
  }
  // Below the title rule, as in the other formats.
  const body = doc.blocks.map((b) => block(b, lang))
  if (doc.meta.confidentiality !== undefined) {
    body.unshift(`<div class="note note-confidential" role="note"><p><strong>${esc(doc.meta.confidentiality)}</strong></p></div>`)
  }
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(doc.meta.title)}${service !== undefined ? ` — ${esc(service)}` : ""}</title>
<style>
${stylesheet(theme)}
</style>
</head>
<body>
<header class="doc-head">
${markOrdinals(head.join("\n"), sup)}
</header>
<main>
${markOrdinals(body.join("\n"), sup)}
</main>
</body>
</html>
`
}
