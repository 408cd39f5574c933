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
  it("does not report an ambiguous first name alone, but finds the full name", () => {
    assert.deepStrictEqual(find("Marc a parlé, puis Marc Martin."), [["b", "fullName", "Marc Martin", 19]])
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
})
