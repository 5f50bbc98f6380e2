/**
 * The doctor's calendar as the page draws it: one column per shown day, with
 * the working hours shaded, time off marked, and each visit placed by its time
 * on the doctor's clock. Pure: the page's load fetches, this arranges.
 */
import { DEFAULT_LOCALE, dayLabel, timeLabel } from '../format.ts'
import { instantOf } from '../server/zoned.ts'
import type { VisitStatus } from '../visitStatus.ts'
import { hoursShown, minuteOn, placeVisits, timeOffSpans, workingSpans, type Placed, type Span, type WorkingHours } from './calendarLayout.ts'

/** What a visit block shows: no more of the visit than that. */
export type CalendarVisit = {
  id: number | string
  start: string
  end: string
  status: VisitStatus
  visitType: 'video' | 'chat'
  patient: { name: string }
}

export type CalendarBlock = Placed<{ id: string; status: VisitStatus; visitType: 'video' | 'chat'; patient: string; time: string; start: string; end: string }>

export type CalendarColumn = {
  date: string
  label: string
  isToday: boolean
  working: Span[]
  timeOff: Span[]
  visits: CalendarBlock[]
  /** Where "now" is drawn, in minutes after midnight, on today's column only. */
  now: number | null
}

/** The columns of `days` and the hours the grid shows (whole hours, `first` to `last`). */
export function calendarColumns(
  days: string[],
  visits: CalendarVisit[],
  hours: WorkingHours,
  zone: string,
  today: string,
  now: number,
  locale = DEFAULT_LOCALE,
): { columns: CalendarColumn[]; first: number; last: number } {
  const blocks = visits.map((v) => ({
    id: String(v.id),
    status: v.status,
    visitType: v.visitType,
    patient: v.patient.name,
    time: `${timeLabel(v.start, zone, locale)}–${timeLabel(v.end, zone, locale)}`,
    start: v.start,
    end: v.end,
  }))
  const columns = days.map((date) => ({
    date,
    // Noon is on the date in every zone, whatever its DST rules do around midnight.
    label: dayLabel(instantOf(date, '12:00', zone), zone, locale),
    isToday: date === today,
    working: workingSpans(date, hours, zone),
    timeOff: timeOffSpans(date, hours, zone),
    visits: placeVisits(date, blocks, zone),
    now: date === today ? minuteOn(date, now, zone) : null,
  }))
  const spans = columns.flatMap((c) => [...c.working, ...c.visits.map((v) => ({ from: v.top, to: v.top + v.length }))])
  return { columns, ...hoursShown(spans) }
}
