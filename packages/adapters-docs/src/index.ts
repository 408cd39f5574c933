/**
 * @entre-pairs/adapters-docs — French documents for entre-pairs: a
 * format-neutral document model and pure renderers to Markdown, HTML, ODT,
 * DOCX, PDF and iCalendar, French typography helpers, theming, and an
 * optional LibreOffice bridge for archival PDF/A.
 *
 * @since 0.1.0
 */
export * as Document from "./Document.js"
export * as Docx from "./Docx.js"
export * as Html from "./Html.js"
export * as Icalendar from "./Icalendar.js"
export * as Layout from "./Layout.js"
export * as LibreOffice from "./LibreOffice.js"
export * as Markdown from "./Markdown.js"
export * as Odt from "./Odt.js"
export * as Pdf from "./Pdf.js"
export * as Render from "./Render.js"
export * as Theme from "./Theme.js"
export * as Typography from "./Typography.js"
