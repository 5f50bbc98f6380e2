/**
 * Payments in the admin panel, for the clinics' admins:
 * - totals (`GET /api/payments/totals`): what the clinics an admin sees took
 *   between two dates, each clinic's days in its own zone, per currency in its
 *   minor units (USD, JPY, KWD): paid, refunded, net; a clinic admin sees their
 *   clinic's only, patients and doctors nothing;
 * - in Chromium on the seeded product (real server process, built admin panel):
 *   a patient's booking leaves an invoice due; the clinic's admin marks it paid
 *   and refunds half of it with a reason from the payment's page (a double-click
 *   refunds once), and reads the totals above the list.
 * The Chromium part needs `npm run build` first (the test script's pretest does it).
 */
import { join } from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import type { Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseMajor } from '../src/admin/payments/labels.ts'
import { paymentTotalsOf, type ClinicScope } from '../src/payments/endpoints/totals.ts'
import { client, signIn, type Client } from './support/http.ts'
import { SCREENSHOTS, apiToken, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type ClinicWorld, type World } from './support/world.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const WAIT = { timeout: 10_000 }
const ENV_BEFORE = { ...process.env }
const isoDay = (instant: number) => new Date(instant).toISOString().slice(0, 10)

describe('an amount typed in the main unit', () => {
  it('is read in minor units with the currency’s own decimals', () => {
    expect(parseMajor('22.50', 'USD')).toEqual({ minor: 2250 })
    expect(parseMajor(' 22.5 ', 'USD')).toEqual({ minor: 2250 })
    expect(parseMajor('0.29', 'USD')).toEqual({ minor: 29 })
    expect(parseMajor('4500', 'JPY')).toEqual({ minor: 4500 })
    expect(parseMajor('12.345', 'KWD')).toEqual({ minor: 12345 })
    expect(parseMajor('22.505', 'USD')).toEqual({ problem: 'USD has at most 2 decimals.' })
    expect(parseMajor('45.5', 'JPY')).toEqual({ problem: 'JPY has no decimals.' })
    expect(parseMajor('0', 'USD')).toEqual({ problem: 'Refund more than nothing.' })
    for (const typed of ['', '-5', '1e3', '22,50', 'abc']) expect(parseMajor(typed, 'USD')).toHaveProperty('problem')
  })
})

