/**
 * Theming for integrators, without forking: service name, logo, colours, font
 * scale and language, applied by every renderer where its format allows
 * (Markdown has no colours; iCalendar only takes the service name and the
 * language).
 *
 * @since 0.1.0
 */
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
 * Resolves options into a theme; invalid colours throw (a typo should not
 * silently produce an unreadable document).
 *
 * @example
 * import { Theme } from "@entre-pairs/adapters-docs"
 * const theme = Theme.make({ serviceName: "DREETS Bretagne", colours: { primary: "#1f3a93" } })
 * @since 0.1.0
 */
export const make = (options: Options = {}): Theme => {
  const primary = options.colours?.primary ?? defaultColours.primary
  const accent = options.colours?.accent ?? defaultColours.accent
  for (const c of [primary, accent]) {
    if (!HEX.test(c)) throw new TypeError(`theme colour must be #rrggbb, got ${JSON.stringify(c)}`)
  }
  if (options.logo !== undefined) checkLogo(options.logo)
  const fontScale = options.fontScale ?? 1
  if (!(fontScale >= 0.5 && fontScale <= 3)) throw new RangeError(`fontScale must be within 0.5–3, got ${fontScale}`)
  return {
    serviceName: options.serviceName,
    logo: options.logo,
    colours: { primary: primary.toLowerCase(), accent: accent.toLowerCase() },
    fontScale,
    lang: options.lang
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The logo's bytes must match its declared type (a mismatch breaks some formats later, far from the cause). */
const checkLogo = (logo: Logo): void => {
  const b = logo.bytes
  const ok =
    logo.mime === "image/png"
      ? b.length > 33 && PNG_SIGNATURE.every((x, i) => b[i] === x)
      : b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff
  if (!ok) throw new TypeError(`theme logo is not a ${logo.mime} image`)
  if (!(logo.widthMm > 0 && logo.widthMm <= 210)) throw new RangeError(`theme logo widthMm must be within 0–210, got ${logo.widthMm}`)
}

/** Base body size in points, before `fontScale`. @since 0.1.0 */
export const baseFontSize = 10.5

/** Font size in points for body text or a heading level (0 = title). @since 0.1.0 */
export const fontSize = (theme: Theme, role: "title" | "subtitle" | 1 | 2 | 3 | "body" | "small"): number => {
  const factor = { title: 2, subtitle: 1.3, 1: 1.5, 2: 1.25, 3: 1.1, body: 1, small: 0.85 }[role]
  return Math.round(baseFontSize * factor * theme.fontScale * 2) / 2
}
