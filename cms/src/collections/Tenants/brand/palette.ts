import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { themesDir } from '../../../paths.ts'
import { AA_TEXT, contrastRatio, isHexColor, mix, ratioLabel } from './contrast.ts'

/** The colours a clinic's site is drawn with (the design tokens of themes/<slug>/theme.json). */
export type Palette = Record<'primary' | 'primaryText' | 'background' | 'surface' | 'text' | 'muted', string>

/** The colours a clinic admin sets in the brand kit; each one left empty keeps the theme's. */
export type BrandColors = {
  primaryColor?: string | null
  buttonTextColor?: string | null
  backgroundColor?: string | null
  textColor?: string | null
}
export type BrandColorField = keyof BrandColors

/** How much of the main colour tints the page background when only the main colour is set. */
const BACKGROUND_TINT = 0.06
/** Secondary text: this much of the text colour over the background. */
const MUTED_SHARE = 0.78

/**
 * A theme's colours, read from its theme.json (the default theme's when it has
 * none). Every read of a clinic needs them: kept a few seconds, as the site keeps
 * its theme files, so an edited theme shows within that time.
 */
export function themePalette(slug: unknown): Palette {
  const name = typeof slug === 'string' && /^[a-z0-9-]+$/.test(slug) ? slug : 'default'
  const kept = palettes.get(name)
  if (kept && Date.now() - kept.at < THEME_TTL_MS) return kept.palette
  let palette: Palette
  try {
    palette = readPalette(name)
  } catch {
    palette = readPalette('default')
  }
  palettes.set(name, { at: Date.now(), palette })
  return palette
}
const readPalette = (name: string) => (JSON.parse(readFileSync(join(themesDir, name, 'theme.json'), 'utf8')) as { colors: Palette }).colors
const palettes = new Map<string, { at: number; palette: Palette }>()
const THEME_TTL_MS = 5_000

const set = (value: string | null | undefined) => (isHexColor(value) ? value.toLowerCase() : undefined)

/**
 * The site's colours: the theme's, with the clinic's brand colours over them.
 * The colours it leaves follow the ones it sets: a new main colour tints the
 * page background, and secondary text follows the text and background colours.
 */
export function brandPalette(theme: Palette, brand: BrandColors = {}): Palette {
  const primary = set(brand.primaryColor) ?? theme.primary
  const background = set(brand.backgroundColor) ?? (set(brand.primaryColor) ? mix(primary, theme.surface, BACKGROUND_TINT) : theme.background)
  const text = set(brand.textColor) ?? theme.text
  const recoloured = set(brand.textColor) || set(brand.backgroundColor)
  return {
    primary,
    primaryText: set(brand.buttonTextColor) ?? theme.primaryText,
    background,
    surface: theme.surface,
    text,
    muted: recoloured ? mix(text, background, MUTED_SHARE) : theme.muted,
  }
}

/**
 * What would be hard to read with these brand colours, by the field to change:
 * every pair of text and what it sits on must reach WCAG AA (4.5:1). Nothing
 * when the clinic sets no colour (the theme is the platform's to check).
 */
export function contrastProblems(theme: Palette, brand: BrandColors): Partial<Record<BrandColorField, string>> {
  if (!Object.values(brand).some((value) => set(value))) return {}
  const p = brandPalette(theme, brand)
  const problems: Partial<Record<BrandColorField, string[]>> = {}
  const check = (field: BrandColorField, what: string, fg: string, bg: string, fix: string) => {
    const ratio = contrastRatio(fg, bg)
    if (ratio < AA_TEXT)
      (problems[field] ??= []).push(`${what} (${fg} on ${bg}) has a contrast of ${ratioLabel(ratio)}; it needs at least 4.5:1 to be readable (WCAG AA). ${fix}`)
  }
  const blame = (preferred: BrandColorField, otherwise: BrandColorField) => (set(brand[preferred]) ? preferred : otherwise)

  check(blame('buttonTextColor', 'primaryColor'), 'Button text on the main colour', p.primaryText, p.primary, 'Choose a darker or lighter main colour, or another button text colour.')
  check(blame('primaryColor', 'backgroundColor'), 'Links in the main colour on the page background', p.primary, p.background, 'Choose a main colour that stands out from the background.')
  check(blame('primaryColor', 'backgroundColor'), 'Links in the main colour on cards', p.primary, p.surface, 'Choose a main colour that stands out from white.')
  check(blame('textColor', 'backgroundColor'), 'Text on the page background', p.text, p.background, 'Choose a text colour further from the background.')
  check(blame('textColor', 'backgroundColor'), 'Secondary text on the page background', p.muted, p.background, 'Choose a text colour further from the background.')
  check(blame('textColor', 'backgroundColor'), 'Text on cards', p.text, p.surface, 'Choose a darker text colour.')
  return Object.fromEntries(Object.entries(problems).map(([field, list]) => [field, list!.join(' ')]))
}
