import type { Availability, Busy } from '../../cms/src/scheduling/computeSlots.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/**
 * The slot benchmark's baseline: the same weekly hours stepped through as if
 * every doctor lived in UTC, skipping booked visits with one forward pointer,
 * and nothing else (no zones, buffers, notice, overrides, time off or daily
 * maximum). The floor of any slot computation: computeSlots' ratio to it is what
 * the clinic's rules cost.
 */
export function bareSlots(a: Availability, busy: Busy[], from: number, to: number): number {
  const visit = a.visitMinutes * MINUTE
  const sorted = [...busy].sort((x, y) => x.start - y.start)
  let next = 0
  let count = 0
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    const weekday = new Date(day).getUTCDay()
    for (const range of a.weekly) {
      if (range.day !== weekday) continue
      const [h1, m1] = range.start.split(':').map(Number)
      const [h2, m2] = range.end.split(':').map(Number)
      const end = day + (h2! * 60 + m2!) * MINUTE
      for (let start = day + (h1! * 60 + m1!) * MINUTE; start + visit <= end; start += visit) {
        if (start < from || start >= to) continue
        while (next < sorted.length && sorted[next]!.end <= start) next++
        if (next < sorted.length && sorted[next]!.start < start + visit) continue
        count++
      }
    }
  }
  return count
}
