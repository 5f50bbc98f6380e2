import type { Endpoint } from 'payload'
import { env } from '@telemed/config'
import { idOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { clinicLink } from '../email/clinicLink.ts'
import { loadVisit } from '../http/loadVisit.ts'
import { revisionOf, toIcs } from './toIcs.ts'

/** `GET /api/appointments/:id/ics`: the visit as a calendar file, for its patient, doctor and clinic. */
export const appointmentIcs: Endpoint = {
  path: '/:id/ics',
  method: 'get',
  handler: async (req) => {
    const loaded = await loadVisit(req)
    if (loaded instanceof Response) return loaded
    const { visit } = loaded
    const clinic = await lookup.byId(req, 'tenants', idOf(visit.tenant))
    const { PUBLIC_URL } = env()
    const body = toIcs({
      name: clinic?.name ?? 'Visit',
      host: new URL(PUBLIC_URL).host,
      visits: [
        {
          id: visit.id,
          start: visit.start,
          end: visit.end,
          status: visit.status,
          revision: revisionOf(visit),
          title: `Visit with ${clinic?.name ?? 'your clinic'}`,
          // On the clinic's own site: a Sunrise patient's link must not open Northwind's.
          joinUrl: await clinicLink(req, idOf(visit.tenant), `/visits/${visit.id}`),
        },
      ],
    })
    return new Response(body, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="visit-${visit.id}.ics"`,
        'cache-control': 'private, no-store',
      },
    })
  },
}
