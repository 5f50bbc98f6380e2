import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { siteFonts, type FontChoice } from './fonts.ts'
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

/**
 * What a clinic overrides in the CMS: its tagline, and the colours its site is
 * drawn with (`palette`: the theme's colours with the clinic's brand colours over
 * them, computed and contrast-checked by the platform), and its body and heading
 * fonts (from the platform's list, served by the site: see fonts.ts). Checked
 * again here before any of it reaches CSS.
 */
export type BrandOverrides = FontChoice & { tagline?: string | null; palette?: Partial<Theme['colors']> | null }

/**
 * The themes folder: THEMES_DIR (declared in config/src/env.ts), which the server sets
 * for the site to the folder the admin panel offers; read from process.env because the
 * site imports no code of the core or its config. Alone (vite dev), ./themes.
 */
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

/** Design tokens → CSS custom properties on :root, with the clinic's colours and fonts applied (and their @font-face rules). */
export function themeCss(theme: Theme, brand: BrandOverrides = {}): string {
  const colors = { ...theme.colors }
  for (const name of Object.keys(colors) as (keyof Theme['colors'])[]) {
    const value = brand.palette?.[name]
    if (typeof value === 'string' && HEX.test(value)) colors[name] = value
  }
  // Made once per theme file read, palette and fonts: every page of the site carries it.
  let byColors = cssOfTheme.get(theme)
  if (!byColors) cssOfTheme.set(theme, (byColors = new Map()))
  const key = `${Object.values(colors).join()}|${brand.bodyFont ?? ''}|${brand.headingFont ?? ''}`
  let css = byColors.get(key)
  if (css === undefined) byColors.set(key, (css = buildThemeCss(theme, colors, siteFonts(brand))))
  return css
}
const cssOfTheme = new WeakMap<Theme, Map<string, string>>()

function buildThemeCss(theme: Theme, colors: Theme['colors'], fonts: ReturnType<typeof siteFonts>): string {
  const vars: Record<string, string> = {
    '--color-primary': colors.primary,
    '--color-primary-text': colors.primaryText,
    '--color-background': colors.background,
    '--color-surface': colors.surface,
    '--color-text': colors.text,
    '--color-muted': colors.muted,
    '--font-body': fonts.body ?? theme.fonts.body,
    '--font-heading': fonts.heading ?? theme.fonts.heading,
    '--radius': theme.radius,
  }
  return `${fonts.faces}:root{${Object.entries(vars)
    .map(([k, v]) => `${k}:${cssValue(v)}`)
    .join(';')}}`
}
