import { createLocalReq, type Payload, type TaskConfig } from 'payload'
import type { ProviderEvent } from '@telemed/plugin-sdk'
import type { Payment } from '../payload-types.ts'
import { changePayment, paymentNamed, recordRefund } from './record.ts'
import { settlePayment } from './settle.ts'

export const APPLY_EVENT_TASK = 'payments-apply-event'

/** Not yet known: an event that came before the one it follows (a refund before its payment was recorded paid). */
class NotYetKnown extends Error {}

/**
 * Applies one stored provider event. Checkout events settle the payment from
 * the provider's state now (settlePayment), so their order does not matter; a
 * refund or dispute of a payment not yet recorded paid fails and is retried
 * with backoff, by when its payment is. Applied once: the event is marked.
 */
export async function applyProviderEvent(payload: Payload, eventId: number | string): Promise<string> {
  const row = await payload.findByID({ collection: 'payment-events', id: eventId, depth: 0, overrideAccess: true })
  if (row.processedAt) return row.outcome ?? 'applied before'
  const event = row.event as unknown as ProviderEvent
  const provider = row.provider
  const payment: Payment | null = event.checkoutId
    ? await paymentNamed(payload, provider, 'checkoutId', event.checkoutId)
    : event.paymentRef
      ? await paymentNamed(payload, provider, 'paymentRef', event.paymentRef)
      : null
  let outcome: string
  if (!payment) {
    if (event.type === 'refund.updated' || event.type === 'dispute.opened') throw new NotYetKnown(`no payment ${event.paymentRef} yet`)
    outcome = 'not a payment of this platform'
  } else {
    const req = await createLocalReq({}, payload)
    switch (event.type) {
      case 'checkout.paid':
      case 'checkout.expired':
        outcome = `payment ${(await settlePayment(payload, payment.id))?.status}`
        break
      case 'payment.failed':
        await changePayment(req, payment, {}, 'A payment attempt was declined')
        outcome = `payment ${(await settlePayment(payload, payment.id))?.status}`
        break
      case 'refund.updated': {
        const refund = event.refund!
        const known = payment.refunds?.find((r) => r.refundId === refund.id)
        const saved = await recordRefund(
          req,
          payment.id,
          {
            refundId: refund.id,
            key: known?.key ?? `provider-${refund.id}`,
            amount: refund.amount,
            reason: known?.reason ?? 'Refunded in the provider’s dashboard',
            status: refund.status,
            at: known?.at ?? new Date().toISOString(),
          },
          `Refund ${refund.id} is ${refund.status}`,
        )
        outcome = `payment ${saved.status}`
        break
      }
      case 'dispute.opened':
        await changePayment(req, payment, { disputed: true }, 'The patient’s bank opened a dispute: answer it in the provider’s dashboard')
        payload.logger.warn({ payment: payment.id, tenant: payment.tenant }, 'a payment is disputed')
        outcome = 'flagged as disputed'
        break
    }
  }
  await payload.update({
    collection: 'payment-events',
    id: row.id,
    data: { processedAt: new Date().toISOString(), outcome },
    depth: 0,
    overrideAccess: true,
  })
  return outcome
}

/** The job that applies a stored event: retried with backoff (30 s, 1 min, 2 min…) when it fails. */
export const applyEventTask: TaskConfig<{ input: { event: number }; output: Record<string, never> }> = {
  slug: APPLY_EVENT_TASK,
  inputSchema: [{ name: 'event', type: 'number', required: true }],
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, req }) => {
    await applyProviderEvent(req.payload, input.event)
    return { output: {} }
  },
}
