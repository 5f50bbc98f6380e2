import type { Payload } from 'payload'
import { idOf, sameId } from '../access/roles.ts'
import { peopleInRoom } from '../live/presence.ts'
import { planMessages } from './plan.ts'

const QUIET_MS = 15 * 60_000

type Visit = { id: number | string; tenant?: unknown; patient: unknown; doctor: unknown }

/**
 * A chat message written in a visit: the other side is told (by email and in
 * their inbox, as they chose) when they are not in the visit's room, at most
 * once per visit per 15 minutes, however many messages follow. The message
 * says who wrote, never what: it is read signed in.
 */
export async function tellTheOtherSide(payload: Payload, visit: Visit, sender: number | string): Promise<void> {
  const patient = idOf(visit.patient)!
  const recipient = sameId(sender, patient) ? await doctorUserOf(payload, idOf(visit.doctor)) : patient
  if (recipient === null || sameId(recipient, sender)) return
  const present = await peopleInRoom(payload, visit.id)
  if (present?.some((id) => sameId(id, recipient))) return
  const { totalDocs } = await payload.db.count({
    collection: 'notifications',
    where: {
      and: [
        { appointment: { equals: visit.id } },
        { recipient: { equals: recipient } },
        { event: { equals: 'chat.message' } },
        { createdAt: { greater_than: new Date(Date.now() - QUIET_MS).toISOString() } },
      ],
    },
  })
  if (totalDocs > 0) return
  await planMessages(payload, [
    {
      tenant: idOf(visit.tenant)!,
      recipient,
      event: 'chat.message',
      kind: 'chat.message',
      appointment: visit.id,
      scheduledFor: new Date(),
      // One per quarter hour at most, even for two messages written at the same instant (the key is unique).
      key: `${visit.id}:chat:${Math.floor(Date.now() / QUIET_MS)}`,
      details: { sender },
    },
  ])
}

async function doctorUserOf(payload: Payload, doctor: number | string | null): Promise<number | string | null> {
  if (doctor === null) return null
  const found = await payload.db.findOne<{ id: number | string; user?: unknown }>({
    collection: 'doctors',
    where: { id: { equals: doctor } },
    select: { user: true },
  })
  return idOf(found?.user) as number | string | null
}
