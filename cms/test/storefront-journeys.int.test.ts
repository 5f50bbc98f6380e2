/**
 * The clinic sites in a real browser, on the product as `npm start` runs it:
 * a new patient registers on Northwind, books, reschedules and cancels; the
 * Northwind doctor sees the booking and writes notes; Sunrise shows only its
 * own brand and doctors; URLs edited by hand show nothing of anyone else; a
 * theme change in the CMS shows on the next load. Each main page is checked
 * with axe and saved as screenshots at 390 and 1280 px (test-results/screenshots).
 */
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
const newPatient = { name: 'Maya Lopez', email: `maya-${Date.now()}@example.test`, password: 'maya-password-1' }
let patientContext: BrowserContext
let patient: Page
let visitPath = ''

beforeAll(async () => {
  product = await startSeededProduct()
  patientContext = await product.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London' })
  // Fail at the step that waits, well inside the test's own timeout.
  patientContext.setDefaultTimeout(10_000)
  patient = await patientContext.newPage()
}, 240_000)
afterAll(() => product?.stop())

/** No serious or critical accessibility violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/** A page in a context of its own: its own cookies, as another person's browser. */
const newPage = async (options: Parameters<SeededProduct['browser']['newContext']>[0] = {}) =>
  (await product.browser.newContext(options)).newPage()

