import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { lookup } from '../../../lookup.ts'

export const OVERLAP_MESSAGE = 'This time overlaps another visit of the doctor. Choose another time.'
export const PATIENT_OVERLAP_MESSAGE = 'You already have a visit at this time. Choose another time.'

/**
 * The friendly check: names the conflict before the database has to. The
 * database guard (scheduling/bookingGuard.ts) still decides under concurrency.
 */
export const refuseOverlap: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (!data.blocking) return data
  const current = { ...(operation === 'update' ? originalDoc : {}), ...data }
  const notThis = operation === 'update' && originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []
  const clash = (where: object[]) =>
    lookup.count(req, 'appointments', { and: [...notThis, { blocking: { equals: true } }, ...where] } as never)
  const doctorClash = await clash([
    { doctor: { equals: idOf(current.doctor) } },
    { blockedStart: { less_than: data.blockedEnd } },
    { blockedEnd: { greater_than: data.blockedStart } },
  ])
  if (doctorClash > 0) throw new APIError(OVERLAP_MESSAGE, 409, null, true)
  const patientClash = await clash([
    { patient: { equals: idOf(current.patient) } },
    { start: { less_than: current.end } },
    { end: { greater_than: current.start } },
  ])
  if (patientClash > 0) throw new APIError(PATIENT_OVERLAP_MESSAGE, 409, null, true)
  return data
}
