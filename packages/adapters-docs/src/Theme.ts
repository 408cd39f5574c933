/**
 * Theming for integrators, without forking: service name, logo, colours, font
 * scale and language, applied by every renderer where its format allows
 * (Markdown has no colours; iCalendar only takes the service name and the
 * language).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { unzlibSync } from "fflate"
import type { Lang } from "./Document.js"

/** A logo embedded in the document header. @since 0.1.0 */
export interface Logo {
  readonly bytes: Uint8Array
  readonly mime: "image/png" | "image/jpeg"
  /** Printed width in millimetres; the height follows the image's ratio. */
  readonly widthMm: number
}

/** Theme options; every field is optional, see {@link make}. @since 0.1.0 */
export interface Options {
  readonly serviceName?: string
  readonly logo?: Logo
  /** CSS hex colours (`#rrggbb`): `primary` for headings and table headers, `accent` for rules and notes. */
  readonly colours?: { readonly primary?: string; readonly accent?: string }
  /** Multiplies every font size (1 = 10.5 pt body text). */
  readonly fontScale?: number
  readonly lang?: Lang
}

/** A resolved theme, every field filled in. @since 0.1.0 */
export interface Theme {
  readonly serviceName: string | undefined
  readonly logo: Logo | undefined
  readonly colours: { readonly primary: string; readonly accent: string }
  readonly fontScale: number
  readonly lang: Lang | undefined
}

/**
 * Default colours: the French State's blue (bleu France, #000091) for
 * headings, and a dark red for accents; both pass WCAG AA on white.
 *
 * @since 0.1.0
 */
export const defaultColours = { primary: "#000091", accent: "#a1000b" } as const

const HEX = /^#[0-9a-fA-F]{6}$/

/**
 * A theme option that cannot be used: a colour that is not `#rrggbb`, a font
 * scale outside 0.5–3, a logo whose bytes are not the image its type says
 * (or a corrupt PNG), a logo width outside 0–210 mm. `path` names the option
 * (`["colours", "primary"]`); `reason` says what is wrong in French and
 * English.
 *
 * @example
 * import { Theme } from "@entre-pairs/adapters-docs"
 * import { Either } from "effect"
 * const result = Theme.make({ colours: { primary: "blue" } })
 * if (Either.isLeft(result)) result.left.path // ["colours", "primary"]
 * @since 0.1.0
 */
export class ThemeError extends Schema.TaggedError<ThemeError>("@entre-pairs/adapters-docs/ThemeError")("ThemeError", {
  path: Schema.Array(Schema.String),
  reason: Schema.Struct({ fr: Schema.String, en: Schema.String })
}) {
  override get message(): string {
    return `${this.path.join(".")}: ${this.reason.en}`
  }
}

const fail = (path: ReadonlyArray<string>, fr: string, en: string) => Either.left(new ThemeError({ path, reason: { fr, en } }))

