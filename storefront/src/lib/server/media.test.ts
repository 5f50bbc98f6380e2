import { describe, expect, it } from 'vitest'
import { sameOriginImage } from './media.ts'

describe('sameOriginImage', () => {
  it('keeps only the path of a platform image, so it loads on whichever clinic domain the visitor uses', () => {
    expect(sameOriginImage('http://localhost:3000/api/media/file/ana-ruiz.png')).toBe('/api/media/file/ana-ruiz.png')
    expect(sameOriginImage('https://api.telemed.example/api/media/file/a%20b.webp?2')).toBe('/api/media/file/a%20b.webp?2')
    expect(sameOriginImage('/api/media/file/kenji.jpg')).toBe('/api/media/file/kenji.jpg')
  })

  it('gives nothing for images the site may not load (elsewhere, or no image at all)', () => {
    expect(sameOriginImage('https://cdn.example/portraits/ana.png')).toBeNull()
    expect(sameOriginImage('javascript:alert(1)')).toBeNull()
    expect(sameOriginImage('')).toBeNull()
    expect(sameOriginImage(null)).toBeNull()
  })
})
