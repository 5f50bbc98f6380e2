import Stripe from 'stripe'
import type { Checkout, CheckoutInput, PaymentProvider, ProviderEvent, Refund, RefundInput } from '@telemed/plugin-sdk'

export type StripeAccount = {
  /** The clinic's secret key (`sk_live_…`, or `sk_test_…` in test mode), or a restricted key (`rk_…`). */
  secretKey: string
  /** The signing secret (`whsec_…`) of the clinic's webhook endpoint in the Stripe dashboard. */
  webhookSecret: string
  /** Stripe's API; another address (`http://127.0.0.1:12111`) only for a test double. */
  apiUrl?: string
}

/** How old a webhook may be, in seconds: Stripe's own default; an older one is refused as a possible replay. */
export const WEBHOOK_TOLERANCE = 300

/** Stripe caps metadata values at 500 characters. */
const METADATA_VALUE_MAX = 500

/**
 * Card payments through Stripe Checkout, with the official `stripe` client, on
 * the clinic's own Stripe account: the money goes to the clinic, never through
 * the platform. A checkout is a Checkout Session in `payment` mode, paid on
 * Stripe's hosted page (the card never touches the platform); the platform's
 * payment id rides along as `client_reference_id` and as metadata of the
 * session and its PaymentIntent, so the Stripe dashboard links both ways.
 *
 * The client retries network failures and Stripe's 409/5xx answers twice, with
 * the same idempotency key: the platform's key where it gives one (checkouts,
 * refunds), one of the client's own otherwise.
 */
export class StripePayments implements PaymentProvider {
  readonly name = 'stripe'
  // Private fields (#): neither logged nor serialized with the provider.
  readonly #stripe: Stripe
  readonly #secretKey: string
  readonly #webhookSecret: string

