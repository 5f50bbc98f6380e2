/**
 * Every page of the clinic sites fits a phone (390 px) and a desktop (1280 px)
 * window: nothing makes the page scroll sideways or reaches past its edges, for
 * a visitor, a patient and a doctor of each clinic, on the seeded product. Free
 * times sit side by side in a grid wherever they are offered. Each page is also
 * checked with axe (every page carries the clinic's footer).
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './support/http.ts'
import { expectAccessible, sidewaysSpill, signInOn, windowIn } from './support/pageChecks.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

type Clinic = 'northwind' | 'sunrise'
type Who = 'visitor' | 'patient' | 'doctor'
/** Each clinic's first demo patient, and the doctor of their upcoming visit (seed.ts pairs them). */
const PEOPLE: Record<Clinic, { patient: string; doctor: string }> = {
  northwind: { patient: 'alice@demo.test', doctor: 'ana.ruiz@northwind.demo.test' },
  sunrise: { patient: 'dev@demo.test', doctor: 'priya.patel@sunrise.demo.test' },
}
/** The patient's upcoming visit (days away: it can still be moved) and its doctor's profile. */
type Ids = { visit: string; doctor: string }

type Check = { name: string; who: Who; path: (ids: Ids) => string; slots?: boolean; screenshot?: string }
const PAGES: Check[] = [
  { name: 'home', who: 'visitor', path: () => '/', screenshot: 'home' },
  { name: 'directory', who: 'visitor', path: () => '/doctors' },
  { name: 'register', who: 'visitor', path: () => '/register' },
  { name: 'sign-in', who: 'visitor', path: () => '/signin' },
  { name: 'forgot-password', who: 'visitor', path: () => '/forgot-password' },
  { name: 'privacy policy', who: 'visitor', path: () => '/privacy' },
  { name: 'terms', who: 'visitor', path: () => '/terms' },
  { name: 'home, signed in', who: 'patient', path: () => '/' },
  { name: 'doctor page with free times', who: 'patient', path: (ids) => `/doctors/${ids.doctor}`, slots: true },
  { name: 'my visits', who: 'patient', path: () => '/appointments' },
  { name: 'a visit with its move panel open', who: 'patient', path: (ids) => `/appointments/${ids.visit}?move`, slots: true, screenshot: 'visit-move' },
  { name: 'records', who: 'patient', path: () => '/records', screenshot: 'records' },
  { name: 'prescriptions', who: 'patient', path: () => '/prescriptions' },
  { name: 'inbox', who: 'patient', path: () => '/inbox', screenshot: 'inbox' },
  { name: 'profile', who: 'patient', path: () => '/profile', screenshot: 'profile' },
  { name: 'messages you get', who: 'patient', path: () => '/profile/messages', screenshot: 'profile-messages' },
  { name: 'unsubscribe', who: 'visitor', path: () => '/unsubscribe?token=x', screenshot: 'unsubscribe' },
  { name: 'doctor today', who: 'doctor', path: () => '/doctor' },
  { name: 'doctor calendar, week', who: 'doctor', path: () => '/doctor/calendar?view=week' },
  { name: 'doctor visit', who: 'doctor', path: (ids) => `/doctor/visits/${ids.visit}` },
  { name: 'availability', who: 'doctor', path: () => '/doctor/availability' },
  { name: 'doctor profile', who: 'doctor', path: () => '/doctor/profile' },
]

let product: SeededProduct
const windows = new Map<string, BrowserContext>()
const ids = new Map<Clinic, Ids>()

beforeAll(async () => {
  product = await startSeededProduct()
  const sites = [product.site('northwind'), product.site('sunrise')]
  for (const clinic of ['northwind', 'sunrise'] as const) {
    const patient = await signIn(product.server.url, PEOPLE[clinic].patient, 'demo-password')
    const { body } = await patient.request('GET', '/api/appointments?where[status][equals]=confirmed&sort=start&depth=0&limit=1')
    const visit = body.docs[0] as { id: number; doctor: number }
    ids.set(clinic, { visit: String(visit.id), doctor: String(visit.doctor) })
    for (const who of ['visitor', 'patient', 'doctor'] as const) {
      const context = await windowIn(product.browser, sites)
      if (who !== 'visitor') await signInOn(context, product.site(clinic), PEOPLE[clinic][who])
      windows.set(`${clinic}:${who}`, context)
    }
  }
}, 240_000)
afterAll(() => product?.stop())

/** The page's problems at one width: sideways spill, and free times stacked in one column. */
async function problemsAt(page: Page, width: number, slots: boolean): Promise<string[]> {
  await page.setViewportSize({ width, height: 844 })
  const problems = await sidewaysSpill(page)
  if (slots) {
    const columns = await page.locator('.slots').evaluate((grid) => getComputedStyle(grid).gridTemplateColumns.split(' ').length)
    if (columns < 2) problems.push(`free times in ${columns} column`)
  }
  return problems.map((p) => `${width}px: ${p}`)
}

describe.each(['northwind', 'sunrise'] as const)('%s', (clinic) => {
  it.each(PAGES)('$name fits 390 and 1280 px', async ({ who, path, slots, screenshot }) => {
    const page = await windows.get(`${clinic}:${who}`)!.newPage()
    const response = await page.goto(`${product.site(clinic)}${path(ids.get(clinic)!)}`)
    expect(response!.status()).toBe(200)
    expect([...(await problemsAt(page, 390, Boolean(slots))), ...(await problemsAt(page, 1280, Boolean(slots)))]).toEqual([])
    await page.setViewportSize({ width: 390, height: 844 })
    await expectAccessible(page)
    if (screenshot) await screenshotBoth(page, `${clinic}-layout-${screenshot}`)
    await page.close()
  })
})
