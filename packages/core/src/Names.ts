/**
 * Finds participants' names in free text (CNF-06): groups of 8–10 make
 * re-identification easy, so anonymity must hold in the text people type.
 * Used by the rules engine before minutes, conclusions or a review leave the
 * group, and by the views.
 *
 * A name is found as a full name (either order), a last name, or a first
 * name when no other person of the set shares it; in any case, with or
 * without accents ("Élodie", "elodie", "ELODIE"), with or without a civility
 * ("Mme DUPONT", "M. Martin", "Madame Dupont": the civility is part of the
 * match). Whole words only: "Martine" does not match "Martin", and a name
 * inside a hyphenated compound ("Pierre" in "Pierre-Yves") is not a hit.
 * Hyphenated and apostrophe names ("Jean-Pierre", "Le Goff", "N'Diaye")
 * match whether written with their hyphen or apostrophe, with a space, or
 * run together. French elision is understood: "d'Élodie" is a hit.
 *
 * Matching works on a folded copy of the text (lower case, accents removed)
 * with one `indexOf` per name form, so a scan costs a few microseconds; the
 * forms of a set of people are compiled once and memoised.
 *
 * @since 0.1.0
 */

/**
 * A person whose name must not appear.
 *
 * @example
 * import type { Names } from "@entre-pairs/core"
 * const p: Names.Person = { id: "agt-1", firstName: "Élodie", lastName: "Dupont" }
 * @since 0.1.0
 */
export interface Person {
  readonly id: string
  readonly firstName: string
  readonly lastName: string
}

/**
 * How a name was found.
 *
 * @example
 * import type { Names } from "@entre-pairs/core"
 * const k: Names.HitKind = "lastName"
 * @since 0.1.0
 */
export type HitKind = "fullName" | "lastName" | "firstName"

/**
 * A name found in a text: the person, how, the text as written (civility
 * included) and its offset (UTF-16 code units) in the original text.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const [hit] = Names.findNames("Vu avec Mme DUPONT.", [{ id: "a", firstName: "Élodie", lastName: "Dupont" }])
 * hit?.matched // "Mme DUPONT"
 * hit?.offset // 8
 * @since 0.1.0
 */
export interface NameHit<P extends Person = Person> {
  readonly person: P
  readonly kind: HitKind
  readonly matched: string
  readonly offset: number
}

/**
 * A compiled set of people.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const scanner = Names.compile([{ id: "a", firstName: "Jean-Pierre", lastName: "Le Goff" }])
 * scanner.find("Jean Pierre a présenté son cas.").length // 1
 * @since 0.1.0
 */
export interface Scanner<P extends Person = Person> {
  readonly people: ReadonlyArray<P>
  readonly find: (text: string) => ReadonlyArray<NameHit<P>>
}

// --- folding ---------------------------------------------------------------

const FOLD = new Map<string, string>()
for (let cp = 0x80; cp <= 0x24f; cp++) {
  const c = String.fromCharCode(cp)
  const d = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  if (d.length === 1 && d !== c) FOLD.set(c, d)
}
for (const c of "\u00a0\u2007\u2009\u202f\u2002\u2003") FOLD.set(c, " ")
for (const c of "\u2018\u2019\u02bc\u00b4\u2032") FOLD.set(c, "'")
for (const c of "\u2010\u2011\u2012\u2013") FOLD.set(c, "-")

const nonAscii = /[^\x00-\x7f]/g
const combining = /[\u0300-\u036f]/
const foldChar = (c: string): string => FOLD.get(c) ?? c

interface Folded {
  readonly text: string
  /** Original offset of each folded position; absent when folding kept offsets (1:1). */
  readonly map: ReadonlyArray<number> | undefined
}

const fold = (text: string): Folded => {
  const lower = text.toLowerCase()
  if (lower.length === text.length && !combining.test(text)) {
    return { text: lower.replace(nonAscii, foldChar), map: undefined }
  }
  // Slow path (decomposed accents, or characters whose lower case is longer).
  let out = ""
  const map: Array<number> = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (combining.test(c)) continue
    const l = c.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    const f = foldChar(l.length > 0 ? l[0]! : c)
    out += f
    map.push(i)
  }
  return { text: out, map }
}

const foldName = (name: string): string => fold(name.normalize("NFC")).text.replace(/\s+/g, " ").trim()

// --- name forms --------------------------------------------------------------

