import { redirect } from '@sveltejs/kit'
import { ApiError } from '$lib/server/api.ts'
import type { PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'
import { paidVisitPath, settlePayment } from '$lib/server/payments.ts'

/**
 * Where the payment page sends the patient once they have paid. The platform
 * settles the payment with its provider now (not when the provider's webhook
 * arrives): paid, the visit is booked and the patient goes to it; otherwise
 * this page says what happened. Loading it again asks again.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  let payment
  try {
    payment = await settlePayment(locals, params.id, 'refresh')
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // The platform or the provider did not answer: nothing is lost, and the page can ask again.
    return { payment: null, booking: false }
  }
  const visit = await paidVisitPath(locals, payment)
  if (visit) redirect(303, visit)
  return {
    payment: {
      id: payment.id,
      status: payment.status,
      doctor: payment.doctor,
      amount: payment.amount,
      currency: payment.currency,
    },
    // Paid, but the visit is not booked yet (the platform books it as it settles; a retry finishes it).
    booking: payment.status === 'paid',
  }
}
