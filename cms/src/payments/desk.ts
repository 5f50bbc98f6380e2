import { createLocalReq, type Payload } from 'payload'
import type { Checkout, PaymentProvider, Refund } from '@telemed/plugin-sdk'
import type { Payment } from '../payload-types.ts'
import { formatMoney } from './money.ts'
import { readPayment, recordRefund, refundable } from './record.ts'

const PREFIX = 'desk_'
const YEAR_MS = 365 * 24 * 60 * 60_000

const paymentIdOf = (checkoutId: string) => {
  if (!checkoutId.startsWith(PREFIX) || !/^\d+$|^[a-f0-9]{24}$/.test(checkoutId.slice(PREFIX.length)))
    throw new Error(`${checkoutId} is not an invoice of the clinic's desk.`)
  return checkoutId.slice(PREFIX.length)
}

function checkoutOf(payment: Payment): Checkout {
  const paid = ['paid', 'partially-refunded', 'refunded'].includes(payment.status)
  const closed = ['cancelled', 'expired', 'failed'].includes(payment.status)
  return {
    id: `${PREFIX}${payment.id}`,
    url: null,
    status: paid ? 'paid' : closed ? 'expired' : 'open',
    amount: payment.amount,
    currency: payment.currency.toLowerCase(),
    reference: String(payment.id),
    paymentRef: paid ? `${PREFIX}${payment.id}` : null,
    expiresAt: new Date(Date.parse(payment.createdAt) + YEAR_MS).toISOString(),
  }
}

/**
 * The embedded default: "pay at the clinic". No outside service and no payment
 * page: the checkout is the payment itself, an invoice due until the clinic's
 * admin marks it paid (cash or card at the desk, a bank transfer), and a refund
 * is money the clinic hands back, recorded here. Its state is the `payments`
 * collection, so a reference must be a payment's id.
 */
export class DeskPayments implements PaymentProvider {
  readonly name = 'desk'
  constructor(private readonly payload: Payload) {}

  private async known(id: string): Promise<Payment> {
    const payment = await readPayment(this.payload, id)
    if (!payment) throw new Error(`There is no payment ${id} to invoice at the clinic's desk.`)
    return payment
  }

  async createCheckout(input: Parameters<PaymentProvider['createCheckout']>[0]): Promise<Checkout> {
    const payment = await this.known(input.reference)
    if (payment.checkoutId) return checkoutOf(payment)
    const saved = await this.payload.update({
      collection: 'payments',
      id: payment.id,
      data: { checkoutId: `${PREFIX}${payment.id}`, amount: input.amount, currency: input.currency.toUpperCase() },
      depth: 0,
      overrideAccess: true,
    })
    return checkoutOf(saved)
  }

  async retrieveCheckout(id: string): Promise<Checkout> {
    return checkoutOf(await this.known(paymentIdOf(id)))
  }

  async expireCheckout(id: string): Promise<Checkout> {
    const payment = await this.known(paymentIdOf(id))
    if (checkoutOf(payment).status !== 'open') return checkoutOf(payment)
    const saved = await this.payload.update({
      collection: 'payments',
      id: payment.id,
      data: { status: 'cancelled' },
      depth: 0,
      overrideAccess: true,
    })
    return checkoutOf(saved)
  }

  async refund({ checkoutId, amount, reason, idempotencyKey }: Parameters<PaymentProvider['refund']>[0]): Promise<Refund> {
    const payment = await this.known(paymentIdOf(checkoutId))
    const refundId = `${PREFIX}re_${idempotencyKey}`
    const earlier = payment.refunds?.find((r) => r.refundId === refundId)
    if (earlier) return { id: refundId, amount: earlier.amount, status: earlier.status }
    if (checkoutOf(payment).status !== 'paid') throw new Error(`Payment ${payment.id} is ${payment.status}: nothing was paid to refund.`)
    if (!Number.isInteger(amount) || amount < 1 || amount > refundable(payment))
      throw new Error(`A refund of payment ${payment.id} is at most ${refundable(payment)} (minor units); ${amount} was asked.`)
    // Handed back at the desk: done as soon as it is recorded.
    const req = await createLocalReq({}, this.payload)
    const entry = { refundId, key: idempotencyKey, amount, reason, status: 'succeeded' as const, at: new Date().toISOString() }
    await recordRefund(req, payment.id, entry, `Refund of ${formatMoney(amount, payment.currency)} handed back at the desk`)
    return { id: refundId, amount, status: 'succeeded' }
  }

  async parseWebhook(): Promise<never> {
    throw new Error('Payments at the clinic’s desk have no webhooks.')
  }

  /** An invoice's checkout: the payment itself (invoices are written without one, sparing the booking a write). */
  static readonly checkoutIdOf = (paymentId: number | string) => `${PREFIX}${paymentId}`
}
