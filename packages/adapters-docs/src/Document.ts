/**
 * A format-neutral document: metadata plus a flat list of blocks (headings,
 * paragraphs with inline runs, lists, tables, definition lists, notes, page
 * breaks, a signature line). Layouts build it from core views; every renderer
 * (Markdown, HTML, ODT, DOCX, PDF) reads it. Pure data, no I/O.
 *
 * @since 0.1.0
 */

/** Language of a document: French first, English by option. @since 0.1.0 */
export type Lang = "fr" | "en"

/** A run of text inside a paragraph, a list item or a cell. @since 0.1.0 */
export interface Run {
  readonly text: string
  readonly bold?: boolean
  readonly italic?: boolean
}

/** Rich text: a sequence of runs. @since 0.1.0 */
export type Text = ReadonlyArray<Run>

/** Anything a constructor accepts as text: a plain string, one run or several. @since 0.1.0 */
export type TextInput = string | Run | ReadonlyArray<Run | string>

/** A heading, levels 1 to 3 (the title itself comes from the metadata). @since 0.1.0 */
export interface Heading {
  readonly _tag: "Heading"
  readonly level: 1 | 2 | 3
  readonly text: string
}

/** A paragraph. @since 0.1.0 */
export interface Paragraph {
  readonly _tag: "Paragraph"
  readonly text: Text
}

/** A bullet (unordered) or numbered (ordered) list. @since 0.1.0 */
export interface List {
  readonly _tag: "List"
  readonly ordered: boolean
  readonly items: ReadonlyArray<Text>
}

/**
 * A table. `widths` are relative weights of the columns (e.g. `[3, 1, 1]`):
 * every renderer turns them into its own unit (twips for DOCX, centimetres
 * for ODT, `*` widths for PDF, percentages for HTML), so that no table renders
 * narrow. `caption` names the table for screen readers and is shown above it.
 *
 * @since 0.1.0
 */
export interface Table {
  readonly _tag: "Table"
  readonly caption: string
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<Text>>
  readonly widths: ReadonlyArray<number>
}

/** A definition list: label → value. @since 0.1.0 */
export interface Definitions {
  readonly _tag: "Definitions"
  readonly items: ReadonlyArray<{ readonly label: string; readonly value: Text }>
}

/**
 * A note or callout. `confidential` is the tone for confidentiality warnings
 * ("Document confidentiel — diffusion restreinte au groupe").
 *
 * @since 0.1.0
 */
export interface Note {
  readonly _tag: "Note"
  readonly tone: "info" | "warning" | "confidential"
  readonly title?: string
  readonly text: Text
}

/** A page break (ignored by Markdown and by HTML on screen). @since 0.1.0 */
export interface PageBreak {
  readonly _tag: "PageBreak"
}

/** A signature line ("Pour la direction, …") closing the document. @since 0.1.0 */
export interface Signature {
  readonly _tag: "Signature"
  readonly text: Text
}

/**
 * The signatory's block of a document the service signs (an attestation):
 * place and date (« Fait à Bordeaux, le 20 mai 2027 »), the signatory's
 * title and name, with a space left for the signature and the stamp between
 * them; laid out in the right half of the page, kept whole and with what
 * precedes it.
 *
 * @since 0.2.0
 */
export interface Signatory {
  readonly _tag: "Signatory"
  readonly place: string
  readonly title?: string
  readonly name?: string
}

/** One block of a document. @since 0.1.0 */
export type Block = Heading | Paragraph | List | Table | Definitions | Note | PageBreak | Signature | Signatory

/**
 * Metadata shown in the title block, the running header and footer, and the
 * file's own properties. `issuedAt` is a UTC instant in epoch milliseconds,
 * shown in Europe/Paris.
 *
 * @since 0.1.0
 */
