/**
 * The time a visitor chooses survives signing in, registering (through the
 * emailed confirmation link) and joining the clinic: they come back to the
 * same doctor, day and time, preselected and held for them, and book it with
 * one press. Return addresses that lead elsewhere (another origin, another
 * clinic's site) or carry malformed values are dropped. In Chromium, on the
 * product as `npm start` runs it; screenshots at 390 and 1280 px.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emailTo, linkIn } from './support/outbox.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let northwind = ''

beforeAll(async () => {
  product = await startSeededProduct()
  northwind = product.site('northwind')
}, 240_000)
afterAll(() => product?.stop())

/** A browser of its own (own cookies) whose zone the site already knows, so no page re-renders under the test. */
async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await product.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', ...options })
  context.setDefaultTimeout(10_000)
  await context.addCookies(
    [northwind, product.site('sunrise'), product.server.url].map((url) => ({ name: 'telemed-tz', value: 'Europe/London', url })),
  )
  return context.newPage()
}

type Choice = { doctorPath: string; day: string; start: string }

/**
 * On a doctor's page, as a visitor: the `dayIndex`th day with free times (or the
 * first after it with more than `slotIndex` times: a day at the edge of the
 * doctor's hours, seen from another zone, may hold only one), and its `slotIndex`th time.
 */
async function chooseTime(page: Page, site: string, doctor: string, dayIndex: number, slotIndex = 0): Promise<Choice> {
  await page.goto(`${site}/doctors`)
  await page.getByRole('link', { name: doctor }).click()
  await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
  for (let index = dayIndex; ; index++) {
    const dayLink = page.locator('.days a').nth(index)
    const day = new URL((await dayLink.getAttribute('href'))!, page.url()).searchParams.get('day')!
    await dayLink.click()
    await page.waitForURL((url) => url.searchParams.get('day') === day)
    // The day's times are on the page once its link is marked as the day shown.
    await page.locator(`.days a[aria-current="date"][href*="day=${day}"]`).waitFor()
    if ((await page.locator('input[name="start"]').count()) > slotIndex) break
  }
  const day = new URL(page.url()).searchParams.get('day')!
  const slot = page.locator('input[name="start"]').nth(slotIndex)
  await slot.check({ force: true })
  return { doctorPath: new URL(page.url()).pathname, day, start: (await slot.getAttribute('value'))! }
}

/** Presses Book as a visitor: off to sign in, carrying the choice. */
async function bookAsVisitor(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Book this time' }).click()
  await page.waitForURL((url) => url.pathname.endsWith('/signin') && url.searchParams.has('next'))
  return new URL(page.url()).searchParams.get('next')!
}

