import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { Appointment } from '../payload-types.ts'

/** What a calendar entry may carry: times, a title without clinical content, a link. */
export type CalendarVisit = {
  id: number | string
  start: string
  end: string
  status: string
  /** How many times the visit changed since it was booked (drives SEQUENCE). */
  revision: number
  title: string
  joinUrl: string
}

const uid = (id: CalendarVisit['id'], host: string) => `appointment-${id}@${host}`

/**
 * An RFC 5545 calendar of visits. Times are UTC instants, which every calendar
 * shows in its owner's zone; the UID is stable per visit and SEQUENCE grows with
 * each change, so calendars update the entry instead of adding a second one. A
 * single cancelled visit is published with METHOD:CANCEL.
 */
export function toIcs({ visits, name, host }: { visits: CalendarVisit[]; name: string; host: string }): string {
  const cancelOnly = visits.length === 1 && visits[0]!.status === 'cancelled'
  const calendar = ical({
    name,
    prodId: { company: 'Telemed', product: 'Visits', language: 'EN' },
    method: cancelOnly ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  })
  for (const visit of visits) {
    calendar.createEvent({
      id: uid(visit.id, host),
      sequence: visit.revision,
      start: new Date(visit.start),
      end: new Date(visit.end),
      summary: visit.title,
      description: `Join or manage this visit: ${visit.joinUrl}`,
      url: visit.joinUrl,
      status:
        visit.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : visit.status === 'requested'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
    })
  }
  return calendar.toString()
}

/** "Alice Walker" → "A. W.": enough for a doctor's own calendar, nothing more. */
export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]!.toUpperCase()}.`)
    .join(' ')

/** Changes recorded after creation: each reschedule or status change bumps SEQUENCE. */
export const revisionOf = (visit: Pick<Appointment, 'history'>) => Math.max(0, (visit.history?.length ?? 1) - 1)
