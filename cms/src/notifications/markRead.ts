import type { Endpoint, Where } from 'payload'
import { json, problem, readBody } from '../http/endpoint.ts'

/** Ids marked at once, at most: an inbox page shows 50. */
const MAX_IDS = 200

/**
 * `POST /api/notifications/read` `{ ids: [1, 2] }` or `{ all: true }`, with
 * `clinic` (an id) to keep to one clinic's messages: the signed-in person marks
 * their own in-app messages read (others' ids are left alone, silently: nobody
 * learns which ids exist). Answers `{ unread }`, the messages still unread in
 * their inbox (of that clinic).
 */
export const markRead: Endpoint = {
  path: '/read',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return problem(401, 'Sign in to read your messages.')
    const body = await readBody(req)
    if (body instanceof Response) return body
    const all = body.all === true
    const ids = body.ids
    if (
      !all &&
      !(
        Array.isArray(ids) &&
        ids.length <= MAX_IDS &&
        ids.every((id) => Number.isInteger(id) || (typeof id === 'string' && /^[\w-]{1,40}$/.test(id)))
      )
    )
      return problem(400, `Send { "ids": [...] } with at most ${MAX_IDS} message ids, or { "all": true }.`, 'ids')
    const clinic = body.clinic
    if (clinic !== undefined && !(Number.isInteger(clinic) || (typeof clinic === 'string' && /^[\w-]{1,40}$/.test(clinic))))
      return problem(400, 'clinic must be the id of a clinic.', 'clinic')
    const mine: Where[] = [
      ...(clinic === undefined ? [] : [{ tenant: { equals: clinic } }]),
      { recipient: { equals: req.user.id } },
      { channel: { equals: 'in-app' } },
      { status: { equals: 'sent' } },
      { readAt: { exists: false } },
    ]
    if (all || (ids as unknown[]).length)
      // The platform's own write (readAt is nobody's to set through the collection), limited to the reader's messages.
      await req.payload.db.updateMany({
        collection: 'notifications',
        where: { and: [...mine, ...(all ? [] : [{ id: { in: ids } }])] },
        data: { readAt: new Date().toISOString() },
      })
    const { totalDocs } = await req.payload.count({ collection: 'notifications', where: { and: mine }, overrideAccess: true, req })
    return json(200, { unread: totalDocs })
  },
}
