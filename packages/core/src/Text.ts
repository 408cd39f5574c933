/**
 * Text normalisation at the boundary (CNF-06): what people paste from a word
 * processor or a PDF is cleaned when it is decoded, so that names and texts
 * are stored without invisible junk and compared as people read them. The
 * name scan (`Names`) folds harder still, so a text stored before this
 * normalisation existed is scanned just as well.
 *
 * - A person's name (`PersonName`): NFKC, every invisible code point removed
 *   (default-ignorable ones — soft hyphen U+00AD, zero-width space and
 *   joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, bidi controls,
 *   variation selectors, tags — and format, control, unassigned and
 *   private-use ones), one space between words, trimmed.
 * - Free text (`FreeText`): default-ignorable code points removed,
 *   typographic ligatures written out (« ﬁ » → « fi »), NFC. Full NFKC is not
 *   applied to what people read: it would replace the no-break spaces of
 *   French typography by plain spaces, « … » by « ... », « m² » by « m2 ».
 *   « œ » and « æ » are letters of French and stay.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import * as internal from "./internal/text.js"

/**
 * Free text as stored: default-ignorable code points removed, typographic
 * ligatures written out, NFC.
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * Text.normalizeFreeText("Le\u00ADfèvre a ﬁni") // "Lefèvre a fini"
 * Text.normalizeFreeText("cœur\u00A0:") // "cœur\u00A0:" (unchanged)
 * @since 0.1.0
 */
export const normalizeFreeText: (text: string) => string = internal.freeText

/**
 * A person's name as stored: NFKC, invisible code points removed, one space
 * between words, trimmed.
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * Text.normalizePersonName(" \uFEFFLe\u00ADfè\u200Bvre ") // "Lefèvre"
 * Text.normalizePersonName("Ｌｅ  Goff") // "Le Goff"
 * @since 0.1.0
 */
export const normalizePersonName: (name: string) => string = internal.personName

/**
 * A text folded for comparison, as the name scan reads it: compatibility
 * forms decomposed, invisible characters dropped, lower case, no accents,
 * « œ » → « oe », « æ » → « ae », every apostrophe « ' », every hyphen « - ».
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * Text.fold("LŒUILLET") === Text.fold("Loeuillet") // true
 * Text.fold("Le\u00ADFÈVRE") // "lefevre"
 * @since 0.1.0
 */
export const fold: (text: string) => string = internal.fold

/**
 * Whether a code point is default-ignorable (Unicode
 * `Default_Ignorable_Code_Point`): invisible wherever it is written.
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * Text.isDefaultIgnorable(0x00ad) // true (soft hyphen)
 * Text.isDefaultIgnorable(0x0041) // false
 * @since 0.1.0
 */
export const isDefaultIgnorable: (codePoint: number) => boolean = internal.isDefaultIgnorable

// What the JSON Schema can say of a name before it is normalised: not empty,
// not only white space (the decoder also drops invisible characters, then
// requires 1 to 200 characters).
const nameJsonSchema = (description: string) => ({ type: "string", minLength: 1, pattern: "\\S", description }) as const

const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéèêëàâîïôöûüçœÉÈŒ'- "]

/**
 * A free text typed by a person, normalised when decoded (`normalizeFreeText`).
 * Encoding writes the normalised text.
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeSync(Text.FreeText)("a\u200Bb") // "ab"
 * @since 0.1.0
 */
export const FreeText = Schema.transform(Schema.String.annotations({ description: "a free text (invisible characters removed when decoded)" }), Schema.String, {
  strict: true,
  decode: internal.freeText,
  encode: (s) => s
}).annotations({
  identifier: "FreeText",
  description: "a free text (invisible characters removed when decoded)",
  arbitrary: () => (fc) => fc.string({ unit: "grapheme", maxLength: 80 }).map(internal.freeText)
})

/**
 * A person's first or last name: normalised when decoded
 * (`normalizePersonName`), then non-empty and at most 200 characters.
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeSync(Text.PersonName)("Le\u00ADfèvre") // "Lefèvre"
 * @since 0.1.0
 */
export const PersonName = Schema.transform(
  Schema.String.annotations({
    description: "a person's name: NFKC, invisible characters removed, one space between words, trimmed when decoded",
    jsonSchema: nameJsonSchema("a person's name: NFKC, invisible characters removed, one space between words, trimmed when decoded")
  }),
  Schema.String,
  {
    strict: true,
    decode: internal.personName,
    encode: (s) => s
  }
).pipe(Schema.minLength(1, { message: () => "must not be empty" }), Schema.maxLength(200)).annotations({
  identifier: "PersonName",
  description: "a person's name (normalised when decoded: NFKC, no invisible characters, one space between words)",
  arbitrary: () => (fc) =>
    fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 20 })
      .map((cs) => internal.personName(cs.join("")))
      .filter((s) => s.length > 0)
})

/**
 * A name or label typed by a person (a title, a venue): free text
 * normalised when decoded, trimmed, non-empty, at most 200 characters.
 *
 * @example
 * import { Text } from "@entre-pairs/core"
 * import * as Schema from "effect/Schema"
 * Schema.decodeSync(Text.Label)(" Accueil\u200B des usagers ") // "Accueil des usagers"
 * @since 0.1.0
 */
export const Label = Schema.transform(Schema.String.annotations({
  description: "a name or label: trimmed, invisible characters removed when decoded",
  jsonSchema: nameJsonSchema("a name or label: trimmed, invisible characters removed when decoded")
}), Schema.String, {
  strict: true,
  decode: (s) => internal.freeText(s).trim(),
  encode: (s) => s
}).pipe(Schema.minLength(1, { message: () => "must not be empty" }), Schema.maxLength(200)).annotations({
  identifier: "Name",
  description: "a name or label (trimmed; invisible characters removed when decoded)",
  arbitrary: () => (fc) =>
    fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 20 })
      .map((cs) => cs.join("").trim())
      .filter((s) => s.length > 0)
})
