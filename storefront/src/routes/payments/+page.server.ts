import type { PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'
import { myPayments } from '$lib/server/payments.ts'

/** The patient's payments at this clinic, newest first: what each was for, and its receipt. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const payments = await myPayments(locals)
  return {
    // Only what the list shows: this is serialised into the page.
    payments: payments.map((p) => ({
      id: p.id,
      createdAt: p.createdAt,
      paidAt: p.paidAt ?? null,
      visitStart: p.visitStart,
      visitType: p.visitType,
      amount: p.amount,
      amountRefunded: p.amountRefunded,
      currency: p.currency,
      status: p.status,
      // The payment page, while it is open: "Pay now".
      checkoutUrl: p.status === 'open' ? (p.checkoutUrl ?? null) : null,
    })),
  }
}
