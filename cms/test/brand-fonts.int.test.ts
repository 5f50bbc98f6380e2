/**
 * The brand kit's fonts, on the seeded product in Chromium: a clinic admin sets a
 * body and a heading font over REST; the clinic's site shows them on its next
 * load, with the files served by the site itself (its own origin, CSP
 * `font-src 'self'`), while the other clinic's site loads no font file at all.
 * A font not in the platform's list is refused with the list to choose from and
 * changes nothing; a font path not in the list is a 404.
 * Needs `npm run build` first (the test script's pretest does it).
 */
import type { Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BRAND_FONTS } from '../src/collections/Tenants/brand/fonts.ts'
import { sidewaysSpill } from './support/pageChecks.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let sunriseAdmin: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>
let northwindAdmin: typeof sunriseAdmin
let clinicId: (slug: string) => Promise<number | string>

async function signedIn(email: string): Promise<typeof sunriseAdmin> {
  const login = await fetch(`${product.server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  })
  const { token } = (await login.json()) as { token: string }
  return async (method, path, body) => {
    const res = await fetch(`${product.server.url}${path}`, {
      method,
      headers: { Authorization: `JWT ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: res.status, body: await res.json() }
  }
}

beforeAll(async () => {
  product = await startSeededProduct()
  sunriseAdmin = await signedIn('admin@sunrise.demo.test')
  northwindAdmin = await signedIn('admin@northwind.demo.test')
  clinicId = async (slug) => (await sunriseAdmin('GET', `/api/tenants?where[slug][equals]=${slug}&depth=0`)).body.docs[0].id
}, 240_000)

afterAll(() => product?.stop())

const brandOf = async (slug: string) => (await sunriseAdmin('GET', `/api/tenants/${await clinicId(slug)}?depth=0`)).body.brand

/** What the page draws its text with, once every font it asked for has arrived (or failed). */
async function fontsOn(page: Page) {
  return page.evaluate(async () => {
    await document.fonts.ready
    return {
      body: getComputedStyle(document.body).fontFamily,
      h1: getComputedStyle(document.querySelector('h1')!).fontFamily,
      faces: [...document.fonts].map((face) => ({ family: face.family, status: face.status })),
    }
  })
}

