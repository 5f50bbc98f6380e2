/**
 * Paying when booking, as a patient does it in Chromium, against the Stripe
 * double's hosted checkout page: the patient books a time on the clinic's site,
 * pays on the payment page and comes back to the visit booked ("Payment
 * received") and a receipt without the visit's reason; cancels within the
 * policy and sees the refund, made by a job of the server's own runner; another
 * patient goes back to the clinic from the payment page, and the time is free
 * again; a clinic in yen (no minor unit) shows ¥4,500 throughout. Screenshots at
 * 390 and 1280 px.
 */
import { mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startStripeDouble, type StripeDouble } from '@telemed/plugin-payments-stripe/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCuttableLink } from './support/cuttableLink.ts'
import { signIn } from './support/http.ts'
import { expectAccessible, sidewaysSpill, signInOn, windowIn } from './support/pageChecks.ts'
import { CHROMIUM_ARGS, screenshotBoth, SCREENSHOTS } from './support/seededProduct.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type ClinicWorld, type World } from './support/world.ts'

const KEYS = { alpha: 'sk_test_alphaJourney0000000000000', beta: 'sk_test_betaJourney00000000000000' }
const WEBHOOK_SECRETS = { alpha: 'whsec_alphaJourneyEndpoint0000000', beta: 'whsec_betaJourneyEndpoint00000000' }
const REASON = 'Recurring migraines since the spring'

/**
 * A TCP port that forwards to the test server once it listens. The platform
 * sends the patient back from the payment page to the clinic's site at
 * PUBLIC_URL's port, which has to be known before the server (on a random port)
 * starts: this port is it (a link never cut).
 */
const forwardingPort = () => startCuttableLink()

let double: StripeDouble
let forward: Awaited<ReturnType<typeof forwardingPort>>
let server: TestServer
let world: World
let browser: Browser
const site = (clinic: 'alpha' | 'beta') => `http://${clinic}.localhost:${forward.port}`

/** The clinic takes payment when booking, through its own Stripe account (the double), as its admin sets it up. */
async function connectStripe(clinic: 'alpha' | 'beta', extra: Record<string, unknown> = {}) {
  const admin = await signIn(server.url, world[clinic].admin.email, PASSWORD)
  const connected = await admin.request('PATCH', `/api/tenants/${world[clinic].id}`, {
    providers: { payments: 'stripe' },
    pluginSettings: { paymentsStripe: { secretKey: KEYS[clinic], webhookSecret: WEBHOOK_SECRETS[clinic] } },
    paymentPolicy: { payWhenBooking: true },
    bookingPolicy: { maxUpcomingVisits: 100, maxActiveHolds: 10 },
    ...extra,
  })
  expect(connected.status, JSON.stringify(connected.body)).toBe(200)
  double.endpoint(KEYS[clinic], {
    url: `${server.url}/api/plugins/payments-stripe/webhook?clinic=${clinic}`,
    secret: WEBHOOK_SECRETS[clinic],
  })
}

beforeAll(async () => {
  double = await startStripeDouble()
  forward = await forwardingPort()
  // JOBS_IN_SERVER stays on: the server's own runner applies the webhooks and makes the refunds.
  ;({ server, world } = await startWorld({ STRIPE_API_URL: double.url, PUBLIC_URL: `http://localhost:${forward.port}` }))
  forward.to(Number(new URL(server.url).port))
  await openAllWeek(server.payload, world.alpha.doctor, { consultationFee: 45, visitMinutes: 30 })
  await openAllWeek(server.payload, world.beta.doctor, { consultationFee: 4500, visitMinutes: 30 })
  // A US clinic, and one that charges in yen: amounts written as their patients read them ($45.00, ¥4,500).
  await connectStripe('alpha', { locale: 'en-US' })
  await connectStripe('beta', { currency: 'JPY', locale: 'en-US' })
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  mkdirSync(SCREENSHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await double?.close()
  await forward?.close()
})

/** A browser window of the patient's own, signed in on the clinic's site. */
async function patientPage(clinic: 'alpha' | 'beta', who: ClinicWorld['patient']): Promise<Page> {
  const context = await windowIn(browser, [site(clinic)])
  await signInOn(context, site(clinic), who.email, PASSWORD)
  const page = await context.newPage()
  await page.setViewportSize({ width: 1280, height: 844 })
  return page
}

/** On the doctor's page: the `dayIndex`th day with free times, and its first time. */
async function chooseTime(page: Page, clinic: 'alpha' | 'beta', dayIndex: number) {
  await page.goto(`${site(clinic)}/doctors/${world[clinic].doctor}`)
  await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
  const dayLink = page.locator('.days a').nth(dayIndex)
  const day = new URL((await dayLink.getAttribute('href'))!, page.url()).searchParams.get('day')!
  await dayLink.click()
  await page.locator(`.days a[aria-current="date"][href*="day=${day}"]`).waitFor()
  const slot = page.locator('input[name="start"]').first()
  await slot.check({ force: true })
  return { day, start: (await slot.getAttribute('value'))! }
}

/** Presses Book: the site holds the time and sends the patient to the payment page. Returns the session id. */
async function bookAndGoToPay(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Book this time' }).click()
  await page.waitForURL((url) => url.origin === double.url && url.pathname.startsWith('/pay/'))
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
}

/** Whether the doctor's time is offered to anyone, as the public API of free times says. */
async function isFree(clinic: 'alpha' | 'beta', start: string): Promise<boolean> {
  const from = new Date(Date.parse(start) - 3_600_000).toISOString()
  const to = new Date(Date.parse(start) + 3_600_000).toISOString()
  const answer = await fetch(`${server.url}/api/doctors/${world[clinic].doctor}/slots?from=${from}&to=${to}`)
  expect(answer.status).toBe(200)
  const { slots } = (await answer.json()) as { slots: { start: string }[] }
  return slots.some((s) => Date.parse(s.start) === Date.parse(start))
}

/** The page fits a phone and a desktop, and axe finds nothing serious. */
async function checkPage(page: Page) {
  const size = page.viewportSize()
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 })
    expect(await sidewaysSpill(page), `${page.url()} at ${width} px`).toEqual([])
  }
  if (size) await page.setViewportSize(size)
  await expectAccessible(page)
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim()

