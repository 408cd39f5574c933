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

describe("defect 2: an attestation an HR service can sign", () => {
  const attestation = (agentId: string) => {
    const d = docs.find((x) => x.name === `attestation-${agentId}.lineManagers`)
    if (d === undefined) throw new Error(`no attestation for ${agentId}`)
    return Layout.toDocument(d.view)
  }

  it("addressed to the agent, without the « Diffusion restreinte » banner nor the line managers as audience", () => {
    const doc = attestation("agt-001")
    const text = Markdown.render(doc)
    expect(text).toContain("Destinataire\u00a0: Mme Élodie LEFÈVRE")
    expect(doc.meta.confidentiality).toBeUndefined()
    expect(text).not.toMatch(/[Dd]iffusion restreinte|encadrement des membres|Destinataires/)
  })

  it("the agent's own job title, not the occupation's generic « Inspecteur ou inspectrice du travail »", () => {
    expect(Markdown.render(attestation("agt-001"))).toContain("**Mme Élodie LEFÈVRE**, inspectrice du travail (")
    expect(Markdown.render(attestation("agt-002"))).toContain("**M. Karim BENALI**, inspecteur du travail (")
    expect(Markdown.render(attestation("agt-004"))).toContain("**M. Jean-Pierre LE GOFF**, contrôleur du travail (")
    for (const id of ["agt-001", "agt-002", "agt-004"]) expect(Markdown.render(attestation(id))).not.toContain("Inspecteur ou inspectrice")
  })

  it("place and date, the signatory's title and name from the framing, a space to sign between them; no statement of the group", () => {
    const doc = attestation("agt-001")
    const signatory = doc.blocks.find((b) => b._tag === "Signatory")
    expect(signatory).toEqual({
      _tag: "Signatory",
      place: "Fait à Bordeaux, le 20\u00a0mai\u00a02027",
      title: "Directrice départementale adjointe de l’emploi, du travail et des solidarités de la Gironde",
      name: "Catherine Vidal"
    })
    const text = Markdown.render(doc)
    expect(text).toMatch(/^La Directrice départementale adjointe de l’emploi, du travail et des solidarités de la Gironde atteste que/m)
    // Nothing the group said: no case, no variant, no summary.
    for (const said of ["Visite inopinée", "Variante", "Synthèse", "désamorcer"]) expect(text).not.toContain(said)
  })

  it("in the PDF, the name stands at least 60 pt below the title (room to sign and stamp), in the right half, on the page of the sessions", async () => {
    const { layout } = await import("../src/internal/pdf/layout.js")
    const { metrics } = await import("../src/internal/measure.js")
    const { unsafeMake } = await import("../src/Theme.js")
    const laid = layout(attestation("agt-001"), unsafeMake(), metrics())
    expect(laid.pages).toHaveLength(1)
    const texts = laid.pages[0]!.slices.flatMap(({ slice, y }) => slice.ops.flatMap((op) => (op.kind === "text" ? [{ y, x: op.x, text: op.frags.map((f) => f.text).join("") }] : [])))
    const title = texts.find((t) => t.text.startsWith("Directrice départementale"))!
    const name = texts.find((t) => t.text === "Catherine Vidal")!
    expect(name.y - title.y).toBeGreaterThanOrEqual(60)
    expect(name.x).toBeGreaterThan(250)
    expect(texts.some((t) => t.text.startsWith("Séance n°"))).toBe(true)
  })
})

describe("defect 5: what the note expects in the note de cadrage and the invitation", () => {
  it("the note de cadrage states the composition (8 to 10, volunteering, diversity, guests), confidentiality and working rules, and the venue", () => {
    const framing = md("framing.group")
    expect(framing).toContain("## Composition du groupe")
    expect(framing).toContain("Un groupe de 8 à 10 membres")
    expect(framing).toMatch(/volontariat/)
    expect(framing).toMatch(/composition diversifiée\s: âges, anciennetés, sexes, statuts et fonctions/)
    expect(framing).toMatch(/invités ponctuels/)
    expect(framing).toContain("## Confidentialité et règles de travail")
    expect(framing).toContain("Respect des propos d’autrui, absence de jugement")
    expect(framing).toContain("**Lieu des séances\u00a0:** Cité administrative de Bordeaux")
  })

  it("the invitation gives the way to answer, the deadline and the contact", () => {
    const invitation = md("invitation.organisation")
    expect(invitation).toContain("## Pour répondre")
    expect(invitation).toContain("**Comment\u00a0:** en répondant au courriel d’invitation")
    expect(invitation).toContain("**Avant le\u00a0:** jeudi 1ᵉʳ\u00a0octobre\u00a02026 à 18\u00a0h")
    expect(invitation).toContain("**Contact\u00a0:** Pôle ressources humaines de la DDETS")
  })
})
