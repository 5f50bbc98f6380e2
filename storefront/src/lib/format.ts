/** Dates and times for people: always in a named zone, never the server's. */

/** The browser's IANA zone, set by the layout's script; read by the server to show times. */
export const ZONE_COOKIE = 'telemed-tz'

/** Zones already checked (every request of a visitor carries theirs in a cookie). */
const knownZones = new Set<string>()
export const isTimeZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string' || !zone) return false
  if (knownZones.has(zone)) return true
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    return false
  }
  if (knownZones.size < 1000) knownZones.add(zone)
  return true
}

/**
 * Building an Intl formatter costs far more than using one, and using one more
 * than remembering what it said: pages show the same few times to everyone (the
 * directory's next free slots), so labels are kept by kind, zone and instant.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()
const labels = new Map<string, string>()
const MAX_LABELS = 5000
function label(kind: string, locale: string, options: Intl.DateTimeFormatOptions, instant: string | number, zone: string) {
  const key = `${kind}|${zone}|${instant}`
  let text = labels.get(key)
  if (text === undefined) {
    let f = formatters.get(`${kind}|${zone}`)
    if (!f) formatters.set(`${kind}|${zone}`, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })))
    text = f.format(new Date(instant))
    if (labels.size >= MAX_LABELS) labels.clear()
    labels.set(key, text)
  }
  return text
}

/** `2026-12-01` for an instant, as the calendar day in `zone`. */
export const dayOf = (instant: string | number, zone: string) =>
  label('day', 'en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, instant, zone)

/** `Tue 1 Dec` */
export const dayLabel = (instant: string | number, zone: string) =>
  label('dayLabel', 'en-GB', { weekday: 'short', day: 'numeric', month: 'short' }, instant, zone)

/** `14:30` */
export const timeLabel = (instant: string | number, zone: string) =>
  label('time', 'en-GB', { hour: '2-digit', minute: '2-digit' }, instant, zone)

/** `Tue, 1 Dec 2026, 14:30` */
export const dateTimeLabel = (instant: string | number, zone: string) =>
  label(
    'dateTime',
    'en-GB',
    { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
    instant,
    zone,
  )

/**
 * `America/New_York` → `New York time`: how people name a zone (the city of its
 * IANA name). Zones without a city (`UTC`, `Etc/GMT+5`) keep their name.
 */
export const zoneName = (zone: string) => {
  const [area, ...rest] = zone.split('/')
  if (!rest.length || area === 'Etc') return zone
  return `${rest[rest.length - 1].replace(/_/g, ' ')} time`
}

/** `America/New_York` → `America/New_York, EST`: the exact zone, for a tooltip next to zoneName. */
export const zoneLabel = (zone: string, at: number = Date.now()) => {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')
  return short ? `${zone}, ${short.value}` : zone
}
