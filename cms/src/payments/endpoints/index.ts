import { openCheckout } from './checkout.ts'
import { abandonPayment, markPaid, refreshPayment, refundByHand } from './changes.ts'
import { paymentTotals } from './totals.ts'

/** The payments collection's own endpoints, under /api/payments (fixed paths before the `/:id/…` ones). */
export const paymentEndpoints = [openCheckout, paymentTotals, refreshPayment, abandonPayment, markPaid, refundByHand]
