import { readFileSync } from 'node:fs'
import { brandFont, FONT_SUBSETS, fontStack } from '../../../../cms/src/collections/Tenants/brand/fonts.ts'
import { fontFiles, fontUrl as url } from '../../../../cms/src/collections/Tenants/brand/fontFiles.ts'

/**
 * The brand kit's fonts on the clinic site: the @font-face rules of the fonts a
 * clinic chose (none when it chose none: no font file is loaded), and the files
 * themselves, served by the site at `/fonts/<name>.<hash>.woff2` from the fonts'
 * npm packages. The list of fonts is the platform's (cms/.../brand/fonts.ts): a
 * value not in it draws the theme's font, and a name not in it is a 404, so the
 * route can never read any other file.
 */

/** The bytes of a served font file, or null for any name the site does not serve. */
export function fontFile(name: string): Buffer | null {
  const path = fontFiles().pathOf.get(name)
  if (!path) return null
  let bytes = kept.get(name)
  if (!bytes) kept.set(name, (bytes = readFileSync(path)))
  return bytes
}
/** Files once read (a few tens of kB each, only those clinics chose). */
const kept = new Map<string, Buffer>()

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
