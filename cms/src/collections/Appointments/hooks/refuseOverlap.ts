import { APIError, type CollectionBeforeChangeHook, type Where } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'
import { releaseExpiredHolds } from '../../../scheduling/holds.ts'
import { timeTakenMessage } from '../../../scheduling/occupancy.ts'

/**
 * The friendly check: names the conflict before the database has to. The
 * database guard (scheduling/bookingGuard.ts) still decides under concurrency.
 * Expired holds stay in the table until a write needs their time: only when
 * something seems to clash are they removed, and the clash counted again.
 */
export const refuseOverlap: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (!data.blocking) return data
  const current = { ...(operation === 'update' ? originalDoc : {}), ...data }
  const notThis = operation === 'update' && originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []
  const clash = (where: Where[]) => lookup.count(req, 'appointments', { and: [...notThis, { blocking: { equals: true } }, ...where] })
  const clashes = async () => ({
    doctor: await clash([
      { doctor: { equals: idOf(current.doctor) } },
      { blockedStart: { less_than: data.blockedEnd } },
      { blockedEnd: { greater_than: data.blockedStart } },
    ]),
    patient: await clash([
      { patient: { equals: idOf(current.patient) } },
      { start: { less_than: current.end } },
      { end: { greater_than: current.start } },
    ]),
  })
  let found = await clashes()
  if (found.doctor || found.patient) {
    await releaseExpiredHolds(req, { doctor: idOf(current.doctor), patient: idOf(current.patient) })
    found = await clashes()
  }
  if (found.doctor > 0) throw new APIError(timeTakenMessage('doctor'), 409, null, true)
  if (found.patient > 0) throw new APIError(timeTakenMessage('patient'), 409, null, true)
  return data
}
