/**
 * The doctor's day and week calendar, in Chromium on the seeded product: a visit
 * booked at a known time on the doctor's clock is drawn at that time (also across
 * New York's spring-forward), requested visits look apart, cancelled ones and
 * other doctors' visits are left off (whatever the address asks for), links move
 * between days and weeks without scripts, patients are refused, and both views
 * fit 390 and 1280 px in both demo clinics.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, isoDate, localDateAt, parseIsoDate, weekdayOf, zonedToUtc } from '../src/scheduling/zonedTime.ts'
import { signIn, type Client } from './support/http.ts'
import { expectAccessible, sidewaysSpill, signInOn, windowIn } from './support/pageChecks.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

const NY = 'America/New_York'
const KOLKATA = 'Asia/Kolkata'

let product: SeededProduct
let admins: Record<'northwind' | 'sunrise', Client>
let ana: Page
/** A Wednesday at least two weeks ahead on Dr. Ruiz's clock (no DST change near it). */
let day: string
const ids: Record<string, string> = {}

const find = async (admin: Client, path: string) => (await admin.request('GET', path)).body.docs[0]

/** Books a visit as the clinic's admin at `clock` on `date` in `zone`; its id. */
async function book(
  clinic: 'northwind' | 'sunrise',
  who: { patient: string; doctor: string },
  date: string,
  clock: string,
  zone: string,
  status: string,
  visitType = 'video',
): Promise<string> {
  const admin = admins[clinic]
  const patient = await find(admin, `/api/users?where[email][equals]=${who.patient}`)
  const doctor = await find(admin, `/api/doctors?where[displayName][equals]=${encodeURIComponent(who.doctor)}`)
  const [h, m] = clock.split(':').map(Number) as [number, number]
  const start = zonedToUtc(parseIsoDate(date)!, h * 60 + m, zone)
  const res = await admin.request('POST', '/api/appointments', {
    tenant: doctor.tenant,
    patient: patient.id,
    doctor: doctor.id,
    start: new Date(start).toISOString(),
    end: new Date(start + 30 * 60_000).toISOString(),
    status,
    visitType,
    reason: 'Calendar check',
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}

/** Where the visit's block is drawn: its day column and the clock time its top edge sits at, read off the hour lines. */
async function drawnAt(page: Page, id: string): Promise<{ date: string; clock: string } | null> {
  return page.evaluate((visit) => {
    const link = document.querySelector(`[data-visit="${visit}"]`)
    if (!link) return null
    const block = link.closest('li')!.getBoundingClientRect()
    const hours = [...document.querySelectorAll<HTMLElement>('.times .hour')]
    const top0 = hours[0]!.getBoundingClientRect().top
    const hourHeight = hours[1]!.getBoundingClientRect().top - top0
    const minutes = Math.round(Number(hours[0]!.dataset.hour) * 60 + ((block.top - top0) / hourHeight) * 60)
    const two = (n: number) => String(n).padStart(2, '0')
    return { date: link.closest('section')!.getAttribute('data-date')!, clock: `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}` }
  }, id)
}

const calendar = (clinic: 'northwind' | 'sunrise', query: string) => `${product.site(clinic)}/doctor/calendar?${query}`

let anaWindow: BrowserContext
beforeAll(async () => {
  product = await startSeededProduct()
  admins = {
    northwind: await signIn(product.server.url, 'admin@northwind.demo.test', 'demo-password'),
    sunrise: await signIn(product.server.url, 'admin@sunrise.demo.test', 'demo-password'),
  }
  let d = addDays(localDateAt(Date.now(), NY), 14)
  while (weekdayOf(d) !== 3) d = addDays(d, 1)
  day = isoDate(d)
  const alice = { patient: 'alice@demo.test', doctor: 'Dr. Ana Ruiz' }
  ids.requested = await book('northwind', alice, day, '10:00', NY, 'requested')
  ids.confirmed = await book('northwind', alice, day, '11:30', NY, 'confirmed', 'chat')
  ids.cancelled = await book('northwind', alice, day, '14:00', NY, 'cancelled')
  // Alice is Dr. Ruiz's patient, so the API lets Dr. Ruiz read this visit with Dr. Chen: it is still not her calendar.
  ids.colleague = await book('northwind', { patient: 'alice@demo.test', doctor: 'Dr. Ben Chen' }, day, '15:00', NY, 'confirmed')
  // Around New York's spring-forward (Sunday 14 March 2027): 09:00 on the Friday before and on the Sunday.
  ids.beforeDst = await book('northwind', alice, '2027-03-12', '09:00', NY, 'confirmed')
  ids.afterDst = await book('northwind', alice, '2027-03-14', '09:00', NY, 'confirmed')
  ids.sunrise = await book('sunrise', { patient: 'dev@demo.test', doctor: 'Dr. Priya Patel' }, day, '15:00', KOLKATA, 'confirmed')
  // The browser is in Tokyo: the calendar still shows the doctor's own clock.
  anaWindow = await windowIn(product.browser, [product.site('northwind'), product.site('sunrise')], 'Asia/Tokyo')
  await signInOn(anaWindow, product.site('northwind'), 'ana.ruiz@northwind.demo.test')
  ana = await anaWindow.newPage()
}, 240_000)
afterAll(() => product?.stop())

describe("a doctor's calendar", () => {
  it("draws a booked visit at its time on the doctor's clock, in the day and the week view", async () => {
    await ana.goto(calendar('northwind', `view=day&date=${day}`))
    expect(await drawnAt(ana, ids.requested!)).toEqual({ date: day, clock: '10:00' })
    expect(await drawnAt(ana, ids.confirmed!)).toEqual({ date: day, clock: '11:30' })
    const requested = ana.locator(`[data-visit="${ids.requested}"]`)
    expect(await requested.textContent()).toMatch(/10:00\sAM–10:30\sAM\s*Alice Walker\s*Video\s*To confirm/)
    expect(await ana.locator(`[data-visit="${ids.confirmed}"]`).textContent()).toMatch(/11:30\sAM–12:00\sPM\s*Alice Walker\s*Chat\s*Confirmed/)
    // Requested visits look apart from booked ones.
    const border = (id: string) => ana.locator(`[data-visit="${id}"]`).evaluate((a) => getComputedStyle(a).borderTopStyle)
    expect([await border(ids.requested!), await border(ids.confirmed!)]).toEqual(['dashed', 'none'])
    expect(await ana.locator('main').textContent()).toContain('New York time')

    await ana.goto(calendar('northwind', `view=week&date=${day}`))
    expect(await drawnAt(ana, ids.requested!)).toEqual({ date: day, clock: '10:00' })
    const dates = await ana.locator('section[data-date]').evaluateAll((s) => s.map((e) => e.getAttribute('data-date')))
    expect(dates).toHaveLength(7)
    expect(weekdayOf(parseIsoDate(dates[0]!)!)).toBe(1)
    expect(dates).toContain(day)
    // Working hours (09:00–12:00, 13:00–17:00) are shaded apart from the rest of the day.
    expect(await ana.locator(`section[data-date="${day}"] .working`).count()).toBe(2)

    // On a phone the week scrolls sideways under the hours, opened at the day asked for.
    await ana.setViewportSize({ width: 390, height: 844 })
    await ana.goto(calendar('northwind', `view=week&date=${day}`))
    await ana.waitForFunction((date) => {
      const box = document.querySelector(`section[data-date="${date}"]`)!.getBoundingClientRect()
      const hours = document.querySelector('.times')!.getBoundingClientRect()
      return box.left >= hours.right - 1 && box.right <= window.innerWidth
    }, day)
    expect(await sidewaysSpill(ana)).toEqual([])
    await ana.setViewportSize({ width: 1280, height: 844 })

    await requested.click()
    await ana.waitForURL(`**/doctor/visits/${ids.requested}`)
  })

  it('leaves off cancelled visits and every other doctor’s, whatever the address asks for', async () => {
    const api = await signIn(product.server.url, 'ana.ruiz@northwind.demo.test', 'demo-password')
    expect((await api.request('GET', `/api/appointments/${ids.colleague}?depth=0`)).status).toBe(200)
    const ben = await find(admins.northwind, `/api/doctors?where[displayName][equals]=${encodeURIComponent('Dr. Ben Chen')}`)
    for (const query of [`view=week&date=${day}`, `view=week&date=${day}&doctor=${ben.id}`, `view=day&date=${day}&where[doctor][equals]=${ben.id}`]) {
      await ana.goto(calendar('northwind', query))
      expect(await ana.locator(`[data-visit="${ids.colleague}"]`).count(), query).toBe(0)
      expect(await ana.locator(`[data-visit="${ids.cancelled}"]`).count(), query).toBe(0)
      expect(await ana.locator(`[data-visit="${ids.requested}"]`).count(), query).toBe(1)
    }
  })

  it('draws a 09:00 visit at 09:00 on both sides of a DST change', async () => {
    await ana.goto(calendar('northwind', 'view=week&date=2027-03-10'))
    expect(await drawnAt(ana, ids.beforeDst!)).toEqual({ date: '2027-03-12', clock: '09:00' })
    expect(await drawnAt(ana, ids.afterDst!)).toEqual({ date: '2027-03-14', clock: '09:00' })
  })

  it('moves by day and week with plain links, from the site’s navigation and from Today', async () => {
    await ana.goto(`${product.site('northwind')}/doctor`)
    await ana.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Calendar' }).click()
    await ana.waitForURL(/\/doctor\/calendar$/)
    const today = isoDate(localDateAt(Date.now(), NY))
    expect(await ana.locator('section.today').getAttribute('data-date')).toBe(today)

    await ana.goto(calendar('northwind', `view=week&date=${day}`))
    const toolbar = ana.getByRole('navigation', { name: 'Calendar' })
    await toolbar.getByRole('link', { name: 'Next week ›' }).click()
    await ana.waitForURL(new RegExp(`date=${isoDate(addDays(parseIsoDate(day)!, 7))}`))
    await toolbar.getByRole('link', { name: '‹ Previous week' }).click()
    await ana.waitForURL(new RegExp(`date=${day}`))
    // Northwind writes dates the American way: "Wed, Dec 16".
    await ana.getByRole('link', { name: new RegExp(`^\\w{3}, \\w{3} ${Number(day.slice(8))}\\b`) }).click()
    await ana.waitForURL(new RegExp(`view=day&date=${day}`))
    await toolbar.getByRole('link', { name: 'Next day ›' }).click()
    await ana.waitForURL(new RegExp(`view=day&date=${isoDate(addDays(parseIsoDate(day)!, 1))}`))
    await toolbar.getByRole('link', { name: 'Today' }).click()
    await ana.waitForURL(new RegExp(`view=day&date=${today}`))
    await toolbar.getByRole('link', { name: 'Week' }).click()
    await ana.waitForURL(new RegExp(`view=week&date=${today}`))

    // Server-rendered: the page as it comes from the server, before any script, has the visits and the links.
    const cookie = (await anaWindow.cookies(product.site('northwind'))).map((c) => `${c.name}=${c.value}`).join('; ')
    const raw = await fetch(`${product.server.url}/c/northwind/doctor/calendar?view=week&date=${day}`, { headers: { cookie } })
    const html = await raw.text()
    expect(html).toContain(`data-visit="${ids.requested}"`)
    expect(html).toContain(`/c/northwind/doctor/calendar?view=week&amp;date=${isoDate(addDays(parseIsoDate(day)!, 7))}`)

    await ana.goto(calendar('northwind', 'view=day&date=2026-02-30'))
    expect(await ana.getByRole('alert').textContent()).toContain('“2026-02-30” is not a date')
    expect(await ana.locator('section.today').count()).toBe(1)
  })

  it('is refused to patients, and sends visitors to sign in', async () => {
    const window = await windowIn(product.browser, [product.site('northwind')])
    const page = await window.newPage()
    await page.goto(calendar('northwind', 'view=week'))
    expect(page.url()).toContain('/signin')
    await signInOn(window, product.site('northwind'), 'alice@demo.test')
    const response = await page.goto(calendar('northwind', `view=week&date=${day}`))
    expect(response?.status()).toBe(403)
    expect(await page.locator('main').textContent()).toContain('for the clinic’s doctors')
    expect(await page.locator('[data-visit]').count()).toBe(0)
    await window.close()
  })
})

const DOCTORS = { northwind: ['ana.ruiz@northwind.demo.test', NY], sunrise: ['priya.patel@sunrise.demo.test', KOLKATA] } as const

describe.each(['northwind', 'sunrise'] as const)('%s calendar pages', (clinic) => {
  let page: Page
  beforeAll(async () => {
    const [email, zone] = DOCTORS[clinic]
    const window = await windowIn(product.browser, [product.site(clinic)], zone)
    await signInOn(window, product.site(clinic), email)
    page = await window.newPage()
  })
  afterAll(() => page?.context().close())

  // Two widths, each checked by axe, then two screenshots: slow work on a small machine, not a wait.
  it.each(['day', 'week'] as const)('%s view fits 390 and 1280 px, passes axe, and is saved as screenshots', async (view) => {
    // Opened on a phone, as a doctor between visits would: the week scrolls to the day asked for.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(calendar(clinic, `view=${view}&date=${day}`))
    expect(await page.locator('[data-visit]').count()).toBeGreaterThan(0)
    if (clinic === 'sunrise') expect(await drawnAt(page, ids.sunrise!)).toEqual({ date: day, clock: '15:00' })
    // Screenshots first: widening the window to 1280 px undoes the phone's sideways scroll.
    await screenshotBoth(page, `${clinic}-doctor-calendar-${view}`)
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 844 })
      expect(await sidewaysSpill(page), `${view} at ${width}px`).toEqual([])
      await expectAccessible(page)
    }
  }, 90_000)
})
