import { WEEKDAYS } from '../weekdays.ts'
import { instantOf, wallClockOf } from './zoned.ts'

/**
 * A doctor's availability as a plain form: each weekday's hours as
 * "09:00-12:00, 13:00-17:00", date overrides one per line ("2026-12-24 off",
 * "2026-12-31 09:00-12:00"), time off one per line
 * ("2026-12-20 09:00 to 2026-12-27 18:00 Holiday"), in the doctor's zone.
 */

type Range = { start: string; end: string }
export type Availability = {
  visitMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  minimumNoticeMinutes: number
  bookingHorizonDays: number
  dailyMaximum: number | null
  weeklyHours: ({ day: string } & Range)[]
  dateOverrides: { date: string; dayOff: boolean; ranges: Range[] }[]
  timeOff: { from: string; to: string; note?: string | null }[]
}

const NUMBERS = [
  'visitMinutes',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'minimumNoticeMinutes',
  'bookingHorizonDays',
  'dailyMaximum',
] as const
const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const pad = (clock: string) => clock.padStart(5, '0')
const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3))

/** "09:00-12:00, 13:00-17:00" → ranges, or the reason it cannot be read. */
function parseRanges(text: string): Range[] | string {
  const ranges: Range[] = []
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [start, end] = part.split(/\s*[-–]\s*/)
    if (!start || !end || !CLOCK.test(start) || !CLOCK.test(end)) return `"${part}" is not a range like 09:00-12:00.`
    if (minutes(pad(end)) <= minutes(pad(start))) return `${part}: a range must end after it starts.`
    ranges.push({ start: pad(start), end: pad(end) })
  }
  return ranges
}

export function toFormValues(a: Availability, zone: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const key of NUMBERS) values[key] = a[key] === null || a[key] === undefined ? '' : String(a[key])
  WEEKDAYS.forEach((_, day) => {
    values[`hours-${day}`] = a.weeklyHours
      .filter((h) => h.day === String(day))
      .map((h) => `${h.start}-${h.end}`)
      .join(', ')
  })
  values.dateOverrides = a.dateOverrides
    .map((o) => `${o.date} ${o.dayOff ? 'off' : o.ranges.map((r) => `${r.start}-${r.end}`).join(', ')}`)
    .join('\n')
  values.timeOff = a.timeOff
    .map((t) => `${wallClockOf(Date.parse(t.from), zone)} to ${wallClockOf(Date.parse(t.to), zone)}${t.note ? ` ${t.note}` : ''}`)
    .join('\n')
  return values
}

/** The posted form → the doctor's availability fields, or errors keyed by form field. */
export function fromForm(
  form: FormData,
  zone: string,
): { values: Record<string, string>; data?: Availability; errors: Record<string, string> } {
  const values: Record<string, string> = {}
  for (const [key, value] of form.entries()) values[key] = String(value)
  const errors: Record<string, string> = {}
  const number = (key: (typeof NUMBERS)[number], min: number, max: number, optional = false) => {
    const text = (values[key] ?? '').trim()
    if (optional && !text) return null
    const n = Number(text)
    if (!text || !Number.isInteger(n) || n < min || n > max) errors[key] = `A whole number from ${min} to ${max}.`
    return n
  }
  const weeklyHours: Availability['weeklyHours'] = []
  WEEKDAYS.forEach((_, day) => {
    const ranges = parseRanges(values[`hours-${day}`] ?? '')
    if (typeof ranges === 'string') errors[`hours-${day}`] = ranges
    else for (const r of ranges) weeklyHours.push({ day: String(day), ...r })
  })
  const dateOverrides: Availability['dateOverrides'] = []
  for (const [i, line] of (values.dateOverrides ?? '').split(/\r?\n/).entries()) {
    if (!line.trim()) continue
    const [date, ...rest] = line.trim().split(/\s+/)
    const what = rest.join(' ')
    if (!date || !DATE.test(date) || Number.isNaN(Date.parse(date))) {
      errors.dateOverrides = `Line ${i + 1}: start with a date such as 2026-12-24.`
      continue
    }
    if (/^off$/i.test(what)) dateOverrides.push({ date, dayOff: true, ranges: [] })
    else {
      const ranges = parseRanges(what)
      if (typeof ranges === 'string' || ranges.length === 0)
        errors.dateOverrides = `Line ${i + 1}: after the date write "off" or hours such as 09:00-12:00.`
      else dateOverrides.push({ date, dayOff: false, ranges })
    }
  }
  const timeOff: Availability['timeOff'] = []
  const TIME_OFF = /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s+to\s+(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*(.*)$/i
  for (const [i, line] of (values.timeOff ?? '').split(/\r?\n/).entries()) {
    if (!line.trim()) continue
    const m = TIME_OFF.exec(line.trim())
    if (!m || !CLOCK.test(m[2]!) || !CLOCK.test(m[4]!)) {
      errors.timeOff = `Line ${i + 1}: write it as 2026-12-20 09:00 to 2026-12-27 18:00, then an optional note.`
      continue
    }
    const from = instantOf(m[1]!, pad(m[2]!), zone)
    const to = instantOf(m[3]!, pad(m[4]!), zone)
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
      errors.timeOff = `Line ${i + 1}: time off must end after it starts.`
      continue
    }
    timeOff.push({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), note: m[5]?.trim() || null })
  }
  const data: Availability = {
    visitMinutes: number('visitMinutes', 5, 240)!,
    bufferBeforeMinutes: number('bufferBeforeMinutes', 0, 120)!,
    bufferAfterMinutes: number('bufferAfterMinutes', 0, 120)!,
    minimumNoticeMinutes: number('minimumNoticeMinutes', 0, 30 * 24 * 60)!,
    bookingHorizonDays: number('bookingHorizonDays', 1, 730)!,
    dailyMaximum: number('dailyMaximum', 1, 100, true),
    weeklyHours,
    dateOverrides,
    timeOff,
  }
  return Object.keys(errors).length ? { values, errors } : { values, data, errors }
}
