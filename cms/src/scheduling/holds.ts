import type { PayloadRequest } from 'payload'
import type { Appointment } from '../payload-types.ts'
import { lookup } from '../database/index.ts'

/** How long a hold keeps a slot while the patient finishes booking. */
export const HOLD_MINUTES = 10

export const isExpiredHold = (visit: Pick<Appointment, 'status' | 'holdExpiresAt'>, now = Date.now()) =>
  visit.status === 'held' && Date.parse(visit.holdExpiresAt ?? '') <= now

/**
 * Expired holds never block anyone: a write whose time seems taken first
 * removes the expired holds of its doctor and patient (inside its own
 * transaction, see refuseOverlap) and looks again, and slot lists skip them. A hold that expired never became a visit, so nothing
 * of value is deleted.
 */
export async function releaseExpiredHolds(req: PayloadRequest, around: { doctor: unknown; patient: unknown }) {
  const expired = await lookup.all(
    req,
    'appointments',
    {
      and: [
        { status: { equals: 'held' } },
        { holdExpiresAt: { less_than_equal: new Date().toISOString() } },
        { or: [{ doctor: { equals: around.doctor } }, { patient: { equals: around.patient } }] },
      ],
    },
    { status: true },
  )
  for (const hold of expired) await req.payload.db.deleteOne({ collection: 'appointments', where: { id: { equals: hold.id } }, req })
}
