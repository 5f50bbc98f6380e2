/**
 * Paying when booking, through Stripe Checkout: the platform against a double of
 * Stripe's API driven by the real `stripe` client, with webhooks signed as Stripe
 * signs them. The visit is booked only once paid, through the database-guarded
 * booking path; webhooks are verified, stored once and applied as jobs (in any
 * order, after a crash); a payment for a time someone else took meanwhile is
 * refunded at once; checkouts whose webhook never came are reconciled.
 */
import type { Payload, Where } from 'payload'
import Stripe from 'stripe'
import { startStripeDouble, type StripeDouble } from '@telemed/plugin-payments-stripe/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { reconcileOpenCheckouts } from '../src/payments/reconcile.ts'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

const HOUR = 3_600_000
const KEY = 'sk_test_alphaClinic000000000000'
const WEBHOOK_SECRET = 'whsec_alphaClinicEndpoint000000000'
let double: StripeDouble
let server: TestServer
let world: World
let payload: Payload
let patient: Client
let otherPatient: Client
let admin: Client
let slot = Math.ceil((Date.now() + 72 * HOUR) / HOUR) * HOUR
let webhookUrl: string

beforeAll(async () => {
  double = await startStripeDouble()
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false', STRIPE_API_URL: double.url }))
  payload = server.payload
  await openAllWeek(payload, world.alpha.doctor, { consultationFee: 45, visitMinutes: 30 })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  otherPatient = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
  // The clinic connects its own Stripe account, as its admin does in the admin panel.
  const connected = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, {
    providers: { payments: 'stripe' },
    pluginSettings: { paymentsStripe: { secretKey: KEY, webhookSecret: WEBHOOK_SECRET } },
    paymentPolicy: { payWhenBooking: true },
    bookingPolicy: { maxUpcomingVisits: 100, maxActiveHolds: 10 },
  })
  expect(connected.status, JSON.stringify(connected.body)).toBe(200)
  const slug = (await payload.findByID({ collection: 'tenants', id: world.alpha.id, depth: 0 })).slug
  webhookUrl = `${server.url}/api/plugins/payments-stripe/webhook?clinic=${slug}`
  double.endpoint(KEY, { url: webhookUrl, secret: WEBHOOK_SECRET })
})
afterAll(async () => {
  await server?.close()
  await double?.close()
})
beforeEach(() => double.release())

const payments = async (where: Where = {}) =>
  (await payload.find({ collection: 'payments', where, depth: 0, limit: 0, overrideAccess: true, sort: 'createdAt' })).docs
const paymentById = (id: number) => payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true })
const visit = (id: number) => payload.findByID({ collection: 'appointments', id, depth: 0, overrideAccess: true, disableErrors: true })
/** Applies what the webhooks stored, as the jobs runner does. */
const runJobs = async () => {
  await double.settled()
  await payload.jobs.run({ allQueues: true })
}

