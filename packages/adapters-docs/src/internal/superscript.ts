/**
 * Ordinals in superscript: `Typography.ordinals` writes « 2ᵉ », « 1ᵉʳ »,
 * « 1ʳᵉ » with Unicode modifier letters, which every font of ours shows but
 * smaller and higher than typeset superscript. Where a format has real
 * superscript (HTML `<sup>`, ODF `style:text-position`, Word's
 * `w:vertAlign`, a smaller raised font in PDF), the writers set the letters
 * back as ordinary letters in superscript. Only letters right after a digit
 * are ordinal suffixes; any other modifier letter is left as it is.
 */

const LETTERS: Readonly<Record<string, string>> = { "\u1d49": "e", "\u02b3": "r", "\u207f": "n", "\u1d48": "d", "\u02e2": "s" }
const SUFFIX = /(?<=\d)[\u1d49\u02b3\u207f\u1d48\u02e2]+/gu
const ANY = /\d[\u1d49\u02b3\u207f\u1d48\u02e2]/u

/** The size of superscript letters, as a fraction of the text's (LibreOffice's default). */
export const SUP_SIZE = 0.58
/** How far superscript letters are raised, as a fraction of the text's size. */
export const SUP_RISE = 0.33

/** Whether a text holds an ordinal suffix in modifier letters. */
export const hasOrdinal = (s: string): boolean => ANY.test(s)

const plain = (letters: string): string => [...letters].map((c) => LETTERS[c] ?? c).join("")

/** A text cut into pieces, each in superscript (an ordinal suffix, in ordinary letters) or not. */
export const segments = (s: string): Array<{ readonly text: string; readonly sup: boolean }> => {
  if (!hasOrdinal(s)) return [{ text: s, sup: false }]
  const out: Array<{ text: string; sup: boolean }> = []
  let last = 0
  for (const m of s.matchAll(SUFFIX)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), sup: false })
    out.push({ text: plain(m[0]), sup: true })
    last = m.index + m[0].length
  }
  if (last < s.length) out.push({ text: s.slice(last), sup: false })
  return out
}

/**
 * Markup (HTML, ODF) with each ordinal suffix of its text wrapped by `wrap`
 * (which gets the suffix in ordinary letters). Tags and their attribute
 * values are left alone: only the text between tags changes.
 */
export const markOrdinals = (markup: string, wrap: (letters: string) => string): string =>
  !hasOrdinal(markup)
    ? markup
    : markup
        .split(/(<[^>]*>)/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(SUFFIX, (m) => wrap(plain(m)))))
        .join("")
