/**
 * The name scanner of CNF-06 (see `Names.ts` for what it finds and why).
 *
 * A text is folded once (`text.ts`: NFKD, marks, case, œ → oe, invisible
 * characters dropped, every space, apostrophe and hyphen made one), with the
 * way back to the original offsets; the name forms of the people are folded
 * the same way and kept in a map. At each word start, the longest form that
 * ends on a word boundary wins. A form that is also a common French word
 * (`lexicon.ts`) is a hit only where it reads as a name.
 */
import { commonWordNames } from "./lexicon.js"
import { APOSTROPHE, fold, foldWithOffsets, HYPHEN, isInvisible, isUpperAt, isWordChar, SPACE } from "./text.js"

/** A name a person has had, or has (the public `Names.NameRecord`). */
export interface NameRecord {
  readonly firstName: string
  readonly lastName: string
}

/** A person whose name must not appear (the public `Names.Person`). */
export interface Person extends NameRecord {
  readonly id: string
  /** Names the person had before a recorded rename (CNF-08): still scanned. */
  readonly formerNames?: ReadonlyArray<NameRecord> | undefined
}

export type HitKind = "fullName" | "lastName" | "firstName"

/** A name found in a text (the public `Names.NameHit`). */
export interface NameHit<P extends Person = Person> {
  readonly person: P
  /** Everyone who bears the name found (a shared first name gives several). */
  readonly people: ReadonlyArray<P>
  readonly kind: HitKind
  readonly matched: string
  readonly offset: number
  /** A civility was written before the name (« Mme », « M. », « Dr »…). */
  readonly civility: boolean
}

export interface Scanner<P extends Person = Person> {
  readonly people: ReadonlyArray<P>
  readonly find: (text: string) => ReadonlyArray<NameHit<P>>
}

// --- name forms ---------------------------------------------------------------

const isSeparator = (c: string): boolean => c === SPACE || c === APOSTROPHE || c === HYPHEN

/** A folded name: trimmed, runs of spaces made one. */
const foldName = (name: string): string => fold(name).replace(/ +/g, " ").trim()

const tokensOf = (folded: string): Array<string> => {
  const out: Array<string> = []
  let cur = ""
  for (const c of folded) {
    if (isSeparator(c)) {
      if (cur !== "") out.push(cur)
      cur = ""
    } else cur += c
  }
  if (cur !== "") out.push(cur)
  return out
}

/** The ways a folded name may be written: as is, spaced, hyphenated, run together. */
const formsOf = (folded: string): Array<string> => {
  const parts = tokensOf(folded)
  if (parts.length === 0) return []
  if (parts.length === 1) return [parts[0]!]
  return [...new Set([folded, parts.join(" "), parts.join("-"), parts.join("")])]
}

/** Particles of names (« Le Brun », « de La Fontaine »): words that carry no name by themselves. */
const particles = new Set(["le", "la", "les", "l", "de", "du", "des", "d", "da", "di", "del", "della", "dos", "das", "van", "von", "der", "den", "ten", "el", "al", "saint", "sainte", "st", "ste", "y", "e"])

/** A form is a common word when every one of its words is a common word or a particle, at least one being a word. */
const isCommon = (form: string): boolean => {
  const parts = tokensOf(form)
  let word = false
  for (const p of parts) {
    if (commonWordNames.has(p)) word = true
    else if (!particles.has(p)) return false
  }
  return word
}

interface Entry {
  kind: HitKind
  readonly people: Array<number>
  /** Every word of the form is a common word or a particle: a hit only where it reads as a name. */
  readonly common: boolean
}

const rank: Record<HitKind, number> = { fullName: 3, lastName: 2, firstName: 1 }

/** A hit with its bearers as indices into the compiled people (shared by every scanner of that set). */
interface RawHit {
  readonly people: ReadonlyArray<number>
  readonly kind: HitKind
  readonly matched: string
  readonly offset: number
  readonly civility: boolean
}

interface Compiled {
  readonly forms: ReadonlyMap<string, Entry>
  readonly maxLength: number
  /**
   * Hits by text already scanned: a snapshot's released texts are scanned
   * again by every later command (the state before and after) and by every
   * view, and they do not change. Bounded (`cacheLimits`).
   */
  readonly results: Map<string, ReadonlyArray<RawHit>>
  resultChars: number
}

/** At most this many texts, of this many UTF-16 units in all, are remembered per compiled set; longer texts never. */
const cacheLimits = { entries: 4096, chars: 4_000_000, text: 100_000 }