describe('a patient who pays when booking', () => {
  let page: Page
  let visitPath = ''
  let receiptPath = ''
  afterAll(() => page?.context().close())

  it('books a time, pays on the payment page, and comes back to the visit booked with "Payment received"', async () => {
    page = await patientPage('alpha', world.alpha.patient)
    const { start } = await chooseTime(page, 'alpha', 3)
    expect(await text(page, '.booking .fee')).toBe('Visit fee: $45.00 for 30 minutes')
    await page.getByLabel(/Reason for the visit/).fill(REASON)
    const session = await bookAndGoToPay(page)

    // The payment page: what is paid, and for what (never the reason).
    expect(await page.getByTestId('amount').textContent()).toBe('$45.00')
    await page.getByRole('heading', { name: 'Video visit at Clinic alpha' }).waitFor()
    expect(await page.locator('body').textContent()).not.toContain(REASON)
    // Held for the patient while the payment page is open: nobody else is offered it.
    expect(await isFree('alpha', start)).toBe(false)

    await page.getByRole('button', { name: /^Pay/ }).click()
    await page.waitForURL(
      (url) => url.origin === site('alpha') && /^\/appointments\/\d+$/.test(url.pathname) && url.searchParams.has('paid'),
    )
    visitPath = new URL(page.url()).pathname
    await page.locator('p.notice[role="status"]').waitFor()
    expect(await text(page, 'p.notice[role="status"]')).toBe('Payment received. Your visit is booked.')
    expect(await text(page, 'dd[data-status]')).toBe('Confirmed')
    expect(await text(page, '[data-payment]')).toBe('Paid $45.00 — receipt')
    // Stripe was asked for 4500 cents.
    const completed = double.events.find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === session)
    expect(completed?.data.object).toMatchObject({ amount_total: 4500, currency: 'usd', payment_status: 'paid' })
    await checkPage(page)
    await screenshotBoth(page, 'payment-return')
  })

  it('opens Payments and reads the receipt: the amount, never the reason for the visit', async () => {
    await page.getByRole('link', { name: 'Payments', exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/payments')
    await page.getByRole('heading', { level: 1, name: 'My payments' }).waitFor()
    const card = page.locator('li.card[data-status="paid"]')
    expect(await card.count()).toBe(1)
    expect(await text(page, 'li.card[data-status="paid"] h2')).toBe('$45.00')
    await card.getByRole('link', { name: /^Receipt #\d+$/ }).click()
    await page.waitForURL((url) => /^\/payments\/\d+$/.test(url.pathname))
    receiptPath = new URL(page.url()).pathname

    await page.getByRole('heading', { level: 1, name: /^Receipt #\d+$/ }).waitFor()
    const receipt = await text(page, 'main')
    expect(receipt).toContain('Clinic alpha')
    expect(receipt).toContain('Amount $45.00')
    expect(await text(page, 'dl.totals')).toBe('Paid $45.00 Amount refunded $0.00 Net paid $45.00')
    expect(receipt).toContain('Video visit on')
    expect(receipt).not.toContain(REASON)
    expect(receipt).not.toMatch(/migraine/i)
    await checkPage(page)
    await screenshotBoth(page, 'payment-receipt')
  })

  it('cancels the visit within the policy, and then sees the refund on the visit and on the receipt', async () => {
    await page.goto(`${site('alpha')}${visitPath}`)
    await page.getByRole('link', { name: 'Cancel this visit…' }).click()
    await page.getByRole('heading', { name: 'Cancel this visit?' }).waitFor()
    await page.getByLabel('Why are you cancelling?').fill('I feel better')
    await page.getByRole('button', { name: 'Yes, cancel the visit' }).click()
    await page.waitForURL((url) => url.pathname === visitPath && url.searchParams.has('cancelled'))
    await page.getByText('Your visit is cancelled.').waitFor()
    expect(await text(page, 'dd[data-status]')).toBe('Cancelled')

    // The refund is a job of the server's runner: the receipt shows it once made.
    await expect
      .poll(async () => {
        await page.goto(`${site('alpha')}${receiptPath}`)
        return (await page.locator('ul.refunds').count()) ? text(page, 'ul.refunds') : null
      })
      .toMatch(/^\$45\.00 on .+ · Refunded You cancelled the visit\.$/)
    expect(await text(page, '[data-status="refunded"]')).toBe('Refunded')
    expect(await text(page, 'dl.totals')).toBe('Paid $45.00 Amount refunded $45.00 Net paid $0.00')
    expect(await text(page, 'main')).not.toContain('I feel better')
    await screenshotBoth(page, 'payment-refunded')

    await page.goto(`${site('alpha')}${visitPath}`)
    expect(await text(page, '[data-payment]')).toBe('Refunded $45.00 — receipt')
  })
})

describe('a patient who goes back to the clinic from the payment page', () => {
  it('lands on the cancelled page, the time free again and offered on the doctor’s page', async () => {
    const page = await patientPage('alpha', world.alpha.otherPatient)
    const { day, start } = await chooseTime(page, 'alpha', 4)
    await bookAndGoToPay(page)
    expect(await page.getByTestId('amount').textContent()).toBe('$45.00')
    expect(await isFree('alpha', start)).toBe(false)

    await page.getByRole('button', { name: 'Back to the clinic' }).click()
    await page.waitForURL((url) => url.origin === site('alpha') && /^\/payments\/\d+\/cancelled$/.test(url.pathname))
    await page.getByRole('heading', { level: 1, name: 'Payment not completed' }).waitFor()
    expect(await text(page, '.outcome')).toMatch(/^Nothing was charged, and your time on .+ was released/)
    expect(await isFree('alpha', start)).toBe(true)
    await checkPage(page)
    await screenshotBoth(page, 'payment-cancelled')

    await page.getByRole('link', { name: 'Back to the doctor' }).click()
    await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
    await page.locator(`.days a[href*="day=${day}"]`).click()
    await page.locator(`.days a[aria-current="date"][href*="day=${day}"]`).waitFor()
    const offered = await page.locator('input[name="start"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    expect(offered.map(Date.parse)).toContain(Date.parse(start))
    // Free, not kept for this patient.
    expect(await page.locator('.slot', { hasText: 'held for you' }).count()).toBe(0)
    await page.context().close()
  })
})

describe('a clinic whose currency has no minor unit (yen)', () => {
  it('shows ¥4,500 on the doctor’s page, the payment page, the visit and the receipt', async () => {
    const page = await patientPage('beta', world.beta.patient)
    await chooseTime(page, 'beta', 3)
    expect(await text(page, '.booking .fee')).toBe('Visit fee: ¥4,500 for 30 minutes')
    const session = await bookAndGoToPay(page)
    expect(await page.getByTestId('amount').textContent()).toBe('¥4,500')

    await page.getByRole('button', { name: /^Pay/ }).click()
    await page.waitForURL((url) => url.origin === site('beta') && url.searchParams.has('paid'))
    await page.locator('p.notice[role="status"]').waitFor()
    expect(await text(page, 'p.notice[role="status"]')).toBe('Payment received. Your visit is booked.')
    expect(await text(page, '[data-payment]')).toBe('Paid ¥4,500 — receipt')
    // Stripe was asked for 4500 yen: not 450,000 (yen have no cents).
    const completed = double.events.find((e) => e.type === 'checkout.session.completed' && (e.data.object as { id: string }).id === session)
    expect(completed?.data.object).toMatchObject({ amount_total: 4500, currency: 'jpy' })

    await page.getByRole('link', { name: 'receipt' }).click()
    await page.getByRole('heading', { level: 1, name: /^Receipt #\d+$/ }).waitFor()
    expect(await text(page, 'main')).toContain('Amount ¥4,500 Currency JPY')
    expect(await text(page, 'dl.totals')).toBe('Paid ¥4,500 Amount refunded ¥0 Net paid ¥4,500')
    await screenshotBoth(page, 'payment-receipt-jpy')
    await page.context().close()
  })
})