describe('payment totals', () => {
  let server: TestServer
  let world: World
  let payload: Payload
  let slot = Math.ceil((Date.now() + 72 * HOUR) / HOUR) * HOUR
  /** Today ± a day: what was paid during the test, whatever the clinic's zone and the month. */
  const now = `from=${isoDay(Date.now() - DAY)}&to=${isoDay(Date.now() + DAY)}`
  const as: Record<string, Client> = {}

  beforeAll(async () => {
    ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
    payload = server.payload
    for (const clinic of [world.alpha, world.beta]) {
      await openAllWeek(payload, clinic.doctor, { consultationFee: 45, visitMinutes: 30 })
      await payload.update({
        collection: 'tenants',
        id: clinic.id,
        data: { bookingPolicy: { maxUpcomingVisits: 100 } },
        overrideAccess: true,
      })
    }
    for (const [name, email] of Object.entries({
      root: world.platformAdmin.email,
      alphaAdmin: world.alpha.admin.email,
      betaAdmin: world.beta.admin.email,
      alphaPatient: world.alpha.patient.email,
      betaPatient: world.beta.patient.email,
      alphaDoctor: world.alpha.doctorUser.email,
    }))
      as[name] = await signIn(server.url, email, PASSWORD)
  }, 120_000)
  afterAll(async () => {
    await server?.close()
    // The test server set its variables in this process (INTERNAL_API_URL, PAYLOAD_SECRET, …): none reaches the seeded product's.
    for (const name of Object.keys(process.env)) if (!(name in ENV_BEFORE)) delete process.env[name]
    Object.assign(process.env, ENV_BEFORE)
  })

  /** The clinic's first patient books its first doctor's next free hour; the payment written for it (an invoice due). */
  async function invoice(clinic: ClinicWorld) {
    const patient = clinic === world.alpha ? as.alphaPatient! : as.betaPatient!
    const res = await patient.request(
      'POST',
      '/api/appointments/book',
      { doctor: clinic.doctor, start: new Date((slot += HOUR)).toISOString(), visitType: 'video' },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const { docs } = await payload.find({
      collection: 'payments',
      where: { appointment: { equals: res.body.doc.id } },
      overrideAccess: true,
    })
    expect(docs[0]).toMatchObject({ status: 'due' })
    return { visit: res.body.doc.id as number, payment: docs[0]!.id }
  }
  const adminOf = (clinic: ClinicWorld) => (clinic === world.alpha ? as.alphaAdmin! : as.betaAdmin!)
  async function paid(clinic: ClinicWorld, refunds: number[] = []) {
    const { payment } = await invoice(clinic)
    expect((await adminOf(clinic).request('POST', `/api/payments/${payment}/mark-paid`, {})).status).toBe(200)
    for (const amount of refunds) {
      const res = await adminOf(clinic).request(
        'POST',
        `/api/payments/${payment}/refund`,
        { amount, reason: 'As agreed' },
        { 'Idempotency-Key': crypto.randomUUID() },
      )
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    return payment
  }
  const setClinic = (clinic: ClinicWorld, data: { currency?: string; timeZone?: string }) =>
    payload.update({ collection: 'tenants', id: clinic.id, data, overrideAccess: true })
  const setFee = (clinic: ClinicWorld, consultationFee: number) =>
    payload.update({ collection: 'doctors', id: clinic.doctor, data: { consultationFee }, overrideAccess: true })
  const totals = async (who: Client, query: string) => {
    const res = await who.request('GET', `/api/payments/totals?${query}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.totals
  }

  beforeAll(async () => {
    // Alpha, in dollars: paid in full, paid and refunded in part (twice), paid and refunded in full;
    // an invoice still due and a cancelled one, which took nothing.
    await paid(world.alpha)
    await paid(world.alpha, [1000, 250])
    await paid(world.alpha, [4500])
    await invoice(world.alpha)
    const { visit } = await invoice(world.alpha)
    expect((await as.alphaPatient!.request('POST', `/api/appointments/${visit}/cancel`, { reason: 'Plans changed' })).status).toBe(200)
    // Beta, in yen (no decimals), then in Kuwaiti dinars (three): each payment keeps its own currency.
    await setClinic(world.beta, { currency: 'JPY' })
    await setFee(world.beta, 4500)
    await paid(world.beta, [1000])
    await paid(world.beta)
    await setClinic(world.beta, { currency: 'KWD' })
    await setFee(world.beta, 12.345)
    await paid(world.beta, [5])
  }, 120_000)

  const ALPHA_USD = { currency: 'USD', count: 3, paid: 13500, refunded: 5750, net: 7750 }
  const BETA = [
    { currency: 'JPY', count: 2, paid: 9000, refunded: 1000, net: 8000 },
    { currency: 'KWD', count: 1, paid: 12345, refunded: 5, net: 12340 },
  ]

  it('sums what was paid and refunded per currency in its minor units, for all clinics to a platform admin', async () => {
    expect(await totals(as.root!, now)).toEqual([...BETA, ALPHA_USD])
  })

  it('adds up to the payments less their refunds, as stored', async () => {
    const { docs } = await payload.find({
      collection: 'payments',
      where: { status: { in: ['paid', 'partially-refunded', 'refunded'] } },
      limit: 0,
      overrideAccess: true,
    })
    const byCurrency = new Map<string, { paid: number; refunded: number }>()
    for (const p of docs) {
      const sum = byCurrency.get(p.currency) ?? { paid: 0, refunded: 0 }
      sum.paid += p.amount
      sum.refunded += (p.refunds ?? []).filter((r) => r.status !== 'failed').reduce((n, r) => n + r.amount, 0)
      byCurrency.set(p.currency, sum)
    }
    for (const row of await totals(as.root!, now))
      expect(row).toMatchObject({
        ...byCurrency.get(row.currency),
        net: byCurrency.get(row.currency)!.paid - byCurrency.get(row.currency)!.refunded,
      })
  })

  it("shows a clinic's admin their clinic only, also when they name another", async () => {
    expect(await totals(as.alphaAdmin!, now)).toEqual([ALPHA_USD])
    expect(await totals(as.betaAdmin!, now)).toEqual(BETA)
    expect(await totals(as.betaAdmin!, `${now}&clinic=${world.beta.id}`)).toEqual(BETA)
    expect((await as.alphaAdmin!.request('GET', `/api/payments/totals?${now}&clinic=${world.beta.id}`)).status).toBe(403)
    expect(await totals(as.root!, `${now}&clinic=${world.alpha.id}`)).toEqual([ALPHA_USD])
  })

  it('is refused to patients and doctors (403) and to nobody signed in (401)', async () => {
    expect((await as.alphaPatient!.request('GET', `/api/payments/totals?${now}`)).status).toBe(403)
    expect((await as.alphaDoctor!.request('GET', `/api/payments/totals?${now}`)).status).toBe(403)
    expect((await client(server.url).request('GET', `/api/payments/totals?${now}`)).status).toBe(401)
  })

  it("counts a payment on the day it was paid in its clinic's zone, both dates included", async () => {
    await setClinic(world.beta, { timeZone: 'Asia/Tokyo' })
    const at = async (paidAt: string, amount: number) => {
      const { payment } = await invoice(world.beta)
      await payload.update({ collection: 'payments', id: payment, data: { status: 'paid', paidAt, amount }, overrideAccess: true })
    }
    // 1 Dec 2025, 00:30 in Tokyo; 31 Dec, 23:30; 1 Jan 2026, 00:30 (outside); 30 Nov, 23:30 (outside).
    await at('2025-11-30T15:30:00.000Z', 1)
    await at('2025-12-31T14:30:00.000Z', 10)
    await at('2025-12-31T15:30:00.000Z', 100)
    await at('2025-11-30T14:30:00.000Z', 1000)
    expect(await totals(as.betaAdmin!, 'from=2025-12-01&to=2025-12-31')).toEqual([
      { currency: 'KWD', count: 2, paid: 11, refunded: 0, net: 11 },
    ])
    expect(await totals(as.betaAdmin!, 'from=2025-12-31&to=2025-12-31')).toEqual([
      { currency: 'KWD', count: 1, paid: 10, refunded: 0, net: 10 },
    ])
    // Alpha's days are UTC's: all four were paid in December there, and none was alpha's.
    expect(await totals(as.alphaAdmin!, 'from=2025-12-01&to=2025-12-31')).toEqual([])
  })

  it('sums the same in SQL as from the payments one by one (MongoDB’s way)', async () => {
    const scopes: ClinicScope[] = [
      { clinics: [world.alpha.id], start: new Date(Date.now() - DAY).toISOString(), end: new Date(Date.now() + DAY).toISOString() },
      { clinics: [world.beta.id], start: '2025-11-01T00:00:00.000Z', end: new Date(Date.now() + DAY).toISOString() },
    ]
    const req = { payload } as PayloadRequest
    const inSql = await paymentTotalsOf(req, scopes)
    expect(inSql.map((t) => t.currency)).toEqual(['JPY', 'KWD', 'USD'])
    expect(await paymentTotalsOf(req, scopes, false)).toEqual(inSql)
    expect(await paymentTotalsOf(req, [])).toEqual([])
  })

  it("defaults to this month in the clinic's zone, and says which dates it summed", async () => {
    const res = await as.alphaAdmin!.request('GET', '/api/payments/totals')
    const today = new Date()
    const first = `${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-01`
    const last = isoDay(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0))
    expect(res.body).toMatchObject({ from: first, to: last })
  })

  it('refuses dates it cannot read, a range backwards and more than a year at once', async () => {
    const ask = async (query: string) => {
      const res = await as.root!.request('GET', `/api/payments/totals?${query}`)
      return [res.status, res.body.errors?.[0]?.path]
    }
    expect(await ask('from=yesterday&to=2026-01-01')).toEqual([400, 'from'])
    expect(await ask('from=2026-01-01&to=2026-02-30')).toEqual([400, 'to'])
    expect(await ask('from=2026-02-01&to=2026-01-31')).toEqual([400, 'to'])
    // 367 days; a leap year's 366 are fine.
    expect(await ask('from=2025-01-01&to=2026-01-02')).toEqual([400, 'to'])
    expect((await as.root!.request('GET', '/api/payments/totals?from=2024-01-01&to=2024-12-31')).status).toBe(200)
  })
})

describe('a payment in the admin panel', () => {
  let product: SeededProduct
  let page: Page
  let admin: Client
  let payment: number

  beforeAll(async () => {
    product = await startSeededProduct()
    // Alice books Dr. Ana Ruiz ($90) on Northwind's site, as the site does: the visit is booked and an invoice is due.
    const alice = client(product.server.url, await apiToken(product, 'alice@demo.test'))
    admin = client(product.server.url, await apiToken(product, 'admin@northwind.demo.test'))
    const ana = (await admin.request('GET', `/api/doctors?where[displayName][equals]=${encodeURIComponent('Dr. Ana Ruiz')}&depth=0`)).body
      .docs[0]
    const from = Date.now() + 2 * DAY
    const { slots } = (await alice.request('GET', `/api/doctors/${ana.id}/slots?from=${new Date(from).toISOString()}`)).body
    expect(slots.length).toBeGreaterThan(0)
    const booked = await alice.request(
      'POST',
      '/api/appointments/book',
      { doctor: ana.id, start: slots[0].start, visitType: 'video', reason: 'Follow-up' },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const found = await admin.request('GET', `/api/payments?where[appointment][equals]=${booked.body.doc.id}&depth=0`)
    expect(found.body.docs[0]).toMatchObject({ status: 'due', amount: 9000, currency: 'USD', provider: 'desk' })
    payment = found.body.docs[0].id
  }, 240_000)
  afterAll(() => product?.stop())

  /** A window of the admin panel signed in as `email` through the API (Payload sets its cookie), then on `path`. */
  async function adminPage(email: string, path: string): Promise<Page> {
    const page = await product.browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.setDefaultTimeout(WAIT.timeout)
    // The first visit to a view of the panel loads its code on the server.
    page.setDefaultNavigationTimeout(20_000)
    const login = await page.request.post(`${product.env.PUBLIC_URL}/api/users/login`, { data: { email, password: 'demo-password' } })
    expect(login.status(), await login.text()).toBe(200)
    await page.goto(`${product.env.PUBLIC_URL}${path}`, { waitUntil: 'networkidle' })
    return page
  }
  const box = () => page.locator('[data-payment-actions]')
  const money = async () =>
    Object.fromEntries(
      await Promise.all(['amount', 'refunded', 'net'].map(async (n) => [n, await box().locator(`[data-money="${n}"]`).innerText()])),
    )
  const stored = async () => (await admin.request('GET', `/api/payments/${payment}?depth=0`)).body

  it('shows the invoice due with its money in dollars and "Mark paid"', async () => {
    page = await adminPage('admin@northwind.demo.test', `/admin/collections/payments/${payment}`)
    await box().waitFor()
    expect(await box().locator('[data-payment-status]').innerText()).toBe('Due at the clinic')
    expect(await money()).toEqual({ amount: '$90.00', refunded: '$0.00', net: '$90.00' })
    expect(await box().locator('[data-refund]').count()).toBe(0)
    expect(await box().locator('[data-disputed]').count()).toBe(0)
  })

  it('marks it paid, then offers a refund of what is left', async () => {
    await box().getByRole('button', { name: 'Mark paid' }).click()
    await expect.poll(() => box().locator('[data-payment-outcome]').innerText(), WAIT).toBe('Marked paid.')
    expect(await box().locator('[data-payment-status]').innerText()).toBe('Paid')
    expect(await box().getByRole('button', { name: 'Mark paid' }).count()).toBe(0)
    expect(await box().getByLabel('Amount (USD)').inputValue()).toBe('90.00')
    expect(await stored()).toMatchObject({ status: 'paid', paidAt: expect.any(String) })
  })

  it('asks for a reason, and refuses more than is left, before sending anything', async () => {
    await box().getByLabel('Amount (USD)').fill('45')
    await box().getByRole('button', { name: 'Refund $45.00' }).click()
    expect(await box().locator('[role="alert"]').innerText()).toContain('Say why in a few words')
    await box().getByLabel('Amount (USD)').fill('90.01')
    await box().getByRole('button', { name: 'Refund', exact: true }).click()
    expect(await box().locator('[role="alert"]').innerText()).toBe('At most $90.00 is left to refund.')
    expect((await stored()).refunds ?? []).toEqual([])
  })

  it('refunds half once with a reason, even double-clicked, and shows it partially refunded', async () => {
    const keys: string[] = []
    const onRequest = (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/payments/${payment}/refund`))
        keys.push(request.headers()['idempotency-key']!)
    }
    page.on('request', onRequest)
    await box().getByLabel('Amount (USD)').fill('45.00')
    await box().getByLabel('Reason').fill('The visit started 20 minutes late')
    await box().getByRole('button', { name: 'Refund $45.00' }).dblclick()
    await expect.poll(() => box().locator('[data-payment-outcome]').innerText(), WAIT).toBe('Refunded.')
    page.off('request', onRequest)
    expect(keys.length).toBeGreaterThan(0)
    expect(new Set(keys).size).toBe(1)
    const saved = await stored()
    expect(saved).toMatchObject({ status: 'partially-refunded', amountRefunded: 4500 })
    expect(saved.refunds).toMatchObject([{ amount: 4500, reason: 'The visit started 20 minutes late', status: 'succeeded' }])
    expect(await box().locator('[data-payment-status]').innerText()).toBe('Partially refunded')
    expect(await money()).toEqual({ amount: '$90.00', refunded: '$45.00', net: '$45.00' })
    // The form is ready for the rest, with a new key.
    expect(await box().getByLabel('Amount (USD)').inputValue()).toBe('45.00')
    expect(await box().getByLabel('Reason').inputValue()).toBe('')
    // The payment's own fields below, read again: the status and the refund with its reason.
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 600)
        return page.locator('#field-status').innerText()
      }, WAIT)
      .toContain('Partially refunded')
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 600)
        return page.locator('#field-refunds__0__reason').inputValue()
      }, WAIT)
      .toBe('The visit started 20 minutes late')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.setViewportSize({ width: 1280, height: 844 })
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-payment.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-payment-390.png') })
  })

  it('lists payments with their money in dollars, and the totals above the list', async () => {
    const list = await adminPage('admin@northwind.demo.test', '/admin/collections/payments?limit=100')
    const row = list.locator('tbody tr').filter({ has: list.locator(`a[href$="/collections/payments/${payment}"]`) })
    await expect.poll(async () => (await row.locator('td').allInnerTexts()).join(' | '), WAIT).toContain('$90.00')
    const totals = list.locator('[data-payment-totals]')
    const usd = totals.locator('[data-totals-currency="USD"]')
    await expect.poll(async () => usd.locator('th, td').allInnerTexts(), WAIT).toEqual(['USD', '1', '$90.00', '$45.00', '$45.00'])
    // This month in the clinic's zone, from its first day.
    expect(await totals.locator('input[name="totals-from"]').inputValue()).toMatch(/^\d{4}-\d{2}-01$/)
    // A range with nothing paid in it.
    await totals.locator('input[name="totals-from"]').fill('2020-01-01')
    await totals.locator('input[name="totals-to"]').fill('2020-01-31')
    await totals.locator('[data-totals-empty]').waitFor()
    await totals.locator('input[name="totals-from"]').fill(isoDay(Date.now() - DAY))
    await totals.locator('input[name="totals-to"]').fill(isoDay(Date.now() + DAY))
    await usd.waitFor()
    await list.setViewportSize({ width: 1280, height: 844 })
    await list.screenshot({ path: join(SCREENSHOTS, 'admin-payments-list.png'), fullPage: true })
    await list.close()
  })
})
