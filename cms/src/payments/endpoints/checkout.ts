import type { Endpoint } from 'payload'
import { idOf, sameId } from '../../access/roles.ts'
import { lookup } from '../../database/index.ts'
import { leavingDefaults } from '../../collections/leavingDefaults.ts'
import { clinicLink } from '../../email/clinicLink.ts'
import { json, problem, readBody } from '../../http/endpoint.ts'
import { isExpiredHold } from '../../scheduling/holds.ts'
import { priceOf } from '../price.ts'
import { paymentsFor } from '../provider.ts'
import { changePayment } from '../record.ts'
import { readAs } from './loadPayment.ts'

/** How long the payment page stays open (Stripe's shortest): the time stays held as long. */
export const CHECKOUT_MINUTES = 31

/**
 * `POST /api/payments/checkout` `{ hold, reason?, visitType? }`: the patient pays for a time they
 * hold, at a clinic that takes payment when booking. Opens the provider's
 * payment page (201 `{ doc, url }`) and keeps the time held while it is open;
 * the visit is booked once the provider says it is paid. Asked again for the
 * same hold, it answers the same payment and page.
 */
export const openCheckout: Endpoint = {
  path: '/checkout',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return problem(401, 'Sign in to pay for a visit.')
    if ((req.user as { role?: string }).role !== 'patient') return problem(403, 'Only patients pay for visits here.')
    const body = await readBody(req)
    if (body instanceof Response) return body
    const holdId = typeof body.hold === 'number' || typeof body.hold === 'string' ? body.hold : null
    const hold = await lookup.byId(req, 'appointments', holdId).catch(() => null)
    if (!hold || !sameId(idOf(hold.patient), req.user.id) || hold.status !== 'held')
      return problem(404, 'There is no such hold of yours.', 'hold')
    const { docs: earlier } = await req.payload.find({
      collection: 'payments',
      where: { and: [{ appointment: { equals: hold.id } }, { status: { in: ['open', 'paid'] } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    if (earlier[0]) return json(200, { doc: await readAs(req, earlier[0].id), url: earlier[0].checkoutUrl ?? null })
    if (isExpiredHold(hold)) return problem(409, 'Your hold ran out. Pick the time again.', 'hold')
    // What the booking form said, kept on the hold as a booking would keep it: the price depends on the kind of visit.
    if (body.visitType !== undefined && body.visitType !== 'video' && body.visitType !== 'chat')
      return problem(400, 'visitType is "video" or "chat".', 'visitType')
    if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > 2000))
      return problem(400, 'reason is a text of at most 2000 characters.', 'reason')
    if (body.visitType !== undefined || body.reason !== undefined) {
      const choices = {
        visitType: (body.visitType as 'video' | 'chat' | undefined) ?? hold.visitType,
        reason: (body.reason as string | undefined) ?? hold.reason,
      }
      await req.payload.db.updateOne({ collection: 'appointments', id: hold.id, data: choices })
      Object.assign(hold, choices)
    }
    const price = await priceOf(req, idOf(hold.doctor), hold.visitType ?? 'video')
    if (!price) return problem(409, 'This visit is free: book it without paying.')
    const tenant = idOf(hold.tenant)!
    const provider = await paymentsFor(req.payload, tenant)
    if (provider.name === 'desk') return problem(409, 'This clinic takes payment at the clinic: book the visit, and pay there.')
    const clinic = await lookup.byId(req, 'tenants', tenant, { name: true })
    const payment = await req.payload.create({
      collection: 'payments',
      data: leavingDefaults<'payments', 'amountRefunded'>({
        tenant,
        patient: req.user.id,
        appointment: hold.id,
        doctor: idOf(hold.doctor)!,
        visitStart: hold.start,
        visitEnd: hold.end,
        visitType: hold.visitType ?? 'video',
        amount: price.amount,
        currency: price.currency,
        provider: provider.name,
        status: 'open',
        history: [{ at: new Date().toISOString(), by: req.user.id, change: 'Payment page opened' }],
      }),
      depth: 0,
      overrideAccess: true,
    })
    const expiresAt = new Date(Date.now() + CHECKOUT_MINUTES * 60_000)
    let checkout
    try {
      checkout = await provider.createCheckout({
        reference: String(payment.id),
        amount: price.amount,
        currency: price.currency.toLowerCase(),
        description: `${hold.visitType === 'chat' ? 'Chat' : 'Video'} visit at ${clinic?.name ?? 'the clinic'}`,
        customerEmail: (req.user as { email?: string }).email,
        successUrl: await clinicLink(req, tenant, `/payments/${payment.id}/return`),
        cancelUrl: await clinicLink(req, tenant, `/payments/${payment.id}/cancelled`),
        expiresAt,
        idempotencyKey: `checkout-hold-${hold.id}`,
      })
    } catch (error) {
      await changePayment(req, payment, { status: 'failed' }, 'The payment page could not be opened')
      req.payload.logger.error({ err: error, payment: payment.id }, 'a payments provider refused to open a checkout')
      return problem(502, 'The payment service did not answer. Try again in a moment; nothing was charged.')
    }
    await req.payload.update({
      collection: 'payments',
      id: payment.id,
      data: { checkoutId: checkout.id, checkoutUrl: checkout.url, checkoutExpiresAt: checkout.expiresAt },
      depth: 0,
      overrideAccess: true,
    })
    // The time stays the patient's while the payment page is open: then it is released, or booked.
    await req.payload.db.updateOne({ collection: 'appointments', id: hold.id, data: { holdExpiresAt: checkout.expiresAt } })
    return json(201, { doc: await readAs(req, payment.id), url: checkout.url })
  },
}
