import { describe, expect, it } from 'vitest'
import { brandImagesOf } from './brandImages.ts'

const image = (name: string) => ({
  url: `http://localhost:3000/api/media/file/${name}.png`,
  sizes: {
    header: { url: `http://localhost:3000/api/media/file/${name}-300x96.png` },
    icon64: { url: `http://localhost:3000/api/media/file/${name}-64x64.png` },
    icon192: { url: `http://localhost:3000/api/media/file/${name}-192x192.png` },
    icon512: { url: `http://localhost:3000/api/media/file/${name}-512x512.png` },
  },
})

describe('brandImagesOf', () => {
  it("uses the uploaded logo's sizes, on the visitor's own origin", () => {
    expect(brandImagesOf({ logo: image('logo') })).toEqual({
      logo: '/api/media/file/logo-300x96.png',
      appIcons: { 192: '/api/media/file/logo-192x192.png', 512: '/api/media/file/logo-512x512.png' },
      tabIcon: '/api/media/file/logo-64x64.png',
    })
  })

  it('takes the tab icon from the favicon when one is uploaded', () => {
    expect(brandImagesOf({ logo: image('logo'), favicon: image('mark') }).tabIcon).toBe('/api/media/file/mark-64x64.png')
  })

  it("falls back to the theme's logo when none is uploaded or it is only an id", () => {
    const none = { logo: null, appIcons: null, tabIcon: null }
    expect(brandImagesOf({})).toEqual(none)
    expect(brandImagesOf({ logo: 12 })).toEqual(none)
    expect(brandImagesOf(null)).toEqual(none)
  })

  it('ignores images kept elsewhere, which the CSP would block', () => {
    expect(brandImagesOf({ logo: { url: 'https://cdn.example/logo.png', sizes: {} } }).logo).toBeNull()
  })
})
