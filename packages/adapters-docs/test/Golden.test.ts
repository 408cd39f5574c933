import { describe, expect, it } from "vitest"
import { Html, Layout, Markdown } from "../src/index.js"
import { conclusionsView, minutesView } from "./fixtures.js"

const theme = { serviceName: "DREETS Bretagne — Pôle travail" }

describe("golden files", () => {
  it("minutes in Markdown", async () => {
    await expect(Markdown.render(Layout.minutes(minutesView), theme)).toMatchFileSnapshot("__golden__/minutes.md")
  })
  it("conclusions in Markdown", async () => {
    await expect(Markdown.render(Layout.conclusions(conclusionsView), theme)).toMatchFileSnapshot("__golden__/conclusions.md")
  })
  it("minutes in HTML", async () => {
    await expect(Html.render(Layout.minutes(minutesView), theme)).toMatchFileSnapshot("__golden__/minutes.html")
  })
  it("conclusions in HTML", async () => {
    await expect(Html.render(Layout.conclusions(conclusionsView), theme)).toMatchFileSnapshot("__golden__/conclusions.html")
  })
  it("minutes in English", async () => {
    await expect(Markdown.render(Layout.minutes(minutesView, { lang: "en" }), { lang: "en" })).toMatchFileSnapshot("__golden__/minutes.en.md")
  })

  it("HTML is standalone and accessible by construction", () => {
    const html = Html.render(Layout.minutes(minutesView), theme)
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).toContain("<caption>Variantes et arbitrages — question n°\u00a01</caption>")
    expect(html).toContain('<th scope="col">Arbitrage</th>')
    expect(html).toContain("@media print")
    // Printed without backgrounds, header cells must not keep white text.
    expect(html.slice(html.indexOf("@media print"))).toContain("thead th { background: #ffffff; color: #1a1a1a;")
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html).toContain("Diffusion restreinte aux destinataires")
    expect(Html.render(Layout.conclusions(conclusionsView))).toContain("Document confidentiel — diffusion restreinte au groupe")
  })

  it("Markdown escapes what would be markup", () => {
    const md = Markdown.render({ meta: { title: "A *b* | c", lang: "fr" }, blocks: [] })
    expect(md).toContain("# A \\*b\\* \\| c")
  })
})
