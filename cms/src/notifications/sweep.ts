import type { Payload } from 'payload'
import { idOf } from '../access/roles.ts'
import { planBooked } from './visitMessages.ts'

const MINUTE = 60_000
/** Visits booked longer ago are not looked at: planning happens within milliseconds of a booking. */
const LOOK_BACK_MS = 6 * 60 * MINUTE
/** Visits booked this recently are left to their own planning, which may be running now. */
const SETTLE_MS = 2 * MINUTE
/** Visits looked at per sweep. */
const LIMIT = 500

type Visit = { id: number | string; tenant: unknown; patient: unknown; doctor: unknown; start: string; end: string; status: string }

/**
 * Finds visits booked in the last hours, still to come, whose messages were
 * never planned (the process that committed the booking was killed in the
 * milliseconds before planning, see docs/notifications.md) and plans them, as
 * at booking: "booked" (it says it
 * went late), the reminders still ahead and "starting". Only visits with no
 * message at all, so a message an admin cancelled by hand is never planned
 * again, and the database's unique keys keep two sweepers from planning twice.
 * Returns how many visits it planned.
 */
export async function sweepUnplannedVisits(payload: Payload, now = Date.now()): Promise<number> {
  const { docs: visits } = await payload.db.find<Visit>({
    collection: 'appointments',
    where: {
      and: [
        { status: { in: ['requested', 'confirmed'] } },
        { end: { greater_than: new Date(now).toISOString() } },
        { createdAt: { greater_than: new Date(now - LOOK_BACK_MS).toISOString() } },
        { createdAt: { less_than: new Date(now - SETTLE_MS).toISOString() } },
      ],
    },
    select: { tenant: true, patient: true, doctor: true, start: true, end: true, status: true },
    limit: LIMIT,
    pagination: false,
  })
  if (!visits.length) return 0
  const { docs: planned } = await payload.db.find<{ id: number | string; appointment?: unknown }>({
    collection: 'notifications',
    where: { appointment: { in: visits.map((v) => v.id) } },
    select: { appointment: true },
    limit: 0,
    pagination: false,
  })
  const withMessages = new Set(planned.map((m) => String(idOf(m.appointment))))
  const unplanned = visits.filter((v) => !withMessages.has(String(v.id)))
  for (const visit of unplanned)
    await planBooked(payload, {
      appointment: visit.id,
      tenant: idOf(visit.tenant)!,
      patient: idOf(visit.patient)!,
      doctor: idOf(visit.doctor)!,
      start: visit.start,
      end: visit.end,
      actor: null,
      at: new Date(now).toISOString(),
    })
  return unplanned.length
}
