/**
 * A visit's payment as the patient reads it: the platform's `payments` documents
 * (cms/src/collections/Payments), the fields the site shows. Amounts are integers
 * in the currency's minor unit (cents): write them with formatMoney (format.ts).
 * Nothing clinical: no reason for the visit, no notes; a receipt names the
 * clinic, the amount and the visit's day and kind only.
 */

export type PaymentStatus = 'open' | 'due' | 'paid' | 'partially-refunded' | 'refunded' | 'expired' | 'failed' | 'cancelled'

export type PaymentRefund = { id: string; amount: number; reason: string; status: 'pending' | 'succeeded' | 'failed'; at: string }

/** `GET /api/payments/:id?depth=0`, as the API answers the patient whose payment it is. */
export type Payment = {
  id: number
  tenant: number
  patient: number
  /** The visit it pays for (while paying: the patient's hold of the time). */
  appointment: number | null
  doctor: number
  visitStart: string
  visitType: 'video' | 'chat'
  amount: number
  /** ISO 4217, upper case: `USD`. */
  currency: string
  /** `desk`: paid at the clinic (an invoice); else the provider of the payment page, e.g. `stripe`. */
  provider: string
  status: PaymentStatus
  amountRefunded: number
  refunds?: PaymentRefund[] | null
  /** The provider's payment page, while the payment is `open`. */
  checkoutUrl?: string | null
  paidAt?: string | null
  createdAt: string
}

/** Each status as the patient reads it, in a few words (a badge in a list, on a receipt). */
export const PAYMENT_STATUS_LABEL: Record<PaymentStatus, string> = {
  open: 'Waiting for payment',
  due: 'Due at the clinic',
  paid: 'Paid',
  'partially-refunded': 'Partly refunded',
  refunded: 'Refunded',
  expired: 'Not paid (page closed)',
  failed: 'Not paid (declined)',
  cancelled: 'Cancelled',
}

/** What a status means, in a sentence on the payment's own page, where the badge says too little. */
export const PAYMENT_STATUS_NOTE: Partial<Record<PaymentStatus, string>> = {
  open: 'Waiting for you to pay on the payment page.',
  due: 'This is an invoice: you pay it at the clinic.',
  expired: 'The payment page closed before you paid: nothing was taken.',
  failed: 'The payment was declined: nothing was taken.',
  cancelled: 'The invoice was cancelled with the visit: nothing is due.',
}

/** A refund's status in words. */
export const REFUND_STATUS_LABEL: Record<PaymentRefund['status'], string> = {
  pending: 'On its way',
  succeeded: 'Refunded',
  failed: 'Failed: not refunded',
}

/** How each status reads at a glance (see Badge). */
export const PAYMENT_STATUS_TONE: Record<PaymentStatus, 'neutral' | 'info' | 'good' | 'warn' | 'bad'> = {
  open: 'warn',
  due: 'warn',
  paid: 'good',
  'partially-refunded': 'info',
  refunded: 'info',
  expired: 'neutral',
  failed: 'bad',
  cancelled: 'neutral',
}

/** Money was taken: the document is a receipt (refunds, if any, are on it). */
export const wasPaid = (status: PaymentStatus) => status === 'paid' || status === 'partially-refunded' || status === 'refunded'

/** What the patient paid and kept paid: the amount less what was refunded (refunds that failed do not count). */
export const netPaid = (p: Pick<Payment, 'amount' | 'amountRefunded' | 'status'>) =>
  wasPaid(p.status) ? Math.max(0, p.amount - p.amountRefunded) : 0

/** A payment's one line on its visit's page: what it says, and where its link goes (the receipt, or the payment page). */
export type PaymentLine = { text: string; link: { label: string; href: string; external?: boolean } | null }

/**
 * `Paid $45.00 — receipt`, `Pay at the clinic: $45.00 due`, `Refunded $45.00`:
 * `money` writes an amount (formatMoney with the clinic's locale and the payment's currency).
 */
export function paymentLine(
  p: Pick<Payment, 'id' | 'status' | 'amount' | 'amountRefunded' | 'checkoutUrl'>,
  money: (minor: number) => string,
  receiptHref: string,
): PaymentLine {
  const receipt = { label: 'receipt', href: receiptHref }
  switch (p.status) {
    case 'paid':
      return { text: `Paid ${money(p.amount)}`, link: receipt }
    case 'partially-refunded':
      return { text: `Paid ${money(p.amount)}, ${money(p.amountRefunded)} refunded`, link: receipt }
    case 'refunded':
      return { text: `Refunded ${money(p.amountRefunded)}`, link: receipt }
    case 'due':
      return { text: `Pay at the clinic: ${money(p.amount)} due`, link: null }
    case 'open':
      return {
        text: `Waiting for your payment of ${money(p.amount)}`,
        link: p.checkoutUrl ? { label: 'pay now', href: p.checkoutUrl, external: true } : null,
      }
    case 'expired':
      return { text: `Not paid (${money(p.amount)}): the payment page closed`, link: null }
    case 'failed':
      return { text: `Not paid (${money(p.amount)}): the payment was declined`, link: null }
    case 'cancelled':
      return { text: `The invoice of ${money(p.amount)} was cancelled with the visit`, link: null }
  }
}
