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
 * Matching folds each character on the fly (lower case, accents and
 * combining marks removed, any apostrophe, hyphen or space made one) and
 * walks a trie of the name forms from each word start, so a scan is one pass
 * over the text and offsets are those of the original text. The trie of a
 * set of people is compiled once and memoised.
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
//
// Each UTF-16 code unit folds to one code: lower case without accent for
// letters ("É" → "e"), 32 for any space, 39 for any apostrophe, 45 for any
// hyphen, SKIP for combining marks (so decomposed accents match too). The scan
// walks the original text, so offsets are always the original ones.

const SKIP = 0xffff
const TABLE_SIZE = 0x2100
const FOLD = new Uint16Array(TABLE_SIZE)
/** 1 for letters and digits (word characters). */
const WORD = new Uint8Array(TABLE_SIZE)
const letterOrDigit = /[\p{L}\p{N}]/u
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c)
  const stripped = ch.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  FOLD[c] = stripped.length === 1 ? stripped.charCodeAt(0) : ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : c
  WORD[c] = letterOrDigit.test(ch) ? 1 : 0
}
for (let c = 0x300; c <= 0x36f; c++) FOLD[c] = SKIP
for (const ch of " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f") {
  FOLD[ch.charCodeAt(0)] = 32
}
for (const ch of "'\u2018\u2019\u02bc\u00b4\u2032`") FOLD[ch.charCodeAt(0)] = 39
for (const ch of "-\u2010\u2011\u2012\u2013") FOLD[ch.charCodeAt(0)] = 45

const foldCode = (c: number): number => {
  if (c < TABLE_SIZE) return FOLD[c]!
  if (c === 0x3000) return 32
  const l = String.fromCharCode(c).toLowerCase()
  return l.length === 1 ? l.charCodeAt(0) : c
}
const isWordCode = (c: number): boolean =>
  c < TABLE_SIZE ? WORD[c] === 1 : letterOrDigit.test(String.fromCharCode(c))

/** Folds a name into codes, collapsing runs of separators' spaces. */
const foldName = (name: string): Array<number> => {
  const out: Array<number> = []
  for (let i = 0; i < name.length; i++) {
    const f = foldCode(name.charCodeAt(i))
    if (f === SKIP) continue
    if (f === 32 && (out.length === 0 || out[out.length - 1] === 32)) continue
    out.push(f)
  }
  while (out[out.length - 1] === 32) out.pop()
  return out
}

// --- name forms --------------------------------------------------------------

const isSeparator = (c: number): boolean => c === 32 || c === 39 || c === 45

/** The ways a folded name may be written: as is, spaced, hyphenated, run together. */
const forms = (folded: ReadonlyArray<number>): Array<Array<number>> => {
  const tokens: Array<Array<number>> = [[]]
  for (const c of folded) {
    if (isSeparator(c)) {
      if (tokens[tokens.length - 1]!.length > 0) tokens.push([])
    } else tokens[tokens.length - 1]!.push(c)
  }
  const parts = tokens.filter((t) => t.length > 0)
  if (parts.length === 0) return []
  if (parts.length === 1) return [parts[0]!]
  const join = (sep: ReadonlyArray<number>) => parts.reduce<Array<number>>((acc, t, i) => (i === 0 ? [...t] : [...acc, ...sep, ...t]), [])
  const all = [[...folded], join([32]), join([45]), join([])]
  const seen = new Set<string>()
  return all.filter((f) => (seen.has(f.join(",")) ? false : (seen.add(f.join(",")), true)))
}

/** A trie node: transitions by folded code, and the name form ending here. */
interface Node {
  readonly next: Map<number, Node>
  end: { readonly person: number; readonly kind: HitKind } | undefined
}

const node = (): Node => ({ next: new Map(), end: undefined })

const compileTrie = (people: ReadonlyArray<Person>): Node => {
  const root = node()
  const add = (codes: ReadonlyArray<number>, person: number, kind: HitKind) => {
    if (codes.length === 0) return
    let n = root
    for (const c of codes) {
      let m = n.next.get(c)
      if (m === undefined) n.next.set(c, (m = node()))
      n = m
    }
    n.end ??= { person, kind }
  }
  const firsts = people.map((p) => foldName(p.firstName))
  const firstCount = new Map<string, number>()
  for (const f of firsts) firstCount.set(f.join(","), (firstCount.get(f.join(",")) ?? 0) + 1)
  const firstForms = firsts.map(forms)
  const lastForms = people.map((p) => forms(foldName(p.lastName)))
  // Full names first: at one position the longest form wins anyway.
  people.forEach((_, i) => {
    for (const f of firstForms[i]!) {
      for (const l of lastForms[i]!) {
        add([...f, 32, ...l], i, "fullName")
        add([...l, 32, ...f], i, "fullName")
      }
    }
  })
  people.forEach((_, i) => {
    for (const l of lastForms[i]!) add(l, i, "lastName")
  })
  people.forEach((_, i) => {
    if (firstCount.get(firsts[i]!.join(","))! > 1) return
    for (const f of firstForms[i]!) add(f, i, "firstName")
  })
  return root
}

// --- scanning ----------------------------------------------------------------

const codeAt = (s: string, i: number): number => (i < 0 || i >= s.length ? 32 : foldCode(s.charCodeAt(i)))
const wordAt = (s: string, i: number): boolean => i >= 0 && i < s.length && isWordCode(s.charCodeAt(i))

