import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { pluginsOf, type CheckoutInput } from '@telemed/plugin-sdk'
import { paymentProviderContract } from '@telemed/plugin-sdk/testing'
import { paymentsStripePlugin, stripePlugin } from './index.ts'
import { StripePayments } from './StripePayments.ts'
import { startStripeDouble, type StripeDouble } from './testing/stripeDouble.ts'

const KEY = 'sk_test_51NorthClinic0000000000000000'
const SECRET = 'whsec_northClinicEndpoint00000000000'

/** A webhook as the platform's endpoint receives it: raw bytes and headers. */
type Received = { body: Buffer; headers: IncomingHttpHeaders; event: Stripe.Event }

let double: StripeDouble
let receiver: Server
const received: Received[] = []

beforeAll(async () => {
  double = await startStripeDouble()
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      received.push({ body, headers: req.headers, event: JSON.parse(body.toString()) })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  double.endpoint(KEY, { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`, secret: SECRET })
})
afterAll(async () => {
  await double?.close()
  await new Promise((resolve) => receiver?.close(resolve))
})

const stripe = (overrides: Partial<ConstructorParameters<typeof StripePayments>[0]> = {}) =>
  new StripePayments({ secretKey: KEY, webhookSecret: SECRET, apiUrl: double.url, ...overrides })
const unique = () => Math.random().toString(36).slice(2, 10)
const input = (over: Partial<CheckoutInput> = {}): CheckoutInput => ({
  reference: `pay-${unique()}`,
  amount: 4500,
  currency: 'usd',
  description: 'Video visit at North Clinic',
  customerEmail: 'maya@example.com',
  successUrl: 'https://north.example/appointments/1?paid={CHECKOUT_SESSION_ID}',
  cancelUrl: 'https://north.example/book',
  expiresAt: new Date(Date.now() + 45 * 60_000),
  idempotencyKey: `checkout-${unique()}`,
  ...over,
})

/** Headers as the platform's endpoint reads them. */
const headerOf = (headers: Record<string, string | string[] | undefined>) => (name: string) => {
  const value = headers[name.toLowerCase()]
  return typeof value === 'string' ? value : null
}
/** The webhooks received of one type about one object, once the double has sent what it made. */
async function webhooks(type: string, objectId: string): Promise<Received[]> {
  await double.settled()
  return received.filter((r) => r.event.type === type && (r.event.data.object as { id: string }).id === objectId)
}
/** An event signed as Stripe signs it, for kinds the double does not make (delayed payment methods, failed refunds). */
function signed(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event, null, 2)
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp })
  return { body: Buffer.from(payload), header: headerOf({ 'stripe-signature': signature }) }
}
/** A Stripe object read straight from the double's API. */
async function read<T>(path: string): Promise<T> {
  const response = await fetch(`${double.url}${path}`, { headers: { Authorization: `Bearer ${KEY}` } })
  return (await response.json()) as T
}
async function page(url: string, action?: 'pay' | 'decline' | 'abandon') {
  const response = await fetch(url, {
    redirect: 'manual',
    ...(action && { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `action=${action}` }),
  })
  return { status: response.status, location: response.headers.get('location'), html: await response.text() }
}

paymentProviderContract(
  'Stripe',
  () => stripe(),
  async (_provider, checkoutId) => {
    await double.pay(checkoutId)
  },
)

describe('Stripe Checkout through the real stripe client', () => {
  it('creates a Checkout Session as asked, sends the idempotency key, and the double replays it', async () => {
    const asked = input()
    const first = await stripe().createCheckout(asked)
    expect(first).toEqual({
      id: expect.stringMatching(/^cs_test_/),
      url: `${double.url}/pay/${first.id}`,
      status: 'open',
      amount: 4500,
      currency: 'usd',
      reference: asked.reference,
      paymentRef: null,
      expiresAt: new Date(Math.floor(asked.expiresAt.getTime() / 1000) * 1000).toISOString(),
    })
    expect((await stripe().createCheckout(asked)).id).toBe(first.id)
    const sent = double.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/checkout/sessions' && r.idempotencyKey === asked.idempotencyKey,
    )
    expect(sent.map((r) => [r.status, r.replayed])).toEqual([
      [200, false],
      [200, true],
    ])

    const session = await read<Stripe.Checkout.Session>(`/v1/checkout/sessions/${first.id}`)
    expect(session).toMatchObject({
      mode: 'payment',
      client_reference_id: asked.reference,
      metadata: { reference: asked.reference },
      customer_email: 'maya@example.com',
      success_url: asked.successUrl,
      cancel_url: asked.cancelUrl,
      amount_total: 4500,
    })

    await expect(stripe().createCheckout({ ...asked, amount: 5000 })).rejects.toThrow(
      /idempotency key was already used for a different request.*same parameters/,
    )
  })

  it('pays on the hosted page: back to success_url, and a signed checkout.session.completed read as checkout.paid', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    const shown = await page(checkout.url!)
    expect(shown.status).toBe(200)
    expect(shown.html).toContain('$45.00')
    expect(shown.html).toContain('Video visit at North Clinic')
    expect(shown.html).toMatch(/Pay[\s\S]*Card declined[\s\S]*Back to the clinic/)

    const paid = await page(checkout.url!, 'pay')
    expect(paid).toMatchObject({ status: 303, location: `https://north.example/appointments/1?paid=${checkout.id}` })
    const now = await provider.retrieveCheckout(checkout.id)
    expect(now).toMatchObject({ status: 'paid', url: null, paymentRef: expect.stringMatching(/^pi_/) })

    const [completed, ...again] = await webhooks('checkout.session.completed', checkout.id)
    expect(again).toHaveLength(0)
    expect(completed!.headers['stripe-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect(await provider.parseWebhook(completed!.body, headerOf(completed!.headers))).toEqual({
      id: completed!.event.id,
      type: 'checkout.paid',
      created: completed!.event.created,
      checkoutId: checkout.id,
      paymentRef: now.paymentRef,
    })
    // Stripe also tells of the PaymentIntent itself: a verified event the platform does not use.
    const [intent] = await webhooks('payment_intent.succeeded', now.paymentRef!)
    expect(await provider.parseWebhook(intent!.body, headerOf(intent!.headers))).toBeNull()
    expect((await page(checkout.url!)).html).toContain('Payment complete')
  })

  it('a declined card is payment.failed and leaves the session open; going back leaves it open too', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    const declined = await page(checkout.url!, 'decline')
    expect(declined.status).toBe(200)
    expect(declined.html).toContain('Your card was declined.')
    const attempt = await provider.retrieveCheckout(checkout.id)
    expect(attempt).toMatchObject({ status: 'open', paymentRef: expect.stringMatching(/^pi_/) })
    const [failed] = await webhooks('payment_intent.payment_failed', attempt.paymentRef!)
    expect(await provider.parseWebhook(failed!.body, headerOf(failed!.headers))).toMatchObject({
      type: 'payment.failed',
      checkoutId: null,
      paymentRef: attempt.paymentRef,
    })

    expect(await page(checkout.url!, 'abandon')).toMatchObject({ status: 303, location: 'https://north.example/book' })
    expect((await provider.retrieveCheckout(checkout.id)).status).toBe('open')
    // Another card on the same page: the same PaymentIntent is paid.
    expect((await page(checkout.url!, 'pay')).status).toBe(303)
    expect(await provider.retrieveCheckout(checkout.id)).toMatchObject({ status: 'paid', paymentRef: attempt.paymentRef })
  })

  it('refuses webhooks that are forged, altered, for another endpoint, or unsigned (throws)', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    await double.pay(checkout.id)
    const [real] = await webhooks('checkout.session.completed', checkout.id)
    const signature = real!.headers['stripe-signature'] as string
    expect(await provider.parseWebhook(real!.body, headerOf(real!.headers))).toMatchObject({ type: 'checkout.paid' })

    const forged = signature.replace(/v1=[0-9a-f]+/, `v1=${'0'.repeat(64)}`)
    await expect(provider.parseWebhook(real!.body, headerOf({ 'stripe-signature': forged }))).rejects.toThrow(/signature does not match/)
    const altered = Buffer.from(real!.body.toString().replace('"amount_total": 4500', '"amount_total": 1'))
    expect(altered.equals(real!.body)).toBe(false)
    await expect(provider.parseWebhook(altered, headerOf(real!.headers))).rejects.toThrow(/signature does not match/)
    const otherClinic = stripe({ webhookSecret: 'whsec_southClinicEndpoint00000000000' })
    await expect(otherClinic.parseWebhook(real!.body, headerOf(real!.headers))).rejects.toThrow(/signature does not match/)
    await expect(provider.parseWebhook(real!.body, () => null)).rejects.toThrow(/no Stripe-Signature header/)
  })

  it('refuses a webhook signed 10 minutes ago (a replay), and takes one of 4 minutes', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    await double.pay(checkout.id)
    const [real] = await webhooks('checkout.session.completed', checkout.id)
    const event = real!.event
    const stale = signed(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })
    const error = await provider.parseWebhook(stale.body, stale.header).then(
      () => null,
      (e: Error) => e,
    )
    expect(error?.message).toMatch(/signed more than 5 minutes ago/)
    expect(error?.message).not.toContain(SECRET.slice(-4))
    const recent = signed(event, { timestamp: Math.floor(Date.now() / 1000) - 240 })
    expect(await provider.parseWebhook(recent.body, recent.header)).toMatchObject({ id: event.id, type: 'checkout.paid' })
  })

  it('refunds once per key, and the refund.created webhook is refund.updated with the amount', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    await double.pay(checkout.id)
    const paymentRef = (await provider.retrieveCheckout(checkout.id)).paymentRef
    const asked = { checkoutId: checkout.id, amount: 1500, reason: 'Visit shortened by the clinic', idempotencyKey: `refund-${unique()}` }
    const refund = await provider.refund(asked)
    expect(refund).toEqual({ id: expect.stringMatching(/^re_/), amount: 1500, status: 'succeeded' })
    expect(await provider.refund(asked)).toEqual(refund)
    expect(
      double.requests.filter((r) => r.path === '/v1/refunds' && r.idempotencyKey === asked.idempotencyKey).map((r) => r.replayed),
    ).toEqual([false, true])
    expect(await read<Stripe.Refund>(`/v1/refunds/${refund.id}`)).toMatchObject({
      amount: 1500,
      payment_intent: paymentRef,
      metadata: { reason: 'Visit shortened by the clinic' },
    })

    const made = await webhooks('refund.created', refund.id)
    expect(made).toHaveLength(1)
    expect(await provider.parseWebhook(made[0]!.body, headerOf(made[0]!.headers))).toEqual({
      id: made[0]!.event.id,
      type: 'refund.updated',
      created: made[0]!.event.created,
      paymentRef,
      refund: { id: refund.id, amount: 1500, status: 'succeeded' },
    })
    await expect(provider.refund({ ...asked, amount: 3001, idempotencyKey: `refund-${unique()}` })).rejects.toThrow(
      /Refund amount \(\$30\.01\) is greater than unrefunded amount on charge \(\$30\.00\) \(amount_too_large/,
    )
  })

  it('reads refund statuses in the platform’s words: updated, failed, waiting on the patient, canceled', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    await double.pay(checkout.id)
    const refund = await provider.refund({ checkoutId: checkout.id, amount: 100, reason: 'x', idempotencyKey: `refund-${unique()}` })
    const [created] = await webhooks('refund.created', refund.id)
    const as = async (type: string, status: string) => {
      const { body, header } = signed({
        ...created!.event,
        id: `evt_${unique()}`,
        type,
        data: { object: { ...created!.event.data.object, status } },
      })
      return (await provider.parseWebhook(body, header))?.refund?.status
    }
    expect(await as('refund.updated', 'pending')).toBe('pending')
    expect(await as('refund.updated', 'requires_action')).toBe('pending')
    expect(await as('refund.failed', 'failed')).toBe('failed')
    expect(await as('refund.updated', 'canceled')).toBe('failed')
    expect(await as('refund.updated', 'succeeded')).toBe('succeeded')
  })

  it('a dispute is dispute.opened, and a disputed payment is not refunded', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    await double.pay(checkout.id)
    const { paymentRef } = await provider.retrieveCheckout(checkout.id)
    const dispute = await double.openDispute(paymentRef!)
    const [opened] = await webhooks('charge.dispute.created', dispute.id)
    expect(await provider.parseWebhook(opened!.body, headerOf(opened!.headers))).toEqual({
      id: opened!.event.id,
      type: 'dispute.opened',
      created: opened!.event.created,
      paymentRef,
    })
    await expect(
      provider.refund({ checkoutId: checkout.id, amount: 100, reason: 'x', idempotencyKey: `refund-${unique()}` }),
    ).rejects.toThrow(/charged back; cannot issue a refund\. \(charge_disputed/)
  })

  it('closes a checkout: checkout.session.expired is checkout.expired; a paid one is left alone without asking Stripe', async () => {
    const provider = stripe()
    const open = await provider.createCheckout(input())
    expect(await provider.expireCheckout(open.id)).toMatchObject({ status: 'expired', url: null })
    const [expired] = await webhooks('checkout.session.expired', open.id)
    expect(await provider.parseWebhook(expired!.body, headerOf(expired!.headers))).toMatchObject({
      type: 'checkout.expired',
      checkoutId: open.id,
      paymentRef: null,
    })
    // Closed already: returned as it is, with no second call to Stripe.
    expect((await provider.expireCheckout(open.id)).status).toBe('expired')
    expect(double.requests.filter((r) => r.path === `/v1/checkout/sessions/${open.id}/expire`)).toHaveLength(1)

    const paid = await provider.createCheckout(input())
    await double.pay(paid.id)
    expect((await provider.expireCheckout(paid.id)).status).toBe('paid')
    expect(double.requests.filter((r) => r.path === `/v1/checkout/sessions/${paid.id}/expire`)).toHaveLength(0)
  })

  it('a session past its expires_at reads as expired, sends checkout.session.expired once, and closing it then is no error', async () => {
    let clock = Date.now()
    let now = () => clock
    const timed = await startStripeDouble({ now: () => now() })
    try {
      const provider = stripe({ apiUrl: timed.url })
      const checkout = await provider.createCheckout(input({ expiresAt: new Date(clock + 31 * 60_000) }))
      clock += 30 * 60_000
      expect((await provider.retrieveCheckout(checkout.id)).status).toBe('open')
      clock += 2 * 60_000
      expect((await provider.retrieveCheckout(checkout.id)).status).toBe('expired')
      expect((await provider.retrieveCheckout(checkout.id)).status).toBe('expired')
      expect(timed.events.filter((e) => e.type === 'checkout.session.expired').map((e) => (e.data.object as { id: string }).id)).toEqual([
        checkout.id,
      ])
      await expect(timed.pay(checkout.id)).rejects.toThrow(/is expired: it cannot be paid/)

      // Closed by its time between the provider's read and its call to expire it: Stripe refuses, the provider reads it again.
      const raced = await provider.createCheckout(input({ expiresAt: new Date(clock + 40 * 60_000) }))
      const read = () => timed.requests.some((r) => r.method === 'GET' && r.path === `/v1/checkout/sessions/${raced.id}`)
      const after = clock
      now = () => (read() ? after + 41 * 60_000 : after)
      expect(await provider.expireCheckout(raced.id)).toMatchObject({ id: raced.id, status: 'expired' })
      expect(timed.requests.filter((r) => r.path.startsWith(`/v1/checkout/sessions/${raced.id}`)).map((r) => [r.method, r.status])).toEqual(
        [
          ['GET', 200],
          ['POST', 400],
          ['GET', 200],
        ],
      )
    } finally {
      await timed.close()
    }
  })

  it('reads delayed payments: completed unpaid is not paid yet; async succeeded is paid; async failed is payment.failed', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    await double.pay(checkout.id)
    const session = await read<Stripe.Checkout.Session>(`/v1/checkout/sessions/${checkout.id}`)
    const event = (type: string, object: Partial<Stripe.Checkout.Session>) =>
      signed({ id: `evt_${unique()}`, object: 'event', created: 1_800_000_000, type, data: { object: { ...session, ...object } } })
    const parse = ({ body, header }: ReturnType<typeof signed>) => provider.parseWebhook(body, header)

    expect(await parse(event('checkout.session.completed', { payment_status: 'unpaid' }))).toBeNull()
    expect(await parse(event('checkout.session.async_payment_succeeded', { payment_status: 'paid' }))).toMatchObject({
      type: 'checkout.paid',
      created: 1_800_000_000,
      checkoutId: checkout.id,
      paymentRef: session.payment_intent,
    })
    expect(await parse(event('checkout.session.async_payment_failed', { payment_status: 'unpaid' }))).toMatchObject({
      type: 'payment.failed',
      checkoutId: checkout.id,
      paymentRef: session.payment_intent,
    })
    // An expanded PaymentIntent is read by its id.
    const expanded = { id: session.payment_intent as string, object: 'payment_intent' } as Stripe.PaymentIntent
    expect(await parse(event('checkout.session.async_payment_succeeded', { payment_intent: expanded }))).toMatchObject({
      paymentRef: session.payment_intent,
    })
  })

  it('takes yen, a currency without minor units, as they are', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input({ amount: 5000, currency: 'JPY' }))
    expect(checkout).toMatchObject({ amount: 5000, currency: 'jpy' })
    expect(await read<Stripe.Checkout.Session>(`/v1/checkout/sessions/${checkout.id}`)).toMatchObject({
      amount_total: 5000,
      currency: 'jpy',
    })
    expect((await page(checkout.url!)).html).toContain('¥5,000')
    await double.pay(checkout.id)
    const refund = await provider.refund({ checkoutId: checkout.id, amount: 1200, reason: 'Partial', idempotencyKey: `refund-${unique()}` })
    expect(refund.amount).toBe(1200)
    await expect(
      provider.refund({ checkoutId: checkout.id, amount: 3801, reason: 'x', idempotencyKey: `refund-${unique()}` }),
    ).rejects.toThrow(/\(¥3,801\) is greater than unrefunded amount on charge \(¥3,800\)/)
  })

  it('says what is wrong in plain words, never with the secret key', async () => {
    const live = 'sk_live_51NorthClinicLiveKey0000000000'
    const refused = await stripe({ secretKey: live })
      .retrieveCheckout('cs_test_x')
      .then(
        () => null,
        (e: Error) => e,
      )
    expect(refused?.message).toMatch(/^Could not read checkout cs_test_x: Stripe refused the secret key \(check it in Clinics/)
    expect(refused?.message).not.toContain(live)

    const checkout = await stripe().createCheckout(input())
    // Each key is its own account: another clinic's key does not see this checkout.
    await expect(stripe({ secretKey: 'sk_test_51SouthClinic0000000000000000' }).retrieveCheckout(checkout.id)).rejects.toThrow(
      `Could not read checkout ${checkout.id}: Stripe refused the request. Stripe said: No such checkout.session: '${checkout.id}' (resource_missing, request req_`,
    )
    await expect(stripe().createCheckout(input({ expiresAt: new Date(Date.now() + 10 * 60_000) }))).rejects.toThrow(
      /must be at least 30 minutes from Checkout Session creation/,
    )
    await expect(stripe().createCheckout(input({ amount: 20 }))).rejects.toThrow(/must add up to at least \$0\.50 usd \(amount_too_small/)
    await expect(stripe().refund({ checkoutId: checkout.id, amount: 100, reason: 'x', idempotencyKey: `r-${unique()}` })).rejects.toThrow(
      `Checkout ${checkout.id} is open, not paid: there is nothing to refund.`,
    )
    const unreachable = await stripe({ apiUrl: 'http://127.0.0.1:9' })
      .retrieveCheckout('cs_test_x')
      .then(
        () => null,
        (e: Error) => e,
      )
    expect(unreachable?.message).toMatch(/^Could not read checkout cs_test_x: Stripe could not be reached/)
  })

  it('holds webhooks for tests: sent later, twice, out of order, each time with the same event id', async () => {
    const provider = stripe()
    const checkout = await provider.createCheckout(input())
    double.holdWebhooks()
    // Whatever happens here, the next tests get their webhooks.
    onTestFinished(() => double.release())
    await double.pay(checkout.id)
    const held = double.pendingEvents()
    expect(held.map((e) => e.type)).toEqual(['payment_intent.succeeded', 'checkout.session.completed'])
    expect(await webhooks('checkout.session.completed', checkout.id)).toHaveLength(0)

    const completed = held[1]!
    const sent = await double.deliver(completed.id, { times: 2 })
    expect(sent.map((d) => d.status)).toEqual([200, 200])
    expect(double.pendingEvents().map((e) => e.type)).toEqual(['payment_intent.succeeded'])
    const twice = await webhooks('checkout.session.completed', checkout.id)
    const parsed = await Promise.all(twice.map((r) => provider.parseWebhook(r.body, headerOf(r.headers))))
    expect(parsed.map((e) => [e?.id, e?.type])).toEqual([
      [completed.id, 'checkout.paid'],
      [completed.id, 'checkout.paid'],
    ])

    await double.release()
    expect(double.pendingEvents()).toEqual([])
    const intentId = (completed.data.object as Stripe.Checkout.Session).payment_intent as string
    expect(await webhooks('payment_intent.succeeded', intentId)).toHaveLength(1)
    // Events made after release go out at once again.
    const next = await provider.createCheckout(input())
    await provider.expireCheckout(next.id)
    expect(await webhooks('checkout.session.expired', next.id)).toHaveLength(1)
  })

  it('records failed deliveries instead of throwing', async () => {
    const key = 'sk_test_51NowhereClinic000000000000000'
    double.endpoint(key, { url: 'http://127.0.0.1:9/webhook', secret: 'whsec_nowhere' })
    const checkout = await stripe({ secretKey: key }).createCheckout(input())
    await double.pay(checkout.id)
    const failed = double.deliveries.filter((d) => d.url === 'http://127.0.0.1:9/webhook')
    expect(failed.map((d) => d.type)).toEqual(['payment_intent.succeeded', 'checkout.session.completed'])
    expect(failed.every((d) => d.status === null && d.error)).toBe(true)
  })
})

