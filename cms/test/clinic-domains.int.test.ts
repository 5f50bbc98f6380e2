/**
 * What a clinic's site shows on its own domain, in Chromium on the seeded
 * product: the doctors' photos load there (and under /c/<slug>/ on the
 * platform's address), a patient told "too early to join" reads the time in
 * their own zone, and a clinic that has no doctors yet says so and how to reach it.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CLINICS } from '../src/seed/demoData.ts'
import { signIn } from './support/http.ts'
import { expectAccessible, signInOn, windowIn } from './support/pageChecks.ts'
import { bookDemoVisit, screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
const contexts: BrowserContext[] = []

beforeAll(async () => {
  product = await startSeededProduct()
}, 240_000)
afterAll(async () => {
  for (const context of contexts) await context.close()
  await product?.stop()
})

async function windowOf(sites: string[], timeZone?: string) {
  const context = await windowIn(product.browser, sites, timeZone)
  contexts.push(context)
  return context
}

/** Every image on the page, with whether the browser could load and draw it. */
const images = (page: Page) =>
  page.locator('img').evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).map((img) => ({ alt: img.alt, src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 })),
  )

describe("doctors' photos", () => {
  it.each(DEMO_CLINICS.map((c) => c.slug as 'northwind' | 'sunrise'))('load on %s’s own domain and under /c/<slug>/', async (slug) => {
    const clinic = DEMO_CLINICS.find((c) => c.slug === slug)!
    for (const site of [product.site(slug), `${product.server.url}/c/${slug}`]) {
      const page = await (await windowOf([site])).newPage()
      const blocked: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
      })
      page.on('response', (response) => {
        if (response.status() >= 400) blocked.push(`${response.status()} ${response.url()}`)
      })
      await page.goto(`${site}/doctors`)
      await page.getByRole('heading', { name: 'Find a doctor' }).waitFor()
      await page.waitForFunction(() => [...document.images].every((img) => img.complete))
      const shown = await images(page)
      // One portrait per doctor, each loaded from the address the visitor is on.
      const portraits = shown.filter((img) => img.alt.startsWith('Drawn portrait of'))
      expect(portraits.map((img) => img.alt).sort()).toEqual(clinic.doctors.map((d) => `Drawn portrait of ${d.name}`).sort())
      expect(portraits.map((img) => img.src).filter((src) => !src?.startsWith('/api/media/file/'))).toEqual([])
      expect(shown.filter((img) => !img.loaded)).toEqual([])
      expect(blocked).toEqual([])
      if (site === product.site(slug)) await screenshotBoth(page, `${slug}-doctors-with-photos`)
      await page.close()
    }
  })
})

describe('too early to join', () => {
  it("names the opening time in the patient's own zone, the one the page shows the visit in", async () => {
    const visitPath = await bookDemoVisit(product, 180)
    const site = product.site('northwind')
    // Alice reads in Chicago; Northwind's clinic and Dr. Chen are in other zones.
    const context = await windowOf([site], 'America/Chicago')
    await signInOn(context, site, 'alice@demo.test')
    const page = await context.newPage()
    await page.goto(`${site}${visitPath}`)
    const refusal = page.getByText(/^Too early to join/)
    await refusal.waitFor()

    const alice = await signIn(product.server.url, 'alice@demo.test', 'demo-password')
    const { body } = await alice.request('GET', `/api/appointments/${visitPath.split('/').pop()}?depth=0`)
    const opens = Date.parse(body.start) - 15 * 60_000
    const clock = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: 'numeric', minute: '2-digit' }).format(opens)
    const text = await refusal.textContent()
    expect(text).toContain(`${clock} (Chicago time), 15 minutes before the visit starts.`)
    expect(text).not.toMatch(/New_York|Los_Angeles/)
    await screenshotBoth(page, 'northwind-visit-too-early')
  })
})

describe('a clinic with no doctors yet', () => {
  it('says so on its directory, with how to reach the clinic, and offers no search', async () => {
    const admin = await signIn(product.server.url, 'admin@demo.test', 'demo-password')
    const created = await admin.request('POST', '/api/tenants', {
      name: 'Harbour Clinic',
      slug: 'harbour',
      domains: [{ domain: 'harbour.localhost' }],
      timeZone: 'Europe/Lisbon',
      currency: 'EUR',
      contact: { phone: '+351 21 555 0199', email: 'ola@harbour.example', address: 'Rua Augusta 10\nLisboa' },
    })
    expect(created.status).toBe(201)
    const site = product.site('northwind').replace('northwind.localhost', 'harbour.localhost')
    const page = await (await windowOf([site])).newPage()
    expect((await page.goto(`${site}/doctors`))!.status()).toBe(200)
    await page.getByRole('heading', { name: 'This clinic has no doctors taking visits online yet' }).waitFor()
    await expect(page.getByRole('main').getByRole('link', { name: '+351 21 555 0199' }).getAttribute('href')).resolves.toBe(
      'tel:+351215550199',
    )
    expect(await page.getByRole('search').count()).toBe(0)
    expect(await page.getByText('No doctor matches').count()).toBe(0)
    // The footer tells how to reach the clinic, as on every page.
    const footer = page.getByRole('contentinfo')
    await footer.getByText('Rua Augusta 10').waitFor()
    await footer.getByRole('link', { name: 'ola@harbour.example' }).waitFor()
    await expectAccessible(page)
    await screenshotBoth(page, 'new-clinic-no-doctors')
  })
})

describe("dates in the clinic's own format", () => {
  /** The first doctor's next free time on the directory, as a patient in London reads it. */
  async function nextFreeOn(slug: 'northwind' | 'sunrise') {
    const site = product.site(slug)
    const page = await (await windowOf([site], 'Europe/London')).newPage()
    await page.goto(`${site}/doctors`)
    const text = (await page.getByRole('main').locator('strong').filter({ hasText: /\d:\d\d/ }).first().textContent())!
    await page.close()
    return text
  }

  it('writes Northwind’s the American way and Sunrise’s the Indian way, until an admin changes it', async () => {
    expect(await nextFreeOn('northwind')).toMatch(/^\w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M$/)
    expect(await nextFreeOn('sunrise')).toMatch(/^\w{3}, \d{1,2} \w{3}, \d{4}, \d{1,2}:\d\d\s[ap]m$/)

    const admin = await signIn(product.server.url, 'admin@sunrise.demo.test', 'demo-password')
    const { body: found } = await admin.request('GET', '/api/tenants?where[slug][equals]=sunrise&depth=0')
    const sunrise = found.docs[0]
    const refused = await admin.request('PATCH', `/api/tenants/${sunrise.id}`, { locale: 'xx-Mars' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/Date and time format/)
    expect(await nextFreeOn('sunrise')).toMatch(/[ap]m$/)

    expect((await admin.request('PATCH', `/api/tenants/${sunrise.id}`, { locale: 'en-GB' })).status).toBe(200)
    expect(await nextFreeOn('sunrise')).toMatch(/^\w{3}, \d{1,2} \w{3} \d{4}, \d\d:\d\d$/)
    // Northwind's stays its own.
    expect(await nextFreeOn('northwind')).toMatch(/[AP]M$/)
  })
})
