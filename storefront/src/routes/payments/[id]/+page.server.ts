import type { PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'
import { paymentOr404 } from '$lib/server/payments.ts'

/**
 * One payment: a receipt once paid (an invoice while due at the clinic), to read
 * or print. It names the visit's day and kind, never why the patient came.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  const p = await paymentOr404(locals, params.id)
  return {
    payment: {
      id: p.id,
      status: p.status,
      amount: p.amount,
      amountRefunded: p.amountRefunded,
      currency: p.currency,
      paidAt: p.paidAt ?? null,
      createdAt: p.createdAt,
      visitStart: p.visitStart,
      visitType: p.visitType,
      refunds: (p.refunds ?? []).map((r) => ({ id: r.id, amount: r.amount, reason: r.reason, status: r.status, at: r.at })),
      checkoutUrl: p.status === 'open' ? (p.checkoutUrl ?? null) : null,
      provider: p.provider,
    },
  }
}
