import { isDocumentId } from './documentId.ts'

/**
 * The time a visitor chose on a doctor's page before signing in, registering
 * or joining the clinic: carried in the return address (see safeNext) as
 * `/doctors/<id>?day=<YYYY-MM-DD>&start=<ISO instant>`, so they come back to
 * that doctor, that day and that time. Carried values are never trusted: each
 * is checked for its form here, and the doctor's page checks them against the
 * clinic's doctors and the free times; anything else is dropped.
 */
export type BookingReturn = { doctor: string; day: string | null; start: string }

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** An ISO instant such as `2026-12-03T10:00:00.000Z` (or with an offset), as UTC; null for anything else. */
export function instantOf(value: string | null | undefined): string | null {
  if (!value || !INSTANT.test(value)) return null
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : new Date(at).toISOString()
}

/** A calendar day `YYYY-MM-DD` that exists; null for anything else. */
export function dayOrNull(value: string | null | undefined): string | null {
  if (!value || !DAY.test(value)) return null
  const at = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(value) ? value : null
}

/** The return address for a chosen time of a doctor (a path of the site, see safeNext). */
export function bookingPath(doctor: string, day: string | null, start: string | null): string {
  const query = new URLSearchParams()
  const validDay = dayOrNull(day)
  const validStart = instantOf(start)
  if (validDay) query.set('day', validDay)
  if (validStart) query.set('start', validStart)
  const search = query.toString()
  return `/doctors/${encodeURIComponent(doctor)}${search ? `?${search}` : ''}#book-title`
}

/** The chosen time in a return address (a path checked by sitePath), or null when it carries none. */
export function bookingReturn(path: string | null): BookingReturn | null {
  if (!path) return null
  const url = new URL(path, 'http://site.invalid')
  const doctor = /^\/doctors\/([^/]+)$/.exec(url.pathname)?.[1]
  const start = instantOf(url.searchParams.get('start'))
  if (!doctor || !isDocumentId(doctor) || !start) return null
  return { doctor, day: dayOrNull(url.searchParams.get('day')), start }
}
