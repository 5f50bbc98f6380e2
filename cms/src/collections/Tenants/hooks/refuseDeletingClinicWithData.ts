import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { lookup } from '../../../database/index.ts'

const CLINICAL = ['appointments', 'records', 'prescriptions', 'doctors'] as const

/**
 * Deleting a clinic must never take its patients' health data with it
 * (the multi-tenant plugin's cleanup is switched off too). A clinic that still
 * holds data is refused with a message that says what to do instead.
 */
export const refuseDeletingClinicWithData: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of CLINICAL) {
    const totalDocs = await lookup.count(req, collection, { tenant: { equals: id } })
    if (totalDocs > 0) {
      throw new APIError(`This clinic still has ${totalDocs} ${collection}. Export or move its data before deleting it.`, 409, null, true)
    }
  }
}
