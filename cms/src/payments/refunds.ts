import type { PayloadRequest } from 'payload'
import type { Payment } from '../payload-types.ts'
import { idOf } from '../access/roles.ts'
import { formatMoney } from './money.ts'
import { DeskPayments } from './desk.ts'
import { paymentsFor } from './provider.ts'
import { readPayment, recordRefund, refundable } from './record.ts'
import { tellPatient } from './messages.ts'

export class RefundRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/**
 * Refunds `amount` (minor units) of a payment through its provider, once per
 * `key`: the provider is asked with a key derived from it (Stripe refunds once
 * per key), and the refund is recorded once by the provider's refund id. Never
 * more than what is left: what was paid less refunds that did not fail. The
 * patient is told (no clinical content: the clinic, the amount, a link).
 */
export async function refundPayment(
  req: PayloadRequest,
  paymentId: number | string,
  { amount, reason, key }: { amount: number; reason: string; key: string },
): Promise<Payment> {
  const payment = await readPayment(req.payload, paymentId, req)
  if (!payment) throw new RefundRefused('There is no such payment.', 404)
  const idempotencyKey = `payment-${payment.id}-${key}`
  const earlier = payment.refunds?.find((r) => r.key === idempotencyKey)
  if (earlier) return payment
  const left = refundable(payment)
  if (!left) throw new RefundRefused(`Only a paid payment can be refunded; this one is ${payment.status}.`, 409)
  if (!Number.isInteger(amount) || amount < 1 || amount > left)
    throw new RefundRefused(`Refund between 1 and ${left} (${formatMoney(left, payment.currency)}, in minor units).`, 422)
  const provider = await paymentsFor(req.payload, idOf(payment.tenant)!)
  const refund = await provider.refund({
    checkoutId: payment.checkoutId ?? DeskPayments.checkoutIdOf(payment.id),
    amount,
    reason,
    idempotencyKey,
  })
  const saved = await recordRefund(
    req,
    payment.id,
    {
      refundId: refund.id,
      key: idempotencyKey,
      amount: refund.amount,
      reason,
      status: refund.status,
      at: new Date().toISOString(),
      by: req.user?.id ?? null,
    },
    `Refund of ${formatMoney(refund.amount, payment.currency)} (${refund.status}): ${reason}`,
  )
  if (refund.status !== 'failed') await tellPatient(req.payload, saved, 'payment.refund', { amount: refund.amount, refund: refund.id })
  return saved
}