/** Holds the next free hour for `who` and opens its payment page. */
async function holdAndCheckout(who: Client = patient, start = (slot += HOUR)) {
  const held = await who.request(
    'POST',
    '/api/appointments/hold',
    { doctor: world.alpha.doctor, start: new Date(start).toISOString() },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(held.status, JSON.stringify(held.body)).toBe(201)
  const checkout = await who.request('POST', '/api/payments/checkout', { hold: held.body.doc.id, reason: 'Follow-up', visitType: 'video' })
  expect(checkout.status, JSON.stringify(checkout.body)).toBe(201)
  return { hold: held.body.doc.id as number, payment: checkout.body.doc, url: checkout.body.url as string, start }
}

describe('booking a paid visit', () => {
  it('is refused without paying (402), and booked once Stripe says it is paid', async () => {
    const refused = await patient.request(
      'POST',
      '/api/appointments/book',
      { doctor: world.alpha.doctor, start: new Date(slot + HOUR).toISOString() },
      { 'Idempotency-Key': crypto.randomUUID() },
    )
    expect(refused.status).toBe(402)
    expect(refused.body.paymentRequired).toBe(true)

    const { hold, payment, url } = await holdAndCheckout()
    expect(url).toBe(`${double.url}/pay/${payment.checkoutId}`)
    expect(payment).toMatchObject({ status: 'open', amount: 4500, currency: 'USD', provider: 'stripe' })
    // The time stays held while the payment page is open.
    expect(Date.parse((await visit(hold))!.holdExpiresAt!)).toBeGreaterThan(Date.now() + 25 * 60_000)
    // Asked again, the same payment and page; Stripe was asked with a key derived from the hold.
    const again = await patient.request('POST', '/api/payments/checkout', { hold })
    expect(again.body.doc.id).toBe(payment.id)
    expect(double.requests.find((r) => r.path === '/v1/checkout/sessions' && r.method === 'POST')?.idempotencyKey).toBe(
      `checkout-hold-${hold}`,
    )

    await double.pay(payment.checkoutId)
    await runJobs()
    expect(await paymentById(payment.id)).toMatchObject({ status: 'paid', paymentRef: expect.stringMatching(/^pi_/) })
    expect(await visit(hold)).toMatchObject({ status: 'confirmed', reason: 'Follow-up', holdExpiresAt: null })
    const receipts = await payments({ id: { equals: payment.id } })
    expect(receipts).toHaveLength(1)
    const messages = await payload.find({
      collection: 'notifications',
      where: { event: { equals: 'payment.receipt' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(messages.docs.some((m) => (m.details as { payment?: number }).payment === payment.id)).toBe(true)
  })

  it('settles at once when the patient comes back, before any webhook, and the webhook then changes nothing', async () => {
    double.holdWebhooks()
    const { hold, payment } = await holdAndCheckout()
    await double.pay(payment.checkoutId)
    const back = await patient.request('POST', `/api/payments/${payment.id}/refresh`, {})
    expect(back.body.doc.status).toBe('paid')
    expect((await visit(hold))!.status).toBe('confirmed')
    await double.release()
    await runJobs()
    expect(await paymentById(payment.id)).toMatchObject({ status: 'paid', amountRefunded: 0 })
  })

  it('frees the time when the patient gives up, or the payment page expires', async () => {
    const given = await holdAndCheckout()
    const abandoned = await patient.request('POST', `/api/payments/${given.payment.id}/abandon`, {})
    expect(abandoned.body.doc.status).toBe('expired')
    expect(await visit(given.hold)).toBeNull()
    expect(await otherPatient.request('POST', `/api/payments/${given.payment.id}/abandon`, {})).toMatchObject({ status: 404 })

    const timedOut = await holdAndCheckout()
    await double.expireNow(timedOut.payment.checkoutId)
    await runJobs()
    expect((await paymentById(timedOut.payment.id)).status).toBe('expired')
    expect(await visit(timedOut.hold)).toBeNull()
  })
})

describe('the webhook', () => {
  const post = (body: string, signature: string) =>
    fetch(webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body })
  const eventBody = JSON.stringify({
    id: 'evt_forged',
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: 'cs_x', object: 'checkout.session', payment_status: 'paid', status: 'complete' } },
  })

  it('refuses a bad signature and a stale timestamp (400), storing nothing', async () => {
    const stored = (await payload.count({ collection: 'payment-events', overrideAccess: true })).totalDocs
    expect((await post(eventBody, 't=1,v1=forged')).status).toBe(400)
    const otherSecret = Stripe.webhooks.generateTestHeaderString({ payload: eventBody, secret: 'whsec_somebodyElse000000000' })
    expect((await post(eventBody, otherSecret)).status).toBe(400)
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: eventBody,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    })
    expect((await post(eventBody, stale)).status).toBe(400)
    expect((await fetch(webhookUrl.replace(/clinic=.*/, 'clinic=nowhere'), { method: 'POST', body: eventBody })).status).toBe(400)
    expect((await payload.count({ collection: 'payment-events', overrideAccess: true })).totalDocs).toBe(stored)
  })

  it('applies an event sent twice once, and events in any order end in the same state', async () => {
    double.holdWebhooks()
    const { hold, payment } = await holdAndCheckout()
    await double.pay(payment.checkoutId)
    const pending = double.pendingEvents()
    expect(pending.map((e) => e.type)).toEqual(expect.arrayContaining(['checkout.session.completed', 'payment_intent.succeeded']))
    // Succeeded before completed, and completed twice.
    for (const event of [...pending].reverse()) await double.deliver(event.id, { times: 2 })
    const completed = pending.find((e) => e.type === 'checkout.session.completed')!
    expect(
      (await payload.count({ collection: 'payment-events', where: { key: { equals: `stripe:${completed.id}` } }, overrideAccess: true }))
        .totalDocs,
    ).toBe(1)
    await runJobs()
    expect(await paymentById(payment.id)).toMatchObject({ status: 'paid' })
    expect((await visit(hold))!.status).toBe('confirmed')
    const history = (await paymentById(payment.id)).history!.filter((h) => h.change.startsWith('Paid'))
    expect(history).toHaveLength(1)
  })

  it('loses nothing when the process stops after answering: the stored event is applied by the next runner', async () => {
    double.holdWebhooks()
    const { hold, payment } = await holdAndCheckout()
    await double.pay(payment.checkoutId)
    const completed = double.pendingEvents().find((e) => e.type === 'checkout.session.completed')!
    const [delivery] = await double.deliver(completed.id)
    expect(delivery!.status).toBe(200)
    // Answered 200, not applied yet: the event and its job are in the database, whatever happens to this process.
    const stored = await payload.find({
      collection: 'payment-events',
      where: { key: { equals: `stripe:${completed.id}` } },
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.docs[0]).toMatchObject({ processedAt: null })
    expect((await paymentById(payment.id)).status).toBe('open')
    await payload.jobs.run({ allQueues: true })
    expect((await paymentById(payment.id)).status).toBe('paid')
    expect((await visit(hold))!.status).toBe('confirmed')
  })
})

describe('money never lost, never taken twice', () => {
  it('refunds at once a payment for a time someone else booked meanwhile: one visit, no double booking', async () => {
    const start = (slot += HOUR)
    const first = await holdAndCheckout(patient, start)
    // The first patient's hold ran out (as if the payment page had been left open past it)…
    await payload.db.updateOne({
      collection: 'appointments',
      id: first.hold,
      data: { holdExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    // …and the second patient holds the same time, pays and is booked.
    const second = await holdAndCheckout(otherPatient, start)
    await double.pay(second.payment.checkoutId)
    await runJobs()
    expect((await visit(second.hold))!.status).toBe('confirmed')
    // Then the first patient pays too.
    await double.pay(first.payment.checkoutId)
    await runJobs()
    expect(await paymentById(first.payment.id)).toMatchObject({ status: 'refunded', amountRefunded: 4500 })
    const blocking = await payload.count({
      collection: 'appointments',
      where: {
        and: [
          { doctor: { equals: world.alpha.doctor } },
          { start: { equals: new Date(start).toISOString() } },
          { blocking: { equals: true } },
        ],
      },
      overrideAccess: true,
    })
    expect(blocking.totalDocs).toBe(1)
    expect(double.requests.filter((r) => r.path === '/v1/refunds' && r.method === 'POST' && r.status === 200)).toHaveLength(1)
    const told = await payload.find({
      collection: 'notifications',
      where: { and: [{ event: { equals: 'payment.refund' } }, { recipient: { equals: world.alpha.patient.id } }] },
      depth: 0,
      overrideAccess: true,
    })
    expect(told.docs.some((m) => (m.details as { payment?: number }).payment === first.payment.id)).toBe(true)
  })

  it('refunds in full a payment made after its held visit was cancelled, and books nothing', async () => {
    const { hold, payment } = await holdAndCheckout()
    expect((await patient.request('POST', `/api/appointments/${hold}/cancel`, { reason: 'Changed my mind' })).status).toBe(200)
    // The payment page was still open in another tab.
    await double.pay(payment.checkoutId)
    await runJobs()
    expect(await paymentById(payment.id)).toMatchObject({ status: 'refunded', amountRefunded: 4500 })
    expect((await visit(hold))!.status).toBe('cancelled')
  })

  it('settles a paid checkout whose webhook never came, by reconciling with Stripe', async () => {
    double.holdWebhooks()
    const { hold, payment } = await holdAndCheckout()
    await double.pay(payment.checkoutId)
    const long = new Date(Date.now() - 5 * 60_000).toISOString()
    await payload.db.updateOne({ collection: 'payments', id: payment.id, data: { createdAt: long } })
    expect(await reconcileOpenCheckouts(payload)).toBeGreaterThanOrEqual(1)
    expect((await paymentById(payment.id)).status).toBe('paid')
    expect((await visit(hold))!.status).toBe('confirmed')
  })

  it('refunds by hand through Stripe once per key, then the patient’s cancellation by the policy; Stripe’s refund events change nothing more', async () => {
    const { hold, payment } = await holdAndCheckout()
    await double.pay(payment.checkoutId)
    await runJobs()
    const key = crypto.randomUUID()
    const half = await admin.request(
      'POST',
      `/api/payments/${payment.id}/refund`,
      { amount: 2250, reason: 'Half, as agreed' },
      { 'Idempotency-Key': key },
    )
    expect(half.body.doc).toMatchObject({ status: 'partially-refunded', amountRefunded: 2250 })
    await admin.request(
      'POST',
      `/api/payments/${payment.id}/refund`,
      { amount: 2250, reason: 'Half, as agreed' },
      { 'Idempotency-Key': key },
    )
    await runJobs()
    expect((await paymentById(payment.id)).refunds).toHaveLength(1)
    // Cancelled well before the cutoff: the rest comes back.
    expect((await patient.request('POST', `/api/appointments/${hold}/cancel`, { reason: 'Plans changed' })).status).toBe(200)
    await runJobs()
    await runJobs()
    expect(await paymentById(payment.id)).toMatchObject({ status: 'refunded', amountRefunded: 4500 })
    expect((await paymentById(payment.id)).refunds).toHaveLength(2)
  })

  it('never shows a clinic’s Stripe keys, not even to its admins', async () => {
    const read = await admin.request('GET', `/api/tenants/${world.alpha.id}`)
    expect(JSON.stringify(read.body)).not.toContain(KEY)
    expect(JSON.stringify(read.body)).not.toContain(WEBHOOK_SECRET)
    const list = await patient.request('GET', '/api/payments?limit=100&depth=0')
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.body.docs.every((p: { patient: number }) => p.patient === world.alpha.patient.id)).toBe(true)
  })
})
