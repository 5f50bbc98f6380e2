/** A clinic's opening hours as stored (Clinics → Home page): a weekday (0 = Sunday) and wall-clock times in the clinic's zone. */
export type OpeningHours = { day: string; opens: string; closes: string }

/** One line of the footer's table: `Mon–Fri` and `08:00–19:00, …`, or `Closed`. */
export type HoursRow = { days: string; hours: string }

const SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
/** Monday first, as people read a week. */
const WEEK = [1, 2, 3, 4, 5, 6, 0]
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * The week as the footer shows it: days with the same hours joined (`Mon–Fri`),
 * several ranges of one day side by side, days without hours "Closed". Empty
 * when the clinic gave no hours (the footer then says nothing about hours).
 */
export function hoursRows(entries: OpeningHours[] | null | undefined): HoursRow[] {
  const byDay = new Map<number, string[]>()
  for (const e of entries ?? []) {
    const day = Number(e.day)
    if (!Number.isInteger(day) || day < 0 || day > 6 || !CLOCK.test(e.opens) || !CLOCK.test(e.closes)) continue
    byDay.set(day, [...(byDay.get(day) ?? []), `${e.opens}–${e.closes}`])
  }
  if (byDay.size === 0) return []
  const hoursOf = (day: number) => (byDay.get(day) ?? []).sort().join(', ') || 'Closed'
  const rows: { from: number; to: number; hours: string }[] = []
  for (const day of WEEK) {
    const last = rows.at(-1)
    if (last && last.hours === hoursOf(day)) last.to = day
    else rows.push({ from: day, to: day, hours: hoursOf(day) })
  }
  return rows.map(({ from, to, hours }) => ({ days: from === to ? SHORT[from]! : `${SHORT[from]}–${SHORT[to]}`, hours }))
}

/** `America/New_York` → `New York time`: how the footer names the zone its hours are in. */
export const zoneCity = (zone: string) => `${(zone.split('/').at(-1) ?? zone).replace(/_/g, ' ')} time`
