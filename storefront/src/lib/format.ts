/** Dates and times for people: always in a named zone, never the server's. */

/** The browser's IANA zone, set by the layout's script; read by the server to show times. */
export const ZONE_COOKIE = 'telemed-tz'

export const isTimeZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string' || !zone) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** `2026-12-01` for an instant, as the calendar day in `zone`. */
export const dayOf = (instant: string | number, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant))

/** `Tue 1 Dec` */
export const dayLabel = (instant: string | number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(instant))

/** `14:30` */
export const timeLabel = (instant: string | number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant))

/** `Tue 1 Dec 2026, 14:30` */
export const dateTimeLabel = (instant: string | number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant))

/** `Europe/London` → `Europe/London (GMT)`: the zone named and abbreviated. */
export const zoneLabel = (zone: string, at: number = Date.now()) => {
  const short = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')
  return short ? `${zone.replace(/_/g, ' ')} (${short.value})` : zone
}
