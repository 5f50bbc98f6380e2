import type { Endpoint, PayloadRequest } from 'payload'
import type { Payment } from '../../payload-types.ts'
import { adminsClinic, idOf, roleOf } from '../../access/roles.ts'
import { json, problem, readBody } from '../../http/endpoint.ts'
import { formatMoney } from '../money.ts'
import { tellPatient } from '../messages.ts'
import { paymentsFor } from '../provider.ts'
import { changePayment } from '../record.ts'
import { RefundRefused, refundPayment } from '../refunds.ts'
import { settlePayment } from '../settle.ts'
import { loadPayment, readAs } from './loadPayment.ts'

type Act = (req: PayloadRequest, payment: Payment) => Promise<Response>

const paymentAction = (path: string, act: Act): Endpoint => ({
  path: `/:id/${path}`,
  method: 'post',
  handler: async (req) => {
    const payment = await loadPayment(req)
    return payment instanceof Response ? payment : act(req, payment)
  },
})

const patientsOwn = (req: PayloadRequest, payment: Payment) => roleOf(req) === 'patient' && idOf(payment.patient) === req.user!.id

/**
 * `POST /api/payments/:id/refresh`: the patient is back from the payment page;
 * the payment is settled with the provider now (paid and booked, or released),
 * not when its webhook arrives.
 */
export const refreshPayment = paymentAction('refresh', async (req, payment) => {
  if (!patientsOwn(req, payment) && !adminsClinic(req, payment.tenant))
    return problem(403, 'Only the patient or the clinic’s admins can do this.')
  await settlePayment(req.payload, payment.id)
  return json(200, { doc: await readAs(req, payment.id) })
})

/** `POST /api/payments/:id/abandon`: the patient gave up on the payment page; it closes and the time is free again. */
export const abandonPayment = paymentAction('abandon', async (req, payment) => {
  if (!patientsOwn(req, payment)) return problem(403, 'Only the patient can give up their payment.')
  if (payment.status === 'open' && payment.checkoutId)
    await (await paymentsFor(req.payload, idOf(payment.tenant)!)).expireCheckout(payment.checkoutId)
  await settlePayment(req.payload, payment.id)
  return json(200, { doc: await readAs(req, payment.id) })
})

/** `POST /api/payments/:id/mark-paid`: a clinic admin took an invoice's money at the desk. */
export const markPaid = paymentAction('mark-paid', async (req, payment) => {
  if (!adminsClinic(req, payment.tenant)) return problem(403, 'Only the clinic’s admins mark payments paid.')
  if (payment.status === 'paid') return json(200, { doc: payment, message: 'Already paid.' })
  if (payment.provider !== 'desk' || payment.status !== 'due')
    return problem(409, `Only an invoice due at the clinic is marked paid by hand; this payment is ${payment.status}.`)
  const paid = await changePayment(
    req,
    payment,
    { status: 'paid', paidAt: new Date().toISOString() },
    `Paid ${formatMoney(payment.amount, payment.currency)} at the clinic`,
  )
  await tellPatient(req.payload, paid, 'payment.receipt', { amount: paid.amount })
  return json(200, { doc: await readAs(req, paid.id), message: 'Marked paid.' })
})

/**
 * `POST /api/payments/:id/refund` `{ amount, reason }` with an `Idempotency-Key`
 * header: a clinic admin refunds part or all of a payment. The same key refunds
 * once; never more than what is left.
 */
export const refundByHand = paymentAction('refund', async (req, payment) => {
  if (!adminsClinic(req, payment.tenant)) return problem(403, 'Only the clinic’s admins refund payments.')
  const key = req.headers.get('idempotency-key')
  if (!key || key.length > 200)
    return problem(400, 'Send an Idempotency-Key header (a unique string per refund) so a retried request never refunds twice.')
  const body = await readBody(req)
  if (body instanceof Response) return body
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (!reason || reason.length > 500) return problem(400, 'Say why in a few words (at most 500 characters).', 'reason')
  if (typeof body.amount !== 'number' || !Number.isInteger(body.amount))
    return problem(400, 'amount is a whole number of minor units (cents): 2250 refunds $22.50.', 'amount')
  try {
    const saved = await refundPayment(req, payment.id, { amount: body.amount, reason, key: `admin-${key}` })
    return json(200, { doc: await readAs(req, saved.id), message: 'Refunded.' })
  } catch (error) {
    if (error instanceof RefundRefused) return problem(error.status, error.message, 'amount')
    req.payload.logger.error({ err: error, payment: payment.id }, 'a refund failed at the payments provider')
    return problem(502, 'The payment service refused or did not answer; nothing was refunded. Try again in a moment.')
  }
})
