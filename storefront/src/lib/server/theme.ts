import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { cachedPublic } from './publicCache.ts'

/** A theme's design tokens, as in themes/<slug>/theme.json (see themes/README.md). */
export type Theme = {
  name: string
  colors: Record<'primary' | 'primaryText' | 'background' | 'surface' | 'text' | 'muted', string>
  fonts: { body: string; heading: string }
  radius: string
  logo: string
  copy: { tagline: string }
}

/** What a clinic overrides in the CMS. Validated there; checked again here before it reaches CSS. */
export type BrandOverrides = { primaryColor?: string | null; tagline?: string | null }

export const themesDir = () => resolve(process.env.THEMES_DIR ?? resolve(process.cwd(), 'themes'))

/**
 * Reads a theme from disk, kept for a few seconds: a new or edited theme file
 * shows within that time without a rebuild or restart, and a clinic switching
 * theme in the CMS shows at once (its settings are not cached past a change).
 * Unknown slugs fall back to the default theme.
 */
export function loadTheme(slug: string): Promise<Theme> {
  const safe = /^[a-z0-9-]+$/.test(slug) ? slug : 'default'
  return cachedPublic(`theme:${safe}`, THEME_TTL_MS, async () => {
    try {
      return JSON.parse(await readFile(resolve(themesDir(), safe, 'theme.json'), 'utf8')) as Theme
    } catch {
      return JSON.parse(await readFile(resolve(themesDir(), 'default', 'theme.json'), 'utf8')) as Theme
    }
  })
}
const THEME_TTL_MS = 5_000

const HEX = /^#[0-9a-fA-F]{6}$/
/** Theme files are ours; anything else must not be able to close the CSS rule. */
const cssValue = (value: string) => value.replace(/[;{}<>]/g, '')

/** Design tokens → CSS custom properties on :root, with the clinic's overrides applied. */
export function themeCss(theme: Theme, brand: BrandOverrides = {}): string {
  // Made once per theme file read and primary colour: every page of the site carries it.
  let byPrimary = cssOfTheme.get(theme)
  if (!byPrimary) cssOfTheme.set(theme, (byPrimary = new Map()))
  const key = brand.primaryColor ?? ''
  let css = byPrimary.get(key)
  if (css === undefined) byPrimary.set(key, (css = buildThemeCss(theme, brand)))
  return css
}
const cssOfTheme = new WeakMap<Theme, Map<string, string>>()

function buildThemeCss(theme: Theme, brand: BrandOverrides): string {
  const primary = brand.primaryColor && HEX.test(brand.primaryColor) ? brand.primaryColor : theme.colors.primary
  const vars: Record<string, string> = {
    '--color-primary': primary,
    '--color-primary-text': theme.colors.primaryText,
    '--color-background': theme.colors.background,
    '--color-surface': theme.colors.surface,
    '--color-text': theme.colors.text,
    '--color-muted': theme.colors.muted,
    '--font-body': theme.fonts.body,
    '--font-heading': theme.fonts.heading,
    '--radius': theme.radius,
  }
  return `:root{${Object.entries(vars)
    .map(([k, v]) => `${k}:${cssValue(v)}`)
    .join(';')}}`
}
