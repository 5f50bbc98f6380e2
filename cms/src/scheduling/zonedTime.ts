/**
 * Wall-clock time in an IANA zone ↔ UTC instants, with the runtime's own tz data
 * (Intl) and epoch milliseconds only: no date library in the slot loop.
 */

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, f)
  }
  return f
}

const BUCKET = 15 * MINUTE
/** Per zone, its offset per quarter hour of UTC: numeric keys, so a look-up builds no string. */
const offsets = new Map<string, Map<number, number>>()

/**
 * The zone's offset from UTC at `instant`, in milliseconds (e.g. +05:30 → 19 800 000).
 * Every real offset change happens on a quarter hour of UTC (offsets are whole
 * quarter hours and changes happen on the hour or half hour of local time), so
 * the answer is cached per zone and quarter hour: the slot loop rarely asks Intl.
 */
export function offsetAt(instant: number, zone: string): number {
  let zoneOffsets = offsets.get(zone)
  if (zoneOffsets === undefined) offsets.set(zone, (zoneOffsets = new Map()))
  const bucket = Math.floor(instant / BUCKET)
  let offset = zoneOffsets.get(bucket)
  if (offset === undefined) {
    offset = intlOffsetAt(bucket * BUCKET, zone)
    // About three years of quarter hours per zone: a server answering for any dates never grows without bound.
    if (zoneOffsets.size > 100_000) zoneOffsets.clear()
    zoneOffsets.set(bucket, offset)
  }
  return offset
}

function intlOffsetAt(instant: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** A calendar date, as in "2026-03-08". */
export type LocalDate = { year: number; month: number; day: number }

/**
 * The instant at which clocks in `zone` show `date` at `minutes` past midnight.
 * A wall time skipped by a daylight-saving jump maps to the instant just after the
 * jump (as people say "the 2:30 that never came is 3:30"); a repeated wall time
 * maps to its first occurrence.
 */
export function zonedToUtc(date: LocalDate, minutes: number, zone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE
  // Real zones change offset at most once within two days: the offsets a day
  // before and a day after are the only candidates.
  const before = offsetAt(wall - DAY, zone)
  const after = offsetAt(wall + DAY, zone)
  const early = wall - before
  const late = wall - after
  // No closure here: this runs several times per slot day of every doctor.
  const earlyShows = offsetAt(early, zone) === before
  const lateShows = offsetAt(late, zone) === after
  if (earlyShows && lateShows) return Math.min(early, late)
  if (lateShows) return late
  if (earlyShows) return early
  // Skipped by a jump forward: keep the earlier offset, which lands just past the jump.
  return early
}

/** The calendar date that clocks in `zone` show at `instant`. */
export function localDateAt(instant: number, zone: string): LocalDate {
  const shifted = new Date(instant + offsetAt(instant, zone))
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }
}

/** Day of week (0 = Sunday) of a calendar date. */
export const weekdayOf = (d: LocalDate) => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()

export const addDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days))
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

export const isoDate = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`

export const compareDates = (a: LocalDate, b: LocalDate) => a.year - b.year || a.month - b.month || a.day - b.day

export function parseIsoDate(value: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
  return isoDate(addDays(d, 0)) === value ? d : null
}

/** "09:30" → 570; null when not a time of day. "24:00" is allowed as the end of a day. */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value)
  if (!m) return null
  const minutes = Number(m[1]) * 60 + Number(m[2])
  return minutes <= 24 * 60 ? minutes : null
}
