/**
 * One entry point from a core view to a file: `render(view, format, options)`.
 * The input is a core view, never raw state, so what may be shown to whom
 * (CNF-*) is decided by core once and inherited here.
 *
 * @since 0.1.0
 */
import * as Docx from "./Docx.js"
import * as Html from "./Html.js"
import * as Icalendar from "./Icalendar.js"
import type * as V from "./internal/views.js"
import * as Layout from "./Layout.js"
import * as Markdown from "./Markdown.js"
import * as Odt from "./Odt.js"
import * as Pdf from "./Pdf.js"
import type * as Theme from "./Theme.js"

/** Document formats. @since 0.1.0 */
export type DocumentFormat = "markdown" | "html" | "odt" | "docx" | "pdf"
/** Every format; `ics` only for calendars and agendas. @since 0.1.0 */
export type Format = DocumentFormat | "ics"

/** Options: theme (colours, logo, service name, font scale, language), PDF fonts, iCalendar stamps. @since 0.1.0 */
export interface Options extends Theme.Options {
  readonly fonts?: Pdf.Fonts
  readonly timestamp?: number
  readonly uidDomain?: string
}

/** The rendered file: text for Markdown, HTML and iCalendar, bytes otherwise. @since 0.1.0 */
export type Rendered<F extends Format> = F extends "markdown" | "html" | "ics" ? string : Uint8Array

/** File extension of a format. @since 0.1.0 */
export const extension = (format: Format): string => ({ markdown: "md", html: "html", odt: "odt", docx: "docx", pdf: "pdf", ics: "ics" })[format]

/** Media type of a format. @since 0.1.0 */
export const mediaType = (format: Format): string =>
  ({
    markdown: "text/markdown; charset=utf-8",
    html: "text/html; charset=utf-8",
    odt: Odt.mediaType,
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    pdf: "application/pdf",
    ics: "text/calendar; charset=utf-8"
  })[format]

/**
 * Renders a core view in a format.
 *
 * @example
 * import { Render } from "@entre-pairs/adapters-docs"
 * import type { Layout } from "@entre-pairs/adapters-docs"
 * declare const minutes: Layout.MinutesView
 * const pdf: Uint8Array = await Render.render(minutes, "pdf", { serviceName: "DDETS du Finistère" })
 * @since 0.1.0
 */
export function render(view: V.CalendarView | V.AgendaView, format: "ics", options?: Options): Promise<string>
export function render<F extends DocumentFormat>(view: V.DocumentView, format: F, options?: Options): Promise<Rendered<F>>
export async function render(view: V.DocumentView, format: Format, options: Options = {}): Promise<string | Uint8Array> {
  const layout = options.lang !== undefined ? { lang: options.lang } : {}
  if (format === "ics") {
    if (view._tag !== "CalendarView" && view._tag !== "AgendaView") {
      throw new TypeError(`iCalendar is for calendars and agendas, not ${view._tag}`)
    }
    return Icalendar.render(Layout.calendarEvents(view, layout), {
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
      ...(options.uidDomain !== undefined ? { uidDomain: options.uidDomain } : {}),
      ...(options.lang !== undefined ? { lang: options.lang } : {})
    })
  }
  const doc = Layout.toDocument(view, layout)
  switch (format) {
    case "markdown":
      return Markdown.render(doc, options)
    case "html":
      return Html.render(doc, options)
    case "odt":
      return Odt.render(doc, options)
    case "docx":
      return Docx.render(doc, options)
    case "pdf":
      return Pdf.render(doc, options)
  }
}
