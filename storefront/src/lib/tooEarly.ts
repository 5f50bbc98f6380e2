import { dayLabel, dayOf, timeLabel, zoneName } from './format.ts'

/**
 * The site's "too early to join" sentence. The API says when the call opens as an
 * instant (`opensAt`); the site names it in the zone the page shows every other
 * time in (the viewer's), with the day unless that is today there.
 */
export function tooEarlyMessage(opensAt: string, start: string, zone: string, locale: string, now = Date.now()): string {
  const today = dayOf(opensAt, zone) === dayOf(new Date(now).toISOString().slice(0, 16), zone)
  const when = today ? `at ${timeLabel(opensAt, zone, locale)}` : `on ${dayLabel(opensAt, zone, locale)} at ${timeLabel(opensAt, zone, locale)}`
  const minutes = Math.round((Date.parse(start) - Date.parse(opensAt)) / 60_000)
  const lead = minutes > 0 ? `${minutes} minutes before the visit starts` : 'when the visit starts'
  return `Too early to join: the call opens ${when} (${zoneName(zone)}), ${lead}.`
}
