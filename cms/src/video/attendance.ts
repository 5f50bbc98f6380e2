import type { Payload } from 'payload'
import { idOf } from '../access/roles.ts'

/**
 * Ids arrive as text (from sockets and webhooks); the database's ids are numbers except on MongoDB, whose
 * text ids the generated document types (made for SQLite and PostgreSQL) do not describe.
 */
const asId = (id: string): number => (/^\d+$/.test(id) ? Number(id) : (id as unknown as number))

export type AttendanceEntry = {
  appointment: string
  /** A user id, or `guest-<id>` for a guest the patient invited. */
  userId: string
  role: 'patient' | 'doctor' | 'guest'
  source: 'room' | 'openvidu'
  at: number
}

/** Who the entry is about: `{ user }` or `{ guest }`. */
const who = (userId: string) => {
  const guest = /^guest-(.+)$/.exec(userId)?.[1]
  return guest ? { guest: asId(guest) } : { user: asId(userId) }
}

/** Someone entered the visit: an open attendance entry. */
export async function attendanceJoined(payload: Payload, { appointment, userId, role, source, at }: AttendanceEntry): Promise<void> {
  const visit = await payload.findByID({ collection: 'appointments', id: appointment, depth: 0, overrideAccess: true, disableErrors: true })
  if (!visit) return
  await payload.create({
    collection: 'visit-attendance',
    data: {
      tenant: idOf(visit.tenant),
      appointment: visit.id,
      patient: idOf(visit.patient),
      ...who(userId),
      role,
      source,
      joinedAt: new Date(at).toISOString(),
    },
    overrideAccess: true,
  })
}

/** They left: the latest open entry of theirs is closed with its length. */
export async function attendanceLeft(payload: Payload, { appointment, userId, source, at }: Omit<AttendanceEntry, 'role'>): Promise<void> {
  const { docs } = await payload.find({
    collection: 'visit-attendance',
    where: {
      and: [
        { appointment: { equals: appointment } },
        ...Object.entries(who(userId)).map(([field, id]) => ({ [field]: { equals: id } })),
        { source: { equals: source } },
        { leftAt: { exists: false } },
      ],
    },
    sort: '-joinedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const open = docs[0]
  if (!open) return
  await payload.update({
    collection: 'visit-attendance',
    id: open.id,
    data: {
      leftAt: new Date(at).toISOString(),
      seconds: Math.max(0, Math.round((at - Date.parse(open.joinedAt)) / 1000)),
    },
    overrideAccess: true,
  })
}
