/**
 * PDF rendering of a document: accessible by default, without LibreOffice.
 * A tagged PDF (PDF/UA-1 in intent) written with `pdfkit`: a structure tree
 * of headings (the title H1, then H2–H4), paragraphs, lists (label and
 * body), tables with a caption and column header cells, a figure with
 * alternative text for the logo; running header, footer and repeated table
 * headers marked as pagination artifacts; the document's language, its
 * title shown in the viewer's title bar, bookmarks for the title and every
 * heading, the PDF/UA identifier in the XMP metadata.
 *
 * Layout is ours (pdfkit draws): A4, 2 cm margins, ragged-right lines that
 * never break at a no-break space (« 3 décembre 2026 », « 14 h ») nor inside
 * a date; table columns at least as wide as their widest word; headings,
 * captions and table header rows kept with what follows; no orphan or widow
 * line; the closing line kept with the content before it; long tables break
 * between rows with their header repeated; no blank page.
 *
 * The font is embedded: DejaVu Sans, read from the `dejavu-fonts-ttf` package
 * (never from the system), because the standard PDF fonts lack U+202F, the
 * narrow no-break space French typography uses. Pass `fonts` to use another
 * family (e.g. Marianne) with the same glyph coverage. Parsed fonts are
 * cached for the process. The same document gives the same bytes: its date
 * is the document's own, never the clock.
 *
 * @since 0.1.0
 */
import type { Document } from "./Document.js"
import { dejaVuSans, type FontFaces } from "./internal/fonts.js"
import { metrics } from "./internal/measure.js"
import { layout } from "./internal/pdf/layout.js"
import { paint } from "./internal/pdf/paint.js"
import * as Theme from "./Theme.js"

/** Font faces to embed (TTF or OTF bytes). @since 0.1.0 */
export type Fonts = FontFaces

/** PDF options: the theme, plus the font faces to embed. @since 0.1.0 */
export interface Options extends Theme.Options {
  readonly fonts?: Fonts
}

/**
 * Renders a document as tagged PDF bytes. Rejects with a
 * {@link Theme.ThemeError} on a bad theme option.
 *
 * @example
 * import { Document, Pdf } from "@entre-pairs/adapters-docs"
 * const bytes = await Pdf.render(Document.make({ title: "Compte rendu", lang: "fr" }, [Document.paragraph("Œuvre « commune »")]))
 * @since 0.1.0
 */
export const render = async (doc: Document, options: Options = {}): Promise<Uint8Array> => {
  const theme = Theme.unsafeMake(options)
  const m = metrics(options.fonts ?? dejaVuSans())
  const laid = layout(doc, theme, m)
  return paint(laid, m.fonts, {
    ...(doc.meta.subtitle !== undefined ? { subject: doc.meta.subtitle } : {}),
    ...(doc.meta.issuedAt !== undefined ? { date: doc.meta.issuedAt } : {})
  })
}

/**
 * The number of pages a document takes, and for each page whether it holds
 * body text and whether it holds only the closing line: what the renderer's
 * pagination guarantees (no blank page, no page with only a closing line),
 * for tests and previews.
 *
 * @example
 * import { Document, Pdf } from "@entre-pairs/adapters-docs"
 * Pdf.pages(Document.make({ title: "Compte rendu", lang: "fr" }, [Document.paragraph("Texte")])).length // 1
 * @since 0.1.0
 */
export const pages = (doc: Document, options: Options = {}): ReadonlyArray<{ readonly body: boolean; readonly closingOnly: boolean }> => {
  const theme = Theme.unsafeMake(options)
  return layout(doc, theme, metrics(options.fonts ?? dejaVuSans())).pages.map((p) => {
    const body = p.slices.filter(({ slice }) => slice.body)
    return { body: body.length > 0, closingOnly: body.length > 0 && body.every(({ slice }) => slice.closing === true) }
  })
}
