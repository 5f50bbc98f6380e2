import type { Endpoint } from 'payload'
import { manageableDoctor } from '../../access/manageDoctor.ts'
import { lookup } from '../../database/index.ts'
import { availabilityOf } from '../availabilityOf.ts'
import { visitsOutsideHours } from '../outsideHours.ts'
import { json, problem } from '../../http/endpoint.ts'

/**
 * `GET /api/doctors/:id/visits-outside-hours`: upcoming booked visits that the
 * doctor's current hours no longer cover (after an availability change). For the
 * doctor and the clinic's admins; times and ids only.
 */
export const doctorVisitsOutsideHours: Endpoint = {
  path: '/:id/visits-outside-hours',
  method: 'get',
  handler: async (req) => {
    const doctor = await manageableDoctor(req, req.routeParams?.id)
    if (!doctor) return req.user ? problem(404, 'There is no such doctor you can manage.') : problem(401, 'Sign in first.')
    const upcoming = await lookup.all(req, 'appointments', {
      and: [{ doctor: { equals: doctor.id } }, { blocking: { equals: true } }, { start: { greater_than: new Date().toISOString() } }],
    })
    const outside = visitsOutsideHours(
      availabilityOf(doctor),
      upcoming.map((v) => ({ id: v.id, status: v.status, start: Date.parse(v.start), end: Date.parse(v.end) })),
    )
    return json(200, {
      visits: outside.map((v) => ({
        id: v.id,
        status: v.status,
        start: new Date(v.start).toISOString(),
        end: new Date(v.end).toISOString(),
      })),
    })
  },
}
