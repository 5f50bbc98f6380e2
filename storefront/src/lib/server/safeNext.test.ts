import { describe, expect, it } from 'vitest'
import { safeNext } from './safeNext.ts'

const origin = 'http://northwind.localhost:3000'

describe('safeNext', () => {
  it('keeps paths of this site, with their query', () => {
    expect(safeNext('/doctors/4?day=2026-12-03', origin, '/')).toBe('/doctors/4?day=2026-12-03')
    expect(safeNext('/c/sunrise/appointments', origin, '/')).toBe('/c/sunrise/appointments')
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
    const target = safeNext(next, origin, '/home')
    // Where a browser goes with `Location: <target>` from this site.
    expect(new URL(target, origin).origin).toBe(origin)
  })

  it('sends a path that leaves the site home', () => {
    expect(safeNext(new URLSearchParams('next=/%5Cevil.example/x').get('next'), origin, '/home')).toBe('/home')
    expect(safeNext(new URLSearchParams('next=/%09/evil.example').get('next'), origin, '/home')).toBe('/home')
  })
})
