import type { Payload } from 'payload'
import { idOf } from '../../access/roles.ts'
import { publicDataCache } from '../../hooks/publicDataChanged.ts'
import { isTimeZone } from '../../collections/Tenants/validation.ts'

/** When a row has no clinic (a platform-wide audit entry) or the clinic is gone. */
export const NO_CLINIC_ZONE = 'UTC'

/**
 * A clinic's change shows here at once (this process) or within a second (the others, over the
 * cluster bus); this is how long a zone is kept at most, should a change go unheard.
 */
const LIFETIME_MS = 60_000

const zones = publicDataCache<string>(LIFETIME_MS)

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
  return zones(payload, String(id), () =>
    payload
      .findByID({ collection: 'tenants', id, depth: 0, select: { timeZone: true }, disableErrors: true })
      .then((clinic) => (isTimeZone(clinic?.timeZone) ? clinic.timeZone : NO_CLINIC_ZONE)),
  ).catch(() => NO_CLINIC_ZONE)
}
