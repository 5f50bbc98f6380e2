import { describe, expect, it } from 'vitest'
import { FONT_SUBSETS } from '../../../../cms/src/collections/Tenants/brand/fonts.ts'
import { fontFile, fontPreload, siteFonts } from './fonts.ts'

const urls = (css: string) => [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!)

describe('site fonts', () => {
  it('loads no font file for a clinic that chose none, or chose something not in the list', () => {
    expect(siteFonts({})).toEqual({ faces: '', body: undefined, heading: undefined })
    expect(siteFonts({ bodyFont: 'comic-sans', headingFont: "x');}</style>" })).toEqual({ faces: '', body: undefined, heading: undefined })
    expect(fontPreload({ bodyFont: null })).toBeUndefined()
  })

  it('declares only the chosen fonts, one face per alphabet, served by the site with swap', () => {
    const fonts = siteFonts({ bodyFont: 'atkinson-hyperlegible-next', headingFont: 'lora' })
    expect(fonts.body).toBe("'Atkinson Hyperlegible Next Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif")
    expect(fonts.heading).toBe("'Lora Variable', Georgia, 'Times New Roman', serif")
    const faces = fonts.faces.match(/@font-face\{[^}]+\}/g)!
    expect(faces).toHaveLength(2 * FONT_SUBSETS.length)
    expect(faces.every((face) => face.includes('font-display:swap') && face.includes('font-weight:400 700'))).toBe(true)
    expect(faces.filter((face) => face.includes("font-family:'Lora Variable'"))).toHaveLength(2)
    expect(urls(fonts.faces)).toEqual([
      expect.stringMatching(/^\/fonts\/atkinson-hyperlegible-next-latin-wght-normal\.[0-9a-f]{10}\.woff2$/),
      expect.stringMatching(/^\/fonts\/atkinson-hyperlegible-next-latin-ext-wght-normal\.[0-9a-f]{10}\.woff2$/),
      expect.stringMatching(/^\/fonts\/lora-latin-wght-normal\.[0-9a-f]{10}\.woff2$/),
      expect.stringMatching(/^\/fonts\/lora-latin-ext-wght-normal\.[0-9a-f]{10}\.woff2$/),
    ])
    expect(fontPreload({ bodyFont: 'atkinson-hyperlegible-next', headingFont: 'lora' })).toBe(urls(fonts.faces)[0])
    // One font for both: declared once.
    expect(siteFonts({ bodyFont: 'inter', headingFont: 'inter' }).faces.match(/@font-face/g)).toHaveLength(FONT_SUBSETS.length)
  })

  it('serves the files of its faces, and nothing else', () => {
    const [url] = urls(siteFonts({ bodyFont: 'inter' }).faces)
    const bytes = fontFile(url!.slice('/fonts/'.length))
    expect(bytes?.subarray(0, 4).toString('latin1')).toBe('wOF2')
    const refused = [
      'inter-latin-wght-normal.woff2',
      '../package.json',
      '..%2Fpackage.json',
      '/etc/passwd',
      'index.css',
      'inter-latin-wght-normal.0000000000.woff2',
      'toString',
    ]
    expect(refused.map(fontFile)).toEqual(refused.map(() => null))
  })
})
