import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { BRAND_FONTS, brandFont, FONT_SUBSETS, fontFileName, fontProblem, fontStack, isBrandFont } from './fonts.ts'
import { brandField } from './fields.ts'

/** Resolved as the clinic site resolves them: the packages are the storefront's dependencies. */
const storefront = createRequire(new URL('../../../../../storefront/package.json', import.meta.url))

describe('brand fonts', () => {
  it('lists each font once, with a safe family name, and every file it needs installed', () => {
    expect(new Set(BRAND_FONTS.map((font) => font.value)).size).toBe(BRAND_FONTS.length)
    expect(new Set(BRAND_FONTS.map((font) => font.family)).size).toBe(BRAND_FONTS.length)
    for (const font of BRAND_FONTS) {
      // Family names go into CSS between quotes: letters, digits and spaces only.
      expect(font.family).toMatch(/^[A-Za-z0-9 ]+$/)
      expect(fontStack(font)).toMatch(/^'[^']+', .*(sans-serif|serif)$/)
      for (const subset of FONT_SUBSETS) {
        const file = fontFileName(font, subset.name)
        expect(file).toMatch(/^[a-z0-9-]+-(latin|latin-ext)-wght-normal\.woff2$/)
        expect(existsSync(storefront.resolve(`${font.package}/files/${file}`)), file).toBe(true)
      }
    }
    expect(fontStack(brandFont('inter')!)).toBe("'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif")
  })

  it('accepts a font of the list or nothing, and refuses anything else with the fonts to choose from', () => {
    expect(['inter', 'lora', null, undefined, ''].map(fontProblem)).toEqual([undefined, undefined, undefined, undefined, undefined])
    expect(fontProblem('comic-sans')).toBe(
      "“comic-sans” is not one of the platform's fonts. Choose one of Atkinson Hyperlegible Next, Inter, Source Sans 3, Nunito, Lora, Merriweather, Source Serif 4, or leave it empty for the theme's font.",
    )
    expect(fontProblem('Inter')).toMatch(/^“Inter” is not one of/)
    expect(fontProblem(['inter'])).toMatch(/^That value is not one of/)
    expect(['inter', 'Inter', '../inter', 'toString', 'constructor'].map(isBrandFont)).toEqual([true, false, false, false, false])
  })

  it('offers the list as the brand kit’s two selects, by label', () => {
    const fields = (brandField as { fields: { name?: string; type: string; options?: unknown }[] }).fields
    for (const name of ['bodyFont', 'headingFont']) {
      const field = fields.find((f) => f.name === name)
      expect(field?.type).toBe('select')
      expect(field?.options).toEqual(BRAND_FONTS.map(({ value, label }) => ({ value, label })))
    }
  })
})
