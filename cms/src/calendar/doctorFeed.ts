import type { Endpoint } from 'payload'
import { env } from '@telemed/config'
import { idOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { clinicSite } from '../email/clinicLink.ts'
import { writeAuditEntry } from '../hooks/audit.ts'
import { problem } from '../http/endpoint.ts'
import { hashToken } from './feedToken.ts'
import { initialsOf, revisionOf, toIcs } from './toIcs.ts'

const DAY = 86_400_000

/**
 * `GET /api/calendar/:token.ics`: a doctor's private feed of visits from 30 days
 * back to 90 ahead, with patient initials only. The token is the only credential,
 * so the answer for a wrong token is a plain 404.
 */
export const doctorFeed: Endpoint = {
  path: '/calendar/:file',
  method: 'get',
  handler: async (req) => {
    const file = String(req.routeParams?.file ?? '')
    const token = file.endsWith('.ics') ? file.slice(0, -4) : ''
    const doctor = token ? (await lookup.all(req, 'doctors', { calendarFeedHash: { equals: hashToken(token) } }))[0] : undefined
    if (!doctor) return problem(404, 'This calendar address is not valid (it may have been revoked).')
    const now = Date.now()
    const visits = await lookup.all(req, 'appointments', {
      and: [
        { doctor: { equals: doctor.id } },
        { start: { greater_than: new Date(now - 30 * DAY).toISOString() } },
        { start: { less_than: new Date(now + 90 * DAY).toISOString() } },
      ],
    })
    const patients = new Map<string, string>()
    for (const id of new Set(visits.map((v) => String(idOf(v.patient)))))
      patients.set(id, initialsOf((await lookup.byId(req, 'users', id))?.name ?? '?'))
    // The feed shows visits and patients' initials: a read by the doctor whose token it is, from wherever it is fetched.
    await writeAuditEntry(req, {
      action: 'read',
      collection: 'appointments',
      documentIds: visits.map((v) => String(v.id)),
      tenant: idOf(doctor.tenant),
      note: 'calendar feed',
      actor: { id: idOf(doctor.user)!, role: 'doctor' },
    })
    const { PUBLIC_URL } = env()
    const site = await clinicSite(req, idOf(doctor.tenant))
    const body = toIcs({
      name: `${doctor.displayName} · visits`,
      host: new URL(PUBLIC_URL).host,
      visits: visits.map((v) => ({
        id: v.id,
        start: v.start,
        end: v.end,
        status: v.status,
        revision: revisionOf(v),
        title: `Visit: ${patients.get(String(idOf(v.patient)))}`,
        joinUrl: `${site}/visits/${v.id}`,
      })),
    })
    return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' } })
  },
}
