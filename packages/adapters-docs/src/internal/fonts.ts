import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

/** The four faces of one family, as TTF bytes. */
export interface FontFaces {
  readonly normal: Uint8Array
  readonly bold: Uint8Array
  readonly italics: Uint8Array
  readonly bolditalics: Uint8Array
}

let cached: FontFaces | undefined

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (not from the system): it
 * has every French glyph, œ « » ’ and U+202F included, so PDFs look the same
 * on any machine. Read once, then cached.
 */
export const dejaVuSans = (): FontFaces => {
  if (cached === undefined) {
    const require = createRequire(import.meta.url)
    const file = (name: string) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)))
    cached = {
      normal: file("DejaVuSans"),
      bold: file("DejaVuSans-Bold"),
      italics: file("DejaVuSans-Oblique"),
      bolditalics: file("DejaVuSans-BoldOblique")
    }
  }
  return cached
}
