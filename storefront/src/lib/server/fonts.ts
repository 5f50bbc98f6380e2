import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  BRAND_FONTS,
  brandFont,
  FONT_SUBSETS,
  fontFileName,
  fontStack,
  type BrandFont,
} from '../../../../cms/src/collections/Tenants/brand/fonts.ts'

/**
 * The brand kit's fonts on the clinic site: the @font-face rules of the fonts a
 * clinic chose (none when it chose none: no font file is loaded), and the files
 * themselves, served by the site at `/fonts/<name>.<hash>.woff2` from the fonts'
 * npm packages. The list of fonts is the platform's (cms/.../brand/fonts.ts): a
 * value not in it draws the theme's font, and a name not in it is a 404, so the
 * route can never read any other file.
 */

/** Where the site serves its font files; the same origin as the page (CSP `font-src 'self'`). */
export const FONTS_PATH = '/fonts'

type FontFile = { path: string; bytes?: Buffer }

/**
 * Every file the site may serve, by its public name. The name carries a hash of
 * the file, so browsers keep it for a year without asking again and an updated
 * package gets new names. Built once, on first use.
 */
let files: { byPublicName: Map<string, FontFile>; publicName: Map<string, string> } | undefined
function fontFiles() {
  if (files) return files
  const require = createRequire(import.meta.url)
  const byPublicName = new Map<string, FontFile>()
  const publicName = new Map<string, string>()
  for (const subset of FONT_SUBSETS) {
    for (const font of BRAND_FONTS) {
      const file = fontFileName(font, subset.name)
      try {
        const path = require.resolve(`${font.package}/files/${file}`)
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 10)
        const name = file.replace(/\.woff2$/, `.${hash}.woff2`)
        byPublicName.set(name, { path })
        publicName.set(file, name)
      } catch (cause) {
        // A missing package (a broken install) leaves the font out: the site draws its fallback.
        console.error(`brand font file ${font.package}/files/${file} is missing; run npm ci`, cause)
      }
    }
  }
  return (files = { byPublicName, publicName })
}

/** The bytes of a served font file, or null for any name the site does not serve. */
export function fontFile(name: string): Buffer | null {
  const file = fontFiles().byPublicName.get(name)
  if (!file) return null
  file.bytes ??= readFileSync(file.path)
  return file.bytes
}

const url = (font: BrandFont, subset: (typeof FONT_SUBSETS)[number]['name']) => {
  const name = fontFiles().publicName.get(fontFileName(font, subset))
  return name ? `${FONTS_PATH}/${name}` : undefined
}

/** The clinic's font choices, as its brand kit stores them (checked again here: anything else is the theme's). */
export type FontChoice = { bodyFont?: string | null; headingFont?: string | null }

export type SiteFonts = {
  /** @font-face rules of the chosen fonts only. */
  faces: string
  /** The stacks for --font-body and --font-heading; absent where the theme's stays. */
  body?: string
  heading?: string
}

export function siteFonts(choice: FontChoice = {}): SiteFonts {
  const body = brandFont(choice.bodyFont)
  const heading = brandFont(choice.headingFont)
  const chosen = [...new Set([body, heading].filter((font) => font !== undefined))]
  const faces = chosen
    .flatMap((font) =>
      FONT_SUBSETS.map((subset) => {
        const src = url(font, subset.name)
        // The site uses weights 400 to 700; every font of the list covers them in its one variable file.
        return src
          ? `@font-face{font-family:'${font.family}';font-style:normal;font-weight:400 700;font-display:swap;src:url(${src}) format('woff2');unicode-range:${subset.unicodeRange}}`
          : ''
      }),
    )
    .join('')
  return {
    faces,
    body: body && fontStack(body),
    heading: heading && fontStack(heading),
  }
}

/** The body font's Latin file, worth preloading: every page's text waits for it. */
export const fontPreload = (choice: FontChoice = {}) => {
  const body = brandFont(choice.bodyFont)
  return body && url(body, 'latin')
}
