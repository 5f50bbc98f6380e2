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

describe('themeCss with brand fonts', () => {
  it("sets the chosen stacks over the theme's, with their faces first, and keeps the theme's where none is chosen", () => {
    const css = themeCss(theme, { bodyFont: 'source-sans-3' })
    expect(css).toMatch(/^@font-face\{font-family:'Source Sans 3 Variable';/)
    expect(css).toContain(':root{--color-primary:#111111;')
    expect(css).toContain(
      "--font-body:'Source Sans 3 Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;--font-heading:Georgia, serif;",
    )
    expect(themeCss(theme, { bodyFont: 'not-a-font' })).toBe(themeCss(theme))
  })
})
