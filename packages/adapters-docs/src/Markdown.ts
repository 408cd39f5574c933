/**
 * Markdown (CommonMark with GFM tables) rendering of a document: for
 * intranets, wikis and e-mails. Colours and logos do not exist in Markdown;
 * the service name and language of the theme apply.
 *
 * @since 0.1.0
 */
import type { Block, Document, Text } from "./Document.js"
import { plain } from "./Document.js"
import { audienceLine, issuedLine, langOf, serviceOf } from "./internal/head.js"
import { labels } from "./internal/labels.js"
import { clean } from "./internal/safe.js"
import * as Theme from "./Theme.js"

const SPECIAL = /[\\`*_[\]<>|#\r\n]/
const escape = (raw: string): string => {
  const s = clean(raw)
  return SPECIAL.test(s) ? s.replace(/([\\`*_[\]<>|#])/g, "\\$1").replace(/\r\n?|\n/g, " ") : s
}

const inline = (t: Text): string =>
  t
    .map((r) => {
      if (r.bold !== true && r.italic !== true) return escape(r.text)
      if (r.text.trim() === "") return escape(r.text)
      // Emphasis markers must hug the words: move surrounding spaces outside.
      const lead = /^\s*/.exec(r.text)![0]
      const trail = /\s*$/.exec(r.text)![0]
      const core = escape(r.text.trim())
      const mark = r.bold && r.italic ? "***" : r.bold ? "**" : r.italic ? "*" : ""
      return `${lead}${mark}${core}${mark}${trail}`
    })
    .join("")

/**
 * A table cell: a line break (several conditions, one per line) becomes
 * `<br>`, the only line break a GFM table cell can hold; everything typed
 * is still escaped.
 */
const cell = (t: Text): string => {
  const lines: Array<Array<Text[number]>> = [[]]
  for (const r of t) {
    clean(r.text).split(/\r\n?|\n/).forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== "") lines[lines.length - 1]!.push({ ...r, text: part })
    })
  }
  return lines.map(inline).join("<br>")
}

const block = (b: Block, lang: "fr" | "en"): string => {
  switch (b._tag) {
    case "Heading":
      return `${"#".repeat(b.level + 1)} ${escape(b.text)}`
    case "Paragraph":
      return inline(b.text)
    case "List":
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${inline(item)}`).join("\n")
    case "Table": {
      const head = `| ${b.header.map(escape).join(" | ")} |`
      const rule = `| ${b.header.map(() => "---").join(" | ")} |`
      const rows = b.rows.map((r) => `| ${r.map((c) => cell(c) || " ").join(" | ")} |`)
      return [`*${escape(b.caption)}*`, "", head, rule, ...rows].join("\n")
    }
    case "Definitions":
      return b.items.map((d) => `- **${escape(d.label)}${lang === "fr" ? "\u00a0:" : ":"}** ${inline(d.value)}`).join("\n")
    case "Note": {
      const title = b.title ?? labels(lang).note[b.tone]
      return `> **${escape(title)}** — ${inline(b.text)}`
    }
    case "PageBreak":
      return ""
    case "Signature":
      return `---\n\n${inline(b.text)}`
    case "Signatory":
      // Place and date, the title, then the name after the space left to sign (a hard line break each).
      return [escape(b.place), ...(b.title !== undefined ? [`**${escape(b.title)}**`] : []), ...(b.name !== undefined ? ["", escape(b.name)] : [])].join("  \n")
  }
}

/**
 * Renders a document as Markdown (UTF-8 string, LF line endings, one blank
 * line between blocks, trailing newline).
 *
 * @example
 * import { Document, Markdown } from "@entre-pairs/adapters-docs"
 * const md = Markdown.render(Document.make({ title: "Compte rendu", lang: "fr" }, [Document.paragraph("Texte")]))
 * @since 0.1.0
 */
export const render = (doc: Document, options: Theme.Options = {}): string => {
  const theme = Theme.unsafeMake(options)
  const lang = langOf(doc, theme)
  const out: Array<string> = []
  const service = serviceOf(doc, theme)
  if (service !== undefined) out.push(`**${escape(service)}**`)
  out.push(`# ${escape(doc.meta.title)}`)
  if (doc.meta.subtitle !== undefined) out.push(`*${escape(doc.meta.subtitle)}*`)
  const info = [audienceLine(doc, theme), issuedLine(doc, theme)].filter((l): l is string => l !== undefined)
  if (info.length > 0) out.push(info.map(escape).join("  \n"))
  if (doc.meta.confidentiality !== undefined) {
    out.push(`> **${escape(doc.meta.confidentiality)}**`)
  }
  for (const b of doc.blocks) {
    const s = block(b, lang)
    if (s !== "") out.push(s)
  }
  return `${out.join("\n\n")}\n`
}

/** Plain text of a document's blocks (used by tests and search indexes). @since 0.1.0 */
export const plainText = (doc: Document): string =>
  doc.blocks
    .map((b) =>
      b._tag === "Heading"
        ? b.text
        : b._tag === "Paragraph" || b._tag === "Signature" || b._tag === "Note"
        ? plain(b.text)
        : b._tag === "List"
        ? b.items.map(plain).join("\n")
        : b._tag === "Table"
        ? [b.header.join("\t"), ...b.rows.map((r) => r.map(plain).join("\t"))].join("\n")
        : b._tag === "Definitions"
        ? b.items.map((d) => `${d.label}\t${plain(d.value)}`).join("\n")
        : ""
    )
    .filter((s) => s !== "")
    .join("\n")
