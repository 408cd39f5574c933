/**
 * Reliability: hostile text reaching the writers. What people paste from a
 * word processor (vertical tab, form feed), noncharacters (U+FFFF, U+FFFE),
 * unpaired surrogates, NUL and C0/C1 controls must never make an ODT or DOCX
 * part ill-formed XML (an office suite then refuses the whole file), nor let
 * a title add properties or events to an iCalendar file. Every XML part is
 * decoded as strict UTF-8 and parsed by a strict XML 1.0 parser (saxes);
 * every .ics is parsed back by ical.js, line by line checked at 75 octets.
 */
import { unzipSync } from "fflate"
import ICAL from "ical.js"
import { SaxesParser } from "saxes"
import * as fc from "effect/FastCheck"
import { describe, expect, it } from "vitest"
import { Document, Docx, Html, Icalendar, Markdown, Odt } from "../src/index.js"

/** The pieces of hostile text, each between two ordinary words. */
const hostile = ["\u000b", "\u000c", "\uffff", "\ufffe", "\ud800", "\udc00", "\u0000", "\u0001", "\u001f", "\u0085", "\u0090", "\u007f", "\ufdd0", "\ud83f\udffe"]
const salted = (word: string) => hostile.map((h, i) => `${word}${i}${h}fin`).join(" ")

const doc = (s: (w: string) => string) =>
  Document.make(
    { title: s("Titre"), subtitle: s("Sous-titre"), audience: s("public"), confidentiality: s("banniere"), serviceName: s("Service"), issuedAt: Date.UTC(2026, 10, 3), lang: "fr" },
    [
      Document.heading(1, s("Titre1")),
      Document.paragraph([s("para"), Document.bold(s("gras")), Document.italic(s("ital"))]),
      Document.bullets([s("puce")]),
      Document.numbered([s("num")]),
      Document.table({ caption: s("legende"), header: [s("entete"), "b"], rows: [[s("cellule"), "x"]] }),
      Document.definitions([[s("libelle"), s("valeur")]]),
      Document.note("warning", s("note"), s("titrenote")),
      Document.signature(s("signature"))
    ]
  )

/** Parses XML strictly; returns the first error, or undefined. */
const xmlError = (bytes: Uint8Array): string | undefined => {
  let text: string
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch (e) {
    return `not UTF-8: ${String(e)}`
  }
  const parser = new SaxesParser({ xmlns: true })
  let error: string | undefined
  parser.on("error", (e) => {
    error ??= e.message
  })
  parser.write(text).close()
  return error
}

/** Every XML part of a zip package that fails strict parsing, with its error. */
const badParts = (pkg: Uint8Array): Array<string> =>
  Object.entries(unzipSync(pkg))
    .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
    .flatMap(([name, bytes]) => {
      const e = xmlError(bytes)
      return e === undefined ? [] : [`${name}: ${e}`]
    })

const serviceName = salted("Theme")

describe("reliability: hostile characters in documents", () => {
  it("the strict parser does refuse what the writers must never write (the check can fail)", () => {
    expect(xmlError(new TextEncoder().encode("<a>x\u000by</a>"))).toMatch(/disallowed character/)
    expect(xmlError(new TextEncoder().encode("<a>x\uffffy</a>"))).toMatch(/disallowed character/)
    expect(xmlError(new TextEncoder().encode("<a>x\u0000y</a>"))).toMatch(/disallowed character/)
  })

  it("ODT: every XML part is well-formed, text kept, Word's vertical tab a line break", () => {
    const pkg = Odt.render(doc(salted), { serviceName })
    expect(badParts(pkg)).toEqual([])
    const content = new TextDecoder().decode(unzipSync(pkg)["content.xml"])
    expect(content).toContain("para0<text:line-break/>fin")
    expect(content).toContain("cellule2fin") // U+FFFF dropped, the words around it kept
    expect(content).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/)
  })

  it("DOCX: every XML part is well-formed, text kept, Word's vertical tab a <w:br/>", async () => {
    const pkg = await Docx.render(doc(salted), { serviceName })
    expect(badParts(pkg)).toEqual([])
    const body = new TextDecoder().decode(unzipSync(pkg)["word/document.xml"])
    expect(body).toMatch(/para0<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>fin/)
    expect(body).toContain("cellule2fin")
  })

  it("HTML and Markdown carry none of them either", () => {
    for (const out of [Html.render(doc(salted), { serviceName }), Markdown.render(doc(salted), { serviceName })]) {
      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/)
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out)).toBe(false) // no unpaired surrogate
      expect(out).toContain("cellule2fin")
    }
  })

  it("any text: ODT and DOCX stay well-formed XML (property, 25 runs)", async () => {
    const text = fc.string({ unit: "binary", maxLength: 40 })
    await fc.assert(
      fc.asyncProperty(text, text, async (a, b) => {
        const d = doc((w) => `${w}${a}${b}`)
        expect(badParts(Odt.render(d, { serviceName: a }))).toEqual([])
        expect(badParts(await Docx.render(d, { serviceName: b }))).toEqual([])
      }),
      { numRuns: 25 }
    )
  })
})

