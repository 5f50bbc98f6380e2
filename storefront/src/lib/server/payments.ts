import { error } from '@sveltejs/kit'
import { api, ApiError, query } from './api.ts'
import { isDocumentId } from './documentId.ts'
import type { Payment } from '../payments/payments.ts'
import type { VisitStatus } from '../visitStatus.ts'

/**
 * The patient's payments, through the platform's REST API (/api/payments: each
 * patient reads only their own; the platform writes them). A patient of several
 * clinics sees, on each clinic's site, that clinic's payments only.
 */

const NO_SUCH_PAYMENT = 'There is no such payment.'

/** The signed-in person's own payment at this clinic (doctors and clinic staff may read others': not on this site). */
const isMine = (locals: App.Locals, p: Pick<Payment, 'tenant' | 'patient'>) =>
  String(p.tenant) === String(locals.clinic!.id) && String(p.patient) === String(locals.user?.id)

/** The signed-in patient's payments at this clinic, newest first. */
export async function myPayments(locals: App.Locals, limit = 100): Promise<Payment[]> {
  if (!locals.user) return []
  const where = { and: [{ patient: { equals: locals.user.id } }, { tenant: { equals: locals.clinic!.id } }] }
  const { docs } = await api<{ docs: Payment[] }>(locals, `/api/payments?${query({ where, depth: 0, sort: '-createdAt', limit })}`)
  return docs
}

/** One payment of the signed-in patient's at this clinic, or a 404 page: also for one that exists but is someone else's. */
export async function paymentOr404(locals: App.Locals, id: string): Promise<Payment> {
  if (!isDocumentId(id)) error(404, NO_SUCH_PAYMENT)
  try {
    const doc = await api<Payment>(locals, `/api/payments/${id}?depth=0`)
    if (!isMine(locals, doc)) error(404, NO_SUCH_PAYMENT)
    return doc
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) error(404, NO_SUCH_PAYMENT)
    throw e
  }
}

/**
 * Asks the platform to bring a payment up to date, and answers it as it is then:
 * - `refresh`: the patient is back from the payment page; the platform asks the
 *   provider and settles the payment and the visit at once (paid and booked, or
 *   the time released; refunded in full when the time was taken meanwhile);
 * - `abandon`: the patient gave up on the payment page; it closes and the held
 *   time is free again (a payment already paid stays paid).
 * Both may be asked any number of times. A payment that is not the patient's is
 * a 404 page; any other refusal is thrown (an ApiError) for the page to say so.
 */
export async function settlePayment(locals: App.Locals, id: string, action: 'refresh' | 'abandon'): Promise<Payment> {
  if (!isDocumentId(id)) error(404, NO_SUCH_PAYMENT)
  let doc: Payment | undefined
  try {
    ;({ doc } = await api<{ doc?: Payment }>(locals, `/api/payments/${id}/${action}`, { method: 'POST' }))
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) error(404, NO_SUCH_PAYMENT)
    throw e
  }
  // The answer carries the payment; should it not, it is read as it is now.
  if (!doc) return paymentOr404(locals, id)
  if (!isMine(locals, doc)) error(404, NO_SUCH_PAYMENT)
  return doc
}

/**
 * The payment of a visit (the newest, if one failed before), or null: none (a
 * free visit, a clinic without payments), or the API did not answer. The visit's
 * page works without it.
 */
export async function visitPayment(locals: App.Locals, appointment: number | string): Promise<Payment | null> {
  const q = query({ where: { appointment: { equals: appointment } }, depth: 0, limit: 1, sort: '-createdAt' })
  try {
    const { docs } = await api<{ docs: Payment[] }>(locals, `/api/payments?${q}`)
    return docs[0] && isMine(locals, docs[0]) ? docs[0] : null
  } catch (e) {
    if (e instanceof ApiError) return null
    throw e
  }
}

/**
 * Opens the payment page for a time the patient holds, at a clinic that takes
 * payment when booking (the booking endpoint answered 402). `url`: the provider's
 * payment page to send the patient to; null when the clinic takes the money at
 * the desk (nothing to pay now). The same key (the booking form's) opens one
 * payment page however often the form is sent.
 */
export const openCheckout = (
  locals: App.Locals,
  hold: number | string,
  key: string,
  choices: { reason?: unknown; visitType?: unknown } = {},
) =>
  api<{ doc: Payment; url: string | null }>(locals, '/api/payments/checkout', {
    body: { hold, ...choices },
    headers: { 'Idempotency-Key': key },
  })

/**
 * The status of the visit a payment paid for, as the signed-in person may read
 * it; null when there is none (its hold was released, or it is not theirs).
 * `held` means it is not booked yet.
 */
export async function visitStatusOf(locals: App.Locals, appointment: number | string): Promise<VisitStatus | null> {
  try {
    const visit = await api<{ status: VisitStatus }>(locals, `/api/appointments/${encodeURIComponent(String(appointment))}?depth=0`)
    return visit.status
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null
    throw e
  }
}

/**
 * Where a paid payment sends the patient back to: its visit's page, once the
 * visit is booked (a notice there says the payment was received); null while
 * it is not (not paid, or its visit is still only held).
 */
export async function paidVisitPath(locals: App.Locals, p: Pick<Payment, 'status' | 'appointment'>): Promise<string | null> {
  if (p.status !== 'paid' || p.appointment === null) return null
  const status = await visitStatusOf(locals, p.appointment)
  return status && status !== 'held' ? `${locals.basePath}/appointments/${p.appointment}?paid=1` : null
}
