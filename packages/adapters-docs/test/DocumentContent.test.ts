/**
 * What an HR officer reads on the demo's documents (issue 13): each document
 * dated by its own event, and the French wording of defect 8. Each test is
 * titled by the defect it guards; the Markdown rendering is read (the same
 * document model feeds every format).
 */
import { describe, expect, it } from "vitest"
import { Html, Layout, Markdown } from "../src/index.js"
import { demoDocuments } from "./demo.js"

const docs = demoDocuments()
const md = (name: string): string => {
  const d = docs.find((x) => x.name === name)
  if (d === undefined) throw new Error(`no demo document ${name}: ${docs.map((x) => x.name).join(", ")}`)
  return Markdown.render(Layout.toDocument(d.view))
}
const issued = (text: string) => /Émis le ([^\n]+)/.exec(text)?.[1]

describe("defect 1: each document dated by its own event, not by the day the documents were made", () => {
  it("note de cadrage at its acceptance, invitation when sent, rules when adopted, agenda before its session, minutes when sent", () => {
    expect(issued(md("framing.group"))).toBe("mardi 22\u00a0septembre\u00a02026")
    expect(issued(md("invitation.organisation"))).toBe("vendredi 25\u00a0septembre\u00a02026")
    expect(issued(md("charter.group"))).toBe("jeudi 8\u00a0octobre\u00a02026")
    expect(issued(md("agenda-seance-1.group"))).toBe("vendredi 9\u00a0octobre\u00a02026")
    expect(issued(md("minutes-seance-1.group"))).toBe("lundi 19\u00a0octobre\u00a02026")
    expect(issued(md("review.socialDialogue"))).toBe("mardi 18\u00a0mai\u00a02027")
  })

  it("the demo's documents carry many dates, not one", () => {
    const dates = new Set(docs.map((d) => issued(Markdown.render(Layout.toDocument(d.view)))))
    expect(dates.size).toBeGreaterThanOrEqual(12)
  })
})

describe("defect 8: French wording", () => {
  it("the bilan names the body it is presented to as a labelled line, not a stray « Comité social d'administration » paragraph", () => {
    const review = md("review.socialDialogue")
    expect(review).toContain("**Instance\u00a0:** Comité social d’administration de la DDETS")
    expect(review.split("\n").filter((l) => l.trim() === "Comité social d’administration de la DDETS")).toEqual([])
  })

  it("« acceptée par la Directrice… », with its article", () => {
    expect(md("framing.group")).toContain("Démarche acceptée le 22\u00a0septembre\u00a02026 par la Directrice départementale adjointe.")
  })

  it("session 4 (syntheses only) has « synthèse » for object, not « étude de cas », in its agenda, its minutes and the calendar", () => {
    expect(md("agenda-seance-4.group")).toContain("**Objet\u00a0:** synthèse des travaux")
    expect(md("minutes-seance-4.group")).toContain("4 — synthèse des travaux")
    const calendar = md("calendar.group").split("\n").find((l) => l.startsWith("| 4 |"))
    expect(calendar).toContain("synthèse des travaux")
    expect(md("agenda-seance-2.group")).toContain("**Objet\u00a0:** étude de cas")
  })

  it("no doubled « Choix des questions de travail — choix des questions de travail »", () => {
    for (const name of ["agenda-seance-1.group", "minutes-seance-1.group"]) {
      const text = md(name)
      expect(text).toContain("**Choix des questions de travail**")
      expect(text.toLowerCase()).not.toMatch(/choix des questions de travail\**\s*—\s*choix des questions de travail/)
    }
  })

  it("the rules' closing sentence is a complete sentence", () => {
    const charter = md("charter.group")
    expect(charter).toContain("et à participer à tout le cycle. L’animation est assurée en binôme.")
    expect(charter).not.toContain("; l’animation")
  })

  it("several conditions: one per line in a cell, in Markdown (<br>) and HTML (<br>)", () => {
    const conclusions = docs.find((d) => d.name === "conclusions.group")!
    const text = Markdown.render(Layout.toDocument(conclusions.view))
    expect(text).toMatch(/1\) Informer la hiérarchie le jour même<br>2\) Consigner/)
    expect(Html.render(Layout.toDocument(conclusions.view))).toMatch(/1\) Informer la hiérarchie le jour même<br>2\) Consigner/)
  })

  it("the minutes do not reveal a presenter's gender (« seule »): neutral wording", () => {
    // The cases (what a presenter did), where an agreement points at one person; « conduire seul une
    // visite » in a variant is a practice, not a person.
    const cases = docs.filter((x) => x.view._tag === "MinutesView").map((d) => /## Cas présentés[\s\S]*?(?=\n## )/u.exec(Markdown.render(Layout.toDocument(d.view)))?.[0] ?? "")
    expect(cases.join("").length).toBeGreaterThan(1000)
    expect(cases.join("\n")).not.toMatch(/\b(seule|seul|elle-même|lui-même)\b/u)
  })
})
