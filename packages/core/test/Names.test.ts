import { assert, describe, it } from "@effect/vitest"
import { Names } from "@entre-pairs/core"

const people = [
  { id: "a", firstName: "Élodie", lastName: "Dupont" },
  { id: "b", firstName: "Marc", lastName: "Martin" },
  { id: "c", firstName: "Jean-Pierre", lastName: "Le Goff" },
  { id: "d", firstName: "Awa", lastName: "N'Diaye" },
  { id: "e", firstName: "Marc", lastName: "Lefèvre" }
]
const find = (text: string) => Names.findNames(text, people).map((h) => [h.person.id, h.kind, h.matched, h.offset])

describe("Names.findNames (CNF-06 scanner)", () => {
  it("finds a last name with a civility, in capitals: Mme DUPONT", () => {
    assert.deepStrictEqual(find("Vu avec Mme DUPONT hier."), [["a", "lastName", "Mme DUPONT", 8]])
  })
  it("finds M. Martin and Madame Lefevre without accent", () => {
    assert.deepStrictEqual(find("M. Martin et Madame Lefevre"), [
      ["b", "lastName", "M. Martin", 0],
      ["e", "lastName", "Madame Lefevre", 13]
    ])
  })
  it("finds Élodie and elodie alike", () => {
    assert.deepStrictEqual(find("Élodie a présenté ; elodie reviendra ; ÉLODIE aussi"), [
      ["a", "firstName", "Élodie", 0],
      ["a", "firstName", "elodie", 20],
      ["a", "firstName", "ÉLODIE", 39]
    ])
  })
  it("finds decomposed accents and keeps offsets in the original text", () => {
    const text = "Note : E\u0301lodie Dupont."
    const [hit] = Names.findNames(text, people)
    assert.strictEqual(hit!.kind, "fullName")
    assert.strictEqual(hit!.matched, "E\u0301lodie Dupont")
    assert.strictEqual(text.slice(hit!.offset, hit!.offset + hit!.matched.length), hit!.matched)
  })
  it("finds full names in either order", () => {
    assert.deepStrictEqual(find("Élodie Dupont puis DUPONT Élodie"), [
      ["a", "fullName", "Élodie Dupont", 0],
      ["a", "fullName", "DUPONT Élodie", 19]
    ])
  })
  it("CNF-06 a first name shared by two people still matches, naming both; the full name names one", () => {
    assert.deepStrictEqual(find("Marc a parlé, puis Marc Martin."), [
      ["b", "firstName", "Marc", 0],
      ["b", "fullName", "Marc Martin", 19]
    ])
    assert.deepStrictEqual(
      Names.findNames("Marc a parlé.", people)[0]!.people.map((p) => p.id),
      ["b", "e"]
    )
  })
  it("finds hyphenated first names written with or without the hyphen", () => {
    assert.deepStrictEqual(find("Jean-Pierre, puis jean pierre, puis JEANPIERRE"), [
      ["c", "firstName", "Jean-Pierre", 0],
      ["c", "firstName", "jean pierre", 18],
      ["c", "firstName", "JEANPIERRE", 36]
    ])
  })
  it("finds particle and apostrophe last names: Le Goff, N'Diaye, N’Diaye, NDiaye", () => {
    assert.deepStrictEqual(find("M. Le Goff, Mme N’Diaye, NDiaye et n'diaye"), [
      ["c", "lastName", "M. Le Goff", 0],
      ["d", "lastName", "Mme N’Diaye", 12],
      ["d", "lastName", "NDiaye", 25],
      ["d", "lastName", "n'diaye", 35]
    ])
  })
  it("understands French elision: l'avis d'Élodie", () => {
    assert.deepStrictEqual(find("l'avis d'Élodie"), [["a", "firstName", "Élodie", 9]])
  })
  it("has no false positive on substrings or compounds", () => {
    assert.deepStrictEqual(find("Martine, martinet, Dupontel, Jean seul, Pierre-Yves, Awale, Marc-Antoine"), [])
  })
  it("returns nothing for an empty text or no people", () => {
    assert.deepStrictEqual(Names.findNames("", people), [])
    assert.deepStrictEqual(Names.findNames("Élodie Dupont", []), [])
  })
  it("compiles once and reuses the scanner", () => {
    const scanner = Names.compile(people)
    assert.strictEqual(scanner.find("Dupont").length, 1)
    assert.strictEqual(Names.compile([...people, people[0]!]).people.length, people.length)
  })
  it("a text scanned again (the scan is remembered per set of names) gives the same hits, naming the asker's own records", () => {
    const text = "Mme DUPONT et Marc ont exposé ; la consigne n'est pas claire."
    const first = Names.compile(people).find(text)
    // Same names, other objects: the remembered hits name these records, not the first ones.
    const copies = people.map((p) => ({ ...p, unit: "u" }))
    const again = Names.compile(copies).find(text)
    assert.deepStrictEqual(again.map((h) => [h.person.id, h.matched, h.offset, h.people.length]), first.map((h) => [h.person.id, h.matched, h.offset, h.people.length]))
    assert.deepStrictEqual(again.map((h) => [h.person, ...h.people].every((p) => copies.includes(p))), [true, true])
    // Other names, same text: not the remembered hits.
    assert.deepStrictEqual(Names.findNames(text, [{ id: "z", firstName: "Zoé", lastName: "Dupont" }]).map((h) => h.person.id), ["z"])
    // Past the bound of remembered texts, every text is still scanned right.
    const scanner = Names.compile(people)
    for (let k = 0; k < 5000; k++) assert.strictEqual(scanner.find(`Note ${k} de M. Martin.`).length, 1, `text ${k}`)
    assert.strictEqual(scanner.find(text).length, 2)
    const long = `${"la consigne n'est pas claire ".repeat(5000)}Mme Lefèvre.`
    assert.deepStrictEqual([scanner.find(long).length, scanner.find(long).length], [1, 1])
  })
})