/** Shows a value in an error without echoing a huge one in full. */
const shown = (v: unknown): string => {
  const s = typeof v === "string" ? JSON.stringify(v) : String(v)
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

/**
 * Resolves options into a theme, or says which option is wrong: an invalid
 * colour, scale or logo is refused (a typo should not silently produce an
 * unreadable document), never thrown.
 *
 * @example
 * import { Theme } from "@entre-pairs/adapters-docs"
 * import { Either } from "effect"
 * const theme = Either.getOrThrow(Theme.make({ serviceName: "DREETS Bretagne", colours: { primary: "#1f3a93" } }))
 * theme.colours.primary // "#1f3a93"
 * @since 0.1.0
 */
export const make = (options: Options = {}): Either.Either<Theme, ThemeError> => {
  const primary = options.colours?.primary ?? defaultColours.primary
  const accent = options.colours?.accent ?? defaultColours.accent
  for (const [key, c] of [["primary", primary], ["accent", accent]] as const) {
    if (typeof c !== "string" || !HEX.test(c)) {
      return fail(["colours", key], `une couleur s’écrit #rrggbb, reçu ${shown(c)}`, `a colour is written #rrggbb, got ${shown(c)}`)
    }
  }
  const fontScale = options.fontScale ?? 1
  if (typeof fontScale !== "number" || !(fontScale >= 0.5 && fontScale <= 3)) {
    return fail(["fontScale"], `l’échelle des polices va de 0,5 à 3, reçu ${shown(fontScale)}`, `the font scale is within 0.5–3, got ${shown(fontScale)}`)
  }
  if (options.logo !== undefined) {
    const problem = logoProblem(options.logo)
    if (problem !== undefined) return fail(["logo", ...problem.path], problem.fr, problem.en)
  }
  return Either.right({
    serviceName: options.serviceName,
    logo: options.logo,
    colours: { primary: primary.toLowerCase(), accent: accent.toLowerCase() },
    fontScale,
    lang: options.lang
  })
}

/**
 * {@link make} for code that has already validated its options: throws the
 * {@link ThemeError} (never a `TypeError`) when they are wrong.
 *
 * @example
 * import { Theme } from "@entre-pairs/adapters-docs"
 * Theme.unsafeMake({ fontScale: 1.2 }).fontScale // 1.2
 * @since 0.1.0
 */
export const unsafeMake = (options: Options = {}): Theme => {
  const result = make(options)
  if (Either.isLeft(result)) throw result.left
  return result.right
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Logos already checked (by identity of their bytes): a service renders many documents with one logo. */
const checked = new WeakSet<Uint8Array>()

/**
 * The logo's bytes must match its declared type (a mismatch breaks some
 * formats later, far from the cause), and a PNG's image data must inflate:
 * pdfkit inflates it in a callback whose error would escape every promise.
 */
const logoProblem = (logo: Logo): { path: ReadonlyArray<string>; fr: string; en: string } | undefined => {
  const b = logo.bytes
  if (!(b instanceof Uint8Array)) return { path: ["bytes"], fr: "les octets du logo manquent", en: "the logo's bytes are missing" }
  if (!(typeof logo.widthMm === "number" && logo.widthMm > 0 && logo.widthMm <= 210)) {
    return { path: ["widthMm"], fr: `la largeur du logo va de 0 à 210 mm, reçu ${shown(logo.widthMm)}`, en: `the logo width is within 0–210 mm, got ${shown(logo.widthMm)}` }
  }
  if (checked.has(b)) return undefined
  const ok =
    logo.mime === "image/png"
      ? b.length > 33 && PNG_SIGNATURE.every((x, i) => b[i] === x)
      : logo.mime === "image/jpeg" && b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
  if (!ok) return { path: ["bytes"], fr: `le logo n’est pas une image ${shown(logo.mime)}`, en: `the logo is not a ${shown(logo.mime)} image` }
  if (logo.mime === "image/png" && !pngDataInflates(b)) {
    return { path: ["bytes"], fr: "les données de l’image PNG du logo sont corrompues", en: "the logo's PNG image data is corrupt" }
  }
  checked.add(b)
  return undefined
}

const pngDataInflates = (png: Uint8Array): boolean => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const idat: Array<Uint8Array> = []
  let size = 0
  for (let i = 8; i + 8 <= png.length; ) {
    const length = view.getUint32(i)
    const type = String.fromCharCode(png[i + 4]!, png[i + 5]!, png[i + 6]!, png[i + 7]!)
    if (type === "IDAT") {
      const chunk = png.subarray(i + 8, i + 8 + length)
      idat.push(chunk)
      size += chunk.length
    }
    i += 12 + length
  }
  if (idat.length === 0) return false
  const data = new Uint8Array(size)
  let offset = 0
  for (const c of idat) {
    data.set(c, offset)
    offset += c.length
  }
  try {
    unzlibSync(data)
    return true
  } catch {
    return false
  }
}

/** Base body size in points, before `fontScale`. @since 0.1.0 */
export const baseFontSize = 10.5

/** Font size in points for body text or a heading level (0 = title). @since 0.1.0 */
export const fontSize = (theme: Theme, role: "title" | "subtitle" | 1 | 2 | 3 | "body" | "small"): number => {
  const factor = { title: 2, subtitle: 1.3, 1: 1.5, 2: 1.25, 3: 1.1, body: 1, small: 0.85 }[role]
  return Math.round(baseFontSize * factor * theme.fontScale * 2) / 2
}