const separators = /[\s'-]+/

/** The ways a (folded) name may be written: as is, spaced, hyphenated, run together. */
const forms = (folded: string): Array<string> => {
  const tokens = folded.split(separators).filter((t) => t.length > 0)
  if (tokens.length <= 1) return tokens
  return [...new Set([folded, tokens.join(" "), tokens.join("-"), tokens.join("")])]
}

interface Needle {
  readonly needle: string
  readonly person: number
  readonly kind: HitKind
}

const compileNeedles = (people: ReadonlyArray<Person>): ReadonlyArray<Needle> => {
  const firstCount = new Map<string, number>()
  const firsts = people.map((p) => foldName(p.firstName))
  for (const f of firsts) firstCount.set(f, (firstCount.get(f) ?? 0) + 1)
  const seen = new Set<string>()
  const out: Array<Needle> = []
  const add = (needle: string, person: number, kind: HitKind) => {
    if (needle.length === 0 || seen.has(needle)) return
    seen.add(needle)
    out.push({ needle, person, kind })
  }
  const lasts = people.map((p) => forms(foldName(p.lastName)))
  const firstForms = firsts.map(forms)
  people.forEach((_, i) => {
    for (const f of firstForms[i]!) {
      for (const l of lasts[i]!) {
        add(`${f} ${l}`, i, "fullName")
        add(`${l} ${f}`, i, "fullName")
      }
    }
  })
  people.forEach((_, i) => {
    for (const l of lasts[i]!) add(l, i, "lastName")
  })
  people.forEach((_, i) => {
    if (firstCount.get(firsts[i]!)! > 1) return
    for (const f of firstForms[i]!) add(f, i, "firstName")
  })
  return out
}

// --- scanning ----------------------------------------------------------------

const wordChar = /[\p{L}\p{N}\p{M}]/u
const isWord = (s: string, i: number): boolean => {
  if (i < 0 || i >= s.length) return false
  const c = s.charCodeAt(i)
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true
  if (c < 0xc0) return false
  return wordChar.test(s[i]!)
}

/** Whole word: no letter or digit around, and not part of a hyphenated compound. */
const isWhole = (s: string, start: number, end: number): boolean => {
  if (isWord(s, start - 1)) return false
  if (s.charCodeAt(start - 1) === 45 /* - */ && isWord(s, start - 2)) return false
  if (isWord(s, end)) return false
  if (s.charCodeAt(end) === 45 && isWord(s, end + 1)) return false
  return true
}

const civility = /(?:^|[^\p{L}\p{N}])((?:mme|mlle|mr|m|madame|monsieur|mademoiselle)\.?\s+)$/u

interface Raw {
  start: number
  end: number
  needle: Needle
}

const scan = <P extends Person>(people: ReadonlyArray<P>, needles: ReadonlyArray<Needle>, text: string) => {
  if (text.length === 0 || needles.length === 0) return [] as ReadonlyArray<NameHit<P>>
  const folded = fold(text)
  const s = folded.text
  let raw: Array<Raw> | undefined
  for (const needle of needles) {
    const n = needle.needle
    let i = s.indexOf(n)
    while (i !== -1) {
      if (isWhole(s, i, i + n.length)) (raw ??= []).push({ start: i, end: i + n.length, needle })
      i = s.indexOf(n, i + 1)
    }
  }
  if (raw === undefined) return [] as ReadonlyArray<NameHit<P>>
  raw.sort((a, b) => a.start - b.start || b.end - a.end)
  const hits: Array<NameHit<P>> = []
  let keptEnd = -1
  for (const r of raw) {
    if (r.start < keptEnd) continue
    keptEnd = r.end
    let start = r.start
    const m = civility.exec(s.slice(Math.max(0, start - 16), start))
    if (m !== null) start -= m[1]!.length
    const map = folded.map
    const oStart = map === undefined ? start : map[start]!
    const oEnd = map === undefined ? r.end : r.end < map.length ? map[r.end]! : text.length
    hits.push({
      person: people[r.needle.person]!,
      kind: r.needle.kind,
      matched: text.slice(oStart, oEnd),
      offset: oStart
    })
  }
  return hits
}

const memo = new Map<string, ReadonlyArray<Needle>>()
const signature = (people: ReadonlyArray<Person>): string => {
  let sig = ""
  for (const p of people) sig += `${p.id}\u0001${p.firstName}\u0001${p.lastName}\u0002`
  return sig
}

/**
 * Compiles the name forms of a set of people (duplicates by ID are ignored).
 * The forms are memoised by the people's IDs and names, so compiling the same
 * set again is cheap.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const scanner = Names.compile([{ id: "a", firstName: "Awa", lastName: "N'Diaye" }])
 * scanner.find("Mme NDiaye et Mme N’Diaye").length // 2
 * @since 0.1.0
 */
export const compile = <P extends Person>(people: ReadonlyArray<P>): Scanner<P> => {
  const ids = new Set<string>()
  const unique = people.filter((p) => (ids.has(p.id) ? false : (ids.add(p.id), true)))
  const sig = signature(unique)
  let needles = memo.get(sig)
  if (needles === undefined) {
    needles = compileNeedles(unique)
    if (memo.size >= 64) memo.delete(memo.keys().next().value!)
    memo.set(sig, needles)
  }
  const compiled = needles
  return { people: unique, find: (text) => scan(unique, compiled, text) }
}

/**
 * Finds the names of `people` in `text`, in order of appearance.
 *
 * @example
 * import { Names } from "@entre-pairs/core"
 * const people = [{ id: "a", firstName: "Élodie", lastName: "Martin" }]
 * Names.findNames("elodie a parlé à Martine", people).map((h) => h.matched) // ["elodie"]
 * @since 0.1.0
 */
export const findNames = <P extends Person>(text: string, people: ReadonlyArray<P>): ReadonlyArray<NameHit<P>> =>
  compile(people).find(text)