async function fillSignIn(page: Page, email: string, password = 'demo-password') {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Back on the doctor's page with the day shown, the time preselected and held: returns the notice. */
async function expectBackAt(page: Page, choice: Choice) {
  await page.waitForURL((url) => url.pathname === choice.doctorPath && url.searchParams.get('start') === choice.start)
  const notice = page.locator('[data-chosen]')
  await notice.waitFor()
  expect(await notice.getAttribute('data-chosen')).toBe('held')
  expect(await notice.textContent()).toMatch(/Welcome back\..* is held for you until \d{1,2}:\d\d\s[AP]M/)
  expect(await page.locator('input[name="start"]:checked').getAttribute('value')).toBe(choice.start)
  expect(await page.locator('.days a[aria-current="date"]').getAttribute('href')).toContain(`day=${choice.day}`)
  expect(await page.locator('.slot', { has: page.locator('input:checked') }).textContent()).toContain('held for you')
}

/** The platform's API as a clinic's admin. */
async function asAdmin(email = 'admin@northwind.demo.test') {
  const api = product.server.url
  const login = await fetch(`${api}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  })
  const { token } = (await login.json()) as { token: string }
  return async (path: string) => (await (await fetch(`${api}${path}`, { headers: { Authorization: `JWT ${token}` } })).json()) as any
}

/** The doctor's free times around `start`, as anyone may read them. */
async function freeAround(doctorPath: string, start: string): Promise<string[]> {
  const id = doctorPath.split('/').pop()
  const from = new Date(Date.parse(start) - 3_600_000).toISOString()
  const to = new Date(Date.parse(start) + 3_600_000).toISOString()
  const answer = await fetch(`${product.server.url}/api/doctors/${id}/slots?from=${from}&to=${to}`)
  return ((await answer.json()) as { slots: { start: string }[] }).slots.map((s) => s.start)
}

describe('a visitor who chooses a time and then signs in', () => {
  let page: Page
  let choice: Choice
  afterAll(() => page?.context().close())

  it('is sent to sign in by Book, carrying the doctor, day and time, with a way to register instead', async () => {
    page = await newPage()
    choice = await chooseTime(page, northwind, 'Dr. Ben Chen', 2, 1)
    expect(await page.locator('.booking').textContent()).toContain('You sign in, or register, next')
    await screenshotBoth(page, 'booking-return-chosen')

    const next = await bookAsVisitor(page)
    expect(next).toBe(`${choice.doctorPath}?day=${choice.day}&start=${encodeURIComponent(choice.start)}#book-title`)
    expect(await page.getByRole('status').textContent()).toContain('Sign in to book the time you chose')
    const register = new URL((await page.getByRole('link', { name: 'Register instead' }).getAttribute('href'))!, page.url())
    expect([register.pathname, register.searchParams.get('next')]).toEqual(['/register', next])
    await screenshotBoth(page, 'booking-return-signin')
  })

  it('comes back to the same doctor, day and time, held for them, and books it', async () => {
    await fillSignIn(page, 'alice@demo.test')
    await expectBackAt(page, choice)
    // Held: nobody else is offered the time while Alice confirms.
    expect(await freeAround(choice.doctorPath, choice.start)).not.toContain(choice.start)
    await screenshotBoth(page, 'booking-return-held')

    await page.getByLabel(/Reason for the visit/).fill('Blood pressure check')
    await page.getByLabel('Visit by').selectOption('chat')
    await page.getByRole('button', { name: 'Book this time' }).click()
    await page.waitForURL(/\/appointments\/\d+\?booked=1$/)
    expect(await page.locator('[data-status]').textContent()).toBe('Confirmed')

    const id = new URL(page.url()).pathname.split('/').pop()
    const visit = await (await asAdmin())(`/api/appointments/${id}?depth=1`)
    expect([visit.start, visit.status, visit.visitType, visit.reason, visit.patient.email]).toEqual([
      choice.start,
      'confirmed',
      'chat',
      'Blood pressure check',
      'alice@demo.test',
    ])
  })

  it('is told when the time was taken meanwhile, and shown the other free times', async () => {
    const page = await newPage()
    const choice = await chooseTime(page, northwind, 'Dr. Ben Chen', 3, 0)
    await bookAsVisitor(page)
    // Someone else books the very time while the visitor signs in.
    const login = await fetch(`${product.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'bob@demo.test', password: 'demo-password' }),
    })
    const { token } = (await login.json()) as { token: string }
    const booked = await fetch(`${product.server.url}/api/appointments/book`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ doctor: choice.doctorPath.split('/').pop(), start: choice.start }),
    })
    expect(booked.status).toBe(201)

    await fillSignIn(page, 'carol@demo.test')
    await page.waitForURL((url) => url.pathname === choice.doctorPath && url.searchParams.get('start') === choice.start)
    const notice = page.locator('[data-chosen]')
    await notice.waitFor()
    expect(await notice.getAttribute('data-chosen')).toBe('taken')
    expect(await notice.textContent()).toContain('was taken meanwhile')
    const offered = await page.locator('input[name="start"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(offered.length).toBeGreaterThan(0)
    expect(offered).not.toContain(choice.start)
    expect(await page.locator('input[name="start"]:checked').count()).toBe(0)
    // The chosen day, or the next one with free times when the chosen time was its last.
    const shown = new URL((await page.locator('.days a[aria-current="date"]').getAttribute('href'))!, page.url()).searchParams.get('day')!
    expect(shown >= choice.day).toBe(true)
    await screenshotBoth(page, 'booking-return-taken')
    await page.context().close()
  })
})

describe('without JavaScript', () => {
  it('carries the choice through sign-in with plain form posts', async () => {
    const page = await newPage({ javaScriptEnabled: false })
    const choice = await chooseTime(page, northwind, 'Dr. Ana Ruiz', 4, 0)
    const next = await bookAsVisitor(page)
    expect(next).toContain(encodeURIComponent(choice.start))
    await fillSignIn(page, 'carol@demo.test')
    await expectBackAt(page, choice)
    await page.context().close()
  })
})

describe('a visitor who chooses a time and then registers', () => {
  it('comes back to it through the emailed confirmation link', async () => {
    const email = `booking-return-${Date.now()}@example.test`
    const password = 'a-return-password-1'
    const page = await newPage()
    const choice = await chooseTime(page, northwind, 'Dr. Ana Ruiz', 3, 1)
    const next = await bookAsVisitor(page)
    await page.getByRole('link', { name: 'Register instead' }).click()
    await page.waitForURL((url) => url.pathname === '/register' && url.searchParams.get('next') === next)
    expect(await page.getByRole('status').textContent()).toContain('Register to book the time you chose')
    await page.getByLabel('Full name').fill('Rosa Return')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByLabel(/I have read and accept/).check()
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByText('The link brings you back to the time you chose').waitFor()
    await screenshotBoth(page, 'booking-return-register-sent')

    const mail = await emailTo(email, /Confirm your email/, { dataDir: product.env.DATA_DIR })
    const link = new URL(linkIn(mail.body, /confirm-email\?token=/)!)
    expect(link.origin).toBe(northwind)
    expect(link.searchParams.get('next')).toBe(next)
    await page.goto(link.href)
    await page.getByText('Then we take you back to the time you chose').waitFor()
    await screenshotBoth(page, 'booking-return-confirm')
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Confirm and sign in' }).click()
    await expectBackAt(page, choice)
    expect(await page.getByRole('banner').textContent()).toContain('Signed in as Rosa Return')
    await screenshotBoth(page, 'booking-return-registered')
    await page.context().close()
  })
})

describe('a patient of another clinic who chooses a time', () => {
  it('comes back to it after joining this clinic', async () => {
    const page = await newPage()
    const choice = await chooseTime(page, northwind, 'Dr. Ifeoma Okafor', 2, 0)
    const next = await bookAsVisitor(page)
    await fillSignIn(page, 'dev@demo.test')
    await page.getByRole('heading', { name: 'Join Northwind Health?' }).waitFor()
    expect(new URL(page.url()).searchParams.get('next')).toBe(next)
    await page.getByLabel(/I have read and accept/).check()
    await page.getByRole('button', { name: 'Join Northwind Health' }).click()
    await expectBackAt(page, choice)
    await page.context().close()
  })
})

describe('return addresses that are not this site’s', () => {
  let sunriseDoctor = 0
  const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString()
  beforeAll(async () => {
    const answer = await fetch(`${product.server.url}/api/doctors?where[displayName][equals]=Dr.%20Priya%20Patel`)
    sunriseDoctor = ((await answer.json()) as { docs: { id: number }[] }).docs[0]!.id
  })
  const onNorthwind = (url: URL) => url.origin === northwind && url.pathname === '/doctors' && !url.search

  it.each<{ name: string; signin: () => string; next: () => string; lands: (url: URL) => boolean }>([
    ...['https://evil.example/doctors', '//evil.example/doctors', '/\\evil.example/doctors'].map((next) => ({
      name: next,
      signin: () => `${northwind}/signin`,
      next: () => next,
      lands: onNorthwind,
    })),
    { name: 'the Sunrise site', signin: () => `${northwind}/signin`, next: () => `${product.site('sunrise')}/doctors`, lands: onNorthwind },
    // Another clinic's site on the same origin: its path prefix, on the clinic's own domain and on the platform's.
    {
      name: 'a Sunrise path on Northwind’s domain',
      signin: () => `${northwind}/signin`,
      next: () => `/c/sunrise/doctors/${sunriseDoctor}?start=${inThreeDays}`,
      lands: onNorthwind,
    },
    {
      name: 'a Sunrise path on the platform’s domain',
      signin: () => `${product.server.url}/c/northwind/signin`,
      next: () => `/c/sunrise/doctors/${sunriseDoctor}?start=${inThreeDays}`,
      lands: (url) => url.origin === new URL(product.server.url).origin && url.pathname === '/c/northwind/doctors',
    },
    // Another clinic's doctor, carried as a booking: the directory, without a word.
    {
      name: 'a Sunrise doctor as a Northwind page',
      signin: () => `${northwind}/signin`,
      next: () => `/doctors/${sunriseDoctor}?day=2030-01-01&start=${inThreeDays}`,
      lands: onNorthwind,
    },
  ])('ignores next = $name', async ({ signin, next, lands }) => {
    const page = await newPage()
    await page.goto(`${signin()}?next=${encodeURIComponent(next())}`)
    await fillSignIn(page, 'carol@demo.test')
    await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
    expect(lands(new URL(page.url())), `landed on ${page.url()}`).toBe(true)
    await page.getByRole('heading', { name: 'Find a doctor' }).waitFor()
    await page.context().close()
  })

  describe('malformed values', () => {
    let page: Page
    let doctorPath = ''
    beforeAll(async () => {
      page = await newPage()
      await page.goto(`${northwind}/signin`)
      await fillSignIn(page, 'carol@demo.test')
      await page.waitForURL((url) => url.pathname === '/doctors')
      await page.getByRole('link', { name: 'Dr. Ben Chen' }).click()
      await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
      doctorPath = new URL(page.url()).pathname
    })
    afterAll(() => page?.context().close())

    it.each(['day=yesterday&start=soon', 'day=2030-02-31&start=2030-01-01T10:00:00', `start=${encodeURIComponent('<script>')}`])(
      'are dropped: the doctor’s page works as usual (%s)',
      async (query) => {
        // Signed in already: the sign-in page sends Carol on at once.
        await page.goto(`${northwind}/signin?next=${encodeURIComponent(`${doctorPath}?${query}`)}`)
        await page.waitForURL((url) => url.pathname === doctorPath)
        await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
        expect(await page.locator('[data-chosen]').count()).toBe(0)
        expect(await page.locator('input[name="start"]:checked').count()).toBe(0)
        expect(await page.locator('.days a').first().getAttribute('aria-current')).toBe('date')
      },
    )
  })

  it('keeps a tampered address out of the confirmation email', async () => {
    const email = `booking-tamper-${Date.now()}@example.test`
    const page = await newPage()
    await page.goto(`${northwind}/register?next=${encodeURIComponent('//evil.example/doctors')}`)
    await page.getByLabel('Full name').fill('Tess Tamper')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('a-tamper-password-1')
    await page.getByLabel(/I have read and accept/).check()
    await page.getByRole('button', { name: 'Create my account' }).click()
    await page.getByText('Check your inbox').waitFor()
    const link = new URL(
      linkIn((await emailTo(email, /Confirm your email/, { dataDir: product.env.DATA_DIR })).body, /confirm-email\?token=/)!,
    )
    expect(link.searchParams.has('next')).toBe(false)
    // Nor does a `next` added to the link by hand lead anywhere else.
    link.searchParams.set('next', `/c/sunrise/doctors/1`)
    await page.goto(link.href)
    await page.getByLabel('Password').fill('a-tamper-password-1')
    await page.getByRole('button', { name: 'Confirm and sign in' }).click()
    await page.waitForURL((url) => url.origin === northwind && url.pathname === '/doctors' && url.search === '?welcome=1')
    await page.context().close()
  })
})
