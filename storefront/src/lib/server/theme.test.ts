import { describe, expect, it } from 'vitest'
import { themeCss, type Theme } from './theme.ts'

const theme: Theme = {
  name: 'Test',
  colors: { primary: '#111111', primaryText: '#ffffff', background: '#fafafa', surface: '#ffffff', text: '#000000', muted: '#555555' },
  fonts: { body: 'Georgia, serif', heading: 'Georgia, serif' },
  radius: '4px',
  logo: 'logo.svg',
  copy: { tagline: 'Hello' },
}

describe('themeCss', () => {
  it('turns tokens into custom properties', () => {
    expect(themeCss(theme)).toBe(
      ':root{--color-primary:#111111;--color-primary-text:#ffffff;--color-background:#fafafa;--color-surface:#ffffff;--color-text:#000000;--color-muted:#555555;--font-body:Georgia, serif;--font-heading:Georgia, serif;--radius:4px}',
    )
  })
  it("applies a clinic's colours, and ignores any that is not a colour", () => {
    const css = themeCss(theme, { palette: { primary: '#abcdef', background: '#fdfdf0', text: 'red;}</style><script>' } })
    expect(css).toContain('--color-primary:#abcdef;')
    expect(css).toContain('--color-background:#fdfdf0;')
    expect(css).toContain('--color-text:#000000;')
    expect(css).not.toContain('<')
  })
})
