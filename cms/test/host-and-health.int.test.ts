/** The clinic comes from the Host header; /healthz tells a load balancer whether the database answers. */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld())
})
afterAll(() => server?.close())

/** fetch() cannot set Host, so pages are requested with node:http as a browser on that domain would. */
function page(host: string, path = '/'): Promise<{ status: number; html: string; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { host } }, (res) => {
      let html = ''
      res.setEncoding('utf8').on('data', (chunk) => (html += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, html, headers: new Headers(res.headers as Record<string, string>) }))
    })
    req.on('error', reject).end()
  })
}

describe('clinic sites by host', () => {
  it('shows each clinic its own name, by domain, with or without a port and in any case', async () => {
    const alpha = await page('alpha.localhost:3000')
    expect(alpha.status).toBe(200)
    expect(alpha.html).toContain('Clinic alpha')
    expect(alpha.html).not.toContain('Clinic beta')
    const beta = await page('BETA.localhost')
    expect([beta.status, beta.html.includes('Clinic beta'), beta.html.includes('Clinic alpha')]).toEqual([200, true, false])
  })

  it('answers an unknown host with "clinic not found", never another clinic\'s site', async () => {
    const unknown = await page('evil.example:3000')
    expect(unknown.status).toBe(404)
    expect(unknown.html).toContain('Clinic not found')
    expect(unknown.html).not.toMatch(/Clinic (alpha|beta)/)
  })

  it('follows a domain change made in the admin on the next request', async () => {
    const admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
    const res = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { domains: [{ domain: 'care.alpha.example' }] })
    expect(res.status).toBe(200)
    expect((await page('care.alpha.example')).html).toContain('Clinic alpha')
    expect((await page('alpha.localhost')).status).toBe(404)
  })

  it('sends security headers and a request id on every answer', async () => {
    const res = await page('beta.localhost')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    // Addresses of pages (which can name a visit) never go to other sites as a referrer.
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const api = await fetch(`${server.url}/api/tenants`, { headers: { 'x-request-id': 'trace-42' } })
    expect(api.headers.get('x-request-id')).toBe('trace-42')
    expect(api.headers.get('x-powered-by')).toBeNull()
  })

  it('offers no GraphQL endpoint: REST is the one API surface', async () => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"query":"{ Users { docs { email } } }"}',
    })
    expect(res.status).toBe(404)
  })
})

describe('clinic sites by path and theme', () => {
  it('serves a clinic at /c/<slug>/ on any host, for deployments on one domain', async () => {
    const byPath = await page('shared.example', '/c/beta')
    expect([byPath.status, byPath.html.includes('Clinic beta')]).toEqual([200, true])
    const unknown = await page('shared.example', '/c/nowhere')
    expect([unknown.status, unknown.html.includes('Clinic not found')]).toEqual([404, true])
    const logo = await page('shared.example', '/c/beta/theme/logo.svg')
    expect([logo.status, logo.headers.get('content-type'), logo.html.startsWith('<svg')]).toEqual([200, 'image/svg+xml', true])
  })

  it("renders the clinic's theme as CSS variables, and a change in the CMS on the next load", async () => {
    expect((await page('beta.localhost')).html).toContain('--color-primary:#2563eb')
    const admin = await signIn(server.url, world.beta.admin.email, PASSWORD)
    expect((await admin.request('PATCH', `/api/tenants/${world.beta.id}`, { theme: 'sunrise' })).status).toBe(200)
    const sunrise = (await page('beta.localhost')).html
    expect(sunrise).toContain('--color-primary:#c2410c')
    expect(sunrise).toContain('Bright, friendly care every morning.')
    expect(
      (await admin.request('PATCH', `/api/tenants/${world.beta.id}`, { brand: { primaryColor: '#123456', tagline: 'Care at home' } }))
        .status,
    ).toBe(200)
    const branded = (await page('beta.localhost')).html
    expect([branded.includes('--color-primary:#123456'), branded.includes('Care at home')]).toEqual([true, true])
    const bad = await admin.request('PATCH', `/api/tenants/${world.beta.id}`, { brand: { primaryColor: 'red;}</style>' } })
    expect([bad.status, JSON.stringify(bad.body)]).toEqual([400, expect.stringMatching(/six hexadecimal digits/)])

    // The brand kit: a yellow main colour under white button text is refused, on its field, and changes nothing.
    const yellow = await admin.request('PATCH', `/api/tenants/${world.beta.id}`, { brand: { primaryColor: '#facc15' } })
    expect(yellow.status).toBe(400)
    expect(yellow.body.errors[0].data.errors).toEqual([
      { path: 'brand.primaryColor', label: expect.anything(), message: expect.stringContaining('Button text on the main colour (#ffffff on #facc15) has a contrast of 1.5:1') },
    ])
    expect((await page('beta.localhost')).html).toContain('--color-primary:#123456')
    // Readable colours show on the next load; the page background follows the main colour unless set.
    const purple = await admin.request('PATCH', `/api/tenants/${world.beta.id}`, { brand: { primaryColor: '#6d28d9', textColor: '#1e1b4b' } })
    expect(purple.status).toBe(200)
    const css = (await page('beta.localhost')).html
    expect(css).toContain('--color-primary:#6d28d9;--color-primary-text:#ffffff;--color-background:#f6f2fd;--color-surface:#ffffff;--color-text:#1e1b4b')
    expect((await admin.request('PATCH', `/api/tenants/${world.beta.id}`, { theme: 'no-such-theme' })).status).toBe(400)
  })
})

describe('clinic deletion', () => {
  it('refuses to delete a clinic that still holds clinical data, and deletes nothing', async () => {
    const root = await signIn(server.url, world.platformAdmin.email, PASSWORD)
    const res = await root.request('DELETE', `/api/tenants/${world.beta.id}`)
    expect([res.status, JSON.stringify(res.body)]).toEqual([409, expect.stringMatching(/still has \d+ appointments/)])
    const left = await server.payload.count({ collection: 'records', where: { tenant: { equals: world.beta.id } }, overrideAccess: true })
    expect(left.totalDocs).toBe(2)
    expect(await server.payload.findByID({ collection: 'tenants', id: world.beta.id, overrideAccess: true })).toBeTruthy()
  })
})

describe('/healthz', () => {
  it('is 200 with the database up, and 503 once the database is gone', async () => {
    const up = await fetch(`${server.url}/healthz`)
    expect([up.status, (await up.json()).database.status]).toEqual([200, 'up'])
    await server.payload.db.destroy?.()
    const down = await fetch(`${server.url}/healthz`)
    expect([down.status, (await down.json()).database.status]).toEqual([503, 'down'])
  })
})
