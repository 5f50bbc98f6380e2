import type { Payload } from 'payload'
import { availabilityOf } from './availabilityOf.ts'
import type { Availability, Busy } from './computeSlots.ts'
import { SKIP_AUDIT } from '../hooks/audit.ts'
import { isExpiredHold } from './holds.ts'

/**
 * A doctor's availability and the visits that block their time in [from, to):
 * only times leave this function, never who the visits are with.
 */
export async function loadCalendar(payload: Payload, doctor: Parameters<typeof availabilityOf>[0] & { id: number | string }, from: number, to: number): Promise<{ availability: Availability; busy: Busy[] }> {
  const availability = availabilityOf(doctor)
  const margin = (availability.bufferBeforeMinutes + availability.bufferAfterMinutes) * 60_000
  const { docs } = await payload.find({
    collection: 'appointments',
    where: {
      and: [
        { doctor: { equals: doctor.id } },
        { blocking: { equals: true } },
        { start: { less_than: new Date(to + margin).toISOString() } },
        { end: { greater_than: new Date(from - margin).toISOString() } },
      ],
    },
    select: { start: true, end: true, status: true, holdExpiresAt: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    context: { [SKIP_AUDIT]: true },
  })
  const now = Date.now()
  const live = docs.filter((d) => !isExpiredHold(d as never, now))
  return { availability, busy: live.map((d) => ({ start: Date.parse(d.start as string), end: Date.parse(d.end as string) })) }
}
