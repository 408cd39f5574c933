/**
 * An independent reader of the PDFs we write: Mozilla's pdf.js (pdfjs-dist),
 * which parses the file itself (not pdfkit's objects), gives each page's
 * structure tree, its text with the marked-content sequences around it, the
 * outline and the catalog's language.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs"

export interface StructNode {
  readonly role?: string
  readonly type?: string
  readonly alt?: string
  readonly lang?: string
  readonly children?: ReadonlyArray<StructNode>
}

export interface PageText {
  /** Text inside structure elements (what a screen reader reads). */
  readonly tagged: string
  /** Text inside artifacts (running header and footer, repeated table headers). */
  readonly artifact: string
  /** Text outside any marked-content sequence (must be empty in a tagged PDF). */
  readonly unmarked: string
}

export interface Read {
  readonly pages: number
  readonly lang: string | undefined
  readonly title: string | undefined
  readonly outline: ReadonlyArray<{ readonly title: string; readonly items: ReadonlyArray<{ readonly title: string }> }>
  /** Each page's structure tree (elements with content on the page). */
  readonly trees: ReadonlyArray<StructNode>
  readonly text: ReadonlyArray<PageText>
}

/** Every role of a structure tree, in document order. */
export const roles = (n: StructNode): Array<string> => [...(n.role !== undefined ? [n.role] : []), ...(n.children ?? []).flatMap(roles)]

/** Every node with a role, in document order. */
export const nodes = (n: StructNode): Array<StructNode> => [...(n.role !== undefined ? [n] : []), ...(n.children ?? []).flatMap(nodes)]

export const readPdf = async (bytes: Uint8Array): Promise<Read> => {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise
  try {
    const meta = await pdf.getMetadata()
    const info = meta.info as { Language?: string; Title?: string }
    const outline = ((await pdf.getOutline()) ?? []).map((o) => ({ title: o.title, items: o.items.map((i) => ({ title: i.title })) }))
    const trees: Array<StructNode> = []
    const text: Array<PageText> = []
    for (let i = 1; i <= pdf.numPages; i++) {
      const page = await pdf.getPage(i)
      trees.push(((await page.getStructTree()) ?? {}) as StructNode)
      const content = await page.getTextContent({ includeMarkedContent: true })
      const stack: Array<string> = []
      const out = { tagged: "", artifact: "", unmarked: "" }
      for (const item of content.items) {
        if ("type" in item) {
          if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") stack.push((item as { tag?: string }).tag ?? "")
          else if (item.type === "endMarkedContent") stack.pop()
          continue
        }
        const where = stack.length === 0 ? "unmarked" : stack.includes("Artifact") ? "artifact" : "tagged"
        out[where] += item.str + (item.hasEOL ? "\n" : "")
      }
      text.push(out)
      page.cleanup()
    }
    return { pages: pdf.numPages, lang: info.Language, title: info.Title, outline, trees, text }
  } finally {
    await pdf.destroy()
  }
}
