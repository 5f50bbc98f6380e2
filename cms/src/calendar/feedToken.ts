import { createHash, randomBytes } from 'node:crypto'
import type { Endpoint } from 'payload'
import { env } from '@telemed/config'
import { manageableDoctor } from '../access/manageDoctor.ts'
import { json, problem } from '../http/endpoint.ts'

/** Only a hash is stored: a leaked database does not leak working feed URLs. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * `POST /api/doctors/:id/calendar-feed` makes a new private feed URL (the old one
 * stops working); `DELETE` revokes it. For the doctor and the clinic's admins.
 */
export const createFeedToken: Endpoint = {
  path: '/:id/calendar-feed',
  method: 'post',
  handler: async (req) => {
    const doctor = await manageableDoctor(req, req.routeParams?.id)
    if (!doctor) return req.user ? problem(404, 'There is no such doctor you can manage.') : problem(401, 'Sign in first.')
    const token = randomBytes(24).toString('base64url')
    await req.payload.db.updateOne({ collection: 'doctors', id: doctor.id, data: { calendarFeedHash: hashToken(token) }, req })
    return json(201, {
      url: `${env().PUBLIC_URL}/api/calendar/${token}.ics`,
      message: 'Subscribe to this address in your calendar app. Keep it private.',
    })
  },
}

export const revokeFeedToken: Endpoint = {
  path: '/:id/calendar-feed',
  method: 'delete',
  handler: async (req) => {
    const doctor = await manageableDoctor(req, req.routeParams?.id)
    if (!doctor) return req.user ? problem(404, 'There is no such doctor you can manage.') : problem(401, 'Sign in first.')
    await req.payload.db.updateOne({ collection: 'doctors', id: doctor.id, data: { calendarFeedHash: null }, req })
    return json(200, { message: 'The calendar feed address no longer works.' })
  },
}
