/**
 * The fonts a clinic may give its site in the brand kit: a short list of
 * open-licence (SIL OFL) fonts, well drawn for reading on screens, each from its
 * Fontsource npm package (a dependency of the storefront). The platform serves
 * their files itself, from the clinic's own site: no font service ever learns who
 * visits a clinic, and the site's CSP keeps fonts to its own origin.
 *
 * One list for both sides: the platform offers and accepts only these (the brand
 * fields), and the clinic site draws and serves only these (its @font-face rules
 * and its /fonts/ route). No imports here, so the storefront can import it too;
 * where their files are, and by what name they are served: ./fontFiles.ts.
 *
 * Adding a font: `npm install -w storefront --save-exact @fontsource-variable/<name>`,
 * then add it below. Its value becomes an option of a select field: in production
 * (schema by migrations) that needs a migration, as any new option does.
 */

export type BrandFont = {
  /** What is stored in the clinic's brand kit. */
  value: string
  /** The font's name, as admins pick it. */
  label: string
  /** Its Fontsource package: one variable file per alphabet covers every weight the site uses. */
  package: `@fontsource-variable/${string}`
  /** The family name our @font-face rules give it (not the system's own name, so a local copy never stands in half-way). */
  family: string
  /** What draws the text until the file has arrived (`font-display: swap`) or if it cannot load. */
  fallback: string
}

const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
const SERIF = "Georgia, 'Times New Roman', serif"

export const BRAND_FONTS = [
  {
    value: 'atkinson-hyperlegible-next',
    label: 'Atkinson Hyperlegible Next (sans-serif, made for low vision)',
    package: '@fontsource-variable/atkinson-hyperlegible-next',
    family: 'Atkinson Hyperlegible Next Variable',
    fallback: SANS,
  },
  { value: 'inter', label: 'Inter (sans-serif)', package: '@fontsource-variable/inter', family: 'Inter Variable', fallback: SANS },
  {
    value: 'source-sans-3',
    label: 'Source Sans 3 (sans-serif)',
    package: '@fontsource-variable/source-sans-3',
    family: 'Source Sans 3 Variable',
    fallback: SANS,
  },
  {
    value: 'nunito',
    label: 'Nunito (rounded sans-serif)',
    package: '@fontsource-variable/nunito',
    family: 'Nunito Variable',
    fallback: SANS,
  },
  { value: 'lora', label: 'Lora (serif)', package: '@fontsource-variable/lora', family: 'Lora Variable', fallback: SERIF },
  {
    value: 'merriweather',
    label: 'Merriweather (serif)',
    package: '@fontsource-variable/merriweather',
    family: 'Merriweather Variable',
    fallback: SERIF,
  },
  {
    value: 'source-serif-4',
    label: 'Source Serif 4 (serif)',
    package: '@fontsource-variable/source-serif-4',
    family: 'Source Serif 4 Variable',
    fallback: SERIF,
  },
] as const satisfies readonly BrandFont[]

export type BrandFontValue = (typeof BRAND_FONTS)[number]['value']

/**
 * The alphabets served, each its own file: the browser fetches a file only when the
 * page has a character in its range, so Latin Extended (Polish, Turkish, Vietnamese
 * names…) costs nothing on a page without such characters. Ranges as in Fontsource.
 */
export const FONT_SUBSETS = [
  {
    name: 'latin',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'latin-ext',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
] as const

export const isBrandFont = (value: unknown): value is BrandFontValue => BRAND_FONTS.some((font) => font.value === value)

export const brandFont = (value: unknown): (BrandFont & { value: BrandFontValue }) | undefined =>
  BRAND_FONTS.find((font) => font.value === value)

/** The CSS font stack of a font of the list: its family, then its fallbacks. */
export const fontStack = (font: BrandFont) => `'${font.family}', ${font.fallback}`

/** A font's file for one alphabet, as its package names it: `files/<name>-<subset>-wght-normal.woff2`. */
export const fontFileName = (font: BrandFont, subset: (typeof FONT_SUBSETS)[number]['name']) =>
  `${font.package.slice(font.package.indexOf('/') + 1)}-${subset}-wght-normal.woff2`

/** The brand kit's check: a font of the list, or nothing (the theme's). */
export function fontProblem(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '' || isBrandFont(value)) return undefined
  const shown = typeof value === 'string' ? `“${value.slice(0, 60)}”` : 'That value'
  return `${shown} is not one of the platform's fonts. Choose one of ${BRAND_FONTS.map((font) => font.label.replace(/ \(.*/, '')).join(', ')}, or leave it empty for the theme's font.`
}
