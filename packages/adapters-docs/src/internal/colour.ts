/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export const luminance = (hex: string): number => {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two #rrggbb colours. */
export const contrast = (a: string, b: string): number => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (l1 + 0.05) / (l2 + 0.05)
}

/** White or near-black, whichever reads better on `background`. */
export const textOn = (background: string): string =>
  contrast(background, "#ffffff") >= contrast(background, "#1a1a1a") ? "#ffffff" : "#1a1a1a"

/**
 * The colour to use for text on white: the theme colour when it passes WCAG AA
 * (4.5:1), else near-black, so an integrator's pale brand colour never makes a
 * heading unreadable.
 */
export const readableOnWhite = (colour: string): string => (contrast(colour, "#ffffff") >= 4.5 ? colour : "#1a1a1a")

/** A very light tint of a colour (for table stripes and note backgrounds). */
export const tint = (hex: string, amount: number): string => {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return `#${c.map((v) => Math.round(v + (255 - v) * amount).toString(16).padStart(2, "0")).join("")}`
}
