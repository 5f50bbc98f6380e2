import type { Endpoint } from 'payload'
import { idOf } from '../access/roles.ts'
import { lookup } from '../lookup.ts'
import { json, problem } from '../scheduling/endpoints/http.ts'
import { loadVisit } from '../scheduling/endpoints/visit/loadVisit.ts'
import { videoProviderOf } from './provider.ts'

const MINUTE = 60_000
const clock = (t: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(t)

/**
 * `POST /api/appointments/:id/join` → `{ provider, token | room, expiresAt, role }`:
 * a grant to enter the visit's call, for its patient (publisher) and its doctor
 * (moderator) only, for a confirmed visit, inside the clinic's join window
 * (default 15 minutes before the start to 60 minutes after the end).
 * 403 with the reason otherwise.
 */
export const joinVisit: Endpoint = {
  path: '/:id/join',
  method: 'post',
  handler: async (req) => {
    const loaded = await loadVisit(req)
    if (loaded instanceof Response) return loaded.status === 403 ? problem(403, 'You are not a participant of this visit.') : loaded
    const { visit, actor } = loaded
    if (actor === 'admin') return problem(403, 'You are not a participant of this visit: only its patient and doctor join the call.')
    if (visit.status !== 'confirmed') return problem(403, `This visit is ${visit.status}, not confirmed: there is no call to join.`)
    const clinic = await lookup.byId(req, 'tenants', idOf(visit.tenant), { video: true, timeZone: true })
    const before = (clinic?.video?.joinMinutesBefore ?? 15) * MINUTE
    const after = (clinic?.video?.joinMinutesAfter ?? 60) * MINUTE
    const opens = Date.parse(visit.start) - before
    const closes = Date.parse(visit.end) + after
    const now = Date.now()
    const zone = clinic?.timeZone ?? 'UTC'
    if (now < opens)
      return problem(403, `Too early: the visit opens at ${clock(opens, zone)} (${zone}), ${before / MINUTE} minutes before it starts.`)
    if (now > closes) return problem(403, 'Too late: this visit has ended.')

    const provider = videoProviderOf(req.payload)
    const session = await provider.ensureSession(String(visit.id))
    const grant = await provider.join(session, {
      userId: String(req.user!.id),
      role: actor === 'doctor' ? 'moderator' : 'publisher',
      displayName: String((req.user as { name?: string }).name ?? ''),
    })
    return json(200, { ...grant, expiresAt: new Date(closes).toISOString() })
  },
}