export interface Metadata {
  readonly title: string
  readonly subtitle?: string
  /** Who the document is for, e.g. "Destinataires : membres du groupe et encadrement". */
  readonly audience?: string
  /** The one person a document is addressed to (an attestation: « Destinataire : Mme Élodie LEFÈVRE »), instead of an audience. @since 0.2.0 */
  readonly recipient?: string
  /** Shown as a banner at the top of every format and in the running header. */
  readonly confidentiality?: string
  readonly serviceName?: string
  readonly issuedAt?: number
  readonly lang: Lang
}

/** A document: metadata and blocks. @since 0.1.0 */
export interface Document {
  readonly meta: Metadata
  readonly blocks: ReadonlyArray<Block>
}

/**
 * Normalises any text input into runs.
 *
 * @example
 * import { Document } from "@entre-pairs/adapters-docs"
 * Document.text(["Séance ", Document.bold("n° 2")])
 * // [{ text: "Séance " }, { text: "n° 2", bold: true }]
 * @since 0.1.0
 */
export const text = (input: TextInput): Text => {
  if (typeof input === "string") return [{ text: input }]
  if (isRunArray(input)) return input.map((r) => (typeof r === "string" ? { text: r } : r))
  return [input as Run]
}

const isRunArray = (input: TextInput): input is ReadonlyArray<Run | string> => Array.isArray(input)

/** Plain text of rich text (runs concatenated). @since 0.1.0 */
export const plain = (t: Text): string => t.map((r) => r.text).join("")

/** A bold run. @example Document.bold("Important") @since 0.1.0 */
export const bold = (t: string): Run => ({ text: t, bold: true })

/** An italic run. @example Document.italic("sic") @since 0.1.0 */
export const italic = (t: string): Run => ({ text: t, italic: true })

/** A heading. @example Document.heading(2, "Ordre du jour") @since 0.1.0 */
export const heading = (level: 1 | 2 | 3, t: string): Heading => ({ _tag: "Heading", level, text: t })

/** A paragraph. @example Document.paragraph("Texte") @since 0.1.0 */
export const paragraph = (t: TextInput): Paragraph => ({ _tag: "Paragraph", text: text(t) })

/** A bullet list. @example Document.bullets(["un", "deux"]) @since 0.1.0 */
export const bullets = (items: ReadonlyArray<TextInput>): List => ({
  _tag: "List",
  ordered: false,
  items: items.map(text)
})

/** A numbered list. @example Document.numbered(["un", "deux"]) @since 0.1.0 */
export const numbered = (items: ReadonlyArray<TextInput>): List => ({
  _tag: "List",
  ordered: true,
  items: items.map(text)
})

/**
 * A table; `widths` default to equal columns.
 *
 * @example
 * import { Document } from "@entre-pairs/adapters-docs"
 * Document.table({ caption: "Actions", header: ["Action", "Échéance"], rows: [["Former", "mars"]], widths: [3, 1] })
 * @since 0.1.0
 */
export const table = (spec: {
  readonly caption: string
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<TextInput>>
  readonly widths?: ReadonlyArray<number>
}): Table => {
  const widths = spec.widths ?? spec.header.map(() => 1)
  if (widths.length !== spec.header.length) {
    throw new RangeError(`table "${spec.caption}": ${widths.length} widths for ${spec.header.length} columns`)
  }
  for (const row of spec.rows) {
    if (row.length !== spec.header.length) {
      throw new RangeError(`table "${spec.caption}": a row has ${row.length} cells for ${spec.header.length} columns`)
    }
  }
  return { _tag: "Table", caption: spec.caption, header: spec.header, rows: spec.rows.map((r) => r.map(text)), widths }
}

/** A definition list. @example Document.definitions([["Lieu", "Salle 204"]]) @since 0.1.0 */
export const definitions = (items: ReadonlyArray<readonly [string, TextInput]>): Definitions => ({
  _tag: "Definitions",
  items: items.map(([label, value]) => ({ label, value: text(value) }))
})

