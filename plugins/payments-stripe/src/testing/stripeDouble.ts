import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'qs-esm'
import Stripe from 'stripe'
import { checkoutPage, notFoundPage } from './hostedPage.ts'
import {
  cardDeclined,
  checkoutSession,
  decimalsOf,
  dispute as newDispute,
  eventEnvelope,
  formatMoney,
  MINIMUM_CHARGE,
  paymentIntent,
  refund as newRefund,
  seconds,
  stripeId,
} from './objects.ts'
import {
  ApiError,
  canonical,
  email,
  expansions,
  integer,
  invalid,
  metadata,
  missing,
  noSuch,
  object,
  onlyKnown,
  string,
  url,
  type Params,
} from './params.ts'

export type StripeDoubleOptions = {
  /** The double's clock in milliseconds (default Date.now): move it to expire sessions. Webhook signatures use the real time. */
  now?: () => number
}

/** One API call the double answered. */
export type DoubleRequest = {
  method: string
  path: string
  /** The `Idempotency-Key` header as sent (the `stripe` client sends one on every POST). */
  idempotencyKey: string | null
  status: number
  /** Answered from an earlier request with the same idempotency key. */
  replayed: boolean
}

/** One attempt to send an event to an endpoint. */
export type WebhookDelivery = { eventId: string; type: string; url: string; status: number | null; error: string | null }

export type WebhookEndpoint = {
  url: string
  /** The endpoint's signing secret (`whsec_…`); one is made when not given. */
  secret?: string
  /** The event types it was set up with, as in the dashboard; all when not given. */
  events?: string[]
}

export type StripeDouble = {
  url: string
  /** Every API call answered, in order. */
  requests: DoubleRequest[]
  /** Every event made, in order, sent or not. */
  events: Stripe.Event[]
  /** Every attempt to send one; a failure is recorded here, never thrown. */
  deliveries: WebhookDelivery[]
  /** Where an account's events go (Developers → Webhooks → Add endpoint); returns the signing secret. */
  endpoint(secretKey: string, endpoint: WebhookEndpoint): { secret: string }
  /** Keeps new events queued instead of sending them, until `deliver` or `release`. */
  holdWebhooks(): void
  /** The events held, oldest first. */
  pendingEvents(): Stripe.Event[]
  /** Sends one event now (held or already sent: Stripe's "Resend"), `times` times in a row. */
  deliver(eventId: string, options?: { times?: number }): Promise<WebhookDelivery[]>
  /** Sends every held event in order and goes back to sending each as it is made. */
  release(): Promise<void>
  /** Resolves once the events made so far are sent (Stripe's calls return before their webhooks go). */
  settled(): Promise<void>
  /** The patient pays with the test card, as on the hosted page; resolves once its webhooks are sent (unless held). */
  pay(sessionId: string): Promise<Stripe.Checkout.Session>
  /** The patient's card is declined, as on the hosted page; the session stays open. */
  decline(sessionId: string): Promise<Stripe.Checkout.Session>
  /** The session reaches its `expires_at` now. */
  expireNow(sessionId: string): Promise<Stripe.Checkout.Session>
  /** The card holder disputes the payment with their bank. */
  openDispute(paymentIntentId: string, reason?: string): Promise<Stripe.Dispute>
  close(): Promise<void>
}

type Account = { key: string; idempotent: Map<string, Saved>; endpoints: Required<WebhookEndpoint>[] }
type Saved = { method: string; path: string; params: string; status: number; body: unknown; requestId: string }
type SessionRecord = { account: Account; session: Stripe.Checkout.Session; description: string; intentMetadata: Record<string, string> }
type IntentRecord = { account: Account; intent: Stripe.PaymentIntent; refunded: number; disputed: boolean }
type RefundRecord = { account: Account; refund: Stripe.Refund }
type Caller = { account: Account; requestId: string; idempotencyKey: string | null }
type Answer = { status: number; body: unknown }