describe("CNF-06 matching survives what people paste", () => {
  const lefevre = [{ id: "f", firstName: "Élodie", lastName: "Lefèvre" }]
  const matched = (text: string, ps: ReadonlyArray<Names.Person> = lefevre) => Names.findNames(text, ps).map((h) => h.matched)
  it.each([
    ["soft hyphen", "Mme Le\u00ADfèvre a exposé son cas.", "Mme Le\u00ADfèvre"],
    ["zero-width space", "Mme Lef\u200Bèvre a exposé son cas.", "Mme Lef\u200Bèvre"],
    ["zero-width non-joiner", "Mme Lef\u200Cèvre a exposé son cas.", "Mme Lef\u200Cèvre"],
    ["zero-width joiner", "Mme Lef\u200Dèvre a exposé son cas.", "Mme Lef\u200Dèvre"],
    ["word joiner", "Mme Lefè\u2060vre a exposé son cas.", "Mme Lefè\u2060vre"],
    ["BOM", "Mme \uFEFFLefèvre a exposé son cas.", "Mme \uFEFFLefèvre"],
    ["bidi override", "Mme \u202ALefèvre\u202C a exposé son cas.", "Mme \u202ALefèvre"],
    ["variation selector", "Mme Lefe\uFE0Fvre a exposé son cas.", "Mme Lefe\uFE0Fvre"],
    ["tag characters", "Mme Lef\u{E0041}èvre a exposé son cas.", "Mme Lef\u{E0041}èvre"],
    ["combining grapheme joiner", "Mme Lef\u034Fèvre a exposé son cas.", "Mme Lef\u034Fèvre"],
    ["decomposed accent", "Mme Lefe\u0300vre a exposé son cas.", "Mme Lefe\u0300vre"],
    ["full-width letters", "Mme Ｌｅｆｅｖｒｅ a exposé son cas.", "Mme Ｌｅｆｅｖｒｅ"],
    ["mathematical letters", "Mme 𝐋𝐞𝐟𝐞𝐯𝐫𝐞 a exposé son cas.", "Mme 𝐋𝐞𝐟𝐞𝐯𝐫𝐞"],
    ["no-break space after the civility", "Mme\u00A0Lefèvre a exposé son cas.", "Mme\u00A0Lefèvre"],
    ["narrow no-break space", "Élodie\u202FLefèvre a exposé son cas.", "Élodie\u202FLefèvre"]
  ])("CNF-06 %s inside a name: found", (_, text, expected) => {
    assert.deepStrictEqual(matched(text), [expected])
  })
  it("CNF-06 a name stored with invisible characters at import is found written plainly", () => {
    assert.deepStrictEqual(matched("Mme Lefèvre a exposé son cas.", [{ id: "f", firstName: "Élo\u200Bdie", lastName: "Le\u00ADfè\u2060vre" }]), [
      "Mme Lefèvre"
    ])
    assert.deepStrictEqual(matched("Élodie a exposé son cas.", [{ id: "f", firstName: "\uFEFFÉlo\u200Ddie", lastName: "X" }]), ["Élodie"])
  })
  it("CNF-06 ligatures: œ written out or not, in the name or the text; ﬁ and ﬂ from a PDF", () => {
    const ps = [{ id: "l", firstName: "Sofia", lastName: "Lœuillet" }, { id: "m", firstName: "Flore", lastName: "Cæsar" }]
    assert.deepStrictEqual(matched("M. Loeuillet, Mme LŒUILLET, Soﬁa, Mme Caesar et ﬂore.", ps), [
      "M. Loeuillet",
      "Mme LŒUILLET",
      "Soﬁa",
      "Mme Caesar",
      "ﬂore"
    ])
    assert.deepStrictEqual(matched("Mme Lœuillet a exposé.", [{ id: "l", firstName: "Sofia", lastName: "Loeuillet" }]), ["Mme Lœuillet"])
  })
  it("CNF-06 offsets and matches are those of the original text", () => {
    const text = "Vu : Mme Le\u00ADFÈ\u200BVRE."
    const [hit] = Names.findNames(text, lefevre)
    assert.strictEqual(text.slice(hit!.offset, hit!.offset + hit!.matched.length), hit!.matched)
    assert.strictEqual(hit!.offset, 5)
    assert.isTrue(hit!.civility)
  })
})

