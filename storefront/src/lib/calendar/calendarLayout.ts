/**
 * Where things sit in a day column of the doctor's calendar: minutes after
 * midnight on the doctor's clock (wall time, so a 09:00 visit is drawn at 09:00
 * on both sides of a DST change), and side-by-side lanes for overlapping visits.
 */
import { wallClockOf } from '../server/zoned.ts'
import { jsWeekday } from './calendarDays.ts'

const DAY_MINUTES = 24 * 60

/** A stretch of one day column, in minutes after midnight on the doctor's clock. */
export type Span = { from: number; to: number }

/** The doctor's hours as the doctors collection stores them (clock strings in the doctor's zone). */
export type WorkingHours = {
  weeklyHours?: { day: string | number; start: string; end: string }[] | null
  dateOverrides?: { date: string; dayOff?: boolean | null; ranges?: { start: string; end: string }[] | null }[] | null
  timeOff?: { from: string; to: string; note?: string | null }[] | null
}

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/
const minutesOf = (clock: string) => {
  const m = CLOCK.exec(clock)
  return m ? Math.min(DAY_MINUTES, Number(m[1]) * 60 + Number(m[2])) : null
}

/** The instant's place on `date` in `zone`: its clock minutes, or the day's edge when it falls before or after. */
export function minuteOn(date: string, instant: number, zone: string): number {
  const [day, clock] = wallClockOf(instant, zone).split(' ') as [string, string]
  if (day < date) return 0
  if (day > date) return DAY_MINUTES
  return minutesOf(clock)!
}

/** Spans sorted and joined where they touch or overlap. */
function joined(spans: Span[]): Span[] {
  const out: Span[] = []
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    const last = out.at(-1)
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to)
    else out.push({ ...s })
  }
  return out
}

/** `spans` with every part covered by `cuts` taken out. */
function without(spans: Span[], cuts: Span[]): Span[] {
  let rest = spans
  for (const cut of cuts) {
    rest = rest.flatMap((s) =>
      cut.to <= s.from || cut.from >= s.to
        ? [s]
        : [
            { from: s.from, to: cut.from },
            { from: cut.to, to: s.to },
          ].filter((p) => p.to > p.from),
    )
  }
  return rest
}

/**
 * The doctor's working time on `date`: the date's own hours when it has an
 * override (none on a day off), else the weekday's, less any time off.
 */
export function workingSpans(date: string, hours: WorkingHours, zone: string): Span[] {
  const override = hours.dateOverrides?.find((o) => o.date === date)
  const ranges = override
    ? override.dayOff
      ? []
      : (override.ranges ?? [])
    : (hours.weeklyHours ?? []).filter((w) => Number(w.day) === jsWeekday(date))
  const spans: Span[] = []
  for (const r of ranges) {
    const from = minutesOf(r.start)
    const to = minutesOf(r.end)
    if (from !== null && to !== null && to > from) spans.push({ from, to })
  }
  return without(joined(spans), timeOffSpans(date, hours, zone))
}

/** The parts of `date` the doctor has taken off (time off is stored as instants). */
export function timeOffSpans(date: string, hours: WorkingHours, zone: string): Span[] {
  const spans: Span[] = []
  for (const off of hours.timeOff ?? []) {
    const start = Date.parse(off.from)
    const end = Date.parse(off.to)
    if (!(end > start)) continue
    const span = { from: minuteOn(date, start, zone), to: minuteOn(date, end, zone) }
    if (span.to > span.from) spans.push(span)
  }
  return joined(spans)
}

/** Something drawn in a day column, with the lane it takes among the visits it overlaps. */
export type Placed<T> = T & { top: number; length: number; lane: number; lanes: number }

/**
 * The visits of `date`, each with its place: top and length in minutes of the
 * doctor's clock (at least `minLength`, so a short visit stays readable), and a
 * lane among those it overlaps, so two visits at once sit side by side.
 */
export function placeVisits<T extends { start: string; end: string }>(date: string, visits: T[], zone: string, minLength = 20): Placed<T>[] {
  const placed = visits
    .map((v) => {
      const top = minuteOn(date, Date.parse(v.start), zone)
      const bottom = minuteOn(date, Date.parse(v.end), zone)
      return { ...v, top, length: Math.max(minLength, bottom - top), lane: 0, lanes: 1, ends: bottom }
    })
    .filter((v) => Date.parse(v.end) > Date.parse(v.start) && v.top < DAY_MINUTES && v.ends > 0)
    .sort((a, b) => a.top - b.top || b.length - a.length)
  // Clusters of visits that overlap one another, drawn as side-by-side lanes.
  let cluster: typeof placed = []
  let clusterEnd = -1
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((v) => v.lane + 1))
    for (const v of cluster) v.lanes = lanes
    cluster = []
  }
  for (const v of placed) {
    const bottom = v.top + v.length
    if (v.top >= clusterEnd) close()
    const laneEnds: number[] = []
    for (const other of cluster) laneEnds[other.lane] = Math.max(laneEnds[other.lane] ?? 0, other.top + other.length)
    let lane = laneEnds.findIndex((end) => end <= v.top)
    if (lane === -1) lane = laneEnds.length
    v.lane = lane
    cluster.push(v)
    clusterEnd = Math.max(clusterEnd, bottom)
  }
  close()
  return placed.map(({ ends: _ends, ...v }) => v as unknown as Placed<T>)
}

/**
 * The hours the grid shows: 08:00–18:00 at least, widened to whole hours around
 * every working span and visit shown, so nothing falls outside it.
 */
export function hoursShown(spans: Span[]): { first: number; last: number } {
  let from = 8 * 60
  let to = 18 * 60
  for (const s of spans) {
    from = Math.min(from, s.from)
    to = Math.max(to, s.to)
  }
  return { first: Math.floor(from / 60), last: Math.min(24, Math.ceil(to / 60)) }
}

