import type { Endpoint } from 'payload'
import { json, problem } from '../http/endpoint.ts'
import { renderMessage } from './send.ts'

/**
 * `GET /api/notifications/:id/rendered`: one message drawn as the platform sends
 * it (subject, HTML email, text, SMS, inbox line), with what the platform holds
 * now, for whoever may read that message (its recipient, the clinic's staff).
 */
export const renderedMessage: Endpoint = {
  path: '/:id/rendered',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return problem(401, 'Sign in to read messages.')
    const id = req.routeParams?.id as string
    const message = await req.payload
      .findByID({ collection: 'notifications', id, depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)
    if (!message) return problem(404, 'There is no such message, or it is not yours to read.')
    return json(200, await renderMessage(req.payload, message))
  },
}
