/**
 * One entry point from a core view to a file: `render(view, format, options)`.
 * The input is a core view, never raw state, so what may be shown to whom
 * (CNF-*) is decided by core once and inherited here.
 *
 * @since 0.1.0
 */
import type { View } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Docx from "./Docx.js"
import * as Html from "./Html.js"
import * as Icalendar from "./Icalendar.js"
import * as Layout from "./Layout.js"
import * as Markdown from "./Markdown.js"
import * as Odt from "./Odt.js"
import * as Pdf from "./Pdf.js"
import * as Theme from "./Theme.js"

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
 * A view asked in a format it has no file for: iCalendar is for calendars
 * and agendas only.
 *
 * @example
 * import { Render } from "@entre-pairs/adapters-docs"
 * const error = new Render.UnsupportedFormat({ view: "MinutesView", format: "ics" })
 * error.message // "MinutesView cannot be rendered as ics: iCalendar is for calendars and agendas"
 * @since 0.1.0
 */
export class UnsupportedFormat extends Schema.TaggedError<UnsupportedFormat>("@entre-pairs/adapters-docs/UnsupportedFormat")("UnsupportedFormat", {
  view: Schema.String,
  format: Schema.String
}) {
  override get message(): string {
    return `${this.view} cannot be rendered as ${this.format}: iCalendar is for calendars and agendas`
  }
  /** The same in French. */
  get messageFr(): string {
    return `${this.view} ne se rend pas en ${this.format} : l’iCalendar est réservé aux calendriers et aux ordres du jour`
  }
}

/** Every expected failure of a render: a bad theme option, a format the view has no file for, an event iCalendar cannot write. @since 0.1.0 */
export type RenderError = Theme.ThemeError | UnsupportedFormat | Icalendar.IcalendarError

const isRenderError = (e: unknown): e is RenderError =>
  e instanceof Theme.ThemeError || e instanceof UnsupportedFormat || e instanceof Icalendar.IcalendarError

/**
 * Renders a core view in a format. The promise rejects with a
 * {@link RenderError} (a tagged error, never a `TypeError`) on a bad theme
 * option or a format the view has no file for; {@link renderEffect} gives the
 * same as an `Effect` with a typed error channel.
 *
 * @example
 * import { Render } from "@entre-pairs/adapters-docs"
 * import type { Layout } from "@entre-pairs/adapters-docs"
 * declare const minutes: Layout.MinutesView
 * const pdf: Uint8Array = await Render.render(minutes, "pdf", { serviceName: "DDETS du Finistère" })
 * @since 0.1.0
 */
export function render(view: View.CalendarView | View.AgendaView, format: "ics", options?: Options): Promise<string>
export function render<F extends DocumentFormat>(view: Layout.DocumentView, format: F, options?: Options): Promise<Rendered<F>>
export async function render(view: Layout.DocumentView, format: Format, options: Options = {}): Promise<string | Uint8Array> {
  const layout = options.lang !== undefined ? { lang: options.lang } : {}
  const theme = Theme.make(options)
  if (Either.isLeft(theme)) throw theme.left
  if (format === "ics") {
    if (view._tag !== "CalendarView" && view._tag !== "AgendaView") throw new UnsupportedFormat({ view: view._tag, format })
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

/**
 * {@link render} as an `Effect`: expected failures (a bad theme option, a
 * format the view has no file for) in the error channel, typed.
 *
 * @example
 * import { Render } from "@entre-pairs/adapters-docs"
 * import type { Layout } from "@entre-pairs/adapters-docs"
 * import { Effect } from "effect"
 * declare const minutes: Layout.MinutesView
 * const program = Render.renderEffect(minutes, "pdf", { colours: { primary: "blue" } }).pipe(
 *   Effect.catchTag("ThemeError", (e) => Effect.succeed(e.reason.fr))
 * )
 * @since 0.1.0
 */
export function renderEffect(view: View.CalendarView | View.AgendaView, format: "ics", options?: Options): Effect.Effect<string, RenderError>
export function renderEffect<F extends DocumentFormat>(view: Layout.DocumentView, format: F, options?: Options): Effect.Effect<Rendered<F>, RenderError>
export function renderEffect(view: Layout.DocumentView, format: Format, options: Options = {}): Effect.Effect<string | Uint8Array, RenderError> {
  return Effect.flatten(
    Effect.promise(() =>
      (render as (v: Layout.DocumentView, f: Format, o: Options) => Promise<string | Uint8Array>)(view, format, options).then(
        (bytes) => Either.right(bytes),
        (e: unknown) => (isRenderError(e) ? Either.left(e) : Promise.reject(e))
      )
    )
  )
}
