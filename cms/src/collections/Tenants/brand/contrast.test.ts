import { describe, expect, it } from 'vitest'
import { contrastRatio, isHexColor, luminance, mix, ratioLabel } from './contrast.ts'

describe('contrast', () => {
  it('matches the WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    // Figures from WebAIM's contrast checker.
    expect(contrastRatio('#ffffff', '#0f766e')).toBeCloseTo(5.47, 2)
    expect(contrastRatio('#ffffff', '#facc15')).toBeCloseTo(1.53, 2)
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(contrastRatio('#0f766e', '#ffffff')).toBe(contrastRatio('#ffffff', '#0f766e'))
  })

  it('computes luminance from sRGB channels', () => {
    expect(luminance('#000000')).toBe(0)
    expect(luminance('#ffffff')).toBe(1)
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4)
  })

  it('mixes like CSS color-mix in srgb', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080')
    expect(mix('#0f766e', '#ffffff', 0)).toBe('#ffffff')
    expect(mix('#0f766e', '#ffffff', 1)).toBe('#0f766e')
  })

  it('labels a ratio without rounding it up to a pass', () => {
    expect(ratioLabel(4.49)).toBe('4.4:1')
    expect(ratioLabel(1.53)).toBe('1.5:1')
  })

  it('accepts only #rrggbb colours', () => {
    expect(['#0f766e', '#ABCDEF'].every(isHexColor)).toBe(true)
    expect(['red', '#fff', '0f766e', '#0f766e;}', null].some(isHexColor)).toBe(false)
  })
})
