/**
 * WCAG 2 contrast between colours, for the brand kit: a clinic's colours are
 * refused when text on them would be hard to read.
 * https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
 */

/** Normal-size text, WCAG AA. */
export const AA_TEXT = 4.5

const HEX = /^#([0-9a-f]{6})$/i
export const isHexColor = (value: unknown): value is string => typeof value === 'string' && HEX.test(value)

const channels = (hex: string): [number, number, number] => {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** Relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** From 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** `share` of `color` over `base`, as CSS `color-mix(in srgb, color share, base)` draws it. */
export function mix(color: string, base: string, share: number): string {
  const a = channels(color)
  const b = channels(base)
  return `#${a.map((c, i) => Math.round(c * share + b[i]! * (1 - share)).toString(16).padStart(2, '0')).join('')}`
}

/** `4.52` → `4.5:1`, never rounded up past the line it failed. */
export const ratioLabel = (ratio: number) => `${Math.floor(ratio * 10) / 10}:1`