async function signIn(page: Page, site: string, email: string, password = 'demo-password') {
  await page.goto(`${site}/signin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
}

/** Chooses the first free time shown (keyboard-only: focus the radio and press space). */
async function pickFirstSlot(page: Page) {
  const first = page.locator('input[name="start"]').first()
  await first.focus()
  await page.keyboard.press('Space')
  return first.getAttribute('value')
}

describe('a new patient on Northwind', () => {
  it('registers, accepting the clinic’s terms (refused without them)', async () => {
    const site = product.site('northwind')
    await patient.goto(`${site}/register`)
    await expectAccessible(patient)
    await patient.getByLabel('Full name').fill(newPatient.name)
    await patient.getByLabel('Email').fill(newPatient.email)
    await patient.getByLabel('Password').fill(newPatient.password)
    await patient.getByRole('button', { name: 'Create my account' }).click()
    await patient.getByText("Accept Northwind Health's consent and terms to register.").waitFor()
    await patient.getByLabel('Password').fill(newPatient.password)
    await patient.getByLabel(/I have read and accept/).check()
    await patient.getByRole('button', { name: 'Create my account' }).click()
    await patient.waitForURL(/\/doctors\?welcome=1$/)
    expect(await patient.getByRole('status').textContent()).toContain('Welcome to Northwind Health')
    expect(await patient.locator('header').textContent()).toContain(`Signed in as ${newPatient.name}`)
  })

  it('finds a doctor by specialty and search', async () => {
    const site = product.site('northwind')
    await patient.goto(`${site}/doctors`)
    await patient.getByLabel('Specialty').selectOption('Family medicine')
    await patient.getByRole('button', { name: 'Show doctors' }).click()
    await patient.waitForURL(/specialty=Family/)
    const names = await patient.locator('main h2').allTextContents()
    expect(names).toContain('Dr. Ana Ruiz')
    expect(names).not.toContain('Dr. Priya Patel')
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-doctors')
  })

  it('books a visit with times in their own zone, and sees it in My visits', async () => {
    await patient.getByRole('link', { name: 'Dr. Ana Ruiz' }).click()
    await patient.getByRole('heading', { name: 'Book a visit' }).waitFor()
    expect(await patient.locator('.booking').textContent()).toContain('Times in your zone, Europe/London')
    // A few days ahead, so the visit can still be moved and cancelled online (24-hour cutoff).
    await patient.locator('.days a').nth(3).click()
    await patient.waitForURL(/\?day=/)
    // Ana works in New York: her own time is shown beside each slot.
    expect(await patient.locator('.slot small').first().textContent()).toMatch(/^doctor: \d\d:\d\d$/)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-doctor-page')
    const start = await pickFirstSlot(patient)
    await patient.getByLabel(/Reason for the visit/).fill('Persistent cough')
    await patient.getByRole('button', { name: 'Book this time' }).click()
    await patient.waitForURL(/\/appointments\/\d+\?booked=1$/)
    visitPath = new URL(patient.url()).pathname
    expect(await patient.getByRole('status').textContent()).toContain('Your visit is booked')
    expect(await patient.locator('[data-status]').textContent()).toBe('Confirmed')
    const shown = await patient.locator('.facts dd').first().textContent()
    const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date(start!))
    expect(shown).toContain(london)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-visit')

    await patient.getByRole('link', { name: 'My visits', exact: true }).click()
    expect(await patient.locator('main ul').first().textContent()).toContain('Dr. Ana Ruiz')
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-my-visits')
  })

  it('downloads the visit as a calendar file', async () => {
    const [status, ics] = await patient.evaluate(async (path) => {
      const response = await fetch(path)
      return [response.status, await response.text()] as const
    }, `${visitPath}/calendar.ics`)
    expect(status).toBe(200)
    expect(ics).toContain('BEGIN:VEVENT')
    expect(ics).not.toContain('Persistent cough')
  })

  it('moves the visit to another time, then cancels it with the policy shown first', async () => {
    const site = product.site('northwind')
    await patient.goto(`${site}${visitPath}`)
    const before = await patient.locator('.facts dd').first().textContent()
    expect(await patient.locator('main').textContent()).toContain('You can move or cancel this visit online until')
    await patient.getByRole('link', { name: 'Move to another time' }).click()
    await patient.locator('.days a').nth(4).click()
    await patient.waitForURL(/day=/)
    await patient.locator('input[name="start"]').nth(1).focus()
    await patient.keyboard.press('Space')
    await patient.getByRole('button', { name: 'Move my visit' }).click()
    await patient.waitForURL(/moved=1/)
    expect(await patient.locator('.facts dd').first().textContent()).not.toBe(before)

    await patient.getByLabel('Why are you cancelling?').fill('Feeling better')
    await patient.getByRole('button', { name: 'Cancel the visit' }).click()
    await patient.locator('[data-status="cancelled"]').waitFor()
    expect(await patient.locator('main').textContent()).toContain('Feeling better')
  })
})

describe('the Northwind doctor', () => {
  it('sees a new booking and writes visit notes on it', async () => {
    const site = product.site('northwind')
    await patient.goto(`${site}/doctors`)
    await patient.getByRole('link', { name: 'Dr. Ana Ruiz' }).click()
    await pickFirstSlot(patient)
    await patient.getByLabel(/Reason for the visit/).fill('Rash on the arm')
    await patient.getByRole('button', { name: 'Book this time' }).click()
    await patient.waitForURL(/booked=1/)
    const bookedPath = new URL(patient.url()).pathname

    const doctor = await newPage({ viewport: { width: 1280, height: 900 } })
    await signIn(doctor, site, 'ana.ruiz@northwind.demo.test')
    await doctor.waitForURL(/\/doctor$/)
    const row = doctor.getByRole('link', { name: new RegExp(newPatient.name) })
    await row.first().waitFor()
    expect(await doctor.locator('main').textContent()).toContain('Rash on the arm')
    await screenshotBoth(doctor, 'northwind-doctor-today')
    await doctor.goto(`${site}/doctor/visits/${bookedPath.split('/').pop()}`)
    await doctor.getByRole('heading', { name: newPatient.name }).waitFor()
    await doctor.getByRole('textbox', { name: 'Visit notes' }).fill('Contact dermatitis suspected.\nHydrocortisone 1% twice daily.')
    await doctor.getByRole('button', { name: 'Save notes' }).click()
    await doctor.waitForURL(/saved=notes/)
    await doctor.reload()
    expect(await doctor.getByRole('textbox', { name: 'Visit notes' }).inputValue()).toBe('Contact dermatitis suspected.\nHydrocortisone 1% twice daily.')
    await expectAccessible(doctor)
    await screenshotBoth(doctor, 'northwind-doctor-visit')

    // The patient never sees the doctor's notes.
    await patient.goto(`${site}${bookedPath}`)
    expect(await patient.locator('main').textContent()).not.toContain('dermatitis')
    await doctor.close()
  })
})

describe('what nobody else sees', () => {
  it('shows a patient a "no such visit" page for another patient’s appointment', async () => {
    const other = await newPage()
    await signIn(other, product.site('northwind'), 'bob@demo.test')
    const response = await other.goto(`${product.site('northwind')}${visitPath}`)
    expect(response!.status()).toBe(404)
    expect(await other.locator('body').textContent()).not.toContain('Persistent cough')
    await other.close()
  })

  it('shows a Sunrise doctor nothing of a Northwind visit, even with the URL edited by hand', async () => {
    const doctor = await newPage()
    await signIn(doctor, product.site('sunrise'), 'priya.patel@sunrise.demo.test')
    const id = visitPath.split('/').pop()
    for (const path of [`/doctor/visits/${id}`, `/appointments/${id}`]) {
      const response = await doctor.goto(`${product.site('sunrise')}${path}`)
      expect(response!.status()).toBe(404)
      expect(await doctor.locator('body').textContent()).not.toContain(newPatient.name)
    }
    await doctor.close()
  })
})

describe('branding', () => {
  it('shows Sunrise its own brand and doctors only', async () => {
    const page = await newPage()
    await page.goto(`${product.site('sunrise')}/doctors`)
    const names = await page.locator('main h2').allTextContents()
    expect(names).toContain('Dr. Priya Patel')
    expect(names).not.toContain('Dr. Ana Ruiz')
    expect(await page.locator('header .name').textContent()).toContain('Sunrise')
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim())
    const northwind = await (await newPage()).goto(`${product.site('northwind')}/doctors`)
    expect(await northwind!.text()).not.toContain(`--color-primary:${primary}`)
    await expectAccessible(page)
    await screenshotBoth(page, 'sunrise-doctors')
    await page.getByRole('link', { name: 'Dr. Priya Patel' }).click()
    await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
    await screenshotBoth(page, 'sunrise-doctor-page')
    await page.goto(`${product.site('sunrise')}/`)
    await screenshotBoth(page, 'sunrise-home')
    await page.close()
  })

  it('shows a theme change made in the CMS on the next page load', async () => {
    const api = product.server.url
    const login = await fetch(`${api}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@northwind.demo.test', password: 'demo-password' }),
    })
    const { token, user } = (await login.json()) as { token: string; user: { tenants: { tenant: number | { id: number } }[] } }
    const membership = user.tenants[0]!.tenant
    const clinic = typeof membership === 'object' ? membership.id : membership
    const setTheme = (theme: string) =>
      fetch(`${api}/api/tenants/${clinic}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({ theme }),
      })
    const page = await newPage()
    const colour = async () => {
      await page.goto(`${product.site('northwind')}/doctors`)
      return page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim())
    }
    const before = await colour()
    const changed = await setTheme('sunrise')
    expect(changed.status, await changed.text()).toBe(200)
    const after = await colour()
    expect((await setTheme('northwind')).status).toBe(200)
    expect([before, after]).toEqual(['#0f766e', expect.not.stringMatching(/^#0f766e$/)])
    await page.close()
  })
})
