/**
 * Property (issue acceptance, CNF-02/CNF-03): for generated cycles, no
 * document for an audience outside the group contains any participant's name,
 * in any format — text extracted from Markdown, HTML, ODT and DOCX (their XML
 * read back), PDF (pdftotext) and iCalendar.
 *
 * Cycles come from core's generator (generated people whose names never occur
 * in the generated free text), stopped at a random point of the lifecycle.
 */
import { Audience, Instant, View } from "@entre-pairs/core"
import * as Either from "effect/Either"
import * as FC from "effect/FastCheck"
import { describe, expect, it } from "vitest"
import { commandsOf, planArb } from "../../core/test/support/generate.js"
import type { Person, Plan } from "../../core/test/support/generate.js"
import { Runner } from "../../core/test/support/runner.js"
import { Layout, Render } from "../src/index.js"
import { pdfTextAsync, requireTool, textOf, unzipText, xml } from "./helpers.js"

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()

/** Whole-word occurrences of a participant's first or last name. */
const namesIn = (text: string, people: ReadonlyArray<Person>) => {
  const t = ` ${fold(text).replace(/[^\p{L}\p{N}'-]+/gu, " ")} `
  return people.filter((p) => [p.firstName, p.lastName].some((n) => t.includes(` ${fold(n)} `))).map((p) => p.id)
}

/** Hands the event loop back (vitest's RPC must not starve during a long property). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

const outside = Audience.audiences.filter((a) => !Audience.insideGroup(a))

const play = (plan: Plan) => {
  const commands = commandsOf(plan)
  const r = new Runner()
  for (const c of commands.slice(0, Math.max(1, Math.floor(plan.stop * commands.length)))) r.run(c)
  return r
}

/** The text people read in each format. */
const texts = async (view: Layout.DocumentView): Promise<Record<string, string>> => {
  const out: Record<string, string> = {
    markdown: await Render.render(view, "markdown"),
    html: (await Render.render(view, "html")).replace(/<[^>]+>/g, " "),
    odt: textOf(xml.parse(unzipText(await Render.render(view, "odt"))["content.xml"]!)),
    docx: textOf(xml.parse(unzipText(await Render.render(view, "docx"))["word/document.xml"]!)),
    pdf: await pdfTextAsync(await Render.render(view, "pdf"))
  }
  if (view._tag === "CalendarView" || view._tag === "AgendaView") out.ics = await Render.render(view, "ics", { timestamp: 0 })
  return out
}

describe.runIf(requireTool("pdftotext", "PDF text extraction"))("documents over generated cycles", () => {
  it("CNF-02 no document for an audience outside the group names a participant, in any format", async () => {
    let total = 0
    await FC.assert(
      FC.asyncProperty(planArb, async (plan) => {
        await breathe()
        const r = play(plan)
        const s = r.snapshot
        const at = Instant.make(r.clock)
        let rendered = 0
        for (const audience of outside) {
          const requests: ReadonlyArray<View.Request> = [
            ...(["framing", "invitation", "calendar", "trainingNeeds", "conclusions", "directionResponse", "review"] as const).map(
              (output) => ({ output, audience })
            ),
            ...s.sessions.flatMap((x) => [
              { output: "agenda" as const, audience, sessionId: x.id },
              { output: "minutes" as const, audience, sessionId: x.id }
            ])
          ]
          for (const request of requests) {
            await breathe()
            const built = View.build(s, request, { at })
            if (Either.isLeft(built) || !Layout.isDocumentView(built.right)) continue
            for (const [format, text] of Object.entries(await texts(built.right))) {
              expect({ format, output: request.output, audience, names: namesIn(text, plan.people) }).toEqual({
                format,
                output: request.output,
                audience,
                names: []
              })
            }
            rendered++
          }
        }
        total += rendered
      }),
      { numRuns: process.env.CI ? 25 : 8 }
    )
    // The generated cycles did reach documents outside the group.
    expect(total).toBeGreaterThan(0)
  }, 600_000)

  it("CNF-02 the check finds a name when one is there (the property can fail)", async () => {
    const plan = FC.sample(planArb, { numRuns: 1, seed: 7 })[0]!
    const r = play({ ...plan, stop: 1 })
    const built = View.build(r.snapshot, { output: "attestation", audience: "lineManagers", agentId: r.snapshot.members[0]!.agentId }, { at: Instant.make(r.clock) })
    const view = Either.getOrThrow(built)
    if (!Layout.isDocumentView(view)) throw new Error("attestation is a document")
    const found = await texts(view)
    for (const text of Object.values(found)) expect(namesIn(text, plan.people)).toContain(r.snapshot.members[0]!.agentId)
  }, 120_000)
})
