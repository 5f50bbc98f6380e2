export type PaymentStatus = 'requires_payment' | 'processing' | 'succeeded' | 'failed' | 'refunded' | 'cancelled'

export interface PaymentIntent {
  id: string
  appointmentId: string
  /** Minor units (cents) in `currency`. */
  amount: number
  /** ISO 4217 code, lower case as Stripe uses it. */
  currency: string
  status: PaymentStatus
  /** Secret the browser uses to complete the payment, when the provider has one. */
  clientSecret?: string
}

export interface PaymentProvider {
  readonly name: string
  /** Idempotent per appointment: a second call returns the first intent. */
  createIntent(input: { appointmentId: string; amount: number; currency: string; patientEmail: string }): Promise<PaymentIntent>
  retrieve(intentId: string): Promise<PaymentIntent>
  refund(intentId: string, reason: string): Promise<PaymentIntent>
  /** Verifies a webhook from its raw bytes and signature header, returning the changed intent. */
  parseWebhook(rawBody: Buffer, signature: string): Promise<PaymentIntent | null>
}
