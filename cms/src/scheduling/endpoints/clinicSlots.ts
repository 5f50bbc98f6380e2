import type { Endpoint, Where } from 'payload'
import { computeSlots } from '../computeSlots.ts'
import { loadCalendar } from '../loadCalendar.ts'
import { json, parseRange, problem } from '../../http/endpoint.ts'

/**
 * `GET /api/slots?clinic=<slug>&specialty=&from=&to=` → the free slots of a
 * clinic's active doctors, optionally of one specialty, sorted by time; each slot
 * names its doctor and the doctor's zone, `timeZone` is the clinic's.
 * `&first=1` keeps only each doctor's first free slot (a directory's "next free").
 */
export const clinicSlots: Endpoint = {
  path: '/slots',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url!)
    const range = parseRange(url)
    if (range instanceof Response) return range
    const slug = url.searchParams.get('clinic')
    if (!slug) return problem(400, 'Say which clinic: ?clinic=<clinic slug>.', 'clinic')
    const clinic = (await req.payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, limit: 1, depth: 0 })).docs[0]
    if (!clinic) return problem(404, `There is no clinic "${slug}".`, 'clinic')
    const specialty = url.searchParams.get('specialty')
    const where: Where = {
      and: [{ tenant: { equals: clinic.id } }, { active: { equals: true } }, ...(specialty ? [{ specialties: { in: [specialty] } }] : [])],
    }
    // Active doctors only (the where): hours and time off are not public fields (access/doctors.ts), their free times are.
    const doctors = await req.payload.find({ collection: 'doctors', where, depth: 0, limit: 500, overrideAccess: true })
    const now = Date.now()
    const firstOnly = url.searchParams.get('first') === '1'
    const slots = []
    for (const doctor of doctors.docs) {
      const { availability, busy } = await loadCalendar(req.payload, doctor, range.from, range.to)
      const free = computeSlots({ availability, busy, ...range, now })
      for (const s of firstOnly ? free.slice(0, 1) : free) {
        slots.push({
          doctor: doctor.id,
          timeZone: availability.timeZone,
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
        })
      }
    }
    slots.sort((a, b) => a.start.localeCompare(b.start))
    return json(200, { timeZone: clinic.timeZone, slots })
  },
}
