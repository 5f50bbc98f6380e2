import { describe, expect, it } from 'vitest'
import { safeNext, sitePath } from './safeNext.ts'

const origin = 'http://northwind.localhost:3000'
const ownDomain = { origin, basePath: '' }
const byPath = { origin: 'http://localhost:3000', basePath: '/c/northwind' }

describe('safeNext', () => {
  it('keeps paths of this site, with their query, under the site’s own prefix', () => {
    expect(safeNext('/doctors/4?day=2026-12-03', ownDomain, '/')).toBe('/doctors/4?day=2026-12-03')
    expect(safeNext('/doctors/4?day=2026-12-03&start=2026-12-03T10%3A00%3A00.000Z', byPath, '/')).toBe(
      '/c/northwind/doctors/4?day=2026-12-03&start=2026-12-03T10%3A00%3A00.000Z',
    )
    expect(safeNext(null, byPath, '/doctors?welcome=1')).toBe('/c/northwind/doctors?welcome=1')
  })

  // As they arrive in the sign-in address (`?next=…`), decoded as the page reads them.
  it.each([
    '/%5Cevil.example/x',
    '/%09/evil.example',
    '//evil.example',
    '/%5C/evil.example',
    '/%2F/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '',
  ])('never sends next=%s to another site', (raw) => {
    const next = new URLSearchParams(`next=${raw}`).get('next')
    for (const site of [ownDomain, byPath]) {
      const target = safeNext(next, site, '/home')
      // Where a browser goes with `Location: <target>` from this site.
      expect(new URL(target, site.origin).origin).toBe(site.origin)
      expect(new URL(target, site.origin).pathname.startsWith(`${site.basePath}/`)).toBe(true)
    }
  })

  it('sends a path that leaves the site home', () => {
    expect(safeNext(new URLSearchParams('next=/%5Cevil.example/x').get('next'), ownDomain, '/home')).toBe('/home')
    expect(safeNext(new URLSearchParams('next=/%09/evil.example').get('next'), ownDomain, '/home')).toBe('/home')
  })

  it('refuses another clinic’s pages, however they are spelt', () => {
    for (const next of [
      '/c/sunrise/doctors/4',
      '/c/sunrise',
      '/doctors/../c/sunrise/doctors',
      '/%2e%2e/c/sunrise/x',
      '/c/northwind/doctors',
    ]) {
      expect(sitePath(next, origin)).toBeNull()
      expect(safeNext(next, byPath, '/doctors')).toBe('/c/northwind/doctors')
      expect(safeNext(next, ownDomain, '/doctors')).toBe('/doctors')
    }
  })

  it('refuses very long addresses', () => {
    expect(sitePath(`/doctors/4?x=${'a'.repeat(600)}`, origin)).toBeNull()
  })
})