describe('the Stripe double answers like Stripe', () => {
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${double.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body,
    })
    return {
      status: response.status,
      headers: response.headers,
      json: (await response.json()) as { error?: Stripe.StripeRawError } & Record<string, unknown>,
    }
  }
  const session = (extra = '') =>
    `mode=payment&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=4500` +
    `&line_items[0][price_data][product_data][name]=Visit&success_url=https%3A%2F%2Fa.example%2Fok${extra}`

  it('refuses calls without a test mode key', async () => {
    const none = await call('GET', '/v1/checkout/sessions/cs_test_x', undefined, { Authorization: '' })
    expect(none.status).toBe(401)
    expect(none.json.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringMatching(/^You did not provide an API key/),
    })
    const bad = await call('GET', '/v1/checkout/sessions/cs_test_x', undefined, { Authorization: 'Bearer sk_live_abcdef1234' })
    expect(bad.status).toBe(401)
    expect(bad.json.error?.message).toMatch(/^Invalid API Key provided: sk_live_\*\*\*\*1234/)
  })

  it('validates parameters like Stripe, with the parameter named', async () => {
    const unknown = await call('POST', '/v1/checkout/sessions', session('&colour=blue'))
    expect(unknown.status).toBe(400)
    expect(unknown.json.error).toMatchObject({ code: 'parameter_unknown', param: 'colour', message: 'Received unknown parameter: colour' })
    const missing = await call('POST', '/v1/checkout/sessions', 'mode=payment')
    expect(missing.json.error).toMatchObject({
      code: 'parameter_missing',
      param: 'line_items',
      message: 'Missing required param: line_items.',
    })
    const late = await call('POST', '/v1/checkout/sessions', session(`&expires_at=${Math.floor(Date.now() / 1000) + 25 * 3600}`))
    expect(late.json.error).toMatchObject({ param: 'expires_at', message: expect.stringMatching(/less than 24 hours/) })
    const email = await call('POST', '/v1/checkout/sessions', session('&customer_email=not-an-email'))
    expect(email.json.error).toMatchObject({ code: 'email_invalid', param: 'customer_email' })
    const route = await call('GET', '/v1/customers')
    expect(route.status).toBe(404)
    expect(route.json.error?.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/customers\)/)
  })

  it('replays an idempotency key’s answer, refuses it for other parameters, and keeps no answer to invalid parameters', async () => {
    const key = `key-${unique()}`
    const first = await call('POST', '/v1/checkout/sessions', session(), { 'Idempotency-Key': key })
    const again = await call('POST', '/v1/checkout/sessions', session(), { 'Idempotency-Key': key })
    expect(again.json.id).toBe(first.json.id)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    const other = await call('POST', '/v1/checkout/sessions', session('&client_reference_id=x'), { 'Idempotency-Key': key })
    expect(other.status).toBe(400)
    expect(other.json.error).toMatchObject({ type: 'idempotency_error' })

    const fixed = `key-${unique()}`
    expect((await call('POST', '/v1/checkout/sessions', 'mode=payment', { 'Idempotency-Key': fixed })).status).toBe(400)
    expect(
      (await call('POST', '/v1/checkout/sessions', 'mode=payment', { 'Idempotency-Key': fixed })).headers.get('idempotent-replayed'),
    ).toBeNull()
  })

  it('refunds what is left of a payment and no more', async () => {
    const created = await call('POST', '/v1/checkout/sessions', session())
    const paid = await double.pay(created.json.id as string)
    const pi = paid.payment_intent as string
    expect((await call('POST', '/v1/refunds', `payment_intent=${pi}&amount=4000`)).status).toBe(200)
    const over = await call('POST', '/v1/refunds', `payment_intent=${pi}&amount=501`)
    expect(over.json.error).toMatchObject({ code: 'amount_too_large', param: 'amount' })
    expect((await call('POST', '/v1/refunds', `payment_intent=${pi}`)).json).toMatchObject({
      object: 'refund',
      amount: 500,
      status: 'succeeded',
    })
    const done = await call('POST', '/v1/refunds', `payment_intent=${pi}&amount=1`)
    expect(done.json.error).toMatchObject({ code: 'charge_already_refunded' })
    expect(await read<Stripe.PaymentIntent>(`/v1/payment_intents/${pi}`)).toMatchObject({ status: 'succeeded', amount_received: 4500 })

    const unpaid = await call('POST', '/v1/checkout/sessions', session())
    const attempt = await double.decline(unpaid.json.id as string)
    const refused = await call('POST', '/v1/refunds', `payment_intent=${attempt.payment_intent}`)
    expect(refused.status).toBe(400)
    expect(refused.json.error?.message).toMatch(/does not have a successful charge to refund/)
  })
})

