import { assert, describe, it } from "@effect/vitest"
import { Agent, Text } from "@entre-pairs/core"
import * as Arbitrary from "effect/Arbitrary"
import * as FC from "effect/FastCheck"
import * as Schema from "effect/Schema"

/** The Default_Ignorable_Code_Point ranges of Unicode 15/16 (DerivedCoreProperties.txt). */
const ignorableRanges: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], [0x034f, 0x034f], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180b, 0x180f],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xfff0, 0xfff8], [0x1bca0, 0x1bca3], [0x1d173, 0x1d17a], [0xe0000, 0xe0fff]
]

describe("Text normalisation (CNF-06)", () => {
  it("CNF-06 every default-ignorable code point is known and removed from names and free text", () => {
    for (const [a, b] of ignorableRanges) {
      for (let cp = a; cp <= b; cp++) {
        const c = String.fromCodePoint(cp)
        assert.isTrue(Text.isDefaultIgnorable(cp), cp.toString(16))
        assert.strictEqual(Text.normalizePersonName(`Le${c}fèvre`), "Lefèvre", cp.toString(16))
        assert.strictEqual(Text.normalizeFreeText(`Le${c}fèvre`), "Lefèvre", cp.toString(16))
        assert.strictEqual(Text.fold(`Le${c}fèvre`), "lefevre", cp.toString(16))
      }
    }
    assert.isFalse(Text.isDefaultIgnorable(0x41))
    assert.isFalse(Text.isDefaultIgnorable(0xa0))
  })
  it("CNF-06 a person's name: NFKC, invisible characters out, one space, trimmed", () => {
    assert.strictEqual(Text.normalizePersonName(" \uFEFFLe\u00ADfè\u200Bvre\u2060 "), "Lefèvre")
    assert.strictEqual(Text.normalizePersonName("Ｌｅ\u00A0\u00A0Goff"), "Le Goff")
    assert.strictEqual(Text.normalizePersonName("Soﬁa"), "Sofia")
    assert.strictEqual(Text.normalizePersonName("E\u0301lodie"), "Élodie")
    assert.strictEqual(Text.normalizePersonName("Lœuillet"), "Lœuillet")
  })
  it("CNF-06 free text keeps French typography: no-break spaces, ellipsis, œ, m²", () => {
    const text = "« Le cœur du problème\u202F» : 20\u00A0m² … nº 3"
    assert.strictEqual(Text.normalizeFreeText(text), text)
    assert.strictEqual(Text.normalizeFreeText("ﬁn de la réunion\u200B, ﬂux"), "fin de la réunion, flux")
    assert.strictEqual(Text.normalizeFreeText("E\u0301lodie"), "Élodie")
  })
  it("CNF-06 folding for matching: case, accents, ligatures, compatibility forms, apostrophes and hyphens", () => {
    assert.strictEqual(Text.fold("LŒUILLET"), Text.fold("Loeuillet"))
    assert.strictEqual(Text.fold("Cæsar"), "caesar")
    assert.strictEqual(Text.fold("𝐋𝐞𝐟𝐞𝐯𝐫𝐞"), "lefevre")
    assert.strictEqual(Text.fold("N’Diaye"), "n'diaye")
    assert.strictEqual(Text.fold("Jean\u2011Pierre"), "jean-pierre")
    assert.strictEqual(Text.fold("Straße"), "strasse")
  })
  it("CNF-06 names are normalised when an agent is decoded (the boundary), idempotently", () => {
    const agent = Schema.decodeUnknownSync(Agent.Agent)({
      id: "agt-1",
      firstName: "\uFEFFÉlo\u200Bdie",
      lastName: "Le\u00ADfè\u2060vre",
      occupation: "occ",
      unit: "unit"
    })
    assert.strictEqual(agent.firstName, "Élodie")
    assert.strictEqual(agent.lastName, "Lefèvre")
    assert.throws(() => Schema.decodeUnknownSync(Agent.PersonName)("\u200B\u00AD"))
    FC.assert(
      FC.property(FC.string({ unit: "binary", maxLength: 40 }), (s) => {
        const once = Text.normalizePersonName(s)
        assert.strictEqual(Text.normalizePersonName(once), once)
        const free = Text.normalizeFreeText(s)
        assert.strictEqual(Text.normalizeFreeText(free), free)
        assert.strictEqual(Text.fold(Text.fold(s)), Text.fold(s))
      }),
      { numRuns: 200 }
    )
  })
  it("the arbitraries of names and labels are already normalised (encode ∘ decode is the identity)", () => {
    for (const schema of [Agent.PersonName, Agent.Name, Text.FreeText]) {
      FC.assert(
        FC.property(Arbitrary.make(schema), (s) => {
          assert.strictEqual(Schema.decodeSync(schema)(Schema.encodeSync(schema)(s)), s)
        }),
        { numRuns: 200 }
      )
    }
  })
})
