import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { repoRoot } from '../../../paths.ts'
import { BRAND_FONTS, FONT_SUBSETS, fontFileName } from './fonts.ts'

/** Where the clinic sites serve the brand kit's font files (the storefront's /fonts/ route), on their own origin. */
export const FONTS_PATH = '/fonts'

export type FontFiles = {
  /** The file on disk of each public name; only these are ever served. */
  pathOf: Map<string, string>
  /** The public name of each package file (`inter-latin-wght-normal.woff2` → `inter-latin-wght-normal.<hash>.woff2`). */
  publicName: Map<string, string>
}

/**
 * The font files of the list (./fonts.ts), from their packages (dependencies of
 * the storefront), by public name. The name carries a hash of the file, so
 * browsers keep it for a year without asking again and an updated package gets
 * new names. Built once, on first use, for the site and for the admin panel's
 * preview alike (Next bundles this file: packages are found from the repository
 * root, not from `import.meta.url`).
 */
export function fontFiles(): FontFiles {
  if (files) return files
  const require = createRequire(resolve(repoRoot, 'storefront/package.json'))
  const pathOf = new Map<string, string>()
  const publicName = new Map<string, string>()
  for (const font of BRAND_FONTS) {
    for (const subset of FONT_SUBSETS) {
      const file = fontFileName(font, subset.name)
      try {
        const path = require.resolve(`${font.package}/files/${file}`)
        const name = file.replace(/\.woff2$/, `.${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 10)}.woff2`)
        pathOf.set(name, path)
        publicName.set(file, name)
      } catch (cause) {
        // A missing package (a broken install) leaves the font out: the site draws its fallback.
        console.error(`brand font file ${font.package}/files/${file} is missing; run npm ci`, cause)
      }
    }
  }
  return (files = { pathOf, publicName })
}
let files: FontFiles | undefined

/** Where a font's file for one alphabet is served, if it is installed. */
export function fontUrl(font: Parameters<typeof fontFileName>[0], subset: Parameters<typeof fontFileName>[1]): string | undefined {
  const name = fontFiles().publicName.get(fontFileName(font, subset))
  return name && `${FONTS_PATH}/${name}`
}