const compileForms = (people: ReadonlyArray<Person>): Compiled => {
  const forms = new Map<string, Entry>()
  let maxLength = 0
  const add = (form: string, person: number, kind: HitKind) => {
    if (form === "") return
    let e = forms.get(form)
    if (e === undefined) {
      e = { kind, people: [], common: kind !== "fullName" && isCommon(form) }
      forms.set(form, e)
    }
    if (rank[kind] > rank[e.kind]) e.kind = kind
    if (!e.people.includes(person)) e.people.push(person)
    if (form.length > maxLength) maxLength = form.length
  }
  people.forEach((p, i) => {
    for (const record of [p, ...(p.formerNames ?? [])]) {
      const firsts = formsOf(foldName(record.firstName))
      const lasts = formsOf(foldName(record.lastName))
      for (const f of firsts) {
        for (const l of lasts) {
          add(`${f} ${l}`, i, "fullName")
          add(`${l} ${f}`, i, "fullName")
        }
      }
      for (const l of lasts) add(l, i, "lastName")
      // A first name shared by several people still matches: it narrows attribution to a few people of eight.
      for (const f of firsts) add(f, i, "firstName")
    }
  })
  return { forms, maxLength, results: new Map(), resultChars: 0 }
}

// --- scanning -------------------------------------------------------------------

const civilities = new Set([
  "m", "mr", "mm", "mme", "mmes", "mlle", "mlles", "madame", "mesdames", "monsieur", "messieurs", "mademoiselle",
  "mesdemoiselles", "dr", "docteur", "docteure", "pr", "professeur", "professeure", "maitre"
])

const isWordAt = (t: string, i: number): boolean => i >= 0 && i < t.length && isWordChar(t[i]!)

/**
 * A word may start at `i`: a word character, not after one, and not just
 * after « <word>- » (a compound). An invisible character pasted between two
 * words (« Mme\u200BPetit ») may separate them as well as join them, so a word
 * may also start right after one (`gap`).
 */
const startsWord = (t: string, gap: Uint8Array, i: number): boolean =>
  isWordAt(t, i) && (gap[i] === 1 || (!isWordAt(t, i - 1) && !(t[i - 1] === HYPHEN && isWordAt(t, i - 2))))

/** A word may end before `i`. */
const endsWord = (t: string, gap: Uint8Array, i: number): boolean =>
  gap[i] === 1 || (!isWordAt(t, i) && !(t[i] === HYPHEN && isWordAt(t, i + 1)))

/** Start (in the folded text) of a civility written just before `start` (« Mme », « M. », « Madame »), else -1. */
const civilityBefore = (t: string, gap: Uint8Array, start: number): number => {
  let j = start - 1
  let spaces = gap[start] === 1 ? 1 : 0
  while (j >= 0 && t[j] === SPACE) (j--, spaces++)
  const dot = j >= 0 && t[j] === "."
  if (dot) j--
  if (spaces === 0 && !dot) return -1
  let k = j
  while (k >= 0 && isWordAt(t, k) && j - k < 14) k--
  if (k === j || isWordAt(t, k)) return -1
  return civilities.has(t.slice(k + 1, j + 1)) ? k + 1 : -1
}

/** Whether a common-word form found at [start, end) of the folded text reads as a name in the original. */
const readsAsName = (original: string, t: string, from: Int32Array, start: number, end: number): boolean => {
  let i = start
  while (i < end) {
    // Each word of the form that is not a particle: capitalised (all capitals included) is a name.
    let j = i
    while (j < end && isWordChar(t[j]!)) j++
    if (!particles.has(t.slice(i, j)) && isUpperAt(original, from[i]!)) return true
    i = j
    while (i < end && !isWordChar(t[i]!)) i++
  }
  return false
}

const droppedInvisible = (s: string, from: number, to: number): boolean => {
  for (let k = from; k < to; ) {
    const cp = s.codePointAt(k)!
    if (isInvisible(cp)) return true
    k += cp > 0xffff ? 2 : 1
  }
  return false
}

const noHits: ReadonlyArray<never> = []

