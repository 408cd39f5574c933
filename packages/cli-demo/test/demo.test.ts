import { Rules } from "./core.js"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { beforeAll, describe, expect, it } from "vitest"
import { cliAsync, parseIcs, pdfPages, tempDir, zipEntries } from "./helpers.js"

describe("entre-pairs demo (built bin)", () => {
  let out: string
  let run: Awaited<ReturnType<typeof cliAsync>>
  let files: Array<string>
  // Spawned without blocking the test worker: a demo on a loaded machine can take longer than vitest's RPC timeout.
  beforeAll(async () => {
    out = join(tempDir(), "demo")
    run = await cliAsync(["demo", "--out", out])
    files = existsSync(out) ? readdirSync(out) : []
  }, 180_000)

  it("runs the whole cycle on a fresh SQLite file and exits 0", () => {
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    expect(files).toContain("entre-pairs-demo.db")
    expect(run.stdout).toMatch(/proposé → cadré → accepté → annoncé → composé → règles adoptées → en séances → conclu → restitué → clos/)
  })

  it("shows refused commands with their rule IDs (LIF-03, CNF-06) and the advisories (DIV-01)", () => {
    expect(run.stdout).toMatch(/Refusé : inviter les agents avant l'acceptation[\s\S]*LIF-03 \(bloquant\)/)
    expect(run.stdout).toMatch(/Refusé : envoyer à l'encadrement un compte rendu qui nomme un participant[\s\S]*CNF-06 \(bloquant\)/)
    expect(run.stdout).toMatch(/Compose : ⚠ DIV-01 \(conseil\)/)
  })

  it("SIZ-01 PUR-06 the service's local rules are recorded with the framing and stated as such in the note de cadrage and the group's rules", () => {
    expect(run.stdout).toContain("Règles locales du service, enregistrées avec le cadrage : PUR-06 désactivée (dans la note : conseil) ; SIZ-01 bloquante (dans la note : conseil)")
    const framing = readFileSync(join(out, files.find((f) => f.includes("note-de-cadrage") && f.endsWith(".md"))!), "utf8")
    expect(framing).toContain("**Règle locale du service\u00a0: SIZ-01, bloquante** (dans la note\u00a0: conseil)")
    expect(framing).toContain("**Règle locale du service\u00a0: PUR-06, désactivée**")
    expect(framing).toContain("est reportée au jour ouvré suivant")
    const charter = readFileSync(join(out, files.find((f) => f.includes("regles-du-groupe") && f.endsWith(".md"))!), "utf8")
    expect(charter).toContain("Règle locale du service\u00a0: SIZ-01, bloquante")
  })

  it("RES-05 the direction's response, due on Saturday 13 March 2027, is due on Monday 15 March in the documents", () => {
    // Restitution on Thursday 11 February 2027 + 30 days = Saturday 13 March.
    for (const f of files.filter((x) => x.includes("retour-direction") && x.endsWith(".md"))) {
      const text = readFileSync(join(out, f), "utf8")
      expect(text, f).toMatch(/Retour attendu au plus tard le[^\n]*lundi\s15\smars\s2027/)
      expect(text, f).not.toMatch(/13\smars\s2027/)
    }
  })

  it("RES-02 the minutes of session 3 (17 December 2026), due on 1 January, are due on Monday 4 January 2027", () => {
    for (const f of files.filter((x) => x.includes("compte-rendu-seance-3") && x.endsWith(".md"))) {
      expect(readFileSync(join(out, f), "utf8"), f).toMatch(/Transmission à l’encadrement au plus tard le[^\n]*lundi\s4\sjanvier\s2027/)
    }
    const first = readFileSync(join(out, files.find((f) => f.includes("compte-rendu-seance-1") && f.endsWith(".md"))!), "utf8")
    expect(first).toMatch(/Transmission à l’encadrement au plus tard le[^\n]*vendredi\s30\soctobre\s2026/)
  })

  it("prints the obligations still open", () => {
    expect(run.stdout).toMatch(/4\. Obligations encore ouvertes au 20 mai 2027/)
    expect(run.stdout).toMatch(/EN RETARD RES-08/)
  })

  it("writes every document in every format, with clear names", () => {
    const docs = files.filter((f) => !f.startsWith("entre-pairs-demo.db") && f !== ".entre-pairs-demo.json")
    for (const name of ["note-de-cadrage", "invitation", "regles-du-groupe", "calendrier", "ordre-du-jour-seance-1", "compte-rendu-seance-2", "besoins-de-formation", "releve-de-conclusions", "retour-direction", "bilan", "attestation-agt-001"]) {
      for (const ext of ["md", "html", "odt", "docx", "pdf"]) {
        expect(docs.some((f) => f.includes(name) && f.endsWith(`.${ext}`)), `${name}.${ext}`).toBe(true)
      }
    }
    expect(docs).toContain("07-compte-rendu-seance-2.direction.pdf")
    expect(docs).toContain("05-calendrier.encadrement.ics")
    expect(docs.filter((f) => f.endsWith(".ics")).length).toBe(2 + 4 * 2)
    // Nothing for an audience the rules exclude (CNF-03): minutes never reach the organisation.
    expect(docs.some((f) => f.includes("compte-rendu") && f.includes(".organisation."))).toBe(false)
    expect(run.stdout).toContain(`3. Documents : ${docs.length} fichiers`)
  })

  it("every ODT and DOCX unzips with its manifest", () => {
    const zips = files.filter((f) => f.endsWith(".odt") || f.endsWith(".docx"))
    expect(zips.length).toBeGreaterThan(40)
    for (const f of zips) {
      const entries = zipEntries(readFileSync(join(out, f)))
      if (f.endsWith(".odt")) {
        expect(entries[0], f).toBe("mimetype")
        expect(entries, f).toContain("META-INF/manifest.xml")
        expect(entries, f).toContain("content.xml")
      } else {
        expect(entries, f).toContain("[Content_Types].xml")
        expect(entries, f).toContain("word/document.xml")
      }
    }
  })

  it("every PDF has pages", () => {
    const pdfs = files.filter((f) => f.endsWith(".pdf"))
    expect(pdfs.length).toBeGreaterThan(20)
    for (const f of pdfs) {
      const path = join(out, f)
      expect(pdfPages(path, readFileSync(path)), f).toBeGreaterThan(0)
    }
  })

  it("every iCalendar file parses, with the sessions as events", () => {
    for (const f of files.filter((x) => x.endsWith(".ics"))) {
      const events = parseIcs(readFileSync(join(out, f), "utf8"))
      expect(events.length, f).toBeGreaterThan(0)
      for (const e of events) {
        expect(e["DTSTART"], f).toMatch(/^\d{8}T\d{6}Z?$/)
        expect(e["UID"], f).toBeTruthy()
      }
    }
    expect(parseIcs(readFileSync(join(out, "05-calendrier.groupe.ics"), "utf8")).length).toBe(4)
  })

  it("Markdown and HTML are French documents without names in the minutes (CNF-02)", () => {
    const minutes = readFileSync(join(out, "07-compte-rendu-seance-2.direction.md"), "utf8")
    expect(minutes).toMatch(/Compte rendu/)
    for (const name of ["Benali", "Marchand", "Lefèvre", "N'Diaye"]) expect(minutes).not.toContain(name)
    expect(readFileSync(join(out, "07-compte-rendu-seance-2.direction.html"), "utf8")).toMatch(/<html[^>]*lang="fr"/)
  })

  it("--json prints one parseable report; issue 13 (defects 1 and 7): its documents are the first run's, byte for byte, in every format", async () => {
    const dir = join(tempDir(), "demo-json")
    // Another run, later, on a machine in another time zone: no clock, no random id, no local time in any file.
    const r = await cliAsync(["demo", "--out", dir, "--json"], { env: { TZ: "Pacific/Kiritimati" } })
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as { refused: Array<{ violations: Array<{ rule: string }> }>; documents: Array<unknown>; obligations: Array<{ rule: string }> }
    expect(report.refused.flatMap((x) => x.violations.map((v) => v.rule))).toEqual(expect.arrayContaining(["LIF-03", "CNF-06"]))
    expect(report.documents.length).toBe(readdirSync(dir).filter((f) => !f.startsWith("entre-pairs-demo.db") && f !== ".entre-pairs-demo.json").length)
    expect(report.obligations.map((o) => o.rule)).toContain("RES-08")
    const documents = files.filter((f) => /\.(md|html|odt|docx|pdf|ics)$/.test(f))
    expect(new Set(documents.map((f) => f.split(".").pop()))).toEqual(new Set(["md", "html", "odt", "docx", "pdf", "ics"]))
    const differ = documents.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(dir, f))))
    expect(differ).toEqual([])
    void Rules
  }, 180_000)
})
