import type { PayloadRequest } from 'payload'
import { idOf } from '../../../access/roles.ts'
import type { HistoryEntry, Person } from './historyText.ts'

/**
 * The people a visit's history names, read with the viewer's own access (never
 * around it): an account the viewer may not read stays unnamed, and the timeline
 * says "the patient", "the doctor" or "a staff member" instead. Two queries per
 * visit: its doctor (for the doctor's account and name) and the accounts at once.
 */
export async function historyPeople(
  req: PayloadRequest,
  visit: { history?: readonly HistoryEntry[] | null; doctor?: unknown },
): Promise<{ people: Map<string, Person>; doctorUserId: unknown; doctorName: string | null }> {
  const asViewer = { req, user: req.user, overrideAccess: false, depth: 0 } as const
  const doctorId = idOf(visit.doctor)
  const doctor =
    doctorId === null
      ? null
      : await req.payload.findByID({ ...asViewer, collection: 'doctors', id: doctorId, select: { user: true, displayName: true }, disableErrors: true })
  const ids = [...new Set((visit.history ?? []).map((entry) => idOf(entry.by)).filter((id) => id !== null))]
  const people = new Map<string, Person>()
  if (ids.length > 0 && req.user) {
    const { docs } = await req.payload.find({
      ...asViewer,
      collection: 'users',
      where: { id: { in: ids } },
      select: { name: true, role: true },
      limit: ids.length,
      pagination: false,
    })
    for (const user of docs as { id: unknown; name?: unknown; role?: unknown }[])
      if (typeof user.name === 'string') people.set(String(user.id), { name: user.name, role: typeof user.role === 'string' ? user.role : null })
  }
  const doctorName = typeof doctor?.displayName === 'string' ? doctor.displayName : null
  return { people, doctorUserId: idOf(doctor?.user), doctorName }
}