describe("reliability: iCalendar injection and folding", () => {
  const injected = "Séance 1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:pirate@x\r\nSUMMARY:pirate; a, b \\ c\nDTSTART:19700101T000000Z\u000b\u0000"
  const calendar = {
    name: "Calendrier\r\nX-INJECTED:1",
    events: [{ id: "ses-1", title: injected, start: Date.UTC(2026, 10, 3, 13), durationMinutes: 180, location: "Salle; B,\n2", description: injected, stamp: Date.UTC(2026, 9, 1) }]
  }

  const parse = (ics: string) => new ICAL.Component(ICAL.parse(ics))

  it("a title with line breaks, ; , and \\ stays one SUMMARY of one event", () => {
    const ics = Icalendar.render(calendar)
    const events = parse(ics).getAllSubcomponents("vevent")
    expect(events).toHaveLength(1)
    const event = new ICAL.Event(events[0]!)
    expect(event.summary).toBe("Séance 1\nEND:VEVENT\nBEGIN:VEVENT\nUID:pirate@x\nSUMMARY:pirate; a, b \\ c\nDTSTART:19700101T000000Z\n")
    expect(event.uid).toBe("ses-1@entre-pairs.invalid")
    expect(event.location).toBe("Salle; B,\n2")
    expect(ics).not.toMatch(/^X-INJECTED/m)
    expect(ics.match(/^BEGIN:VEVENT$/gm)).toHaveLength(1)
    expect(ics.match(/^(UID|DTSTART|SUMMARY):/gm)).toEqual(["UID:", "DTSTART:", "SUMMARY:"])
  })

  const lineBytes = (ics: string) => {
    expect(ics.endsWith("\r\n")).toBe(true)
    return ics.slice(0, -2).split("\r\n").map((l) => new TextEncoder().encode(l))
  }

  it("folds at 75 octets, never inside a UTF-8 sequence", () => {
    const long = { ...calendar, events: [{ ...calendar.events[0]!, title: "é".repeat(100) + "😀".repeat(30) + "x".repeat(100) }] }
    const ics = Icalendar.render(long)
    const lines = lineBytes(ics)
    for (const l of lines) {
      expect(l.length).toBeLessThanOrEqual(75)
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(l)).not.toThrow()
    }
    // Lines are filled: a break falls before 75 octets only where a character would not fit.
    const summary = lines.findIndex((l) => new TextDecoder().decode(l).startsWith("SUMMARY:"))
    expect(lines[summary]!.length).toBeGreaterThanOrEqual(74)
    expect(new ICAL.Event(parse(ics).getFirstSubcomponent("vevent")!).summary).toBe(long.events[0]!.title)
  })

  it("any title, place and description: one event per session, every line within 75 octets of valid UTF-8 (property, 200 runs)", () => {
    const text = fc.string({ unit: "binary", maxLength: 120 })
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 3 }), (specs) => {
        const ics = Icalendar.render({
          name: specs[0]![0],
          events: specs.map(([title, location, description], i) => ({ id: `s${i}`, title, location, description, start: Date.UTC(2026, 0, 1 + i, 9), durationMinutes: 60, stamp: 0 }))
        })
        for (const l of lineBytes(ics)) {
          expect(l.length).toBeLessThanOrEqual(75)
          expect(() => new TextDecoder("utf-8", { fatal: true }).decode(l)).not.toThrow()
        }
        const events = parse(ics).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c))
        expect(events.map((e) => e.uid)).toEqual(specs.map((_, i) => `s${i}@entre-pairs.invalid`))
      }),
      { numRuns: 200 }
    )
  })
})
