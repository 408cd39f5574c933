import * as Either from "effect/Either"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { Document, Html, Pdf, Render, Theme } from "../src/index.js"
import { minutesView } from "./fixtures.js"

const doc = Document.make({ title: "Titre", lang: "fr" }, [Document.table({ caption: "c", header: ["a", "b"], rows: [["1", "2"]] })])

describe("Theme", () => {
  const left = (r: Either.Either<Theme.Theme, Theme.ThemeError>) => {
    if (Either.isRight(r)) throw new Error("expected a ThemeError")
    return r.left
  }

  it("refuses colours that are not #rrggbb and absurd scales with a typed error naming the option", () => {
    const colour = left(Theme.make({ colours: { primary: "blue" } }))
    expect(colour).toBeInstanceOf(Theme.ThemeError)
    expect(colour._tag).toBe("ThemeError")
    expect(colour.path).toEqual(["colours", "primary"])
    expect(colour.reason.fr).toContain("#rrggbb")
    const scale = left(Theme.make({ fontScale: 10 }))
    expect(scale.path).toEqual(["fontScale"])
    expect(scale).not.toBeInstanceOf(RangeError)
    expect(left(Theme.make({ fontScale: Number.NaN })).path).toEqual(["fontScale"])
    expect(() => Theme.unsafeMake({ fontScale: 10 })).toThrow(Theme.ThemeError)
  })

  it("refuses a logo whose bytes do not match its type", () => {
    const e = left(Theme.make({ logo: { bytes: new Uint8Array([1, 2, 3]), mime: "image/png", widthMm: 20 } }))
    expect(e.path).toEqual(["logo", "bytes"])
    expect(e.message).toMatch(/not a "image\/png" image/)
    expect(left(Theme.make({ logo: { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0, 0]), mime: "image/jpeg", widthMm: 900 } })).path).toEqual(["logo", "widthMm"])
  })

  it("Render.render rejects a bad theme and a wrong format with tagged errors, never TypeError or RangeError", async () => {
    const bad = await Render.render(minutesView, "pdf", { fontScale: 99 }).then(() => undefined, (e: unknown) => e)
    expect(bad).toBeInstanceOf(Theme.ThemeError)
    const wrong = await (Render.render as (v: unknown, f: string) => Promise<unknown>)(minutesView, "ics").then(() => undefined, (e: unknown) => e)
    expect(wrong).toBeInstanceOf(Render.UnsupportedFormat)
    expect(wrong).not.toBeInstanceOf(TypeError)
    const failure = await Effect.runPromise(Effect.flip(Render.renderEffect(minutesView, "odt", { colours: { accent: "#12" } })))
    expect(failure._tag).toBe("ThemeError")
  })

  it("rejects a corrupt PNG in a PDF instead of hanging", async () => {
    const header = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0", "base64")
    const corrupt = new Uint8Array(Buffer.concat([header, Buffer.from([0, 0, 0, 4, 0x49, 0x44, 0x41, 0x54, 1, 2, 3, 4, 0, 0, 0, 0])]))
    await expect(Pdf.render(doc, { logo: { bytes: corrupt, mime: "image/png", widthMm: 20 } })).rejects.toThrow(/PNG image data is corrupt/)
  })

  it("keeps contrast: a pale primary colour is not used for text", () => {
    const html = Html.render(doc, { colours: { primary: "#ffe600", accent: "#ffe600" } })
    expect(html).toContain("h1 { color: #1a1a1a;")
    expect(html).toContain("thead th { background: #ffe600; color: #1a1a1a; }")
    const dark = Html.render(doc, { colours: { primary: "#1f3a93" } })
    expect(dark).toContain("h1 { color: #1f3a93;")
    expect(dark).toContain("thead th { background: #1f3a93; color: #ffffff; }")
  })

  it("scales fonts", () => {
    expect(Theme.fontSize(Theme.unsafeMake({ fontScale: 2 }), "body")).toBe(21)
    expect(Html.render(doc, { fontScale: 1.2 })).toContain("font-size: 120%")
  })
})
