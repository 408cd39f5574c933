/**
 * Documents: one view rendered in one format by `@entre-pairs/adapters-docs`
 * (loaded on first use), and the name of its file.
 */
import type { View } from "@entre-pairs/core"
import * as Effect from "effect/Effect"
import type { Lang } from "./Common.js"
import * as L from "./Labels.js"

const renderFormat = { md: "markdown", html: "html", odt: "odt", docx: "docx", pdf: "pdf", ics: "ics" } as const

/** Renders one view in one format, as the bytes of its file; the renderers are loaded on first use. */
export const renderView = (view: View.View, format: L.FileFormat, lang: Lang): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const { Render } = await import("@entre-pairs/adapters-docs")
    if (format === "pdf") (await import("./PdfFonts.js")).memoiseFontTables()
    const options = { lang }
    const rendered =
      format === "ics"
        ? await Render.render(view as Parameters<typeof Render.render>[0] & { _tag: "CalendarView" | "AgendaView" }, "ics", options)
        : await Render.render(view as Parameters<typeof Render.render>[0], renderFormat[format], options)
    return typeof rendered === "string" ? new TextEncoder().encode(rendered) : rendered
  })

/** The file name of a view: `07-compte-rendu-seance-2.direction.pdf`. */
export const fileName = (output: L.Output, audience: L.Audience, format: L.FileFormat, suffix?: string) =>
  `${String(L.outputs.indexOf(output) + 1).padStart(2, "0")}-${L.outputSlugs[output]}${suffix === undefined ? "" : `-${suffix}`}.${L.audienceSlugs[audience]}.${format}`
