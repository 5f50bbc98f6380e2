/**
 * Which days a doctor's calendar shows, and how to step through them. Days are
 * plain `YYYY-MM-DD` dates on the doctor's own clock; arithmetic on them is done
 * in UTC (a date has no zone), so the server's time zone never shows through.
 */
import { instantOf, wallClockOf } from '../server/zoned.ts'

export type CalendarView = 'day' | 'week'

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const utcOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d)
}
const dateOfUtc = (t: number) => new Date(t).toISOString().slice(0, 10)

const LAST_DATE = '9000-12-31'

/**
 * `2026-02-30` → null; `2026-03-02` → itself. Only real calendar dates from 1970 to
 * 9000 pass: a week shown from a date near 9999 would step into year 10000, which
 * dates cannot be written in.
 */
export function parseDate(value: string | null): string | null {
  if (!value || !ISO_DATE.test(value) || value > LAST_DATE) return null
  const t = utcOf(value)
  return Number.isFinite(t) && t >= 0 && dateOfUtc(t) === value ? value : null
}

/** `?view=` as the calendar reads it: the week unless the day is asked for. */
export const parseView = (value: string | null): CalendarView => (value === 'day' ? 'day' : 'week')

/** The date shown on the clock in `zone` at `now`. */
export const todayIn = (now: number, zone: string) => wallClockOf(now, zone).slice(0, 10)

/** `date` moved by whole days (a day is a date, not 24 hours: DST does not move it). */
export const addDays = (date: string, days: number) => dateOfUtc(utcOf(date) + days * DAY_MS)

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export const isoWeekday = (date: string) => ((new Date(utcOf(date)).getUTCDay() + 6) % 7) + 1

/** 0 = Sunday … 6 = Saturday, as the doctors collection numbers weekly hours. */
export const jsWeekday = (date: string) => new Date(utcOf(date)).getUTCDay()

/** The dates the view shows around `date`: that day, or its week from Monday to Sunday. */
export function daysShown(view: CalendarView, date: string): string[] {
  if (view === 'day') return [date]
  const monday = addDays(date, 1 - isoWeekday(date))
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The date that "previous" (-1) or "next" (+1) opens: a day or a week away. */
export const stepDate = (view: CalendarView, date: string, direction: -1 | 1) => addDays(date, direction * (view === 'day' ? 1 : 7))

/**
 * The instants the shown days cover in `zone`: from the first day's midnight to
 * the midnight after the last one (a week with a DST change is 167 or 169 hours).
 */
export function instantRange(days: string[], zone: string): { from: number; to: number } {
  return { from: instantOf(days[0]!, '00:00', zone), to: instantOf(addDays(days.at(-1)!, 1), '00:00', zone) }
}