describe("CNF-06 names that are common French words match where they read as a name", () => {
  const ps = [
    { id: "c", firstName: "Claire", lastName: "Petit" },
    { id: "r", firstName: "Rose", lastName: "Blanc" },
    { id: "d", firstName: "Awa", lastName: "Le Brun" }
  ]
  const matched = (text: string) => Names.findNames(text, ps).map((h) => h.matched)
  it("CNF-06 « la consigne n'est pas claire » passes for a member named Claire", () => {
    assert.deepStrictEqual(matched("La consigne n'est pas claire, un petit rappel au tableau blanc, un vin rosé, le brun du mur."), [])
  })
  it("CNF-06 capitalised, at a sentence start, in capitals, after a civility, or with the other name: found", () => {
    assert.deepStrictEqual(matched("Claire a exposé. Puis PETIT a répondu à mme petit et à Dr Blanc ; rose blanc aussi."), [
      "Claire",
      "PETIT",
      "mme petit",
      "Dr Blanc",
      "rose blanc"
    ])
    assert.deepStrictEqual(matched("Vu avec M. le brun, Le Brun et LEBRUN."), ["M. le brun", "Le Brun", "LEBRUN"])
  })
  it("CNF-06 a name that is not a common word matches in any case", () => {
    assert.deepStrictEqual(matched("awa a exposé."), ["awa"])
  })
  it("CNF-06 the lexicon knows the common words and not the plain names", () => {
    for (const w of ["Claire", "Rose", "Petit", "Blanc", "Brun", "Berger", "Juste", "Vu"]) assert.isTrue(Names.isCommonWord(w), w)
    for (const w of ["Lebrun", "Lefèvre", "Dupont", "Élodie", "Pierre", "Marie", "Jean"]) assert.isFalse(Names.isCommonWord(w), w)
  })
})

describe("CNF-08 every name a person has had stays in the scan", () => {
  it("CNF-08 former names are found, and two records of one ID are one person", () => {
    const p = { id: "a", firstName: "Claire", lastName: "Durand", formerNames: [{ firstName: "Claire", lastName: "Lefèvre" }] }
    assert.deepStrictEqual(
      Names.findNames("Mme Lefèvre puis Mme Durand.", [p]).map((h) => [h.person.id, h.matched]),
      [
        ["a", "Mme Lefèvre"],
        ["a", "Mme Durand"]
      ]
    )
    const scanner = Names.compile([
      { id: "a", firstName: "Claire", lastName: "Durand" },
      { id: "a", firstName: "Claire", lastName: "Lefèvre" }
    ])
    assert.strictEqual(scanner.people.length, 1)
    assert.strictEqual(scanner.find("Mme Lefèvre").length, 1)
  })
})
