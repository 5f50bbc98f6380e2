import { randomBytes } from 'node:crypto'
import Stripe from 'stripe'

/**
 * The objects the Stripe double answers with, built field by field as Stripe's
 * API reference shows them and checked by the `stripe` client's own types
 * (`satisfies`), so a field Stripe adds or renames breaks the double at compile
 * time rather than a test that reads it.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** An id shaped like Stripe's: `cs_test_a1…`, `pi_3…`, `evt_1…`. */
export function stripeId(prefix: string, length = 24): string {
  return prefix + [...randomBytes(length)].map((b) => BASE62[b % 62]).join('')
}

/** Currencies Stripe counts without minor units, and with three (amounts a multiple of 10). */
const ZERO_DECIMAL = new Set('bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf'.split(' '))
const THREE_DECIMAL = new Set('bhd jod kwd omr tnd'.split(' '))
export const decimalsOf = (currency: string) => (ZERO_DECIMAL.has(currency) ? 0 : THREE_DECIMAL.has(currency) ? 3 : 2)

/** Stripe's smallest charge per settlement currency, in minor units (docs: "Minimum and maximum charge amounts"). */
export const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
}

/** An amount in minor units as people read it: 4500 usd → $45.00, 5000 jpy → ¥5,000. */
export function formatMoney(amount: number, currency: string): string {
  const digits = decimalsOf(currency)
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount / 10 ** digits)
  } catch {
    return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`
  }
}

export const seconds = (ms: number) => Math.floor(ms / 1000)

export type NewSession = {
  created: number
  currency: string
  amount: number
  mode: string
  customerEmail: string | null
  successUrl: string | null
  cancelUrl: string | null
  expiresAt: number
  clientReferenceId: string | null
  metadata: Record<string, string>
  url: string
}

export function checkoutSession(id: string, s: NewSession) {
  return {
    id,
    object: 'checkout.session',
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: s.amount,
    amount_total: s.amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: s.cancelUrl,
    client_reference_id: s.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: s.created,
    currency: s.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: 'if_required',
    customer_details: null,
    customer_email: s.customerEmail,
    discounts: [],
    expires_at: s.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: s.metadata,
    mode: s.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: 'if_required',
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: s.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted_page',
    url: s.url,
    wallet_options: null,
  } satisfies Stripe.Checkout.Session as Stripe.Checkout.Session
}

/** The PaymentIntent Checkout makes when the patient first submits a card (API versions since 2022-08-01). */
export function paymentIntent(id: string, p: { created: number; amount: number; currency: string; metadata: Record<string, string> }) {
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: null,
    amount: p.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${stripeId('', 25)}`,
    confirmation_method: 'automatic',
    created: p.created,
    currency: p.currency,
    customer: null,
    customer_account: null,
    description: null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: p.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    payment_record: null,
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
    transfer_group: null,
  } satisfies Stripe.PaymentIntent as Stripe.PaymentIntent
}

/** What a declined test card (4000 0000 0000 0002) leaves on the PaymentIntent. */
export const cardDeclined = {
  type: 'card_error',
  code: 'card_declined',
  decline_code: 'generic_decline',
  doc_url: 'https://stripe.com/docs/error-codes/card-declined',
  message: 'Your card was declined.',
  payment_method_type: 'card',
} satisfies Stripe.PaymentIntent.LastPaymentError

export function refund(
  id: string,
  r: { created: number; amount: number; currency: string; charge: string; paymentIntent: string; paymentMethod: string | null },
  metadata: Record<string, string>,
  reason: Stripe.Refund.Reason | null,
) {
  return {
    id,
    object: 'refund',
    amount: r.amount,
    application: null,
    balance_transaction: stripeId('txn_3'),
    charge: r.charge,
    created: r.created,
    currency: r.currency,
    customer: null,
    customer_account: null,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata,
    payment_intent: r.paymentIntent,
    payment_method: r.paymentMethod,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    // Card refunds succeed at once in test mode; the money reaches the card 5–10 days later.
    status: 'succeeded',
    transfer_reversal: null,
  } satisfies Stripe.Refund as Stripe.Refund
}

export function dispute(
  id: string,
  d: { created: number; amount: number; currency: string; charge: string; paymentIntent: string; reason: string },
) {
  return {
    id,
    object: 'dispute',
    amount: d.amount,
    balance_transactions: [],
    charge: d.charge,
    created: d.created,
    currency: d.currency,
    enhanced_eligibility_types: [],
    evidence: {
      access_activity_log: null,
      appeal: null,
      billing_address: null,
      cancellation_policy: null,
      cancellation_policy_disclosure: null,
      cancellation_rebuttal: null,
      customer_communication: null,
      customer_email_address: null,
      customer_name: null,
      customer_purchase_ip: null,
      customer_signature: null,
      duplicate_charge_documentation: null,
      duplicate_charge_explanation: null,
      duplicate_charge_id: null,
      enhanced_evidence: {},
      product_description: null,
      receipt: null,
      refund_policy: null,
      refund_policy_disclosure: null,
      refund_refusal_explanation: null,
      service_date: null,
      service_documentation: null,
      shipping_address: null,
      shipping_carrier: null,
      shipping_date: null,
      shipping_documentation: null,
      shipping_tracking_number: null,
      uncategorized_file: null,
      uncategorized_text: null,
    },
    evidence_details: {
      // Card networks give the merchant about a week to answer.
      due_by: d.created + 7 * 24 * 3600,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      submission_method: 'not_submitted',
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: d.paymentIntent,
    reason: d.reason,
    status: 'needs_response',
  } satisfies Stripe.Dispute as Stripe.Dispute
}

/** The fields every event has; `pending_webhooks` is set when it is sent to the account's endpoints. */
export function eventEnvelope(created: number, request: { id: string | null; idempotency_key: string | null }) {
  return {
    id: stripeId('evt_1'),
    object: 'event' as const,
    api_version: Stripe.API_VERSION as string,
    created,
    livemode: false,
    pending_webhooks: 0,
    request,
  }
}
