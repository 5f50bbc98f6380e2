import { addDays, compareDates, isoDate, localDateAt, parseClock, weekdayOf, zonedToUtc, type LocalDate } from './zonedTime.ts'

const MINUTE = 60_000

/** Working hours on one weekday (0 = Sunday), as wall-clock times in the doctor's zone. */
export type WeeklyRange = { day: number; start: string; end: string }
/** Different hours on one date (`ranges` empty or `dayOff` for a day off). */
export type DateOverride = { date: string; dayOff?: boolean; ranges?: { start: string; end: string }[] }

/** Everything about a doctor's calendar that decides when patients may book. */
export type Availability = {
  timeZone: string
  visitMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  /** No booking closer than this to now. */
  minimumNoticeMinutes: number
  /** No booking further ahead than this. */
  bookingHorizonDays: number
  /** At most this many visits on one local day (null: no limit). */
  dailyMaximum: number | null
  weekly: WeeklyRange[]
  overrides: DateOverride[]
  /** Absences as UTC instants (epoch ms), end exclusive. */
  timeOff: { start: number; end: number }[]
}

/** A booked visit or a hold, as UTC instants (epoch ms). */
export type Busy = { start: number; end: number }
export type Slot = { start: number; end: number }

export type SlotQuery = {
  availability: Availability
  /**
   * Visits and holds that already block the calendar (their own buffers are added here); with a
   * daily maximum, every one of the days [from, to) touches, or the maximum counts too few.
   */
  busy: Busy[]
  from: number
  to: number
  now: number
}

type Minutes = [number, number][]

/** Clock ranges → minutes after midnight, in time order and without overlaps (the busy pointer relies on it). */
function minuteRanges(raw: { start: string; end: string }[]): Minutes {
  const ranges: Minutes = []
  for (const r of raw) {
    const start = parseClock(r.start)
    const end = parseClock(r.end)
    if (start !== null && end !== null && end > start) ranges.push([start, end])
  }
  ranges.sort((x, y) => x[0] - y[0])
  const joined: Minutes = []
  for (const r of ranges) {
    const last = joined[joined.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else joined.push([...r])
  }
  return joined
}

/**
 * The working ranges of each local date, with every clock time parsed once per
 * call rather than once per date: a clinic group asks for thousands of doctors.
 */
function workingRanges(a: Availability): (date: LocalDate) => Minutes {
  const weekly = Array.from({ length: 7 }, (_, day) => minuteRanges(a.weekly.filter((w) => w.day === day)))
  // The first override of a date wins, as it always has.
  const overrides = new Map<string, Minutes>()
  for (const o of a.overrides) if (!overrides.has(o.date)) overrides.set(o.date, o.dayOff ? [] : minuteRanges(o.ranges ?? []))
  if (overrides.size === 0) return (date) => weekly[weekdayOf(date)]!
  return (date) => overrides.get(isoDate(date)) ?? weekly[weekdayOf(date)]!
}

/** The working ranges of one local date, in minutes after midnight. */
export function rangesOn(date: LocalDate, a: Availability): [number, number][] {
  return workingRanges(a)(date)
}

/** A plain loop, no callback: it runs for every candidate slot. */
function overlaps(aStart: number, aEnd: number, list: Busy[]): boolean {
  for (const b of list) if (b.start < aEnd && b.end > aStart) return true
  return false
}

/** How many visits start in [from, to). */
function startsWithin(list: Busy[], from: number, to: number): number {
  let count = 0
  for (const b of list) if (b.start >= from && b.start < to) count++
  return count
}

/** Sorted, merged intervals: their ends grow with their starts, so one forward pointer can walk them. */
function merged(intervals: Busy[]): Busy[] {
  const sorted = [...intervals].sort((x, y) => x.start - y.start)
  const out: Busy[] = []
  for (const b of sorted) {
    const last = out[out.length - 1]
    if (last && b.start <= last.end) last.end = Math.max(last.end, b.end)
    else out.push({ ...b })
  }
  return out
}

/**
 * The bookable slots of one doctor between `from` and `to` (UTC instants).
 *
 * Working hours are wall-clock times in the doctor's zone, turned into instants
 * per calendar day, so daylight-saving days are as long as they really are. A
 * slot is a visit (`visitMinutes`) starting on the grid of its working range
 * (one visit plus its buffers apart); it is bookable when it fits the range,
 * respects notice and horizon, misses time off, the daily maximum is not
 * reached, and neither it nor any booked visit, each widened by the buffers,
 * overlap. Pure: no database, no clock; `now` is an input.
 */
export function computeSlots({ availability: a, busy, from, to, now }: SlotQuery): Slot[] {
  const visit = a.visitMinutes * MINUTE
  const before = a.bufferBeforeMinutes * MINUTE
  const after = a.bufferAfterMinutes * MINUTE
  const step = visit + before + after
  const earliest = Math.max(from, now + a.minimumNoticeMinutes * MINUTE)
  const latest = Math.min(to, now + a.bookingHorizonDays * 24 * 60 * MINUTE)
  if (earliest >= latest || visit <= 0) return []

  const relevant = busy.filter((b) => b.end + after + before > earliest - step && b.start - before - after < latest + step)
  const blocked = merged(relevant.map((b) => ({ start: b.start - before, end: b.end + after })))
  let next = 0 // first blocked interval that may still overlap a later slot
  const slots: Slot[] = []
  const rangesOf = workingRanges(a)
  const lastDate = localDateAt(latest, a.timeZone)
  for (let date = localDateAt(earliest, a.timeZone); compareDates(date, lastDate) <= 0; date = addDays(date, 1)) {
    const ranges = rangesOf(date)
    if (ranges.length === 0) continue
    const dayStart = zonedToUtc(date, 0, a.timeZone)
    const dayEnd = zonedToUtc(addDays(date, 1), 0, a.timeZone)
    if (a.dailyMaximum !== null && startsWithin(busy, dayStart, dayEnd) >= a.dailyMaximum) continue
    for (const [startMinute, endMinute] of ranges) {
      const rangeStart = zonedToUtc(date, startMinute, a.timeZone)
      const rangeEnd = endMinute === 24 * 60 ? dayEnd : zonedToUtc(date, endMinute, a.timeZone)
      for (let start = rangeStart; start + visit <= rangeEnd; start += step) {
        const end = start + visit
        if (start < earliest || start >= latest) continue
        if (overlaps(start, end, a.timeOff)) continue
        const from = start - before
        while (next < blocked.length && blocked[next]!.end <= from) next++
        if (next < blocked.length && blocked[next]!.start < end + after) continue
        slots.push({ start, end })
      }
    }
  }
  return slots
}