/** A fresh window on a clinic's site page, with every request and font response it makes. */
async function visit(slug: 'northwind' | 'sunrise', path = '/', width = 1280) {
  const page = await product.browser.newPage({ viewport: { width, height: 800 } })
  const requests: string[] = []
  const fontResponses: Response[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('response', (response) => {
    if (response.request().resourceType() === 'font') fontResponses.push(response)
  })
  const response = await page.goto(`${product.site(slug)}${path}`, { waitUntil: 'networkidle' })
  return { page, requests, fontResponses, csp: response!.headers()['content-security-policy'] ?? '' }
}

describe("a clinic's brand fonts", () => {
  it('refuses a font not in the list, saying which fonts there are, and changes nothing', async () => {
    const sunrise = await clinicId('sunrise')
    const refused = await sunriseAdmin('PATCH', `/api/tenants/${sunrise}`, { brand: { bodyFont: 'comic-sans', tagline: 'Never saved' } })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].data.errors).toEqual([
      {
        path: 'brand.bodyFont',
        label: expect.anything(),
        message:
          "“comic-sans” is not one of the platform's fonts. Choose one of Atkinson Hyperlegible Next, Inter, Source Sans 3, Nunito, Lora, Merriweather, Source Serif 4, or leave it empty for the theme's font.",
      },
    ])
    // A family name or a path in place of a value is refused the same way.
    const path = await sunriseAdmin('PATCH', `/api/tenants/${sunrise}`, { brand: { headingFont: "../../package.json');}" } })
    expect([path.status, path.body.errors[0].data.errors[0].path]).toEqual([400, 'brand.headingFont'])
    const kept = await brandOf('sunrise')
    expect([kept.bodyFont, kept.headingFont, kept.tagline === 'Never saved']).toEqual([null, null, false])
    // Another clinic's admin cannot set them.
    expect([403, 404]).toContain((await northwindAdmin('PATCH', `/api/tenants/${sunrise}`, { brand: { bodyFont: 'inter' } })).status)
    expect((await brandOf('sunrise')).bodyFont).toBeNull()

    // A clinic with no font of its own loads no font file: the theme's stacks are system fonts.
    const { page, fontResponses, csp } = await visit('sunrise')
    const fonts = await fontsOn(page)
    expect([fonts.body, fonts.faces, fontResponses.length]).toEqual(['"Trebuchet MS", Verdana, sans-serif', [], 0])
    expect(csp).toContain("font-src 'self'")
    await page.close()
  })

  it("shows the chosen fonts on the clinic's next page load, served by its own site, and leaves the other clinic as it was", async () => {
    const saved = await sunriseAdmin('PATCH', `/api/tenants/${await clinicId('sunrise')}`, {
      brand: { bodyFont: 'atkinson-hyperlegible-next', headingFont: 'lora' },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.doc.brand).toMatchObject({ bodyFont: 'atkinson-hyperlegible-next', headingFont: 'lora' })

    for (const path of ['/', '/doctors']) {
      const { page, requests, fontResponses, csp } = await visit('sunrise', path)
      const fonts = await fontsOn(page)
      expect(fonts.body).toBe('"Atkinson Hyperlegible Next Variable", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif')
      expect(fonts.h1).toBe('"Lora Variable", Georgia, "Times New Roman", serif')
      // Really loaded (not a fallback standing in): a face of each font arrived (the home page's prices in rupees
      // also bring a font's Latin Extended face, which holds the ₹ sign).
      expect(
        [...new Set(fonts.faces.filter((face) => face.status === 'loaded').map((face) => face.family))].sort(),
      ).toEqual(['Atkinson Hyperlegible Next Variable', 'Lora Variable'])
      expect(await page.evaluate(() => document.fonts.check("16px 'Atkinson Hyperlegible Next Variable'"))).toBe(true)
      // Every request of the page, the fonts with it, went to the clinic's own site.
      const origin = product.site('sunrise')
      expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([])
      // Only the two chosen fonts' files, each font's Latin face among them (Latin Extended when the page needs it).
      const fontPaths = fontResponses.map((response) => new URL(response.url()).pathname)
      expect(fontPaths.filter((path) => !/^\/fonts\/(atkinson-hyperlegible-next|lora)-latin(-ext)?-wght-normal\.[0-9a-f]{10}\.woff2$/.test(path))).toEqual([])
      for (const font of ['atkinson-hyperlegible-next', 'lora'])
        expect(fontPaths.some((path) => path.startsWith(`/fonts/${font}-latin-wght-normal.`)), font).toBe(true)
      for (const response of fontResponses) {
        expect([response.status(), response.headers()['content-type'], response.headers()['cache-control']]).toEqual([
          200,
          'font/woff2',
          'public, max-age=31536000, immutable',
        ])
      }
      expect(csp).toContain("font-src 'self'")
      await screenshotBoth(page, `brand-fonts-sunrise${path === '/' ? '-home' : path.replace('/', '-')}`)
      await page.close()
    }

    // Northwind keeps its theme's fonts and loads no font file.
    const northwind = await visit('northwind', '/doctors')
    const theirs = await fontsOn(northwind.page)
    expect([theirs.body, theirs.h1, theirs.faces, northwind.fontResponses.length]).toEqual([
      'Georgia, "Times New Roman", serif',
      'Georgia, "Times New Roman", serif',
      [],
      0,
    ])
    await northwind.page.close()
  })

  it("goes back to the theme's fonts when the choice is cleared", async () => {
    const northwind = await clinicId('northwind')
    expect(
      (await northwindAdmin('PATCH', `/api/tenants/${northwind}`, { brand: { bodyFont: 'source-sans-3', headingFont: 'merriweather' } }))
        .status,
    ).toBe(200)
    for (const path of ['/', '/doctors']) {
      const { page } = await visit('northwind', path)
      const fonts = await fontsOn(page)
      expect([fonts.body.split(',')[0], fonts.h1.split(',')[0]]).toEqual(['"Source Sans 3 Variable"', '"Merriweather Variable"'])
      expect(fonts.faces.filter((face) => face.status === 'loaded')).toHaveLength(2)
      await screenshotBoth(page, `brand-fonts-northwind${path === '/' ? '-home' : path.replace('/', '-')}`)
      await page.close()
    }
    expect((await northwindAdmin('PATCH', `/api/tenants/${northwind}`, { brand: { bodyFont: null, headingFont: null } })).status).toBe(200)
    const { page, fontResponses } = await visit('northwind')
    const fonts = await fontsOn(page)
    expect([fonts.body, fonts.faces, fontResponses.length]).toEqual(['Georgia, "Times New Roman", serif', [], 0])
    await page.close()
  })

  it('loads every font of the list, and each fits a phone', async () => {
    const sunrise = await clinicId('sunrise')
    for (const font of BRAND_FONTS) {
      expect(
        (await sunriseAdmin('PATCH', `/api/tenants/${sunrise}`, { brand: { bodyFont: font.value, headingFont: font.value } })).status,
      ).toBe(200)
      const { page } = await visit('sunrise', '/doctors', 390)
      const fonts = await fontsOn(page)
      expect([fonts.body.split(',')[0], fonts.faces.filter((face) => face.status === 'loaded').length], font.value).toEqual([
        `"${font.family}"`,
        1,
      ])
      expect(await sidewaysSpill(page), font.value).toEqual([])
      await page.close()
    }
  })

  it('serves no file that is not a font of the list', async () => {
    const { page, fontResponses } = await visit('sunrise')
    const served = new URL(fontResponses[0]!.url()).pathname
    await page.close()
    const get = (path: string) => fetch(`${product.server.url}${path}`)
    expect((await get(served)).status).toBe(200)
    expect((await get(`/c/sunrise${served}`)).status).toBe(200)
    const bogus = [
      '/fonts/nope.woff2',
      '/fonts/inter-latin-wght-normal.woff2',
      served.replace(/\.[0-9a-f]{10}\.woff2$/, '.0000000000.woff2'),
      '/fonts/..%2F..%2Fpackage.json',
      '/fonts/%2E%2E%2Fpackage.json',
      '/fonts/..%5C..%5Cpackage.json',
      '/fonts/index.css',
      '/fonts/',
    ]
    const answers = await Promise.all(bogus.map(async (path) => [path, (await get(path)).status]))
    expect(answers).toEqual(bogus.map((path) => [path, 404]))
  })
})
