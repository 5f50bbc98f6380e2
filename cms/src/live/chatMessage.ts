import type { Payload, PayloadRequest } from 'payload'
import { idOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'

/** Platform look-ups outside any request: straight from the database adapter (see lookup.ts). */
const platformReq = (payload: Payload) => ({ payload, context: {} }) as unknown as PayloadRequest

/**
 * A chat message as the visit's room shows it (the same fields its sender was
 * answered with), read by id when the bus says it was written; null when it is
 * not a message of `appointment`.
 */
export async function loadChatMessage(payload: Payload, appointment: string, id: string) {
  const doc = await lookup.byId(platformReq(payload), 'visit-messages', id, {
    appointment: true,
    sender: true,
    body: true,
    createdAt: true,
  })
  if (!doc || String(idOf(doc.appointment)) !== appointment) return null
  return { id: doc.id, sender: idOf(doc.sender), body: doc.body, createdAt: doc.createdAt }
}
