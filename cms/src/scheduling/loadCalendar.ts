import type { Payload } from 'payload'
import type { Appointment } from '../payload-types.ts'
import { availabilityOf } from './availabilityOf.ts'
import type { Availability, Busy } from './computeSlots.ts'
import { isExpiredHold } from './holds.ts'

/**
 * A doctor's availability and the visits that block their time in [from, to):
 * only times leave this function, never who the visits are with.
 */
export async function loadCalendar(
  payload: Payload,
  doctor: Parameters<typeof availabilityOf>[0] & { id: number | string },
  from: number,
  to: number,
): Promise<{ availability: Availability; busy: Busy[] }> {
  const availability = availabilityOf(doctor)
  const margin = (availability.bufferBeforeMinutes + availability.bufferAfterMinutes) * 60_000
  // Straight from the adapter: only times are read, and no one is reading health data.
  const { docs } = await payload.db.find<Pick<Appointment, 'start' | 'end' | 'status' | 'holdExpiresAt'>>({
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
    limit: 0,
    pagination: false,
  })
  const now = Date.now()
  const live = docs.filter((d) => !isExpiredHold(d, now))
  return { availability, busy: live.map((d) => ({ start: Date.parse(d.start), end: Date.parse(d.end) })) }
}
