import type { PayloadRequest } from 'payload'
import { idOf } from '../access/roles.ts'
import type { Visit } from '../http/loadVisit.ts'

/**
 * The clinic's cutoff (Clinics → Booking policy) when it has passed for this
 * visit: the hours before the start after which a patient may no longer cancel
 * or move it online; null while they still may.
 */
export async function cutoffPassed(req: PayloadRequest, visit: Visit): Promise<number | null> {
  const clinic = await req.payload.findByID({ collection: 'tenants', id: idOf(visit.tenant)!, depth: 0 })
  const hours = clinic.bookingPolicy?.cancellationCutoffHours ?? 24
  return Date.parse(visit.start) - Date.now() < hours * 3_600_000 ? hours : null
}
