import type { PayloadRequest } from 'payload'
import { priceOf, pricingOf } from './price.ts'
import { paymentsFor } from './provider.ts'

/** What the booking endpoint answers (402) where the visit is booked only once paid. */
export const PAY_FIRST = 'This clinic takes payment when you book: pay to book the visit.'

/**
 * True when this visit is booked only once paid: the clinic asks for payment
 * when booking, takes it through a provider with a payment page (not at the
 * desk), and the visit is not free. Then the booking endpoint refuses (402) and
 * the site opens the checkout of the patient's hold instead.
 */
export async function paymentRequired(req: PayloadRequest, tenant: number | string, doctor: unknown, visitType: string): Promise<boolean> {
  if (!(await pricingOf(req, doctor))?.payWhenBooking) return false
  if (!(await priceOf(req, doctor, visitType))) return false
  return (await paymentsFor(req.payload, tenant)).name !== 'desk'
}