const API_KEY = /^(sk|rk)_test_[A-Za-z0-9_]+$/
const SESSION_PARAMS =
  'mode line_items customer_email success_url cancel_url expires_at client_reference_id metadata payment_intent_data expand'
const STRIPE_SESSION_PARAMS =
  'adaptive_pricing after_expiration allow_promotion_codes automatic_tax billing_address_collection branding_settings consent_collection currency custom_fields custom_text customer customer_account customer_creation customer_update discounts excluded_payment_method_types integration_identifier invoice_creation locale managed_payments name_collection optional_items origin_context payment_method_collection payment_method_configuration payment_method_data payment_method_options payment_method_types permissions phone_number_collection redirect_on_completion return_url saved_payment_method_options setup_intent_data shipping_address_collection shipping_options submit_type subscription_data tax_id_collection ui_mode wallet_options'
const REFUND_PARAMS = 'payment_intent charge amount metadata reason expand'
const STRIPE_REFUND_PARAMS = 'currency customer instructions_email origin refund_application_fee reverse_transfer'
const MAX_AMOUNT = 99_999_999
const BODY_LIMIT = 1 << 20

/** Stripe's error shape, with the link to its error code's page. */
const errorBody = (error: ApiError) => {
  const code = error.body.code
  return { error: { ...error.body, ...(code && { doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}` }) } }
}

/**
 * A test double of the parts of Stripe's API the payments plugin uses, for the
 * real `stripe` client (point it here with `host`/`port`/`protocol`):
 *
 * - `POST /v1/checkout/sessions`, `GET /v1/checkout/sessions/:id`,
 *   `POST /v1/checkout/sessions/:id/expire`, `POST /v1/refunds`,
 *   `GET /v1/refunds/:id`, `GET /v1/payment_intents/:id`: form-encoded with
 *   Stripe's bracket nesting, JSON answers shaped as Stripe's objects, Stripe's
 *   validation (required and unknown parameters, 30 minutes to 24 hours of
 *   `expires_at`, minimum amounts, refunds no larger than what is left) and its
 *   error shape `{ error: { type, code, param, message } }`;
 * - secret keys as accounts: any `sk_test_…` key is an account of its own,
 *   which sees only its own objects (live keys are refused: test mode only);
 * - idempotency keys per account: the same key and parameters replay the saved
 *   answer (`Idempotent-Replayed: true`), other parameters are refused;
 * - a hosted checkout page at each session's `url` (pay, decline, go back);
 * - signed webhooks (`Stripe-Signature`) to the endpoints an account sets up,
 *   which tests can hold, resend, and send out of order.
 *
 * Unlike Stripe, it does not retry failed deliveries by itself (resend with
 * `deliver`), and a Checkout page's payment sends its webhooks before
 * redirecting the patient (hold them to test the other order).
 */
export async function startStripeDouble(options: StripeDoubleOptions = {}): Promise<StripeDouble> {
  const now = options.now ?? Date.now
  const accounts = new Map<string, Account>()
  const sessions = new Map<string, SessionRecord>()
  const intents = new Map<string, IntentRecord>()
  const refunds = new Map<string, RefundRecord>()
  const requests: DoubleRequest[] = []
  const events: Stripe.Event[] = []
  const deliveries: WebhookDelivery[] = []
  const eventAccount = new Map<string, Account>()
  const pending: Stripe.Event[] = []
  let held = false
  let chain: Promise<unknown> = Promise.resolve()
  let base = ''

  const accountOf = (key: string) => {
    let account = accounts.get(key)
    if (!account) accounts.set(key, (account = { key, idempotent: new Map(), endpoints: [] }))
    return account
  }
  const clone = <T>(value: T): T => structuredClone(value)
  const requestOf = (caller: Caller | null) => ({ id: caller?.requestId ?? null, idempotency_key: caller?.idempotencyKey ?? null })

  // ——— Webhooks ———

  const subscribed = (endpoint: Required<WebhookEndpoint>, type: string) => endpoint.events.includes('*') || endpoint.events.includes(type)

  async function send(event: Stripe.Event): Promise<WebhookDelivery[]> {
    const account = eventAccount.get(event.id)!
    const made: WebhookDelivery[] = []
    for (const endpoint of account.endpoints.filter((e) => subscribed(e, event.type))) {
      // Stripe sends the event pretty-printed; the signature covers these exact bytes.
      const payload = JSON.stringify(event, null, 2)
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: endpoint.secret })
      const delivery: WebhookDelivery = { eventId: event.id, type: event.type, url: endpoint.url, status: null, error: null }
      try {
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Stripe-Signature': signature,
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        })
        delivery.status = response.status
        await response.arrayBuffer()
        if (!response.ok) delivery.error = `HTTP ${response.status}`
      } catch (error) {
        delivery.error = (error as Error).message
      }
      deliveries.push(delivery)
      made.push(delivery)
    }
    return made
  }

  /** Queues a delivery after those before it; the promise resolves once it is sent. */
  function enqueue(event: Stripe.Event): Promise<WebhookDelivery[]> {
    const sent = chain.then(() => send(event))
    chain = sent
    return sent
  }

  function emit(account: Account, event: Stripe.Event): Promise<unknown> {
    event.pending_webhooks = account.endpoints.filter((e) => subscribed(e, event.type)).length
    const stored = clone(event)
    events.push(stored)
    eventAccount.set(stored.id, account)
    if (held) {
      pending.push(stored)
      return Promise.resolve()
    }
    return enqueue(stored)
  }

  // ——— Checkout ———

  /** Sessions past their `expires_at` close, each with one `checkout.session.expired` (Stripe runs this in the background). */
  function sweep(): void {
    for (const record of sessions.values())
      if (record.session.status === 'open' && record.session.expires_at <= seconds(now())) void expire(record, null)
  }

  function expire(record: SessionRecord, caller: Caller | null): Promise<unknown> {
    const { session } = record
    session.status = 'expired'
    session.url = null
    const intent = session.payment_intent ? intents.get(session.payment_intent as string)?.intent : null
    if (intent && intent.status !== 'succeeded') {
      intent.status = 'canceled'
      intent.canceled_at = seconds(now())
      intent.cancellation_reason = 'abandoned'
    }
    return emit(record.account, {
      ...eventEnvelope(seconds(now()), requestOf(caller)),
      type: 'checkout.session.expired',
      data: { object: clone(session) },
    } satisfies Stripe.Event)
  }

  function intentFor(record: SessionRecord): IntentRecord {
    const existing = record.session.payment_intent ? intents.get(record.session.payment_intent as string) : undefined
    if (existing) return existing
    const intent = paymentIntent(stripeId('pi_3'), {
      created: seconds(now()),
      amount: record.session.amount_total ?? 0,
      currency: record.session.currency ?? 'usd',
      metadata: record.intentMetadata,
    })
    const made = { account: record.account, intent, refunded: 0, disputed: false }
    intents.set(intent.id, made)
    record.session.payment_intent = intent.id
    return made
  }

  function openSession(sessionId: string): SessionRecord {
    sweep()
    const record = sessions.get(sessionId)
    if (!record) throw new Error(`The Stripe double has no checkout session ${sessionId}.`)
    if (record.session.status !== 'open') throw new Error(`Checkout session ${sessionId} is ${record.session.status}: it cannot be paid.`)
    return record
  }

  function complete(record: SessionRecord): Promise<unknown> {
    const { intent } = intentFor(record)
    Object.assign(intent, {
      status: 'succeeded',
      amount_received: intent.amount,
      latest_charge: stripeId('ch_3'),
      payment_method: stripeId('pm_1'),
      last_payment_error: null,
    } satisfies Partial<Stripe.PaymentIntent>)
    Object.assign(record.session, {
      status: 'complete',
      payment_status: 'paid',
      url: null,
      customer_details: {
        address: null,
        business_name: null,
        email: record.session.customer_email,
        individual_name: null,
        name: null,
        phone: null,
        tax_exempt: 'none',
        tax_ids: [],
      },
    } satisfies Partial<Stripe.Checkout.Session>)
    const created = seconds(now())
    const request = { id: null, idempotency_key: null }
    void emit(record.account, {
      ...eventEnvelope(created, request),
      type: 'payment_intent.succeeded',
      data: { object: clone(intent) },
    } satisfies Stripe.Event)
    return emit(record.account, {
      ...eventEnvelope(created, request),
      type: 'checkout.session.completed',
      data: { object: clone(record.session) },
    } satisfies Stripe.Event)
  }

  function decline(record: SessionRecord): Promise<unknown> {
    const { intent } = intentFor(record)
    intent.status = 'requires_payment_method'
    intent.last_payment_error = { ...cardDeclined }
    return emit(record.account, {
      ...eventEnvelope(seconds(now()), { id: null, idempotency_key: null }),
      type: 'payment_intent.payment_failed',
      data: { object: clone(intent) },
    } satisfies Stripe.Event)
  }

  // ——— API ———

  function sessionView(record: SessionRecord, expand: string[]): Stripe.Checkout.Session {
    const view = clone(record.session)
    if (expand.includes('payment_intent') && typeof view.payment_intent === 'string')
      view.payment_intent = clone(intents.get(view.payment_intent)!.intent)
    return view
  }

  function ownSession(caller: Caller, id: string): SessionRecord {
    const record = sessions.get(id)
    if (!record || record.account !== caller.account) throw noSuch('checkout.session', id, 'session')
    return record
  }

  function createSession(caller: Caller, params: Params): Answer {
    onlyKnown(params, (k) => k, SESSION_PARAMS, STRIPE_SESSION_PARAMS)
    const expand = expansions(params, ['payment_intent'])
    if (params.mode === undefined) throw missing('mode')
    const mode = string(params.mode, 'mode')
    if (!['payment', 'setup', 'subscription'].includes(mode))
      throw invalid(`Invalid mode: must be one of payment, setup, or subscription`, 'mode')
    if (mode !== 'payment') throw invalid(`The Stripe double models only mode=payment, not ${mode}.`, 'mode')
    if (params.line_items === undefined) throw missing('line_items')
    if (!Array.isArray(params.line_items) || !params.line_items.length) throw invalid('Invalid array', 'line_items')
    let amount = 0
    let currency: string | null = null
    let description = ''
    params.line_items.forEach((raw: unknown, i: number) => {
      const at = `line_items[${i}]`
      const item = object(raw, at)
      onlyKnown(item, (k) => `${at}[${k}]`, 'quantity price_data', 'price adjustable_quantity dynamic_tax_rates metadata tax_rates')
      if (item.quantity === undefined) throw missing(`${at}[quantity]`)
      const quantity = integer(item.quantity, `${at}[quantity]`, 1)
      if (item.price_data === undefined) throw missing(`${at}[price_data]`)
      const price = object(item.price_data, `${at}[price_data]`)
      onlyKnown(
        price,
        (k) => `${at}[price_data][${k}]`,
        'currency unit_amount product_data',
        'product recurring tax_behavior unit_amount_decimal',
      )
      if (price.currency === undefined) throw missing(`${at}[price_data][currency]`)
      const itemCurrency = string(price.currency, `${at}[price_data][currency]`).toLowerCase()
      if (!/^[a-z]{3}$/.test(itemCurrency)) throw invalid(`Invalid currency: ${itemCurrency}`, `${at}[price_data][currency]`)
      if (currency && itemCurrency !== currency) throw invalid('All line items must have the same currency.', `${at}[price_data][currency]`)
      currency = itemCurrency
      if (price.unit_amount === undefined) throw missing(`${at}[price_data][unit_amount]`)
      const unit = integer(price.unit_amount, `${at}[price_data][unit_amount]`, 0)
      if (decimalsOf(itemCurrency) === 3 && unit % 10)
        throw invalid(
          `Amounts in ${itemCurrency} must be a multiple of 10 (its third decimal is not used).`,
          `${at}[price_data][unit_amount]`,
        )
      if (price.product_data === undefined) throw missing(`${at}[price_data][product_data]`)
      const product = object(price.product_data, `${at}[price_data][product_data]`)
      onlyKnown(product, (k) => `${at}[price_data][product_data][${k}]`, 'name', 'description images metadata tax_code unit_label')
      if (!product.name) throw missing(`${at}[price_data][product_data][name]`)
      description ||= string(product.name, `${at}[price_data][product_data][name]`, 250)
      amount += unit * quantity
    })
    const total = amount
    const inCurrency = currency!
    if (total > MAX_AMOUNT)
      throw invalid(`Amount must be no more than ${formatMoney(MAX_AMOUNT, inCurrency)}`, 'line_items', 'amount_too_large')
    const minimum = MINIMUM_CHARGE[inCurrency]
    if (minimum !== undefined && total < minimum)
      throw invalid(
        `The Checkout Session's total amount due must add up to at least ${formatMoney(minimum, inCurrency)} ${inCurrency}`,
        'line_items',
        'amount_too_small',
      )
    const created = seconds(now())
    const expiresAt = params.expires_at === undefined ? created + 24 * 3600 : integer(params.expires_at, 'expires_at')
    if (expiresAt < created + 30 * 60)
      throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at')
    if (expiresAt > created + 24 * 3600)
      throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at')
    const intentData = params.payment_intent_data === undefined ? {} : object(params.payment_intent_data, 'payment_intent_data')
    onlyKnown(
      intentData,
      (k) => `payment_intent_data[${k}]`,
      'metadata',
      'application_fee_amount capture_method description on_behalf_of receipt_email setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group',
    )
    const id = stripeId('cs_test_a1', 56)
    const record: SessionRecord = {
      account: caller.account,
      description,
      intentMetadata: metadata(intentData.metadata, 'payment_intent_data[metadata]'),
      session: checkoutSession(id, {
        created,
        currency: inCurrency,
        amount: total,
        mode,
        customerEmail: params.customer_email === undefined ? null : email(params.customer_email, 'customer_email'),
        successUrl: params.success_url === undefined ? null : url(params.success_url, 'success_url'),
        cancelUrl: params.cancel_url === undefined ? null : url(params.cancel_url, 'cancel_url'),
        expiresAt,
        clientReferenceId: params.client_reference_id === undefined ? null : string(params.client_reference_id, 'client_reference_id', 200),
        metadata: metadata(params.metadata),
        url: `${base}/pay/${id}`,
      }),
    }
    sessions.set(id, record)
    return { status: 200, body: sessionView(record, expand) }
  }

  function expireSession(caller: Caller, id: string, params: Params): Answer {
    onlyKnown(params, (k) => k, 'expand')
    const expand = expansions(params, ['payment_intent'])
    const record = ownSession(caller, id)
    if (record.session.status !== 'open')
      throw new ApiError(400, {
        type: 'invalid_request_error',
        message: `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${record.session.status}\`.`,
      })
    void expire(record, caller)
    return { status: 200, body: sessionView(record, expand) }
  }

  function createRefund(caller: Caller, params: Params): Answer {
    onlyKnown(params, (k) => k, REFUND_PARAMS, STRIPE_REFUND_PARAMS)
    const expand = expansions(params, ['payment_intent'])
    let record: IntentRecord | undefined
    if (params.payment_intent !== undefined) {
      const id = string(params.payment_intent, 'payment_intent')
      record = intents.get(id)
      if (!record || record.account !== caller.account) throw noSuch('payment_intent', id, 'payment_intent', 400)
    } else if (params.charge !== undefined) {
      const id = string(params.charge, 'charge')
      record = [...intents.values()].find((r) => r.intent.latest_charge === id && r.account === caller.account)
      if (!record) throw noSuch('charge', id, 'charge', 400)
    } else
      throw invalid(
        'One of the following params should be provided for this request: payment_intent or charge.',
        undefined,
        'parameter_missing',
      )
    const reason = params.reason === undefined ? null : string(params.reason, 'reason')
    if (reason !== null && !['duplicate', 'fraudulent', 'requested_by_customer'].includes(reason))
      throw invalid('Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer', 'reason')
    const asked = params.amount === undefined ? null : integer(params.amount, 'amount', 1)
    const refundMetadata = metadata(params.metadata)
    const { intent } = record
    const refuse = (message: string, code?: string) =>
      new ApiError(400, {
        type: 'invalid_request_error',
        message,
        ...(code && { code }),
        param: asked === null ? 'payment_intent' : 'amount',
      })
    if (intent.status !== 'succeeded' || !intent.latest_charge)
      throw refuse(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`)
    const charge = intent.latest_charge as string
    if (record.disputed) throw refuse(`Charge ${charge} has been charged back; cannot issue a refund.`, 'charge_disputed')
    const left = intent.amount_received - record.refunded
    if (left <= 0) throw refuse(`Charge ${charge} has already been refunded.`, 'charge_already_refunded')
    const amount = asked ?? left
    if (amount > left)
      throw refuse(
        `Refund amount (${formatMoney(amount, intent.currency)}) is greater than unrefunded amount on charge (${formatMoney(left, intent.currency)})`,
        'amount_too_large',
      )
    record.refunded += amount
    const made = newRefund(
      stripeId('re_3'),
      {
        created: seconds(now()),
        amount,
        currency: intent.currency,
        charge,
        paymentIntent: intent.id,
        paymentMethod: intent.payment_method as string | null,
      },
      refundMetadata,
      reason,
    )
    refunds.set(made.id, { account: caller.account, refund: made })
    void emit(caller.account, {
      ...eventEnvelope(seconds(now()), requestOf(caller)),
      type: 'refund.created',
      data: { object: clone(made) },
    } satisfies Stripe.Event)
    return { status: 200, body: refundView(made, expand) }
  }

  function refundView(refund: Stripe.Refund, expand: string[]): Stripe.Refund {
    const view = clone(refund)
    if (expand.includes('payment_intent') && typeof view.payment_intent === 'string')
      view.payment_intent = clone(intents.get(view.payment_intent)!.intent)
    return view
  }

  type Route = [method: string, path: RegExp, handle: (caller: Caller, params: Params, id: string) => Answer]
  const routes: Route[] = [
    ['POST', /^\/v1\/checkout\/sessions$/, (caller, params) => createSession(caller, params)],
    [
      'GET',
      /^\/v1\/checkout\/sessions\/([^/]+)$/,
      (caller, params, id) => {
        onlyKnown(params, (k) => k, 'expand')
        return { status: 200, body: sessionView(ownSession(caller, id), expansions(params, ['payment_intent'])) }
      },
    ],
    ['POST', /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, (caller, params, id) => expireSession(caller, id, params)],
    ['POST', /^\/v1\/refunds$/, (caller, params) => createRefund(caller, params)],
    [
      'GET',
      /^\/v1\/refunds\/([^/]+)$/,
      (caller, params, id) => {
        onlyKnown(params, (k) => k, 'expand')
        const record = refunds.get(id)
        if (!record || record.account !== caller.account) throw noSuch('refund', id, 'id')
        return { status: 200, body: refundView(record.refund, expansions(params, ['payment_intent'])) }
      },
    ],
    [
      'GET',
      /^\/v1\/payment_intents\/([^/]+)$/,
      (caller, params, id) => {
        onlyKnown(params, (k) => k, 'expand client_secret')
        expansions(params, [])
        const record = intents.get(id)
        if (!record || record.account !== caller.account) throw noSuch('payment_intent', id, 'intent')
        return { status: 200, body: clone(record.intent) }
      },
    ],
  ]

  /** Bearer (as the client sends it) or Basic with the key as user name (as curl -u sends it). */
  function apiKeyOf(req: IncomingMessage): string | null {
    const header = req.headers.authorization ?? ''
    if (header.startsWith('Bearer ')) return header.slice(7).trim()
    if (header.startsWith('Basic ')) return Buffer.from(header.slice(6), 'base64').toString().split(':')[0] ?? null
    return null
  }

  function api(req: IncomingMessage, res: ServerResponse, path: string, query: string, body: string): void {
    const method = req.method ?? 'GET'
    const requestId = stripeId('req_', 14)
    const idempotencyKey = method === 'POST' ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Stripe-Version': (req.headers['stripe-version'] as string | undefined) ?? Stripe.API_VERSION,
      ...(idempotencyKey && { 'Idempotency-Key': idempotencyKey }),
    }
    const answer = (status: number, payload: unknown, replayed = false) => {
      requests.push({ method, path, idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null, status, replayed })
      res.writeHead(status, headers)
      res.end(JSON.stringify(payload, null, 2))
    }
    const fail = (error: ApiError) => answer(error.status, errorBody(error))

    const key = apiKeyOf(req)
    if (!key)
      return fail(
        new ApiError(401, {
          type: 'invalid_request_error',
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        }),
      )
    if (!API_KEY.test(key)) {
      const masked = `${key.slice(0, key.indexOf('_', 3) + 1 || 3)}****${key.slice(-4)}`
      return fail(
        new ApiError(401, {
          type: 'invalid_request_error',
          message: `Invalid API Key provided: ${masked}${/^(sk|rk)_live_/.test(key) ? ' (the Stripe double takes test mode keys only)' : ''}`,
        }),
      )
    }
    const account = accountOf(key)

    const route = routes.find(([m, pattern]) => m === method && pattern.test(path))
    if (!route)
      return fail(
        new ApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        }),
      )
    if (method === 'POST' && body && !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return fail(invalid(`Invalid request: Content-Type must be application/x-www-form-urlencoded, not ${req.headers['content-type']}.`))
    const params = parse(method === 'POST' ? body : query, { depth: 10, arrayLimit: 100, parameterLimit: 2000 }) as Params
    const id = decodeURIComponent(route[1].exec(path)![1] ?? '')

    if (idempotencyKey) {
      if (idempotencyKey.length > 255) return fail(invalid('Idempotency key is too long: it can be at most 255 characters.'))
      const saved = account.idempotent.get(idempotencyKey)
      if (saved) {
        if (saved.method !== method || saved.path !== path)
          return fail(
            new ApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.method} ${saved.path}' vs '${method} ${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            }),
          )
        if (saved.params !== canonical(params))
          return fail(
            new ApiError(400, {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            }),
          )
        headers['Idempotent-Replayed'] = 'true'
        headers['Original-Request'] = saved.requestId
        return answer(saved.status, saved.body, true)
      }
    }

    let result: Answer
    let keep = true
    try {
      result = route[2]({ account, requestId, idempotencyKey }, params, id)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      keep = error.saved
      result = { status: error.status, body: errorBody(error) }
    }
    if (idempotencyKey && keep)
      account.idempotent.set(idempotencyKey, {
        method,
        path,
        params: canonical(params),
        status: result.status,
        body: result.body,
        requestId,
      })
    answer(result.status, result.body)
  }

  // ——— The hosted checkout page ———

  async function hostedPage(req: IncomingMessage, res: ServerResponse, id: string, body: string): Promise<void> {
    const html = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(text)
    }
    const redirect = (location: string) => {
      res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' })
      res.end()
    }
    const record = sessions.get(id)
    if (!record) return html(404, notFoundPage())
    if (req.method === 'GET') return html(200, checkoutPage(record.session, record.description))
    if (req.method !== 'POST') return html(405, notFoundPage())
    const action = new URLSearchParams(body).get('action')
    if (record.session.status !== 'open') return html(409, checkoutPage(record.session, record.description))
    if (action === 'pay') {
      await complete(record)
      const success = record.session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', id)
      return success ? redirect(success) : html(200, checkoutPage(record.session, record.description))
    }
    if (action === 'decline') {
      await decline(record)
      return html(200, checkoutPage(record.session, record.description, cardDeclined.message))
    }
    if (action === 'abandon') {
      // Going back leaves the session open, as on Stripe: the patient may return to it until it expires.
      const cancel = record.session.cancel_url
      return cancel ? redirect(cancel) : html(200, checkoutPage(record.session, record.description))
    }
    return html(400, checkoutPage(record.session, record.description, 'Choose one of the buttons below.'))
  }

  // ——— The server ———

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on('end', () => {
      const [path = '/', query = ''] = (req.url ?? '/').split('?', 2)
      const body = Buffer.concat(chunks).toString()
      try {
        sweep()
        if (size > BODY_LIMIT) {
          res.writeHead(413, { 'Content-Type': 'application/json' })
          return res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'Request body too large.' } }))
        }
        const page = /^\/pay\/([^/]+)$/.exec(path)
        if (page)
          return void hostedPage(req, res, decodeURIComponent(page[1]!), body).catch((error: Error) => {
            res.writeHead(500, { 'Content-Type': 'text/plain' })
            res.end(error.message)
          })
        api(req, res, path, query, body)
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ error: { type: 'api_error', message: `The Stripe double failed: ${(error as Error).message}` } }))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // Stripe closes overdue sessions in the background: without a read, their webhooks still go.
  const clock = setInterval(sweep, 1000)
  clock.unref()

  return {
    url: base,
    requests,
    events,
    deliveries,
    endpoint(secretKey, endpoint) {
      const secret = endpoint.secret ?? stripeId('whsec_', 32)
      accountOf(secretKey).endpoints.push({ url: endpoint.url, secret, events: endpoint.events ?? ['*'] })
      return { secret }
    },
    holdWebhooks() {
      held = true
    },
    pendingEvents: () => [...pending],
    async deliver(eventId, { times = 1 } = {}) {
      const event = events.find((e) => e.id === eventId)
      if (!event) throw new Error(`The Stripe double made no event ${eventId}.`)
      const at = pending.indexOf(event)
      if (at >= 0) pending.splice(at, 1)
      const made: WebhookDelivery[] = []
      for (let i = 0; i < times; i++) made.push(...(await enqueue(event)))
      return made
    },
    async release() {
      held = false
      for (const event of pending.splice(0)) void enqueue(event)
      await chain
    },
    async settled() {
      await chain
    },
    async pay(sessionId) {
      const record = openSession(sessionId)
      await complete(record)
      return clone(record.session)
    },
    async decline(sessionId) {
      const record = openSession(sessionId)
      await decline(record)
      return clone(record.session)
    },
    async expireNow(sessionId) {
      const record = openSession(sessionId)
      record.session.expires_at = seconds(now())
      await expire(record, null)
      return clone(record.session)
    },
    async openDispute(paymentIntentId, reason = 'fraudulent') {
      const record = intents.get(paymentIntentId)
      if (!record || record.intent.status !== 'succeeded')
        throw new Error(`Payment ${paymentIntentId} was not taken on the Stripe double: nothing to dispute.`)
      record.disputed = true
      const made = newDispute(stripeId('du_1'), {
        created: seconds(now()),
        amount: record.intent.amount_received - record.refunded,
        currency: record.intent.currency,
        charge: record.intent.latest_charge as string,
        paymentIntent: record.intent.id,
        reason,
      })
      await emit(record.account, {
        ...eventEnvelope(seconds(now()), { id: null, idempotency_key: null }),
        type: 'charge.dispute.created',
        data: { object: clone(made) },
      } satisfies Stripe.Event)
      return made
    },
    async close() {
      clearInterval(clock)
      await chain
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
