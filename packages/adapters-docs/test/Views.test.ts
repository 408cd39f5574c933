import { describe, expect, it } from "vitest"
import { Layout, Markdown, Render } from "../src/index.js"
import { everyView } from "./fixtures.js"
import { textOf, unzipText, xml } from "./helpers.js"

const md = (tag: string, lang: "fr" | "en" = "fr") => Markdown.render(Layout.toDocument(everyView.find((v) => v._tag === tag)!, { lang }))

describe("layouts of every view", () => {
  it.each(everyView.map((v) => [v._tag, v] as const))("%s renders in every document format", async (_, view) => {
    const doc = Layout.toDocument(view)
    expect(doc.meta.lang).toBe("fr")
    expect((await Render.render(view, "markdown")).length).toBeGreaterThan(100)
    expect(await Render.render(view, "html")).toContain(`<h1>`)
    const odt = unzipText(await Render.render(view, "odt"))
    expect(textOf(xml.parse(odt["content.xml"]!))).toContain(doc.meta.title)
    const docx = unzipText(await Render.render(view, "docx"))
    expect(textOf(xml.parse(docx["word/document.xml"]!))).toContain(doc.meta.title)
    const pdf = await Render.render(view, "pdf")
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-")
  })

  it("the framing carries origin, objectives, perimeter, themes, facilitation, calendar", () => {
    const s = md("FramingView")
    for (const part of ["Origine de la démarche", "Proposée par des agents", "Se professionnaliser", "Unité de contrôle d’Ille-et-Vilaine", "Animation en binôme", "chargé de prévention", "samedi 24\u00a0octobre\u00a02026 à 14\u00a0h", "présenté aux instances de dialogue social"]) {
      expect(s).toContain(part)
    }
  })

  it("the invitation says it is voluntary and lists the group's rules", () => {
    const s = md("InvitationView")
    expect(s).toContain("La participation repose sur le volontariat.")
    expect(s).toContain("Confidentialité des échanges")
  })

  it("the follow-up grid has action, owner, due date and status, overdue flagged", () => {
    const s = md("DirectionResponseView")
    expect(s).toContain("| Action | Responsable | Échéance | Statut | Commentaire |")
    expect(s).toContain("| Former à la mesure de l’empoussièrement | Service formation | 28/02/2027 | Prévue **— en retard** |")
    expect(s).toContain("Inscrire la mesure de l’empoussièrement au plan de formation 2027.")
  })

  it("the review shows figures and no personal data", () => {
    const s = md("ReviewView")
    expect(s).toContain("| Taux de présence | 87,5\u202f% |")
    expect(s).toContain("aucune donnée personnelle")
    expect(s).not.toMatch(/Élodie|Lefèvre/)
  })

  it("the attestation names the agent, the sessions, the dates and the theme", () => {
    const s = md("AttestationView")
    expect(s).toContain("**Mme Élodie LEFÈVRE**")
    expect(s).toContain("«\u00a0Contrôle des chantiers de retrait d’amiante\u00a0»")
    expect(s).toContain("mardi 3\u00a0novembre\u00a02026")
    expect(s).toContain("5\u00a0h\u00a030")
  })

  it("the calendar and agenda show Paris times", () => {
    expect(md("CalendarView")).toContain("| 2 | mardi 3\u00a0novembre\u00a02026 | de 14\u00a0h à 16\u00a0h\u00a030 |")
    expect(md("AgendaView")).toContain("Points à l’ordre du jour")
  })

  it("the charter lists the five rules; training needs say what was transmitted", () => {
    expect(md("CharterView").match(/^\d\. /gm)).toHaveLength(5)
    expect(md("TrainingNeedsView")).toMatch(/\| oui \|[\s\S]*\| non \|/)
  })

  it("every view renders in English", () => {
    for (const v of everyView) expect(Markdown.render(Layout.toDocument(v, { lang: "en" }), { lang: "en" })).not.toMatch(/Émis le|Destinataires|Séance n°|Compte rendu —/)
    expect(md("AttestationView", "en")).toContain("certifies that")
  })

  it("iCalendar is refused for views that are not calendars (types and runtime)", async () => {
    const minutes = everyView.find((v) => v._tag === "MinutesView")!
    // @ts-expect-error iCalendar takes calendars and agendas only
    await expect(Render.render(minutes, "ics")).rejects.toThrow(/calendars and agendas/)
  })
})
