/**
 * Finds participants' names in free text (CNF-06): groups of 8–10 make
 * re-identification easy, so anonymity must hold in the text people type.
 * Used by the rules engine and the commands before minutes, conclusions or a
 * review leave the group, and by the views.
 *
 * A name is found as a full name (either order), a last name, or a first
 * name — a first name shared by several people too (it narrows attribution to
 * two people of eight) — with or without a civility (« Mme DUPONT »,
 * « M. Martin », « Madame Dupont », « Dr Petit »: the civility is part of the
 * match). Every name a person has had (`formerNames`, CNF-08) is found too.
 *
 * Matching survives what people paste: Unicode compatibility forms (« ﬁ »,
 * full-width and mathematical letters), invisible characters (soft hyphen,
 * zero-width spaces and joiners, word joiner, BOM and every other
 * default-ignorable code point), ligatures (« Lœuillet » and « Loeuillet »),
 * case and accents, in the text and in the stored names alike. Whole words
 * only: « Martine » does not match « Martin », and a name inside a hyphenated
 * compound (« Pierre » in « Pierre-Yves ») is not a hit. Hyphenated and
 * apostrophe names (« Jean-Pierre », « Le Goff », « N'Diaye ») match with their
 * hyphen or apostrophe, a space, or run together; French elision is
 * understood (« d'Élodie »).
 *
 * A name that is also a common French word (Claire, Rose, Petit, Blanc…) is a
 * hit only where it reads as a name: capitalised (sentence start and all
 * capitals included), after a civility, or as part of the full name — so
 * « la consigne n'est pas claire » passes for a member named Claire.
 *
 * The forms of a set of people are compiled once and memoised.
 *
 * @since 0.1.0
 */
import * as internal from "./internal/names.js"

/**
 * A name a person has had, or has (CNF-08).
 *
 * @example
 * import type { Names } from "@entre-pairs/core"
 * const r: Names.NameRecord = { firstName: "Claire", lastName: "Petit" }
 * @since 0.1.0
 */
export type NameRecord = internal.NameRecord

/**
 * A person whose name must not appear, with every name they have had
 * (`formerNames`: the names before a recorded rename, still scanned, CNF-08).
 *
 * @example
 * import type { Names } from "@entre-pairs/core"
 * const p: Names.Person = { id: "agt-1", firstName: "Élodie", lastName: "Dupont", formerNames: [{ firstName: "Élodie", lastName: "Martin" }] }
 * @since 0.1.0
 */
export type Person = internal.Person

/**
 * How a name was found.
 *
 * @example
 * import type { Names } from "@entre-pairs/core"
 * const k: Names.HitKind = "lastName"
 * @since 0.1.0
 */
export type HitKind = internal.HitKind

/**
 * A name found in a text: the person (the first of `people`, everyone who
 * bears the name found, when several do), how, the text as written (a
 * civility such as « Mme », « M. », « Dr » included, then `civility` is
 * true) and its offset (UTF-16 code units) in the original text.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const [hit] = Names.findNames("Vu avec Mme DUPONT.", [{ id: "a", firstName: "Élodie", lastName: "Dupont" }])
 * hit?.matched // "Mme DUPONT"
 * hit?.offset // 8
 * @since 0.1.0
 */
export type NameHit<P extends Person = Person> = internal.NameHit<P>

/**
 * A compiled set of people.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const scanner = Names.compile([{ id: "a", firstName: "Jean-Pierre", lastName: "Le Goff" }])
 * scanner.find("Jean Pierre a présenté son cas.").length // 1
 * @since 0.1.0
 */
export type Scanner<P extends Person = Person> = internal.Scanner<P>

/**
 * Compiles the name forms of a set of people. Several records with the same
 * ID are one person: the first record's name is the current one, the others
 * are scanned as former names. The forms are memoised by the people's IDs and
 * names, so compiling the same set again is cheap.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const scanner = Names.compile([{ id: "a", firstName: "Awa", lastName: "N'Diaye" }])
 * scanner.find("Mme NDiaye et Mme N’Diaye").length // 2
 * @since 0.1.0
 */
export const compile: <P extends Person>(people: ReadonlyArray<P>) => Scanner<P> = internal.compile

/**
 * Finds the names of `people` in `text`, in order of appearance.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const people = [{ id: "a", firstName: "Élodie", lastName: "Le\u00ADfèvre" }, { id: "b", firstName: "Claire", lastName: "Roy" }]
 * Names.findNames("Mme LEFE\u200BVRE trouve que la consigne n'est pas claire ; Claire aussi.", people).map((h) => h.matched)
 * // ["Mme LEFE\u200BVRE", "Claire"]
 * @since 0.1.0
 */
export const findNames = <P extends Person>(text: string, people: ReadonlyArray<P>): ReadonlyArray<NameHit<P>> =>
  internal.compile(people).find(text)

/**
 * Whether a name is also a common French word (Claire, Rose, Petit, Blanc…),
 * found only where it reads as a name.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * Names.isCommonWord("Claire") // true
 * Names.isCommonWord("Lefèvre") // false
 * @since 0.1.0
 */
export const isCommonWord: (name: string) => boolean = internal.isCommonWordName
