/**
 * A clinic's home page, privacy policy, terms and opening hours, written by its
 * admin (Clinics → Home page, here through REST) and shown on its site at the next
 * page load: bad input is refused under its field and changes nothing; each clinic
 * shows its own words only; rich text shows as text, never as markup; the page fits
 * 390 and 1280 px and axe finds no serious problem, on the seeded demo clinics.
 */
import { lexical } from '../src/seed/richText.ts'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { expectAccessible, sidewaysSpill, signInOn, windowIn } from './support/pageChecks.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'
import { portraitPng } from '../src/seed/portraits.ts'

let product: SeededProduct
let admin: Client
let northwind: { id: number; home: Record<string, unknown> }
let sunriseId: number

/** Lexical JSON of one paragraph, as the admin panel's editor saves it. */
const paragraph = (text: string) => lexical([text])

/** The page's HTML as a browser gets it, fetched from Node through `/c/<slug>/` (no *.localhost in Node). */
const html = async (path: string) => {
  const response = await fetch(`${product.server.url}${path}`)
  return { status: response.status, text: await response.text() }
}

beforeAll(async () => {
  product = await startSeededProduct()
  admin = await signIn(product.server.url, 'admin@northwind.demo.test', 'demo-password')
  const { body } = await admin.request('GET', '/api/tenants?where[slug][equals]=northwind&depth=0')
  northwind = body.docs[0]
  sunriseId = (await admin.request('GET', '/api/tenants?where[slug][equals]=sunrise&depth=0')).body.docs[0].id
}, 240_000)
afterAll(() => product?.stop())

const open = async (clinic: 'northwind' | 'sunrise', path: string, patient?: string): Promise<Page> => {
  const context = await windowIn(product.browser, [product.site(clinic)])
  if (patient) await signInOn(context, product.site(clinic), patient)
  const page = await context.newPage()
  const response = await page.goto(`${product.site(clinic)}${path}`)
  expect(response!.status()).toBe(200)
  return page
}
const fits = async (page: Page) => {
  const problems: string[] = []
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 })
    problems.push(...(await sidewaysSpill(page)).map((p) => `${width}px: ${p}`))
  }
  expect(problems).toEqual([])
  await page.setViewportSize({ width: 390, height: 844 })
  await expectAccessible(page)
}

describe('the demo clinics’ home pages, in Chromium', () => {
  it.each([
    ['northwind', undefined],
    ['sunrise', undefined],
    ['northwind', 'alice@demo.test'],
    ['sunrise', 'dev@demo.test'],
  ] as const)('the %s home page fits 390 and 1280 px and passes axe (patient: %s)', async (clinic, patient) => {
    const page = await open(clinic, '/', patient)
    if (patient) await page.getByRole('heading', { name: 'Your next visit' }).waitFor()
    // The FAQ opens and closes from the keyboard (<details>).
    const question = page.locator('summary').first()
    await question.focus()
    await page.keyboard.press('Enter')
    expect(await page.locator('details').first().getAttribute('open')).not.toBeNull()
    await fits(page)
    await screenshotBoth(page, `home-${clinic}${patient ? '-patient' : ''}`)
    await page.context().close()
  })
})

