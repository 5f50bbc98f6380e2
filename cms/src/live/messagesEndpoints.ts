import type { Endpoint } from 'payload'
import { idOf } from '../access/roles.ts'
import { json, problem } from '../http/endpoint.ts'
import { loadVisit, visitAction } from '../http/loadVisit.ts'
import { afterCommit } from '../database/index.ts'
import { publishChatMessage } from './hub.ts'
import { tellTheOtherSide } from '../notifications/chatMessages.ts'

/** `GET /api/appointments/:id/messages`: the visit's chat, oldest first, for its patient, doctor and clinic admins. */
export const listMessages: Endpoint = {
  path: '/:id/messages',
  method: 'get',
  handler: async (req) => {
    const loaded = await loadVisit(req)
    if (loaded instanceof Response) return loaded
    const { docs } = await req.payload.find({
      collection: 'visit-messages',
      where: { appointment: { equals: loaded.visit.id } },
      sort: 'createdAt',
      limit: 500,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return json(200, { messages: docs.map((m) => ({ id: m.id, sender: idOf(m.sender), body: m.body, createdAt: m.createdAt })) })
  },
}

/** `POST /api/appointments/:id/messages` `{ body }`: the visit's patient or doctor writes; everyone in the room gets it at once. */
export const sendMessage = visitAction('/:id/messages', async (req, { visit, actor, body }) => {
  if (actor === 'admin') return problem(403, "Only the visit's patient and doctor write in its chat.")
  const text = typeof body.body === 'string' ? body.body.trim() : ''
  if (!text || text.length > 4000) return problem(400, 'Write a message of 1 to 4000 characters.', 'body')
  if (!['requested', 'confirmed', 'completed'].includes(visit.status))
    return problem(409, `This visit is ${visit.status}: its chat is closed.`)
  const doc = await req.payload.create({
    collection: 'visit-messages',
    data: { tenant: idOf(visit.tenant), appointment: visit.id, patient: idOf(visit.patient), sender: req.user!.id, body: text },
    overrideAccess: true,
    depth: 0,
    req,
  })
  const message = { id: doc.id, sender: req.user!.id, body: doc.body, createdAt: doc.createdAt }
  // By id, once stored: each server process reads it for the people in its part of the room.
  await afterCommit(req, async () => {
    await publishChatMessage(String(visit.id), doc.id)
    await tellTheOtherSide(req.payload, visit, req.user!.id).catch((error: unknown) =>
      req.payload.logger.error({ err: error }, 'could not plan the message about a chat message'),
    )
  })
  return json(201, { message })
})
