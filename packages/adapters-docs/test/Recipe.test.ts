/**
 * Runs the example of docs/recipes/documents.md, so that the recipe cannot
 * drift from the API.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { strFromU8, unzipSync } from "fflate"
import { afterAll, describe, expect, it } from "vitest"

const recipe = readFileSync(join(import.meta.dirname, "../../../docs/recipes/documents.md"), "utf8")
const example = /## Runnable example[\s\S]*?```ts\n([\s\S]*?)```/.exec(recipe)?.[1]
const dir = join(import.meta.dirname, "../.recipe")

describe("docs/recipes/documents.md", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("runs and themes every format", async () => {
    expect(example).toBeDefined()
    mkdirSync(dir, { recursive: true })
    const file = join(dir, "documents.ts")
    writeFileSync(file, example!)
    const out = (await import(/* @vite-ignore */ file)) as Record<string, unknown>
    expect(out.markdown).toContain("**DDETS de la Gironde**")
    expect(out.markdown).toContain("jeudi 3\u00a0décembre\u00a02026 à 14\u00a0h\u00a030")
    const html = out.html as string
    expect(html).toContain('src="data:image/png;base64,')
    expect(html).toContain("thead th { background: #1f3a93; color: #ffffff; }")
    expect(html).toContain("font-size: 110%")
    const odt = unzipSync(out.odt as Uint8Array)
    expect(Object.keys(odt)).toContain("Pictures/logo.png")
    expect(strFromU8(odt["content.xml"]!)).toContain('fo:background-color="#1f3a93"')
    const docx = unzipSync(out.docx as Uint8Array)
    expect(Object.keys(docx).some((k) => k.startsWith("word/media/"))).toBe(true)
    expect(Buffer.from(out.pdf as Uint8Array).subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(out.ics).toContain("DTSTART:20261203T133000Z")
  })
})
