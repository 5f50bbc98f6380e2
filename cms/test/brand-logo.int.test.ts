/**
 * The brand kit's logo, end to end on the seeded product: a clinic admin uploads
 * a PNG (resized on upload into a header logo and square icons), picks it as the
 * clinic's logo, and the clinic's site shows it on the next load, on its own
 * domain, in the header, the browser tab and the home-screen manifest. SVG files
 * are refused with a message saying what to upload; another clinic's image cannot
 * be picked. Pages that do not exist get the clinic's own styled 404.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { expectAccessible, sidewaysSpill, windowIn } from './support/pageChecks.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let northwindAdmin: Client
let sunriseAdmin: Client
let northwindId: number | string
let sunriseId: number | string

beforeAll(async () => {
  product = await startSeededProduct()
  const api = product.server.url
  northwindAdmin = await signIn(api, 'admin@northwind.demo.test', 'demo-password')
  sunriseAdmin = await signIn(api, 'admin@sunrise.demo.test', 'demo-password')
  const idOf = async (slug: string) => (await northwindAdmin.request('GET', `/api/tenants?where[slug][equals]=${slug}&depth=0`)).body.docs[0].id
  northwindId = await idOf('northwind')
  sunriseId = await idOf('sunrise')
}, 240_000)
afterAll(async () => {
  await product?.stop()
})

/** A wide logo as a designer would export it: 2400 × 800, a teal mark on white. */
const wideLogo = () =>
  sharp({ create: { width: 2400, height: 800, channels: 4, background: '#ffffff' } })
    .composite([{ input: Buffer.from('<svg width="800" height="800"><circle cx="400" cy="400" r="380" fill="#0f766e"/></svg>'), left: 0, top: 0 }])
    .png()
    .toBuffer()

async function upload(admin: Client, tenant: number | string, file: Buffer, name: string, type: string) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ alt: 'Clinic logo', tenant }))
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  return admin.request('POST', '/api/media', form)
}

const imageSize = async (api: string, path: string) => {
  const response = await fetch(`${api}${path}`)
  expect(response.status).toBe(200)
  const { width, height, format } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
  return { width, height, format }
}

describe('logo upload', () => {
  it('resizes a PNG into a header logo and square icons, and caps the original', async () => {
    const res = await upload(northwindAdmin, northwindId, await wideLogo(), 'northwind-logo.png', 'image/png')
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect([doc.width, doc.height]).toEqual([2048, 683])
    expect([doc.sizes.header.width, doc.sizes.header.height]).toEqual([288, 96])
    for (const px of [64, 192, 512]) {
      expect([doc.sizes[`icon${px}`].width, doc.sizes[`icon${px}`].height, doc.sizes[`icon${px}`].mimeType]).toEqual([px, px, 'image/png'])
      expect(await imageSize(product.server.url, new URL(doc.sizes[`icon${px}`].url).pathname)).toEqual({ width: px, height: px, format: 'png' })
    }
  })

  it('refuses an SVG with a message saying what to upload, and keeps nothing', async () => {
    const before = (await northwindAdmin.request('GET', '/api/media?limit=0&depth=0')).body.totalDocs
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>')
    for (const [name, type] of <[string, string][]>[
      ['logo.svg', 'image/svg+xml'],
      ['logo.png', 'image/png'], // an SVG sent under a PNG's name and type
    ]) {
      const res = await upload(northwindAdmin, northwindId, svg, name, type)
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('SVG images are not accepted')
    }
    expect((await northwindAdmin.request('GET', '/api/media?limit=0&depth=0')).body.totalDocs).toBe(before)
  })
})

describe("the clinic's logo", () => {
  it("is refused when it is another clinic's image, and the clinic keeps its logo", async () => {
    const sunriseImage = (await upload(sunriseAdmin, sunriseId, await wideLogo(), 'sunrise-logo.png', 'image/png')).body.doc
    const res = await northwindAdmin.request('PATCH', `/api/tenants/${northwindId}`, { brand: { logo: sunriseImage.id } })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain("Choose one of this clinic's images.")
    expect((await northwindAdmin.request('GET', `/api/tenants/${northwindId}?depth=0`)).body.brand.logo ?? null).toBeNull()
  })

  it('shows on the site on its next load: header, browser tab and home-screen app; the other clinic keeps its own', async () => {
    const logo = (await upload(northwindAdmin, northwindId, await wideLogo(), 'northwind-mark.png', 'image/png')).body.doc
    expect((await northwindAdmin.request('PATCH', `/api/tenants/${northwindId}`, { brand: { logo: logo.id } })).status).toBe(200)

    const site = product.site('northwind')
    const context = await windowIn(product.browser, [site, product.site('sunrise')])
    const page = await context.newPage()
    const blocked: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
    })
    // A change to a clinic clears the site's copy of its settings: the next load shows it.
    await page.goto(`${site}/`)
    expect(await page.locator('header .brand img').getAttribute('src')).toBe(new URL(logo.sizes.header.url).pathname)
    await page.waitForFunction(() => [...document.images].every((img) => img.complete))
    const header = await page.locator('header .brand img').evaluate((img: HTMLImageElement) => ({ loaded: img.naturalWidth > 0, shown: img.getBoundingClientRect() }))
    expect(header.loaded).toBe(true)
    expect(header.shown.height).toBe(40)
    expect(header.shown.width).toBe(120) // 3:1, as uploaded: not squashed into a square
    expect(await page.locator('link[rel=icon]').evaluate((link: HTMLLinkElement) => new URL(link.href).pathname)).toBe(new URL(logo.sizes.icon64.url).pathname)

    const manifest = await (await page.request.get(`${product.server.url}/c/northwind/manifest.webmanifest`)).json()
    expect(manifest).toMatchObject({ name: 'Northwind Health', start_url: '/c/northwind/', scope: '/c/northwind/', display: 'standalone' })
    expect(manifest.icons).toEqual([
      { src: new URL(logo.sizes.icon192.url).pathname, sizes: '192x192', type: 'image/png' },
      { src: new URL(logo.sizes.icon512.url).pathname, sizes: '512x512', type: 'image/png' },
    ])
    expect(blocked).toEqual([])
    await screenshotBoth(page, 'northwind-uploaded-logo')

    const sunrise = await context.newPage()
    await sunrise.goto(`${product.site('sunrise')}/`)
    expect(await sunrise.locator('header .brand img').getAttribute('src')).toBe('/theme/logo.svg')
    const sunriseManifest = await (await sunrise.request.get(`${product.server.url}/c/sunrise/manifest.webmanifest`)).json()
    expect(sunriseManifest.icons).toEqual([{ src: '/c/sunrise/theme/logo.svg', sizes: 'any', type: 'image/svg+xml' }])
    await context.close()
  })
})

describe('a page that does not exist', () => {
  it.each(['northwind', 'sunrise'] as const)("on %s gets the clinic's own 404 with a way back", async (slug) => {
    const site = product.site(slug)
    const context = await windowIn(product.browser, [site])
    const page = await context.newPage()
    const response = await page.goto(`${site}/no-such-page`)
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('We can’t find that page')
    expect(await page.locator('header .brand .name').textContent()).toBeTruthy()
    expect(await page.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/')
    expect(await page.getByRole('link', { name: 'Find a doctor' }).count()).toBeGreaterThan(0)
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 })
      expect(await sidewaysSpill(page)).toEqual([])
    }
    await expectAccessible(page)
    await screenshotBoth(page, `${slug}-not-found`)
    await context.close()
  })
})
