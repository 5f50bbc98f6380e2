import { APIError, commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import type { Checkout } from '@telemed/plugin-sdk'
import type { Payment } from '../payload-types.ts'
import { idOf, sameId } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { overlapKind } from '../scheduling/bookingGuard.ts'
import { formatMoney } from './money.ts'
import { paymentsFor } from './provider.ts'
import { changePayment, readPayment, refundable } from './record.ts'
import { refundPayment } from './refunds.ts'
import { tellPatient } from './messages.ts'

/** The payment's checkout as its provider has it now: the one source of truth, whatever order events came in. */
export async function checkoutNow(payload: Payload, payment: Payment): Promise<Checkout | null> {
  if (!payment.checkoutId) return null
  return (await paymentsFor(payload, idOf(payment.tenant)!)).retrieveCheckout(payment.checkoutId)
}

/**
 * Brings a payment in line with its checkout at the provider: paid → the
 * payment is paid, its visit booked (or refunded at once when its time was
 * lost), a receipt sent; closed unpaid → expired and its held time freed.
 * Called by webhooks, by the patient's return from the payment page, and by the
 * reconciliation; safe to call any number of times, in any order.
 */
export async function settlePayment(payload: Payload, paymentId: number | string): Promise<Payment | null> {
  const payment = await readPayment(payload, paymentId)
  if (!payment) return null
  const checkout = await checkoutNow(payload, payment)
  if (!checkout) return payment
  const req = await createLocalReq({}, payload)
  if (checkout.status === 'paid' && ['open', 'expired', 'failed'].includes(payment.status)) {
    const paid = await changePayment(
      req,
      payment,
      { status: 'paid', paymentRef: checkout.paymentRef, paidAt: new Date().toISOString(), checkoutUrl: null },
      `Paid ${formatMoney(checkout.amount, payment.currency)}`,
    )
    await tellPatient(payload, paid, 'payment.receipt', { amount: paid.amount })
    return bookPaidVisit(req, paid)
  }
  // Paid, but the booking did not happen (the process stopped in between): book it now.
  if (checkout.status === 'paid' && payment.status === 'paid' && (await stillToBook(req, payment))) return bookPaidVisit(req, payment)
  if (checkout.status === 'expired' && payment.status === 'open') {
    const expired = await changePayment(req, payment, { status: 'expired', checkoutUrl: null }, 'The payment page closed unpaid')
    await releaseHold(req, expired)
    return expired
  }
  return payment
}

/** Its visit is only held, or gone: a visit booked, and even one cancelled since, is never booked again. */
async function stillToBook(req: PayloadRequest, payment: Payment): Promise<boolean> {
  const visit = await lookup.byId(req, 'appointments', idOf(payment.appointment), { status: true })
  return !visit || visit.status === 'held'
}

/** Frees the time a payment held, if it is still only held. */
async function releaseHold(req: PayloadRequest, payment: Payment): Promise<void> {
  const hold = await lookup.byId(req, 'appointments', idOf(payment.appointment), { status: true, patient: true })
  if (hold?.status === 'held' && sameId(idOf(hold.patient), idOf(payment.patient)))
    await req.payload.db.deleteOne({ collection: 'appointments', where: { id: { equals: hold.id } }, req })
}

/**
 * Books the visit a payment paid for: its hold becomes the visit; when the hold
 * is gone (it ran out and was released), the same time is booked again through
 * the database's no-overlap guard. When someone else has the time now, the
 * payment is refunded in full at once and the patient is told.
 */
async function bookPaidVisit(req: PayloadRequest, payment: Payment): Promise<Payment> {
  const clinic = await lookup.byId(req, 'tenants', idOf(payment.tenant), { bookingPolicy: true })
  const status = clinic?.bookingPolicy?.approvalRequired ? 'requested' : 'confirmed'
  const hold = await lookup.byId(req, 'appointments', idOf(payment.appointment), { status: true, patient: true })
  if (hold && sameId(idOf(hold.patient), idOf(payment.patient))) {
    if (hold.status === 'held') {
      await req.payload.update({
        collection: 'appointments',
        id: hold.id,
        data: { status, holdExpiresAt: null },
        depth: 0,
        overrideAccess: true,
        req,
      })
    }
    // Cancelled while its payment page was still open (only then is a cancelled visit paid for now): all of it back.
    if (hold.status === 'cancelled' && refundable(payment) > 0)
      return refundPayment(req, payment.id, {
        amount: refundable(payment),
        reason: 'The visit was cancelled before the payment went through.',
        key: 'cancelled-before-paid',
      })
    return payment
  }
  const booking = await createLocalReq({}, req.payload)
  await initTransaction(booking)
  try {
    const visit = await req.payload.create({
      collection: 'appointments',
      data: {
        tenant: idOf(payment.tenant)!,
        patient: idOf(payment.patient)!,
        doctor: idOf(payment.doctor)!,
        start: payment.visitStart,
        end: payment.visitEnd,
        status,
        visitType: payment.visitType,
      },
      depth: 0,
      overrideAccess: true,
      req: booking,
    })
    await commitTransaction(booking)
    return changePayment(req, payment, { appointment: visit.id }, 'The time was booked again after its hold ran out')
  } catch (error) {
    await killTransaction(booking)
    // Refused by the overlap check of the visit's hooks, or by the database's guard under a race.
    if (!overlapKind(error) && !(error instanceof APIError && error.status === 409)) throw error
    return refundPayment(req, payment.id, {
      amount: payment.amount - (payment.amountRefunded ?? 0),
      reason: 'The time was taken by someone else while you paid.',
      key: 'time-lost',
    })
  }
}
