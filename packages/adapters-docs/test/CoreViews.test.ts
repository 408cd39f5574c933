/**
 * End to end with core: the complete example exchange of docs/examples is
 * decoded, every view core allows is built with `View.build`, and each one is
 * rendered in every format. Names of participants must not appear in any
 * document but the attestation, which names its own agent only.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Exchange, Instant, View } from "@entre-pairs/core"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { Html, Layout, Markdown, Render } from "../src/index.js"

const snapshot = Exchange.decodeSync(JSON.parse(readFileSync(join(import.meta.dirname, "../../../docs/examples/exchange-complete.json"), "utf8")))
const at = Instant.unsafeMake("2026-09-01T08:00:00Z")
const session = [...snapshot.sessions].sort((a, b) => a.scheduledAt.epochMillis - b.scheduledAt.epochMillis).find((s) => s.minutes.some((m) => m.sentAt !== undefined))!
const attendee = session.attendees[0]!

const requests: ReadonlyArray<View.Request> = [
  { output: "framing", audience: "organisation" },
  { output: "invitation", audience: "organisation" },
  { output: "charter", audience: "group" },
  { output: "calendar", audience: "lineManagers" },
  { output: "agenda", audience: "group", sessionId: session.id },
  { output: "minutes", audience: "lineManagers", sessionId: session.id },
  { output: "trainingNeeds", audience: "direction" },
  { output: "conclusions", audience: "organisation" },
  { output: "directionResponse", audience: "group" },
  { output: "review", audience: "socialDialogue" },
  { output: "attestation", audience: "lineManagers", agentId: attendee }
]

const names = snapshot.agents.flatMap((a) => [a.lastName]).filter((n) => n.length > 3)

describe("core views of the example exchange", () => {
  it.each(requests.map((r) => [`${r.output} for ${r.audience}`, r] as const))("%s renders in every format without naming anyone", async (_, request) => {
    const built = View.build(snapshot, request, { at })
    if (Either.isLeft(built)) throw built.left
    const view = built.right
    if (!Layout.isDocumentView(view)) throw new Error("composition is never rendered")
    const md = await Render.render(view, "markdown")
    expect(md).toContain(snapshot.title.replace(" :", "\u00a0:"))
    const leaks = names.filter((n) => md.includes(n))
    if (view._tag === "AttestationView") {
      const agent = snapshot.agents.find((a) => a.id === attendee)!
      expect(md).toContain(agent.lastName.toUpperCase())
      expect(leaks.filter((n) => n !== agent.lastName)).toEqual([])
    } else {
      expect(leaks).toEqual([])
    }
    expect(await Render.render(view, "html")).toContain('<html lang="fr">')
    for (const format of ["odt", "docx", "pdf"] as const) expect((await Render.render(view, format)).length).toBeGreaterThan(1000)
    if (view._tag === "CalendarView" || view._tag === "AgendaView") expect(await Render.render(view, "ics", { timestamp: 0 })).toContain("BEGIN:VEVENT")
  })

  it("the confidentiality of the view becomes the banner", () => {
    const charter = View.build(snapshot, { output: "charter", audience: "group" }, { at })
    const doc = Layout.toDocument(Either.getOrThrow(charter) as Layout.DocumentView)
    expect(doc.meta.confidentiality).toBe("Document confidentiel — diffusion restreinte au groupe")
    expect(Html.render(doc)).toContain("Document confidentiel — diffusion restreinte au groupe")
    const framing = Either.getOrThrow(View.build(snapshot, { output: "framing", audience: "organisation" }, { at })) as Layout.DocumentView
    expect(Markdown.render(Layout.toDocument(framing))).not.toContain("confidentiel")
  })

  it("the composition (profile data) cannot be rendered: a type error", () => {
    const composition = Either.getOrThrow(View.build(snapshot, { output: "composition", audience: "facilitators" }, { at }))
    expect(Layout.isDocumentView(composition)).toBe(false)
    // @ts-expect-error CompositionView is not a DocumentView
    const attempt = () => Render.render(composition, "markdown")
    expect(typeof attempt).toBe("function")
  })
})
