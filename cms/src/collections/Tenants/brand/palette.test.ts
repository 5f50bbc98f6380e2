import { describe, expect, it } from 'vitest'
import { AA_TEXT, contrastRatio } from './contrast.ts'
import { brandPalette, contrastProblems, themePalette } from './palette.ts'

const northwind = themePalette('northwind')

describe('brand colours', () => {
  it('keep the theme when the clinic sets none, and an unknown theme falls back to the default', () => {
    expect(brandPalette(northwind, {})).toEqual(northwind)
    expect(contrastProblems(northwind, { primaryColor: '', textColor: null })).toEqual({})
    expect(themePalette('../../etc')).toEqual(themePalette('default'))
  })

  it('refuse a yellow main colour under white button text, saying which text, by how much, on the field to change', () => {
    const problems = contrastProblems(northwind, { primaryColor: '#facc15' })
    expect(Object.keys(problems)).toEqual(['primaryColor'])
    expect(problems.primaryColor).toContain('Button text on the main colour (#ffffff on #facc15) has a contrast of 1.5:1')
    // Dark button text fixes the buttons, not links in yellow on a light page.
    const darkText = contrastProblems(northwind, { primaryColor: '#facc15', buttonTextColor: '#1f2937' })
    expect(darkText.buttonTextColor).toBeUndefined()
    expect(darkText.primaryColor).toMatch(/^Links in the main colour on the page background/)
  })

  it('let the background follow a new main colour, and pass every pair for a readable one', () => {
    const palette = brandPalette(northwind, { primaryColor: '#6D28D9' })
    expect(palette.primary).toBe('#6d28d9')
    expect(palette.background).not.toBe(northwind.background)
    expect(contrastRatio(palette.background, '#ffffff')).toBeLessThan(1.15)
    expect(contrastProblems(northwind, { primaryColor: '#6D28D9' })).toEqual({})
  })

  it('blame the text colour for light text, and the background for a dark page under the theme’s text', () => {
    expect(contrastProblems(northwind, { textColor: '#9ca3af' }).textColor).toMatch(/^Text on the page background/)
    const dark = contrastProblems(northwind, { backgroundColor: '#111827' })
    expect(dark.backgroundColor).toMatch(/Text on the page background \(#134e4a on #111827\)/)
  })

  it('keep secondary text readable when text and background are set', () => {
    const palette = brandPalette(northwind, { textColor: '#1e293b', backgroundColor: '#f8fafc' })
    expect(contrastRatio(palette.muted, palette.background)).toBeGreaterThanOrEqual(AA_TEXT)
  })
})
