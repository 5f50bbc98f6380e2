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
import { apiToken, bookDemoVisit, screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'
import { startMailbox } from './support/smtpMailbox.ts'
import { DEMO_HOME } from '../src/seed/demoHome.ts'

let product: SeededProduct
let mailbox: Awaited<ReturnType<typeof startMailbox>>
const newPatient = { name: 'Maya Lopez', email: `maya-${Date.now()}@example.test`, password: 'maya-password-1' }
let patientContext: BrowserContext
let patient: Page
let visitPath = ''

beforeAll(async () => {
  // The product sends its emails to a real SMTP server, as a clinic's deployment with SMTP_URL does.
  mailbox = await startMailbox()
  product = await startSeededProduct([], { SMTP_URL: mailbox.url })
  patientContext = await product.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/London' })
  // Fail at the step that waits, well inside the test's own timeout.
  patientContext.setDefaultTimeout(10_000)
  patient = await patientContext.newPage()
}, 240_000)
afterAll(async () => {
  await product?.stop()
  await mailbox?.close()
})

/** No serious or critical accessibility violation on the page as it is now. */
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/**
 * The first link matching `pattern` in the newest email the SMTP server received
 * that has one, waiting for it briefly (emails go after the answer that caused them).
 */
async function emailedLink(pattern: RegExp): Promise<string | undefined> {
  for (let i = 0; i < 50; i++) {
    for (const mail of [...mailbox.received].reverse()) {
      const found = mail.body.match(new RegExp(`https?://[^\\s"<]*${pattern.source}`))?.[0]
      if (found) return found
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return undefined
}

/** The emails the SMTP server received for `to`, by subject. */
const subjectsTo = (to: string) => mailbox.received.filter((m) => m.to.includes(to)).map((m) => m.header('Subject'))

/** A page in a context of its own: its own cookies, as another person's browser. */
async function newPage(options: Parameters<SeededProduct['browser']['newContext']>[0] = {}) {
  const context = await product.browser.newContext(options)
  context.setDefaultTimeout(10_000)
  return context.newPage()
}

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
    await screenshotBoth(patient, 'northwind-register-error')
    await patient.getByLabel('Password').fill(newPatient.password)
    await patient.getByLabel(/I have read and accept/).check()
    await patient.getByRole('button', { name: 'Create my account' }).click()
    await patient.getByText('Check your inbox').waitFor()
    await screenshotBoth(patient, 'northwind-register-sent')
    // The link in the email confirms the address with the password chosen above, and signs in.
    await patient.goto((await emailedLink(/confirm-email\?token=[\w-]+/))!)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-confirm-email')
    await patient.getByLabel('Password').fill(newPatient.password)
    await patient.getByRole('button', { name: 'Confirm and sign in' }).click()
    await patient.waitForURL(/\/doctors\?welcome=1$/)
    expect(await patient.getByRole('status').textContent()).toContain('Welcome to Northwind Health')
    expect(await patient.getByRole('banner').textContent()).toContain(`Signed in as ${newPatient.name}`)
    await patient.goto(`${site}/`)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-home')
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
    expect(await patient.locator('.booking').textContent()).toContain('Times in your zone, London time')
    // The booking steps: the doctor chosen, the time being picked.
    const steps = patient.getByRole('navigation', { name: 'Booking steps' })
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Pick a time')
    // A few days ahead, so the visit can still be moved and cancelled online (24-hour cutoff).
    await patient.locator('.days a').nth(3).click()
    await patient.waitForURL(/\?day=/)
    // Ana works in New York: her own time is shown beside each slot.
    expect(await patient.locator('.slot small').first().textContent()).toMatch(/^doctor: \d{1,2}:\d\d\s[AP]M$/)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-doctor-page')
    const start = await pickFirstSlot(patient)
    await patient.getByLabel(/Reason for the visit/).fill('Persistent cough')
    await patient.getByRole('button', { name: 'Book this time' }).click()
    await patient.waitForURL(/\/appointments\/\d+\?booked=1$/)
    visitPath = new URL(patient.url()).pathname
    expect(await patient.getByRole('status').textContent()).toContain('Your visit is booked')
    // The last step, and what happens next: calendar, joining, changing it until the cutoff.
    expect(await patient.getByRole('navigation', { name: 'Booking steps' }).locator('.done').count()).toBe(3)
    const next = await patient.getByRole('region', { name: 'What happens next' }).textContent()
    expect(next).toContain('Add it to your calendar')
    expect(next).toContain('Join from this page')
    expect(next).toMatch(/Move or cancel it here until \w{3}, \w{3} \d+, \d{4}, \d{1,2}:\d\d\s[AP]M/)
    expect(await patient.locator('[data-status]').textContent()).toBe('Confirmed')
    const shown = await patient.locator('.facts dd').first().textContent()
    // Northwind writes dates the American way (Clinics → Date and time format), in the patient's zone.
    const london = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit' }).format(
      new Date(start!),
    )
    expect(shown).toContain(london)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-visit')
    // The confirmation, in the SMTP server's mailbox: to the patient, in the clinic's name.
    await expect.poll(() => subjectsTo(newPatient.email), { timeout: 15_000 }).toContain('Your visit with Dr. Ana Ruiz is booked')

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

  it('uploads a record with a progress bar and downloads the same file', async () => {
    const site = product.site('northwind')
    await patient.goto(`${site}/records`)
    await patient.getByRole('button', { name: 'Upload' }).click()
    await patient.getByText('Give the record a title').waitFor()
    await patient.getByLabel('Title').fill('Blood test, November')
    await patient.getByLabel('Kind').selectOption('lab-result')
    const content = 'Haemoglobin 13.5 g/dL\n'.repeat(2000)
    await patient.getByLabel('File').setInputFiles({ name: 'blood-test.txt', mimeType: 'text/plain', buffer: Buffer.from(content) })
    await patient.getByRole('button', { name: 'Upload' }).click()
    await patient.waitForURL(/uploaded=1/)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-records')
    const href = await patient.getByRole('link', { name: 'Blood test, November' }).getAttribute('href')
    const [status, text] = await patient.evaluate(async (path) => {
      const response = await fetch(path!)
      return [response.status, await response.text()] as const
    }, href)
    expect([status, text === content]).toEqual([200, true])
  })

  it('edits their profile, with mistakes shown next to the field', async () => {
    const site = product.site('northwind')
    await patient.goto(`${site}/profile`)
    await patient.getByRole('group', { name: 'About you' }).getByLabel('Phone').fill('call me maybe')
    await patient.getByLabel('Allergies').fill('Penicillin: rash')
    await patient.getByRole('button', { name: 'Save my profile' }).click()
    await patient.getByText(/Enter a phone number/).waitFor()
    await patient.getByRole('group', { name: 'About you' }).getByLabel('Phone').fill('+44 20 7946 0000')
    await patient.getByRole('button', { name: 'Save my profile' }).click()
    await patient.waitForURL(/saved=1/)
    expect(await patient.getByLabel('Allergies').inputValue()).toBe('Penicillin: rash')
    await expectAccessible(patient)
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

    // Cancelling asks first, naming the visit; "keep" changes nothing.
    await patient.getByRole('link', { name: 'Cancel this visit…' }).click()
    await patient.getByRole('heading', { name: 'Cancel this visit?' }).waitFor()
    await patient.getByRole('link', { name: 'No, keep my visit' }).click()
    await patient.getByRole('link', { name: 'Cancel this visit…' }).waitFor()
    expect(await patient.locator('[data-status]').getAttribute('data-status')).not.toBe('cancelled')
    await patient.getByRole('link', { name: 'Cancel this visit…' }).click()
    await patient.getByLabel('Why are you cancelling?').fill('Feeling better')
    await patient.getByRole('button', { name: 'Yes, cancel the visit' }).click()
    await patient.locator('[data-status="cancelled"]').waitFor()
    expect(await patient.locator('main').textContent()).toContain('Feeling better')
    // Said done, with the way to book again.
    expect(await patient.getByRole('status').textContent()).toContain('Your visit is cancelled.')
    expect(await patient.getByRole('link', { name: /^Book another visit with Dr\./ }).getAttribute('href')).toMatch(/\/doctors\/\d+$/)
    await expectAccessible(patient)
    await screenshotBoth(patient, 'northwind-visit-cancelled')

    // The inbox tells the visit's story, written by the server as it happened: booked, moved, cancelled.
    expect(await patient.getByRole('link', { name: /^Inbox/ }).getAttribute('href')).toMatch(/\/inbox$/)
    const inbox = async () => {
      await patient.goto(`${site}/inbox`)
      return (await patient.locator('main').textContent()) ?? ''
    }
    await expect.poll(inbox, { timeout: 15_000 }).toMatch(/Your visit with Dr\. Ana Ruiz is cancelled/)
    const told = (await patient.locator('main').textContent()) ?? ''
    expect(told).toMatch(/Your visit with Dr\. Ana Ruiz is booked/)
    expect(told).toMatch(/Your visit with Dr\. Ana Ruiz has a new time/)
    expect(told).not.toMatch(/Persistent cough|Feeling better/)
    expect(mailbox.received.some((m) => /Persistent cough|Feeling better/.test(m.body))).toBe(false)
  })

  it('sees a cancellation by the doctor at once, on the open page, with the inbox count going up', async () => {
    const site = product.site('northwind')
    const path = await bookDemoVisit(product, 3 * 24 * 60, { patient: newPatient.email, doctor: 'Dr. Ana Ruiz' })
    await patient.goto(`${site}${path}`)
    await patient.getByText(/The Join button appears here when the call opens/).waitFor()
    const badge = patient.getByRole('link', { name: /^Inbox/ })
    const shown = async () => Number(/(\d+)\s*unread/.exec((await badge.textContent()) ?? '')?.[1] ?? 0)
    // What the server holds, as the clinic's admin reads it: this visit's messages sent, the patient's unread ones.
    const adminToken = await apiToken(product, 'admin@northwind.demo.test')
    const count = async (query: string) =>
      (
        (await (
          await fetch(`${product.server.url}/api/notifications?limit=1&depth=0&${query}`, {
            headers: { Authorization: `JWT ${adminToken}` },
          })
        ).json()) as { totalDocs: number }
      ).totalDocs
    const visitId = path.split('/').pop()
    const patientId = (
      (await (
        await fetch(`${product.server.url}/api/users?where[email][equals]=${encodeURIComponent(newPatient.email)}&depth=0`, {
          headers: { Authorization: `JWT ${adminToken}` },
        })
      ).json()) as { docs: { id: number }[] }
    ).docs[0]!.id
    const unreadOnServer = () =>
      count(`where[recipient][equals]=${patientId}&where[channel][equals]=in-app&where[status][equals]=sent&where[readAt][exists]=false`)
    // The booking's own message reaches the inbox first (live too): wait for it, and for the page to show it, before the doctor acts.
    await expect
      .poll(() => count(`where[appointment][equals]=${visitId}&where[channel][equals]=in-app&where[status][equals]=sent`), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0)
    const before = await unreadOnServer()
    await expect.poll(shown, { timeout: 15_000 }).toBe(before)
    const doctorToken = await apiToken(product, 'ana.ruiz@northwind.demo.test')
    const cancelled = await fetch(`${product.server.url}/api/appointments${path.replace('/visits', '')}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${doctorToken}` },
      body: JSON.stringify({ reason: 'Called away to the hospital' }),
    })
    expect(cancelled.status).toBe(200)
    // No reload: the visit page hears it, and so does the inbox count.
    await patient.getByText('This visit was cancelled.').waitFor()
    await expect.poll(shown, { timeout: 15_000 }).toBe(before + 1)
    expect(await unreadOnServer()).toBe(before + 1)
    await expect.poll(() => subjectsTo(newPatient.email), { timeout: 15_000 }).toContain('Your visit with Dr. Ana Ruiz is cancelled')
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
    // What the doctor must see first: the allergy the patient entered, above the visit.
    expect(await doctor.getByRole('note').textContent()).toBe('Allergies: Penicillin (rash)')
    // Previous visits are ones that took place: the patient's cancelled visit is not one.
    expect(await doctor.getByRole('region', { name: 'Previous visits' }).textContent()).toContain('This is the first visit.')
    // Record kinds in words.
    const records = await doctor.getByRole('region', { name: 'Records' }).textContent()
    expect(records).toContain('Blood test, November (Lab result,')
    expect(records).not.toContain('lab-result')
    await doctor.getByRole('textbox', { name: 'Visit notes' }).fill('Contact dermatitis suspected.\nHydrocortisone 1% twice daily.')
    await doctor.getByRole('button', { name: 'Save notes' }).click()
    await doctor.waitForURL(/saved=notes/)
    await doctor.reload()
    expect(await doctor.getByRole('textbox', { name: 'Visit notes' }).inputValue()).toBe(
      'Contact dermatitis suspected.\nHydrocortisone 1% twice daily.',
    )
    await expectAccessible(doctor)
    await screenshotBoth(doctor, 'northwind-doctor-visit')

    // A prescription: saved as a draft, then signed; the patient sees it once signed.
    await doctor.getByText('Write a prescription').click()
    await doctor.getByLabel('Medication').fill('Hydrocortisone cream')
    await doctor.getByLabel('Strength').fill('1%')
    await doctor.getByLabel('Directions').fill('Apply thinly twice a day for 7 days.')
    await doctor.getByLabel('Quantity').fill('1')
    await doctor.getByRole('button', { name: 'Save as draft' }).click()
    await doctor.waitForURL(/saved=draft/)
    await doctor.getByRole('button', { name: 'Sign prescription' }).click()
    await doctor.waitForURL(/saved=signed/)
    expect(await doctor.locator('[data-rx-status]').first().textContent()).toBe('signed')
    await patient.goto(`${site}/prescriptions`)
    expect(await patient.locator('main').textContent()).toContain('Apply thinly twice a day')

    // Hours that no longer cover the booked visit: saved, and the visit is listed, not cancelled.
    // The weekly hours are rows of time pickers: every row removed, then one for Monday.
    await doctor.goto(`${site}/doctor/availability`)
    const monday = doctor.getByRole('group', { name: 'Monday' })
    await monday
      .getByRole('button', { name: /^Remove Monday/ })
      .first()
      .waitFor()
    const removeButtons = doctor.getByRole('button', { name: /^Remove / })
    while ((await removeButtons.count()) > 0) await removeButtons.first().click()
    expect(await doctor.getByText('Not working').count()).toBe(7)
    await monday.getByRole('button', { name: '+ Add hours' }).click()
    await monday.getByLabel('Monday, hours 1, from').fill('07:00')
    await monday.getByLabel('Monday, hours 1, until').fill('06:00')
    await doctor.getByRole('button', { name: 'Save availability' }).click()
    await monday.getByText('07:00-06:00: a range must end after it starts.').waitFor()
    await monday.getByLabel('Monday, hours 1, from').fill('06:00')
    await monday.getByLabel('Monday, hours 1, until').fill('07:00')
    await doctor.getByRole('button', { name: 'Save availability' }).click()
    await doctor.waitForURL(/saved=1/)
    await doctor.getByRole('heading', { name: 'Booked visits outside your hours' }).waitFor()
    await expectAccessible(doctor)
    await screenshotBoth(doctor, 'northwind-doctor-availability')

    // A new portrait, shown on the clinic's directory at once.
    await doctor.goto(`${site}/doctor/profile`)
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    await doctor.getByLabel('Your photo').setInputFiles({ name: 'ana.png', mimeType: 'image/png', buffer: png })
    await doctor.getByRole('button', { name: 'Save profile' }).click()
    await doctor.waitForURL(/saved=1/)
    await patient.goto(`${site}/doctors`)
    await patient.getByRole('img', { name: 'Portrait of Dr. Ana Ruiz' }).waitFor()

    // The patient never sees the doctor's notes.
    await patient.goto(`${site}${bookedPath}`)
    expect(await patient.locator('main').textContent()).not.toContain('dermatitis')
    await doctor.close()
  })
})