describe('the clinic admin writes the home page', () => {
  it.each([
    ['a question without an answer', { faq: [{ question: 'Do you see children?', answer: '  ' }] }, 'home.faq.0.answer', 'Write the answer to this question.'],
    ['a negative price', { services: [{ name: 'Video visit', price: -5 }] }, 'home.services.0.price', 'Enter a price of 0 or more'],
    ['hours that close before they open', { openingHours: [{ day: '1', opens: '17:00', closes: '09:00' }] }, 'home.openingHours.0.closes', 'Closes at 09:00, which is not after it opens (17:00).'],
    ['hours that are not times', { openingHours: [{ day: '1', opens: '9am', closes: '17:00' }] }, 'home.openingHours.0.opens', 'Use 24-hour time such as 09:00 or 17:30.'],
    ['a heading longer than 90 characters', { heroHeading: 'x'.repeat(91) }, 'home.heroHeading', ''],
  ])('refuses %s under its field, and changes nothing', async (_, home, path, message) => {
    const res = await admin.request('PATCH', `/api/tenants/${northwind.id}`, { home })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path, message: expect.stringContaining(message) })])
    const after = (await admin.request('GET', `/api/tenants/${northwind.id}?depth=0`)).body
    expect(after.home).toEqual(northwind.home)
  })

  it("refuses another clinic's image as the picture, and another clinic's home page", async () => {
    const sunriseImage = (await admin.request('GET', `/api/media?where[tenant][equals]=${sunriseId}&limit=1&depth=0`)).body.docs[0]
    const res = await admin.request('PATCH', `/api/tenants/${northwind.id}`, { home: { heroImage: sunriseImage.id } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors).toEqual([expect.objectContaining({ path: 'home.heroImage' })])
    const other = await admin.request('PATCH', `/api/tenants/${sunriseId}`, { home: { heroHeading: 'Taken over' } })
    expect([403, 404]).toContain(other.status)
    expect((await html('/c/sunrise/')).text).not.toContain('Taken over')
  })

  it('shows what was saved on the next page load, on its own site only', async () => {
    const res = await admin.request('PATCH', `/api/tenants/${northwind.id}`, {
      home: {
        heroHeading: 'Evening visits for busy families',
        heroText: 'Doctors until 9 pm on weekdays.',
        services: [{ name: 'Evening video visit', price: 75, minutes: 20, description: 'After work, from your sofa.' }],
        faq: [{ question: 'Can I book after work?', answer: 'Yes, until 9 pm on weekdays.' }],
        openingHours: [
          ...[1, 2, 3, 4, 5].map((day) => ({ day: String(day), opens: '08:00', closes: '21:00' })),
          { day: '6', opens: '10:00', closes: '14:00' },
        ],
        privacy: paragraph('We keep <script>alert("privacy")</script> your data private.'),
      },
      terms: paragraph('Terms <img src=x onerror=alert("terms")> apply.'),
    })
    expect(res.status).toBe(200)

    const home = (await html('/c/northwind/')).text
    for (const text of ['Evening visits for busy families', 'Doctors until 9 pm on weekdays.', 'Evening video visit', '$75', '20 minutes', 'Can I book after work?', 'Yes, until 9 pm on weekdays.'])
      expect(home).toContain(text)
    // The clinic's doctors, from its directory, and none of the other clinic's words.
    expect(home).toContain('Dr. Ana Ruiz')
    const sunrise = (await html('/c/sunrise/')).text
    expect(sunrise).not.toContain('Evening visits')
    expect(home).not.toContain((await admin.request('GET', `/api/tenants/${sunriseId}?depth=0`)).body.home.heroHeading)
    expect(sunrise).toContain('₹1,500')
  })

  it("shows the clinic's picture from the clinic's own domain", async () => {
    const png = await portraitPng({ skin: '#c68863', hair: '#3b2219', hairStyle: 'long', backdrop: '#cfe8e3', shirt: '#1f7a6d' })
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: 'Our waiting room', tenant: northwind.id }))
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'waiting-room.png')
    const image = await admin.request('POST', '/api/media', form)
    expect(image.status).toBe(201)
    expect((await admin.request('PATCH', `/api/tenants/${northwind.id}`, { home: { heroImage: image.body.doc.id } })).status).toBe(200)
    // The file's path alone (not PUBLIC_URL's origin): the clinic's domain loads it under its own CSP.
    expect((await html('/c/northwind/')).text).toMatch(new RegExp(`<img src="/api/media/file/${image.body.doc.filename}" alt="Our waiting room"`))
  })

  it('a clinic that wrote nothing shows the site’s words, and no empty section', async () => {
    const platform = await signIn(product.server.url, 'admin@demo.test', 'demo-password')
    const created = await platform.request('POST', '/api/tenants', { name: 'Quiet Clinic', slug: 'quiet', timeZone: 'Europe/Lisbon', currency: 'EUR' })
    expect(created.status).toBe(201)
    const { status, text } = await html('/c/quiet/')
    expect(status).toBe(200)
    expect(text).toContain('See a doctor by video, from wherever you are')
    expect(text).toContain('How it works')
    for (const absent of ['Visits and prices', 'Questions and answers', 'Meet our doctors', 'Opening hours', 'Privacy policy', 'Terms of use'])
      expect(text).not.toContain(absent)
    expect((await html('/c/quiet/privacy')).status).toBe(404)
    expect((await html('/c/quiet/terms')).status).toBe(404)
  })
})

describe('after the admin’s changes, in Chromium', () => {
  it('privacy and terms show the rich text as text, run no script, and are linked from the footer with the opening hours', async () => {
    const page = await open('northwind', '/')
    const dialogs: string[] = []
    page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()))
    const footer = page.getByRole('contentinfo')
    await footer.getByText('Times are New York time.').waitFor()
    expect(await footer.getByRole('row').allInnerTexts()).toEqual(['Mon–Fri\t08:00–21:00', 'Sat\t10:00–14:00', 'Sun\tClosed'])

    await footer.getByRole('link', { name: 'Privacy policy' }).click()
    await page.getByRole('heading', { level: 1, name: 'Privacy policy' }).waitFor()
    await page.getByText('We keep <script>alert("privacy")</script> your data private.').waitFor()
    await fits(page)

    await page.getByRole('contentinfo').getByRole('link', { name: 'Terms of use' }).click()
    await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor()
    await page.getByText('Terms <img src=x onerror=alert("terms")> apply.').waitFor()
    expect(await page.locator('main img').count()).toBe(0)
    expect(dialogs).toEqual([])
    await fits(page)
    await page.context().close()
  })

})
