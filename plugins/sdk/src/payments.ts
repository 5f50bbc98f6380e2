/**
 * The payments slot. A provider takes money for one visit through a checkout
 * (Stripe Checkout: a hosted page the patient is sent to; the embedded "pay at
 * the clinic" provider: an invoice the clinic marks paid), refunds it in part or
 * in full, and verifies the provider's webhooks. The platform keeps the
 * `payments` collection, decides prices and refund policy, and books the visit;
 * a provider never sees card data either (the hosted page takes the card).
 *
 * Amounts are integers in the currency's minor unit (cents; yen have none, dinars
 * three), currencies ISO 4217 in lower case as Stripe uses them.
 */

/** `open`: waiting for the patient; `paid`: the money is taken; `expired`: closed unpaid (timed out or abandoned). */
export type CheckoutStatus = 'open' | 'paid' | 'expired'

export interface Checkout {
  /** The provider's id of the checkout (Stripe: `cs_…`). */
  id: string
  /** Where to send the patient to pay; null for a provider paid at the desk. */
  url: string | null
  status: CheckoutStatus
  amount: number
  currency: string
  /** The platform's reference the checkout was created with (the payment's id). */
  reference: string
  /** The provider's id of the money taken, once paid (Stripe: the PaymentIntent `pi_…`); refunds name it. */
  paymentRef: string | null
  /** When an open checkout closes by itself. */
  expiresAt: string
}

export type CheckoutInput = {
  /** The platform's payment id: echoed in the checkout and its webhooks. */
  reference: string
  amount: number
  currency: string
  /** What the patient reads on the payment page: the clinic and "Video visit", never clinical content. */
  description: string
  customerEmail?: string
  /** Where the provider sends the patient back after paying, and after giving up. */
  successUrl: string
  cancelUrl: string
  /** When the checkout closes unpaid (Stripe accepts 30 minutes to 24 hours ahead). */
  expiresAt: Date
  /** The same key returns the same checkout, never a second one. */
  idempotencyKey: string
}

export type RefundStatus = 'pending' | 'succeeded' | 'failed'

export interface Refund {
  id: string
  amount: number
  status: RefundStatus
}

export type RefundInput = {
  /** The checkout whose payment is refunded. */
  checkoutId: string
  /** In minor units, at most what is left of the payment. */
  amount: number
  reason: string
  /** The same key refunds once, however often it is sent. */
  idempotencyKey: string
}

/**
 * A provider's webhook, verified and put in the platform's words. The platform
 * stores it by `id` (so a repeat is processed once) and processes it as a job.
 */
export type ProviderEvent = {
  /** The provider's event id (Stripe: `evt_…`). */
  id: string
  type: 'checkout.paid' | 'checkout.expired' | 'payment.failed' | 'refund.updated' | 'dispute.opened'
  /** When the provider created it, in seconds since 1970: events may arrive out of order. */
  created: number
  /** The checkout it is about, when the provider says (checkout events). */
  checkoutId?: string | null
  /** The payment it is about (Stripe: the PaymentIntent), for payment, refund and dispute events. */
  paymentRef?: string | null
  refund?: Refund
}

export interface PaymentProvider {
  readonly name: string
  createCheckout(input: CheckoutInput): Promise<Checkout>
  retrieveCheckout(id: string): Promise<Checkout>
  /** Closes an open checkout unpaid (the patient gave up); a paid or closed one is returned as it is. */
  expireCheckout(id: string): Promise<Checkout>
  /** Refunds part or all of a paid checkout; the same idempotency key refunds once. */
  refund(input: RefundInput): Promise<Refund>
  /**
   * Verifies a webhook from its raw bytes and headers (signature, timestamp).
   * Throws when it is not the provider's or is stale (the platform answers 400
   * and changes nothing); null for a verified event of a kind the platform does
   * not use (answered 200, so the provider stops sending it).
   */
  parseWebhook(rawBody: Buffer, header: (name: string) => string | null): Promise<ProviderEvent | null>
}
