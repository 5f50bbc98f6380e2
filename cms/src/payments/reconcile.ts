import type { Payload } from 'payload'
import { settlePayment } from './settle.ts'

/** Checkouts opened this recently are left to their patient and their webhooks. */
const SETTLE_MS = 2 * 60_000
/** Checkouts looked at per round. */
const LIMIT = 100

/**
 * Settles every checkout open for more than two minutes from the provider's own state: a webhook that never arrived (the
 * provider gave up, the endpoint was misconfigured) still ends in the right
 * state, paid and booked, or expired and released. Runs in the jobs runner.
 * Returns how many it settled into something else than open.
 */
export async function reconcileOpenCheckouts(payload: Payload, now = Date.now()): Promise<number> {
  const { docs } = await payload.db.find<{ id: number | string }>({
    collection: 'payments',
    where: { and: [{ status: { equals: 'open' } }, { createdAt: { less_than: new Date(now - SETTLE_MS).toISOString() } }] },
    select: {},
    sort: 'createdAt',
    limit: LIMIT,
    pagination: false,
  })
  let settled = 0
  for (const { id } of docs) {
    const after = await settlePayment(payload, id).catch((err: unknown) => {
      payload.logger.warn({ err, payment: id }, 'could not settle an open checkout with its provider; trying again later')
      return null
    })
    if (after && after.status !== 'open') settled++
  }
  return settled
}
