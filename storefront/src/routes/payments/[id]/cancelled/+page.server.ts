import { redirect } from '@sveltejs/kit'
import { ApiError } from '$lib/server/api.ts'
import type { PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'
import { paidVisitPath, settlePayment } from '$lib/server/payments.ts'

/**
 * Where the payment page sends the patient who gave up (its "back" link). The
 * platform closes the payment page and frees the held time, so others can book
 * it; loading this page again changes nothing more. Paid after all (in another
 * tab): the patient goes to their visit instead.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  let payment
  try {
    payment = await settlePayment(locals, params.id, 'abandon')
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // The payment service did not answer: the payment page closes by itself when it runs out, and frees the time then.
    return { payment: null }
  }
  const visit = await paidVisitPath(locals, payment)
  if (visit) redirect(303, visit)
  return {
    payment: {
      id: payment.id,
      status: payment.status,
      doctor: payment.doctor,
      visitStart: payment.visitStart,
      checkoutUrl: payment.status === 'open' ? (payment.checkoutUrl ?? null) : null,
    },
  }
}
