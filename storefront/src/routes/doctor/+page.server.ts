import { doctorSelf } from '$lib/server/doctorSelf.ts'
import { visitsWhere } from '$lib/server/visits.ts'
import { dayOf } from '$lib/format.ts'
import type { PageServerLoad } from './$types'

/** The doctor's day: visits still to come today and in the next week, in the doctor's own zone. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const me = await doctorSelf(locals, url)
  const now = Date.now()
  const visits = await visitsWhere(locals, {
    and: [
      { doctor: { equals: me.id } },
      { status: { in: ['requested', 'confirmed', 'completed', 'no-show'] } },
      { end: { greater_than: new Date(now - 12 * 3_600_000).toISOString() } },
      { start: { less_than: new Date(now + 8 * 86_400_000).toISOString() } },
    ],
  })
  const today = dayOf(now, me.timeZone)
  // Requested visits wait for the doctor, however far ahead: listed first, to confirm.
  const toConfirm = await visitsWhere(
    locals,
    { and: [{ doctor: { equals: me.id } }, { status: { equals: 'requested' } }, { start: { greater_than: new Date(now).toISOString() } }] },
    'start',
    50,
  )
  return {
    me,
    toConfirm,
    today: visits.filter((v) => dayOf(v.start, me.timeZone) === today),
    later: visits.filter((v) => dayOf(v.start, me.timeZone) > today),
  }
}
