import type { PayloadRequest } from 'payload'
import { idOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import type { Visit } from '../http/loadVisit.ts'

const MINUTE = 60_000
const day = (t: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(t)
/** `14:45`, or `Tue 2 Dec, 14:45` when that is not today in `zone`. */
const clock = (t: number, zone: string, now: number) => {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(t)
  return day(t, zone) === day(now, zone) ? time : `${day(t, zone)}, ${time}`
}

/**
 * When a visit's call may be entered: confirmed visits only, inside the clinic's
 * join window (default 15 minutes before the start to 60 minutes after the end).
 * Returns the instant the window closes, or the reason it is shut.
 */
export async function joinWindow(
  req: PayloadRequest,
  visit: Visit,
  now = Date.now(),
): Promise<
  { closes: number } | { refusal: string; why: 'not-confirmed' | 'too-late' } | { refusal: string; why: 'too-early'; opensAt: string }
> {
  if (visit.status !== 'confirmed')
    return { refusal: `This visit is ${visit.status}, not confirmed: there is no call to join.`, why: 'not-confirmed' }
  const clinic = await lookup.byId(req, 'tenants', idOf(visit.tenant), { video: true, timeZone: true })
  const before = (clinic?.video?.joinMinutesBefore ?? 15) * MINUTE
  const after = (clinic?.video?.joinMinutesAfter ?? 60) * MINUTE
  const opens = Date.parse(visit.start) - before
  const closes = Date.parse(visit.end) + after
  const zone = clinic?.timeZone ?? 'UTC'
  // The instant too, so each site can say when in its own viewer's zone (the sentence has the clinic's).
  if (now < opens)
    return {
      refusal: `Too early: the visit opens at ${clock(opens, zone, now)} (${zone}), ${before / MINUTE} minutes before it starts.`,
      why: 'too-early',
      opensAt: new Date(opens).toISOString(),
    }
  if (now > closes) return { refusal: 'Too late: this visit has ended.', why: 'too-late' }
  return { closes }
}
