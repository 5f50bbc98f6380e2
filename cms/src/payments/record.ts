import type { Payload, PayloadRequest } from 'payload'
import type { Payment } from '../payload-types.ts'
import type { PaymentStatusValue } from '../collections/Payments/index.ts'
import { emitDomainEvent } from '../events/emit.ts'
import { idOf } from '../access/roles.ts'

type Id = number | string
export type RefundEntry = NonNullable<Payment['refunds']>[number]

/** The platform's own reads and writes of a payment: no access rules, inside `req`'s transaction when it has one. */
export const readPayment = (payload: Payload, id: Id, req?: PayloadRequest): Promise<Payment | null> =>
  payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: true, disableErrors: true, req }).catch(() => null)

/** The payment a provider names by its checkout (`checkoutId`) or by the money taken (`paymentRef`), if any. */
export async function paymentNamed(
  payload: Payload,
  provider: string,
  field: 'checkoutId' | 'paymentRef',
  value: string,
): Promise<Payment | null> {
  const { docs } = await payload.find({
    collection: 'payments',
    where: { and: [{ provider: { equals: provider } }, { [field]: { equals: value } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return docs[0] ?? null
}

/**
 * Saves a change of a payment with a line of its history, and tells the
 * platform (`payment.changed`) once saved when its status moved.
 */
export async function changePayment(
  req: PayloadRequest,
  payment: Payment,
  data: Partial<Omit<Payment, 'history'>>,
  change: string,
): Promise<Payment> {
  const history = [...(payment.history ?? []), { at: new Date().toISOString(), by: req.user?.id ?? null, change }].slice(-100)
  const saved = await req.payload.update({
    collection: 'payments',
    id: payment.id,
    data: { ...data, history } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (data.status && data.status !== payment.status) {
    await emitDomainEvent(req, 'payment.changed', {
      tenant: idOf(saved.tenant)!,
      payment: saved.id,
      appointment: idOf(saved.appointment),
      patient: idOf(saved.patient)!,
      provider: saved.provider,
      status: saved.status,
    })
  }
  return saved
}

/** What is left to refund: what was paid less refunds that did not fail. */
export const refundable = (payment: Pick<Payment, 'amount' | 'amountRefunded' | 'status'>) =>
  payment.status === 'paid' || payment.status === 'partially-refunded' ? payment.amount - (payment.amountRefunded ?? 0) : 0

/** The status after refunds totalling `refunded` of a paid `amount`. */
export const statusAfterRefunds = (amount: number, refunded: number): PaymentStatusValue =>
  refunded <= 0 ? 'paid' : refunded >= amount ? 'refunded' : 'partially-refunded'

/**
 * Adds a refund to a payment once (by the provider's refund id), or updates its
 * status when the provider reports a change; the amount refunded counts the
 * refunds that did not fail.
 */
export async function recordRefund(req: PayloadRequest, paymentId: Id, entry: RefundEntry, change: string): Promise<Payment> {
  const payment = (await readPayment(req.payload, paymentId, req))!
  const refunds = [...(payment.refunds ?? [])]
  const at = refunds.findIndex((r) => r.refundId === entry.refundId)
  if (at >= 0) {
    const known = refunds[at]!
    // Recorded first by the provider itself (the desk's): the request's person is added, as who refunded.
    const by = known.by ?? entry.by ?? null
    if (known.status === entry.status) {
      if (by === (known.by ?? null)) return payment
      // Only who made it: no new line in the history, the refund already has its own.
      refunds[at] = { ...known, by }
      return req.payload.update({ collection: 'payments', id: payment.id, data: { refunds }, depth: 0, overrideAccess: true, req })
    }
    refunds[at] = { ...known, status: entry.status, by }
  } else refunds.push(entry)
  const amountRefunded = refunds.filter((r) => r.status !== 'failed').reduce((sum, r) => sum + r.amount, 0)
  return changePayment(req, payment, { refunds, amountRefunded, status: statusAfterRefunds(payment.amount, amountRefunded) }, change)
}