/** A word may end before `i`. */
const endsWord = (s: string, i: number): boolean => {
  if (wordAt(s, i)) return false
  return !(codeAt(s, i) === 45 && wordAt(s, i + 1))
}

const civilities = new Set(["mme", "mlle", "mr", "m", "madame", "monsieur", "mademoiselle", "mmes", "mm"])

/** Start of a civility written just before `start` ("Mme ", "M. "), else `start`. */
const withCivility = (s: string, start: number): number => {
  let j = start - 1
  if (j < 0 || codeAt(s, j) !== 32) return start
  while (j >= 0 && codeAt(s, j) === 32) j--
  if (j >= 0 && s.charCodeAt(j) === 46 /* . */) j--
  let word = ""
  let k = j
  while (k >= 0 && wordAt(s, k) && j - k < 12) {
    word = String.fromCharCode(codeAt(s, k)) + word
    k--
  }
  if (word.length === 0 || wordAt(s, k) || !civilities.has(word)) return start
  return k + 1
}

/**
 * The trie flattened into typed arrays: one row of transitions per node,
 * indexed by the symbol of a folded code (symbols are the codes that occur
 * in the names, numbered from 1; 0 means "in no name").
 */
interface Compiled {
  readonly symbols: Uint16Array
  readonly extraSymbols: ReadonlyMap<number, number>
  readonly width: number
  readonly trans: Int32Array
  /** Per node: index of the person + 1 whose name form ends here (0: none). */
  readonly ends: Int32Array
  readonly kinds: ReadonlyArray<HitKind>
}

const flatten = (root: Node): Compiled => {
  const nodes: Array<Node> = [root]
  const ids = new Map<Node, number>([[root, 0]])
  const codes = new Set<number>()
  for (let k = 0; k < nodes.length; k++) {
    for (const [code, next] of nodes[k]!.next) {
      codes.add(code)
      if (!ids.has(next)) {
        ids.set(next, nodes.length)
        nodes.push(next)
      }
    }
  }
  const symbols = new Uint16Array(TABLE_SIZE)
  const extraSymbols = new Map<number, number>()
  let width = 1
  for (const code of codes) {
    if (code < TABLE_SIZE) symbols[code] = width
    else extraSymbols.set(code, width)
    width++
  }
  const trans = new Int32Array(nodes.length * width)
  const ends = new Int32Array(nodes.length)
  const kinds: Array<HitKind> = new Array(nodes.length).fill("lastName")
  nodes.forEach((n, k) => {
    if (n.end !== undefined) {
      ends[k] = n.end.person + 1
      kinds[k] = n.end.kind
    }
    for (const [code, next] of n.next) {
      const sym = code < TABLE_SIZE ? symbols[code]! : extraSymbols.get(code)!
      trans[k * width + sym] = ids.get(next)!
    }
  })
  return { symbols, extraSymbols, width, trans, ends, kinds }
}

const foldAt = (text: string, j: number): number => {
  const c = text.charCodeAt(j)
  return c < TABLE_SIZE ? FOLD[c]! : foldCode(c)
}

const scan = <P extends Person>(people: ReadonlyArray<P>, compiled: Compiled, text: string): ReadonlyArray<NameHit<P>> => {
  let hits: Array<NameHit<P>> | undefined
  const { symbols, extraSymbols, width, trans, ends, kinds } = compiled
  const symbol = (f: number): number => (f < TABLE_SIZE ? symbols[f]! : (extraSymbols.get(f) ?? 0))
  const n = text.length
  // Word starts only: no word character before, and not just after "<word>-" (a compound).
  let prevWord = false
  let prevHyphenAfterWord = false
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    let f: number
    let w: boolean
    if (c < TABLE_SIZE) {
      f = FOLD[c]!
      w = WORD[c] === 1
    } else {
      f = foldCode(c)
      w = isWordCode(c)
    }
    if (f === SKIP) continue
    if (w && !prevWord && !prevHyphenAfterWord) {
      const k0 = symbol(f)
      let node = k0 === 0 ? 0 : trans[k0]!
      if (node !== 0) {
        // Walk the trie as far as the text allows; keep the longest name ending on a word boundary.
        let j = i + 1
        let bestEnd = -1
        let bestNode = 0
        for (;;) {
          while (j < n && foldAt(text, j) === SKIP) j++
          if (ends[node] !== 0 && endsWord(text, j)) {
            bestEnd = j
            bestNode = node
          }
          if (j >= n) break
          const g = foldAt(text, j)
          const k = symbol(g)
          const next = k === 0 ? 0 : trans[node * width + k]!
          if (next === 0) break
          node = next
          j++
          if (g === 32) while (j < n && foldAt(text, j) === 32) j++
        }
        if (bestEnd !== -1) {
          const offset = withCivility(text, i)
          ;(hits ??= []).push({
            person: people[ends[bestNode]! - 1]!,
            kind: kinds[bestNode]!,
            matched: text.slice(offset, bestEnd),
            offset
          })
          i = bestEnd - 1
          prevWord = true
          prevHyphenAfterWord = false
          continue
        }
      }
    }
    prevHyphenAfterWord = f === 45 && prevWord
    prevWord = w
  }
  return hits ?? []
}

const memo = new Map<string, Compiled>()
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
  let compiled = memo.get(sig)
  if (compiled === undefined) {
    compiled = flatten(compileTrie(unique))
    if (memo.size >= 64) memo.delete(memo.keys().next().value!)
    memo.set(sig, compiled)
  }
  const c = compiled
  return { people: unique, find: (text) => scan(unique, c, text) }
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