  constructor(account: StripeAccount) {
    this.#secretKey = account.secretKey
    this.#webhookSecret = account.webhookSecret
    const api = account.apiUrl ? new URL(account.apiUrl) : null
    this.#stripe = new Stripe(account.secretKey, {
      maxNetworkRetries: 2,
      // A patient is waiting on the other end: 20 s per attempt, not the client's default 80 s.
      timeout: 20_000,
      telemetry: false,
      appInfo: { name: 'telemed-payments-stripe' },
      ...(api && {
        host: api.hostname,
        port: api.port || (api.protocol === 'http:' ? 80 : 443),
        protocol: api.protocol === 'http:' ? 'http' : 'https',
      }),
    })
  }

  async createCheckout(input: CheckoutInput): Promise<Checkout> {
    const reference = { reference: input.reference }
    const session = await this.#call('create a checkout', () =>
      this.#stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: input.description } },
            },
          ],
          customer_email: input.customerEmail || undefined,
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
          expires_at: Math.floor(input.expiresAt.getTime() / 1000),
          client_reference_id: input.reference,
          metadata: reference,
          payment_intent_data: { metadata: reference },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    )
    return toCheckout(session)
  }

  async retrieveCheckout(id: string): Promise<Checkout> {
    return toCheckout(await this.#session(id))
  }

  async expireCheckout(id: string): Promise<Checkout> {
    const current = toCheckout(await this.#session(id))
    if (current.status !== 'open') return current
    try {
      return toCheckout(await this.#stripe.checkout.sessions.expire(id))
    } catch (error) {
      // Paid or expired between our read and the call: Stripe answers 400 "Only Checkout Sessions with a status in ["open"] can be expired".
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400) {
        const now = toCheckout(await this.#session(id))
        if (now.status !== 'open') return now
      }
      throw this.#explain(`close checkout ${id}`, error)
    }
  }

  async refund(input: RefundInput): Promise<Refund> {
    const checkout = toCheckout(await this.#session(input.checkoutId))
    if (checkout.status !== 'paid' || !checkout.paymentRef)
      throw new Error(`Checkout ${input.checkoutId} is ${checkout.status}, not paid: there is nothing to refund.`)
    const paymentIntent = checkout.paymentRef
    const refund = await this.#call(`refund checkout ${input.checkoutId}`, () =>
      this.#stripe.refunds.create(
        { payment_intent: paymentIntent, amount: input.amount, metadata: { reason: input.reason.slice(0, METADATA_VALUE_MAX) } },
        { idempotencyKey: input.idempotencyKey },
      ),
    )
    return toRefund(refund)
  }

  async parseWebhook(rawBody: Buffer, header: (name: string) => string | null): Promise<ProviderEvent | null> {
    let event: Stripe.Event
    try {
      event = this.#stripe.webhooks.constructEvent(rawBody, header('stripe-signature') ?? '', this.#webhookSecret, WEBHOOK_TOLERANCE)
    } catch (error) {
      // Our own words: the client's may quote the end of the signing secret, and this message may be logged.
      const said = (error as Error).message
      const why = /tolerance/i.test(said)
        ? `it was signed more than ${WEBHOOK_TOLERANCE / 60} minutes ago (a replay?)`
        : /no stripe-signature header/i.test(said)
          ? 'it has no Stripe-Signature header'
          : /no webhook payload/i.test(said)
            ? 'it has no body'
            : 'its signature does not match (not sent by Stripe, altered on the way, or signed for another endpoint)'
      throw new Error(
        `Refused a Stripe webhook: ${why}. If Stripe sent it, check the webhook signing secret in Clinics → Plugin settings → Payments stripe.`,
      )
    }
    return toProviderEvent(event)
  }

  async #session(id: string): Promise<Stripe.Checkout.Session> {
    return this.#call(`read checkout ${id}`, () => this.#stripe.checkout.sessions.retrieve(id))
  }

  async #call<T>(action: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request()
    } catch (error) {
      throw this.#explain(action, error)
    }
  }

  /** Stripe's error in plain words, with its own message and code kept, never the secret key. */
  #explain(action: string, error: unknown): Error {
    if (!(error instanceof Stripe.errors.StripeError)) return new Error(this.#scrub(`Stripe could not ${action}: ${String(error)}`))
    // Stripe's message without the client's "[req_…]" prefix; the request id goes at the end, for Stripe's support.
    const said =
      error instanceof Stripe.errors.StripeConnectionError
        ? error.message
        : `Stripe said: ${(error.raw as { message?: string }).message ?? error.message}`
    const details = [error.code, error.requestId && `request ${error.requestId}`].filter(Boolean).join(', ')
    const because =
      error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError
        ? 'Stripe refused the secret key (check it in Clinics → Plugin settings → Payments stripe)'
        : error instanceof Stripe.errors.StripeConnectionError
          ? 'Stripe could not be reached'
          : error instanceof Stripe.errors.StripeRateLimitError
            ? 'Stripe is limiting requests, try again in a moment'
            : error instanceof Stripe.errors.StripeIdempotencyError
              ? 'this idempotency key was already used for a different request'
              : error instanceof Stripe.errors.StripeAPIError
                ? 'Stripe had an internal error'
                : 'Stripe refused the request'
    return new Error(this.#scrub(`Could not ${action}: ${because}. ${said}${details ? ` (${details})` : ''}`))
  }

  #scrub(message: string): string {
    return this.#secretKey ? message.split(this.#secretKey).join('[secret key]') : message
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (typeof value === 'string' ? value : (value?.id ?? null))

const isPaid = (session: Stripe.Checkout.Session) =>
  session.status === 'complete' && (session.payment_status === 'paid' || session.payment_status === 'no_payment_required')

/** A Checkout Session in the platform's words. */
export function toCheckout(session: Stripe.Checkout.Session): Checkout {
  return {
    id: session.id,
    url: session.url,
    status: isPaid(session) ? 'paid' : session.status === 'expired' ? 'expired' : 'open',
    amount: session.amount_total ?? 0,
    currency: session.currency ?? '',
    reference: session.client_reference_id ?? session.metadata?.reference ?? '',
    paymentRef: idOf(session.payment_intent),
    expiresAt: new Date(session.expires_at * 1000).toISOString(),
  }
}

/** Stripe's refund statuses: `requires_action` waits on the patient (some payment methods), `canceled` never went out. */
export function toRefund(refund: Stripe.Refund): Refund {
  const status =
    refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' || refund.status === 'canceled' ? 'failed' : 'pending'
  return { id: refund.id, amount: refund.amount, status }
}

/** The events the platform uses, in its words; null for the others (answered 200, so Stripe stops sending them). */
export function toProviderEvent(event: Stripe.Event): ProviderEvent | null {
  const base = { id: event.id, created: event.created }
  switch (event.type) {
    case 'checkout.session.completed':
      // Completed but unpaid: a delayed payment method (a bank debit); `async_payment_succeeded` follows.
      if (!isPaid(event.data.object)) return null
      return { ...base, type: 'checkout.paid', checkoutId: event.data.object.id, paymentRef: idOf(event.data.object.payment_intent) }
    case 'checkout.session.async_payment_succeeded':
      return { ...base, type: 'checkout.paid', checkoutId: event.data.object.id, paymentRef: idOf(event.data.object.payment_intent) }
    case 'checkout.session.expired':
      return { ...base, type: 'checkout.expired', checkoutId: event.data.object.id, paymentRef: idOf(event.data.object.payment_intent) }
    case 'checkout.session.async_payment_failed':
      return { ...base, type: 'payment.failed', checkoutId: event.data.object.id, paymentRef: idOf(event.data.object.payment_intent) }
    case 'payment_intent.payment_failed':
      // A declined card: the session stays open and the patient may try another one.
      return { ...base, type: 'payment.failed', checkoutId: null, paymentRef: event.data.object.id }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
      return { ...base, type: 'refund.updated', paymentRef: idOf(event.data.object.payment_intent), refund: toRefund(event.data.object) }
    case 'charge.dispute.created':
      return { ...base, type: 'dispute.opened', paymentRef: idOf(event.data.object.payment_intent) }
    default:
      return null
  }
}
