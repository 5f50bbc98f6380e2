import { rangesOn, type Availability, type Busy } from './computeSlots.ts'
import { addDays, localDateAt, zonedToUtc } from './zonedTime.ts'

/**
 * The visits that no longer fit the doctor's hours: not inside one working range
 * of their local day, or during time off. Changing availability never cancels
 * them; this list is what the doctor is shown to sort out by hand.
 */
export function visitsOutsideHours<T extends Busy>(a: Availability, visits: T[]): T[] {
  return visits.filter((visit) => {
    if (a.timeOff.some((off) => off.start < visit.end && off.end > visit.start)) return true
    const date = localDateAt(visit.start, a.timeZone)
    const inside = rangesOn(date, a).some(([from, to]) => {
      const start = zonedToUtc(date, from, a.timeZone)
      const end = to === 24 * 60 ? zonedToUtc(addDays(date, 1), 0, a.timeZone) : zonedToUtc(date, to, a.timeZone)
      return visit.start >= start && visit.end <= end
    })
    return !inside
  })
}
