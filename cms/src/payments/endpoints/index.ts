import { openCheckout } from './checkout.ts'
import { abandonPayment, markPaid, refreshPayment, refundByHand } from './changes.ts'

/** The payments collection's own endpoints, under /api/payments. */
export const paymentEndpoints = [openCheckout, refreshPayment, abandonPayment, markPaid, refundByHand]