const scan = (compiled: Compiled, original: string): ReadonlyArray<RawHit> => {
  if (original.length === 0) return noHits
  const { text: raw, from: rawFrom, to: rawTo } = foldWithOffsets(original)
  // Runs of spaces made one, keeping the way back.
  let t = ""
  const from = new Int32Array(raw.length)
  const to = new Int32Array(raw.length)
  /** 1 where an invisible character was dropped just before (see `startsWord`). */
  const gap = new Uint8Array(raw.length + 1)
  let n = 0
  // Not `t[n - 1]`: reading the string being built flattens it at each step (quadratic on a long text).
  let last = ""
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!
    if (c === SPACE && last === SPACE) continue
    last = c
    t += c
    from[n] = rawFrom[i]!
    to[n] = rawTo[i]!
    if (n > 0 && from[n]! > to[n - 1]! && droppedInvisible(original, to[n - 1]!, from[n]!)) gap[n] = 1
    n++
  }
  const { forms, maxLength } = compiled
  let hits: Array<RawHit> | undefined
  for (let i = 0; i < n; i++) {
    if (!startsWord(t, gap, i)) continue
    let best = -1
    let entry: Entry | undefined
    const limit = Math.min(n, i + maxLength)
    for (let q = i + 1; q <= limit; q++) {
      if (!endsWord(t, gap, q)) continue
      const e = forms.get(t.slice(i, q))
      if (e !== undefined) {
        best = q
        entry = e
      }
    }
    if (entry === undefined) continue
    const civ = civilityBefore(t, gap, i)
    if (entry.common && civ < 0 && !readsAsName(original, t, from, i, best)) continue
    const offset = civ >= 0 ? from[civ]! : from[i]!
    const end = to[best - 1]!
    ;(hits ??= []).push({
      people: entry.people,
      kind: entry.kind,
      matched: original.slice(offset, end),
      offset,
      civility: civ >= 0
    })
    i = best - 1
  }
  return hits ?? noHits
}

/** `scan`, remembered per compiled set for texts seen before. */
const scanCached = (compiled: Compiled, text: string): ReadonlyArray<RawHit> => {
  const seen = compiled.results.get(text)
  if (seen !== undefined) return seen
  const hits = scan(compiled, text)
  if (text.length <= cacheLimits.text) {
    const { results } = compiled
    // Full: start again (evicting one by one from a Map is quadratic in V8).
    if (results.size >= cacheLimits.entries || compiled.resultChars + text.length > cacheLimits.chars) {
      results.clear()
      compiled.resultChars = 0
    }
    results.set(text, hits)
    compiled.resultChars += text.length
  }
  return hits
}

const materialise = <P extends Person>(people: ReadonlyArray<P>, raw: ReadonlyArray<RawHit>): ReadonlyArray<NameHit<P>> => {
  if (raw.length === 0) return noHits
  return raw.map((h) => {
    const bearers = h.people.map((k) => people[k]!)
    return { person: bearers[0]!, people: bearers, kind: h.kind, matched: h.matched, offset: h.offset, civility: h.civility }
  })
}

// --- compile ----------------------------------------------------------------------

const memo = new Map<string, Compiled>()
const signature = (people: ReadonlyArray<Person>): string => {
  let sig = ""
  for (const p of people) {
    sig += `${p.id}\u0001${p.firstName}\u0001${p.lastName}`
    for (const r of p.formerNames ?? []) sig += `\u0003${r.firstName}\u0001${r.lastName}`
    sig += "\u0002"
  }
  return sig
}

/** Merges records of the same ID: the first record's names, the others' as former names. */
const merge = <P extends Person>(people: ReadonlyArray<P>): Array<P> => {
  const byId = new Map<string, P>()
  const order: Array<string> = []
  for (const p of people) {
    const seen = byId.get(p.id)
    if (seen === undefined) {
      byId.set(p.id, p)
      order.push(p.id)
      continue
    }
    const records = [...(seen.formerNames ?? []), p, ...(p.formerNames ?? [])]
    const known = new Set([`${seen.firstName}\u0001${seen.lastName}`])
    const former: Array<NameRecord> = []
    for (const r of records) {
      const k = `${r.firstName}\u0001${r.lastName}`
      if (known.has(k)) continue
      known.add(k)
      former.push({ firstName: r.firstName, lastName: r.lastName })
    }
    byId.set(p.id, { ...seen, formerNames: former })
  }
  return order.map((id) => byId.get(id)!)
}

export const compile = <P extends Person>(people: ReadonlyArray<P>): Scanner<P> => {
  const unique = merge(people)
  const sig = signature(unique)
  let compiled = memo.get(sig)
  if (compiled === undefined) {
    compiled = compileForms(unique)
    if (memo.size >= 64) memo.delete(memo.keys().next().value!)
    memo.set(sig, compiled)
  }
  const c = compiled
  return { people: unique, find: (text) => materialise(unique, scanCached(c, text)) }
}

export const isCommonWordName = (name: string): boolean => {
  const f = foldName(name)
  return f !== "" && isCommon(f)
}
