import type { Payload } from 'payload'
import { idOf } from '../../access/roles.ts'
import { PUBLIC_DATA_VERSION } from '../../hooks/publicDataChanged.ts'
import { isTimeZone } from '../../collections/Tenants/validation.ts'

/** When a row has no clinic (a platform-wide audit entry) or the clinic is gone. */
export const NO_CLINIC_ZONE = 'UTC'

/**
 * Another process's change to a clinic's zone shows here within this time; a change made in
 * this process at once (it bumps the public data version the clinic sites use too).
 */
const LIFETIME_MS = 60_000

type Cached = { zone: Promise<string>; version: number; until: number }
const zones = new Map<string, Cached>()
const publicDataVersion = () => (globalThis as unknown as Record<symbol, number | undefined>)[PUBLIC_DATA_VERSION] ?? 0

/**
 * The time zone of a row's clinic (`tenant`: an id, or the clinic itself when
 * populated). A list of 100 visits asks the database once per clinic, not per
 * row: the answer, even one still on its way, is shared. A clinic's zone is public
 * (its site shows its opening hours in it), so it is read without the viewer's access.
 */
export function clinicZone(payload: Payload, tenant: unknown): Promise<string> {
  if (tenant && typeof tenant === 'object' && 'timeZone' in tenant && isTimeZone(tenant.timeZone)) return Promise.resolve(tenant.timeZone)
  const id = idOf(tenant)
  if (id === null) return Promise.resolve(NO_CLINIC_ZONE)
  const version = publicDataVersion()
  const key = String(id)
  const cached = zones.get(key)
  if (cached && cached.version === version && cached.until > Date.now()) return cached.zone
  const zone = payload
    .findByID({ collection: 'tenants', id, depth: 0, select: { timeZone: true }, disableErrors: true })
    .then((clinic) => (isTimeZone(clinic?.timeZone) ? clinic.timeZone : NO_CLINIC_ZONE))
    .catch(() => {
      zones.delete(key)
      return NO_CLINIC_ZONE
    })
  zones.set(key, { zone, version, until: Date.now() + LIFETIME_MS })
  return zone
}