/** A note or callout. @example Document.note("confidential", "Diffusion restreinte au groupe.") @since 0.1.0 */
export const note = (tone: Note["tone"], t: TextInput, title?: string): Note =>
  title === undefined ? { _tag: "Note", tone, text: text(t) } : { _tag: "Note", tone, title, text: text(t) }

/** A page break. @since 0.1.0 */
export const pageBreak: PageBreak = { _tag: "PageBreak" }

/** A signature line. @example Document.signature("Pour la direction") @since 0.1.0 */
export const signature = (t: TextInput): Signature => ({ _tag: "Signature", text: text(t) })

/**
 * A signatory's block: place and date, title, a space to sign, name.
 *
 * @example
 * import { Document } from "@entre-pairs/adapters-docs"
 * Document.signatory({ place: "Fait à Bordeaux, le 20 mai 2027", title: "La directrice adjointe", name: "Catherine Vidal" })
 * @since 0.2.0
 */
export const signatory = (spec: { readonly place: string; readonly title?: string | undefined; readonly name?: string | undefined }): Signatory => ({
  _tag: "Signatory",
  place: spec.place,
  ...(spec.title !== undefined && spec.title !== "" ? { title: spec.title } : {}),
  ...(spec.name !== undefined && spec.name !== "" ? { name: spec.name } : {})
})

/**
 * A document.
 *
 * @example
 * import { Document } from "@entre-pairs/adapters-docs"
 * const doc = Document.make({ title: "Compte rendu", lang: "fr" }, [Document.paragraph("…")])
 * @since 0.1.0
 */
export const make = (meta: Metadata, blocks: ReadonlyArray<Block>): Document => ({ meta, blocks })

/** Relative widths normalised to fractions summing to 1. @since 0.1.0 */
export const fractions = (widths: ReadonlyArray<number>): ReadonlyArray<number> => {
  const total = widths.reduce((a, b) => a + Math.max(b, 0), 0)
  return total > 0 ? widths.map((w) => Math.max(w, 0) / total) : widths.map(() => 1 / Math.max(widths.length, 1))
}

/**
 * Applies a function to every piece of text of a document (metadata, headings,
 * runs, cells, labels), e.g. {@link Typography.frenchSpacing}.
 *
 * @example
 * import { Document, Typography } from "@entre-pairs/adapters-docs"
 * const doc = Document.make({ title: "Pourquoi ?", lang: "fr" }, [])
 * Document.mapText(doc, Typography.frenchSpacing).meta.title // "Pourquoi\u202f?"
 * @since 0.1.0
 */
export const mapText = (doc: Document, f: (s: string) => string): Document => {
  const t = (x: Text): Text => x.map((r) => ({ ...r, text: f(r.text) }))
  const opt = (s: string | undefined) => (s === undefined ? undefined : f(s))
  const meta: Metadata = { ...doc.meta, title: f(doc.meta.title) }
  const m = meta as { -readonly [K in keyof Metadata]: Metadata[K] }
  for (const key of ["subtitle", "audience", "recipient", "confidentiality", "serviceName"] as const) {
    const v = opt(doc.meta[key])
    if (v !== undefined) m[key] = v
  }
  const blocks = doc.blocks.map((b): Block => {
    switch (b._tag) {
      case "Heading":
        return { ...b, text: f(b.text) }
      case "Paragraph":
      case "Signature":
        return { ...b, text: t(b.text) }
      case "Note":
        return b.title === undefined ? { ...b, text: t(b.text) } : { ...b, title: f(b.title), text: t(b.text) }
      case "List":
        return { ...b, items: b.items.map(t) }
      case "Table":
        return { ...b, caption: f(b.caption), header: b.header.map(f), rows: b.rows.map((r) => r.map(t)) }
      case "Definitions":
        return { ...b, items: b.items.map((d) => ({ label: f(d.label), value: t(d.value) })) }
      case "Signatory":
        return signatory({ place: f(b.place), title: opt(b.title), name: opt(b.name) })
      case "PageBreak":
        return b
    }
  })
  return { meta, blocks }
}
