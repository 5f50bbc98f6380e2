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

/** Building an Intl formatter costs far more than using one: one per kind of label and zone. */
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(kind: string, locale: string, options: Intl.DateTimeFormatOptions, zone: string) {
  const key = `${kind}|${zone}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })))
  return f
}

/** `2026-12-01` for an instant, as the calendar day in `zone`. */
export const dayOf = (instant: string | number, zone: string) =>
  formatter('day', 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, zone).format(new Date(instant))

/** `Tue 1 Dec` */
export const dayLabel = (instant: string | number, zone: string) =>
  formatter('dayLabel', 'en-GB', { weekday: 'short', day: 'numeric', month: 'short' }, zone).format(new Date(instant))

/** `14:30` */
export const timeLabel = (instant: string | number, zone: string) =>
  formatter('time', 'en-GB', { hour: '2-digit', minute: '2-digit' }, zone).format(new Date(instant))

/** `Tue 1 Dec 2026, 14:30` */
export const dateTimeLabel = (instant: string | number, zone: string) =>
  formatter(
    'dateTime',
    'en-GB',
    { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
    zone,
  ).format(new Date(instant))

/** `Europe/London` → `Europe/London (GMT)`: the zone named and abbreviated. */
export const zoneLabel = (zone: string, at: number = Date.now()) => {
  const short = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')
  return short ? `${zone.replace(/_/g, ' ')} (${short.value})` : zone
}