describe('the plugin', () => {
  const clinic = (settings: Record<string, string>) => ({ id: '7', slug: 'north', settings })

  it('asks each clinic for its secret key and webhook signing secret, as secrets', async () => {
    const plugin = stripePlugin()
    expect(plugin.name).toBe('payments-stripe')
    expect(plugin.providers?.payments).toMatchObject({ name: 'stripe', label: 'Stripe (card payments)' })
    expect(plugin.clinicSettings?.map((s) => [s.name, s.type])).toEqual([
      ['secretKey', 'secret'],
      ['webhookSecret', 'secret'],
    ])
    expect(plugin.clinicSettings?.[1]?.description).toContain('/api/plugins/payments-stripe/webhook?clinic=<clinic slug>')
    type Config = Parameters<ReturnType<typeof paymentsStripePlugin>>[0]
    const config = await paymentsStripePlugin()({} as Config)
    expect(pluginsOf(config).map((p) => p.name)).toEqual(['payments-stripe'])
  })

  it('tells a clinic without its keys what to set, and where', () => {
    const offer = stripePlugin({ apiUrl: double.url }).providers!.payments!
    expect(() => offer.create(clinic({}))).toThrow(
      'Stripe is chosen for north but its secret key is not set: Clinics → Plugin settings → Payments stripe.',
    )
    expect(() => offer.create(clinic({ secretKey: KEY }))).toThrow(
      'Stripe is chosen for north but its webhook signing secret is not set: Clinics → Plugin settings → Payments stripe.',
    )
    expect(() => offer.create(clinic({ secretKey: 'pk_test_123', webhookSecret: SECRET }))).toThrow(/publishable key/)
  })

  it('makes one client per clinic account, talking to STRIPE_API_URL', async () => {
    const offer = stripePlugin({ apiUrl: double.url }).providers!.payments!
    const north = await offer.create(clinic({ secretKey: KEY, webhookSecret: SECRET }))
    expect(north).toBeInstanceOf(StripePayments)
    expect(await offer.create(clinic({ secretKey: KEY, webhookSecret: SECRET }))).toBe(north)
    expect(await offer.create(clinic({ secretKey: 'sk_test_51SouthClinic0000000000000000', webhookSecret: SECRET }))).not.toBe(north)
    const checkout = await north.createCheckout(input())
    expect(checkout.url).toBe(`${double.url}/pay/${checkout.id}`)
    expect(JSON.stringify(north)).not.toContain(KEY)
  })
})
