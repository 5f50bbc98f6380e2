import type { Endpoint } from 'payload'
import { computeSlots } from '../computeSlots.ts'
import { loadCalendar } from '../loadCalendar.ts'
import { json, parseRange, problem } from '../../http/endpoint.ts'

/**
 * `GET /api/doctors/:id/slots?from=&to=` → `{ slots: [{ doctor, start, end }], timeZone }`,
 * instants in UTC and the doctor's zone for display. Public for active doctors.
 */
export const doctorSlots: Endpoint = {
  path: '/:id/slots',
  method: 'get',
  handler: async (req) => {
    const range = parseRange(new URL(req.url!))
    if (range instanceof Response) return range
    const doctor = await req.payload
      .findByID({
        collection: 'doctors',
        id: String(req.routeParams?.id),
        depth: 0,
        // Hours and time off are not public fields (access/doctors.ts); an active doctor's free times are.
        overrideAccess: true,
        disableErrors: true,
      })
      .catch(() => null)
    if (!doctor || !doctor.active) return problem(404, 'There is no such doctor taking bookings.')
    const { availability, busy } = await loadCalendar(req.payload, doctor, range.from, range.to)
    const slots = computeSlots({ availability, busy, ...range, now: Date.now() })
    return json(200, {
      timeZone: availability.timeZone,
      slots: slots.map((s) => ({ doctor: doctor.id, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
    })
  },
}
