/** The default theme's primary colour (themes/default/theme.json), for clinics without a valid one. */
export const DEFAULT_COLOR = '#2563eb'

const HEX = /^#[0-9a-fA-F]{6}$/

/** The colour if it is exactly `#rrggbb`, else the default: only this reaches a style attribute. */
export const safeColor = (color: unknown): string => (typeof color === 'string' && HEX.test(color) ? color.toLowerCase() : DEFAULT_COLOR)

/** The URL if it is an absolute http(s) one, else null: only these reach an href or src. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) return null
  try {
    const parsed = new URL(url.trim())
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}

/** White or near-black, whichever reads better on the (safe) colour: a clinic may pick a light brand colour. */
export function textColorOn(color: string): string {
  const channel = (i: number) => {
    const c = parseInt(color.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  // Contrast with white is 1.05 / (L + 0.05); with #0f172a (L ≈ 0.009) it is (L + 0.05) / 0.059.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.059 ? '#ffffff' : '#0f172a'
}