describe('without JavaScript', () => {
  it('signs in and books with plain form posts', async () => {
    const page = await newPage({ javaScriptEnabled: false })
    const site = product.site('northwind')
    await signIn(page, site, 'bob@demo.test')
    await page.goto(`${site}/doctors`)
    await page.getByRole('link', { name: 'Dr. Ben Chen' }).click()
    await page.locator('.days a').nth(2).click()
    await page.locator('input[name="start"]').first().check({ force: true })
    await page.getByRole('button', { name: 'Book this time' }).click()
    await page.waitForURL(/booked=1/)
    expect(await page.locator('[data-status]').textContent()).toBe('Confirmed')
    await page.close()
  })

  it('resets a forgotten password from the emailed link', async () => {
    const page = await newPage({ javaScriptEnabled: false })
    const site = product.site('northwind')
    await page.goto(`${site}/signin`)
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.getByLabel('Email').fill(newPatient.email)
    await page.getByRole('button', { name: 'Email me a link' }).click()
    await page.getByText('an email with a link to choose a new password is on its way').waitFor()
    // No SMTP_URL here: the platform writes each email to DATA_DIR/outbox, where we read the link.
    // On Northwind's own domain: the clinic the patient asked from.
    const link = await emailedLink(/northwind\.localhost:\d+\/reset-password\?token=[\w%-]+/)
    expect(link).toBeDefined()
    await page.goto(`${site}${new URL(link!).pathname}${new URL(link!).search}`)
    await page.getByLabel('New password').fill('a-brand-new-password')
    await page.getByRole('button', { name: 'Save my new password' }).click()
    await page.getByText('Your new password is saved and you are signed in.').waitFor()
    const fresh = await newPage()
    await signIn(fresh, site, newPatient.email, 'a-brand-new-password')
    expect(await fresh.getByRole('banner').textContent()).toContain(`Signed in as ${newPatient.name}`)
    await fresh.close()
    await page.close()
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
    // Sunrise's own home page, as its admin wrote it (demo seed).
    expect(await page.locator('h1').textContent()).toBe(DEMO_HOME.sunrise.home.heroHeading)
    await expectAccessible(page)
    await screenshotBoth(page, 'sunrise-home')
    await page.goto(`${product.site('sunrise')}/register`)
    await screenshotBoth(page, 'sunrise-register')
    await page.goto(`${product.site('sunrise')}/confirm-email?token=from-the-email`)
    await expectAccessible(page)
    await screenshotBoth(page, 'sunrise-confirm-email')
    await page.close()
  })

  it('offers a Northwind patient to join Sunrise with its consent, and a Sunrise patient to decline Northwind', async () => {
    const page = await newPage()
    await signIn(page, product.site('sunrise'), 'alice@demo.test')
    await page.getByRole('heading', { name: 'Join Sunrise Clinic?' }).waitFor()
    await expectAccessible(page)
    await screenshotBoth(page, 'sunrise-join')
    await page.getByRole('button', { name: 'Join Sunrise Clinic' }).click()
    await page.getByText("Accept Sunrise Clinic's consent and terms to join.").waitFor()
    await page.getByLabel(/I have read and accept/).check()
    await page.getByRole('button', { name: 'Join Sunrise Clinic' }).click()
    await page.waitForURL(/\/doctors\?welcome=1$/)
    expect(await page.getByRole('banner').textContent()).toContain('Signed in as Alice')

    const other = await newPage()
    await signIn(other, product.site('northwind'), 'dev@demo.test')
    await other.getByRole('heading', { name: 'Join Northwind Health?' }).waitFor()
    await screenshotBoth(other, 'northwind-join')
    await other.getByRole('button', { name: /No, thanks/ }).click()
    await other.waitForURL((url) => url.pathname === '/')
    expect(await other.getByRole('banner').textContent()).not.toContain('Signed in as')
    await page.close()
    await other.close()
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
