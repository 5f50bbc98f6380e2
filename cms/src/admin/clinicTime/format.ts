/**
 * Dates and times as a clinic's staff read them in the admin panel: in the
 * clinic's own zone, with the zone named, never the browser's or the server's.
 * Kept in step with the clinic site's formatting (storefront/src/lib/format.ts),
 * which the admin panel cannot import (another package, another bundler).
 */

/** Building an Intl formatter costs far more than using one; a list formats ~100 dates per render. */
const formatters = new Map<string, Intl.DateTimeFormat>()
function format(kind: string, options: Intl.DateTimeFormatOptions, instant: string | number | Date, zone: string): string {
  const key = `${kind}|${zone}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone })))
  return f.format(new Date(instant))
}

/** `Tue, 1 Dec 2026, 10:30` in `zone`. */
export const dateTimeIn = (instant: string | number | Date, zone: string) =>
  format('dateTime', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }, instant, zone)

/** `Tue 1 Dec` in `zone`. */
export const dayIn = (instant: string | number | Date, zone: string) =>
  format('day', { weekday: 'short', day: 'numeric', month: 'short' }, instant, zone)

/** `10:30` in `zone`. */
export const clockIn = (instant: string | number | Date, zone: string) => format('clock', { hour: '2-digit', minute: '2-digit' }, instant, zone)

/** `Tue 1 Dec, 10:30`, or `Tue 1 Dec, 10:30–11:00` with an end on the same day in `zone`. */
export function whenIn(start: string | number | Date, zone: string, end?: string | number | Date): string {
  const from = `${dayIn(start, zone)}, ${clockIn(start, zone)}`
  if (end === undefined) return from
  return dayIn(end, zone) === dayIn(start, zone) ? `${from}–${clockIn(end, zone)}` : `${from} – ${dayIn(end, zone)}, ${clockIn(end, zone)}`
}

/**
 * `America/New_York` → `New York time`: how people name a zone (the city of its
 * IANA name). Zones without a city (`UTC`, `Etc/GMT+5`) keep their name.
 */
export function zoneName(zone: string): string {
  const [area, ...rest] = zone.split('/')
  if (!rest.length || area === 'Etc') return zone
  return `${(rest[rest.length - 1] ?? zone).replace(/_/g, ' ')} time`
}

/** `America/New_York, EST`: the exact zone, for a tooltip next to zoneName. */
export function zoneLabel(zone: string, at: string | number | Date = Date.now()): string {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(at))
    .find((p) => p.type === 'timeZoneName')
  return short ? `${zone}, ${short.value}` : zone
}

/** Whether `value` is an instant a date can be made of (a stored date may be missing or malformed). */
export const isInstant = (value: unknown): value is string | number =>
  (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())
