/**
 * Visits in the admin panel as a clinic's staff read them, in Chromium on the
 * seeded product (real server process, built admin panel):
 * - the visits list shows each visit's time in its clinic's zone, named, while
 *   the server runs in Auckland's zone and the browser in Tokyo's;
 * - a visit's edit page tells its history in words: who (name and role), when
 *   (the clinic's time) and what (booked, moved from … to …, cancelled with the reason);
 * - the header shows who is signed in (initials, or a doctor's own portrait);
 * - doctors' specialties read as words.
 * Needs `npm run build` first (the test script's pretest does it).
 */
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { SCREENSHOTS, screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let northwindAdmin: Client
let sunriseAdmin: Client
/** The browser's zone: neither clinic's (New York, Kolkata) nor the server's (Auckland). */
const BROWSER_ZONE = 'Asia/Tokyo'
const WAIT = { timeout: 10_000 }

beforeAll(async () => {
  product = await startSeededProduct([], { TZ: 'Pacific/Auckland' })
  northwindAdmin = await signIn(product.server.url, 'admin@northwind.demo.test', 'demo-password')
  sunriseAdmin = await signIn(product.server.url, 'admin@sunrise.demo.test', 'demo-password')
}, 240_000)
afterAll(() => product?.stop())

const first = async (admin: Client, path: string) => {
  const res = await admin.request('GET', path)
  expect(res.status, path).toBe(200)
  return res.body.docs[0]
}

/** A confirmed visit booked by the clinic's admin; its id. */
async function visit(admin: Client, patientEmail: string, doctorName: string, start: string, minutes = 30): Promise<string> {
  const patient = await first(admin, `/api/users?where[email][equals]=${encodeURIComponent(patientEmail)}&depth=0`)
  const doctor = await first(admin, `/api/doctors?where[displayName][equals]=${encodeURIComponent(doctorName)}&depth=0`)
  const res = await admin.request('POST', '/api/appointments', {
    tenant: doctor.tenant,
    patient: patient.id,
    doctor: doctor.id,
    start,
    end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
    status: 'confirmed',
    visitType: 'video',
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}

let context: BrowserContext
/** A window of the admin panel signed in as `email` (through the API: Payload sets its cookie), browser in Tokyo's zone. */
async function adminPage(email: string, path: string): Promise<Page> {
  context = await product.browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: BROWSER_ZONE })
  const page = await context.newPage()
  page.setDefaultTimeout(WAIT.timeout)
  // The first visit to a view of the panel loads its code on the server.
  page.setDefaultNavigationTimeout(20_000)
  const login = await page.request.post(`${product.env.PUBLIC_URL}/api/users/login`, { data: { email, password: 'demo-password' } })
  expect(login.status(), await login.text()).toBe(200)
  await page.goto(`${product.env.PUBLIC_URL}${path}`, { waitUntil: 'networkidle' })
  return page
}

/** The list row that links to the visit, by its cells' text. */
async function rowOf(page: Page, id: string): Promise<string[]> {
  const row = page.locator('tbody tr').filter({ has: page.locator(`a[href$="/collections/appointments/${id}"]`) })
  await row.waitFor()
  return row.locator('td').allInnerTexts()
}

/**
 * No serious or critical accessibility issue inside `selector`. Payload's own
 * row-selection checkboxes (a list's first column) have no labels: not ours to fix here.
 */
async function expectAccessibleWithin(page: Page, selector: string) {
  const { violations } = await new AxeBuilder({ page }).include(selector).exclude('#heading-_select').exclude('td.cell-_select').analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

describe('the visits list', () => {
  let northwindVisit: string
  let sunriseVisit: string

  beforeAll(async () => {
    // 15:30 UTC is 10:30 in New York (EST), 04:30 next day in Auckland, 00:30 next day in Tokyo.
    northwindVisit = await visit(northwindAdmin, 'alice@demo.test', 'Dr. Ana Ruiz', '2027-02-02T15:30:00.000Z')
    // 05:00 UTC is 10:30 in Kolkata (UTC+5:30).
    sunriseVisit = await visit(sunriseAdmin, 'dev@demo.test', 'Dr. Priya Patel', '2027-02-02T05:00:00.000Z')
  })
  afterAll(() => context?.close())

  let page: Page
  it("shows a visit's start in its clinic's zone, named, with patient and doctor by name", async () => {
    page = await adminPage('admin@northwind.demo.test', '/admin/collections/appointments?limit=100&sort=-start')
    // Patient and doctor are named once the panel has fetched them (with the viewer's access) for the rows in view.
    await expect
      .poll(() => rowOf(page, northwindVisit), WAIT)
      .toEqual(expect.arrayContaining(['Tue, 2 Feb 2027, 10:30 New York time', 'Alice Walker', 'Dr. Ana Ruiz', 'Confirmed', 'Video']))
    // The exact zone on hover, and no time in the browser's or the server's zone anywhere in the list.
    const time = page.locator(`a[href$="/collections/appointments/${northwindVisit}"] time`)
    expect(await time.getAttribute('title')).toBe('America/New_York, EST')
    expect(await time.getAttribute('datetime')).toBe('2027-02-02T15:30:00.000Z')
    const list = await page.locator('table').innerText()
    expect(list).not.toMatch(/Tokyo|Auckland|T\d\d:\d\d:\d\d/)
  })

  it('reads well (axe) at 390 and 1280 px, and its first column still opens the visit', async () => {
    await expectAccessibleWithin(page, 'table')
    await screenshotBoth(page, 'admin-visits-list-clinic-time')
    await page.locator(`a[href$="/collections/appointments/${northwindVisit}"]`).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/collections/appointments/${northwindVisit}`))
  })

  it("shows another clinic's visits in that clinic's zone", async () => {
    const page = await adminPage('admin@sunrise.demo.test', '/admin/collections/appointments?limit=100&sort=-start')
    await expect
      .poll(() => rowOf(page, sunriseVisit), WAIT)
      .toEqual(expect.arrayContaining(['Tue, 2 Feb 2027, 10:30 Kolkata time', 'Dev Sharma', 'Dr. Priya Patel']))
    expect(await page.locator(`a[href$="/collections/appointments/${northwindVisit}"]`).count()).toBe(0)
  })
})

describe("a visit's history", () => {
  let id: string
  beforeAll(async () => {
    id = await visit(northwindAdmin, 'alice@demo.test', 'Dr. Ana Ruiz', '2027-02-09T15:30:00.000Z')
    // Dr. Ana Ruiz moves it a day later, 11:00 New York time; Alice then cancels it with a reason.
    const ana = await signIn(product.server.url, 'ana.ruiz@northwind.demo.test', 'demo-password')
    const moved = await ana.request('PATCH', `/api/appointments/${id}`, { start: '2027-02-10T16:00:00.000Z', end: '2027-02-10T16:30:00.000Z' })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const alice = await signIn(product.server.url, 'alice@demo.test', 'demo-password')
    const cancelled = await alice.request('POST', `/api/appointments/${id}/cancel`, { reason: 'I feel better, thank you' })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
  })
  afterAll(() => context?.close())

  /** When each change was made, as the clinic reads it: the stored instants in New York's zone. */
  async function storedTimes(): Promise<string[]> {
    const { body } = await northwindAdmin.request('GET', `/api/appointments/${id}?depth=0`)
    const f = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    // One line per write: a move stores the start and the end at the same instant.
    return [...new Set((body.history as { at: string }[]).map((entry) => entry.at))].map((at) => `${f.format(new Date(at))} (New York time)`)
  }

  let page: Page
  it('is told in words on the edit page: who, when in the clinic time, and what', async () => {
    page = await adminPage('admin@northwind.demo.test', `/admin/collections/appointments/${id}`)
    const lines = page.locator('[data-visit-history] [data-history-line]')
    await expect.poll(() => lines.count(), WAIT).toBe(3)
    const [booked, moved, cancelled] = await storedTimes()
    expect(await lines.allInnerTexts()).toEqual([
      `${booked}\nNora Admin (clinic admin) booked the visit (Confirmed)`,
      `${moved}\nDr. Ana Ruiz (doctor) moved the visit from Tue 9 Feb, 10:30–11:00 to Wed 10 Feb, 11:00–11:30`,
      `${cancelled}\nAlice Walker (patient) cancelled the visit. Reason: “I feel better, thank you”`,
    ])
    expect(await page.locator('[data-visit-history]').innerText()).toContain("Times in New York time, the clinic's zone.")
  })

  it("says the clinic's time under the date pickers, and reads well (axe) at 390 and 1280 px", async () => {
    // Under the pickers (in the browser's zone, Tokyo: 01:00 the next day), the clinic's time.
    expect(await page.locator('[data-clinic-time-note="start"]').innerText()).toBe(
      "In the clinic's time: Wed, 10 Feb 2027, 11:00 New York time. The picker shows this computer's time.",
    )
    await expectAccessibleWithin(page, '[data-visit-history]')
    await screenshotBoth(page, 'admin-visit-history')
  })

  it("is not shown to another clinic's admin", async () => {
    const page = await adminPage('admin@sunrise.demo.test', `/admin/collections/appointments/${id}`)
    const text = await page.locator('body').innerText()
    expect([text.includes('Alice Walker'), text.includes('I feel better'), await page.locator('[data-visit-history]').count()]).toEqual([
      false,
      false,
      0,
    ])
  })
})

describe("the panel's header and doctors list", () => {
  afterAll(() => context?.close())

  it("shows a clinic admin's initials as their account picture", async () => {
    const page = await adminPage('admin@northwind.demo.test', '/admin')
    const avatar = page.locator('.app-header__account [data-account-avatar]')
    expect([await avatar.getAttribute('data-account-avatar'), await avatar.innerText()]).toEqual(['initials', 'NA'])
    expect(await page.locator('.app-header__account').getAttribute('aria-label')).toBe('Account')
  })

  it("shows a doctor's own portrait as their account picture", async () => {
    const page = await adminPage('ana.ruiz@northwind.demo.test', '/admin')
    const avatar = page.locator('.app-header__account img[data-account-avatar="photo"]')
    await avatar.waitFor()
    await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), WAIT).toBe(true)
    await page.locator('.app-header').screenshot({ path: join(SCREENSHOTS, 'admin-header-doctor-1280.png') })
  })

  it("lists doctors' specialties as words", async () => {
    const page = await adminPage('admin@northwind.demo.test', '/admin/collections/doctors')
    const row = page.locator('tbody tr').filter({ hasText: 'Dr. Ana Ruiz' })
    const cells = await row.locator('td').allInnerTexts()
    expect(cells).toContain('Family medicine')
    expect(cells.join(' ')).not.toContain('[')
    await screenshotBoth(page, 'admin-doctors-list')
  })
})
