import type { Payload } from 'payload'
import type { Payment } from '../payload-types.ts'
import { idOf } from '../access/roles.ts'
import { planMessages } from '../notifications/plan.ts'

/**
 * Tells the patient of a payment (`payment.receipt`) or a refund
 * (`payment.refund`) through the notification templates and channels: the
 * clinic, the amount and a link to the receipt, never what the visit was for.
 * Once per payment, or per refund (the message's unique key).
 */
export async function tellPatient(
  payload: Payload,
  payment: Payment,
  event: 'payment.receipt' | 'payment.refund',
  { amount, refund }: { amount: number; refund?: string },
): Promise<void> {
  await planMessages(payload, [
    {
      tenant: idOf(payment.tenant)!,
      recipient: idOf(payment.patient)!,
      event,
      kind: event,
      scheduledFor: new Date(),
      key: `payment-${payment.id}:${event}${refund ? `:${refund}` : ''}`,
      details: { payment: payment.id, amount, currency: payment.currency },
    },
  ])
}
