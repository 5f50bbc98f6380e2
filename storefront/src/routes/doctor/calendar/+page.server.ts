import { api, query } from '$lib/server/api.ts'
import { doctorSelf } from '$lib/server/doctorSelf.ts'
import { visitsWhere } from '$lib/server/visits.ts'
import { daysShown, instantRange, parseDate, parseView, stepDate, todayIn, type CalendarView } from '$lib/calendar/calendarDays.ts'
import { calendarColumns } from '$lib/calendar/calendarColumns.ts'
import type { WorkingHours } from '$lib/calendar/calendarLayout.ts'
import type { PageServerLoad } from './$types'

/** Visits that hold or held a time with a patient; cancelled ones and unfinished bookings are left off. */
const SHOWN = ['requested', 'confirmed', 'completed', 'no-show']
/** More visits than a doctor can take in a week; the API is asked for no more. */
const MOST = 500

/**
 * The doctor's own day or week (`?view=day|week&date=YYYY-MM-DD`), on the
 * doctor's clock. Only this doctor's visits, and only those in the shown days,
 * are fetched: the API would also show this doctor their patients' visits with
 * colleagues, which is not their calendar.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const me = await doctorSelf(locals, url)
  const zone = me.timeZone
  const now = Date.now()
  const today = todayIn(now, zone)
  const view = parseView(url.searchParams.get('view'))
  const asked = url.searchParams.get('date')
  const date = parseDate(asked) ?? today
  const days = daysShown(view, date)
  const { from, to } = instantRange(days, zone)
  const [hours, visits] = await Promise.all([
    // `user` and `tenant` too: the hours are readable only by the profile's own doctor and staff, judged from them.
    api<WorkingHours>(locals, `/api/doctors/${me.id}?${query({ depth: 0, select: { user: true, tenant: true, weeklyHours: true, dateOverrides: true, timeOff: true } })}`),
    visitsWhere(
      locals,
      {
        and: [
          { doctor: { equals: me.id } },
          { status: { in: SHOWN } },
          { start: { less_than: new Date(to).toISOString() } },
          { end: { greater_than: new Date(from).toISOString() } },
        ],
      },
      'start',
      MOST,
    ),
  ])
  const link = (v: CalendarView, d: string) => `${locals.basePath}/doctor/calendar?view=${v}&date=${d}`
  return {
    me,
    view,
    date,
    badDate: asked !== null && asked !== '' && parseDate(asked) === null ? asked : null,
    ...calendarColumns(days, visits, hours, zone, today, now, locals.clinic!.locale),
    links: {
      previous: link(view, stepDate(view, date, -1)),
      next: link(view, stepDate(view, date, 1)),
      today: link(view, today),
      day: link('day', days.includes(today) ? today : days[0]!),
      week: link('week', date),
      days: Object.fromEntries(days.map((d) => [d, link('day', d)])),
    },
  }
}
