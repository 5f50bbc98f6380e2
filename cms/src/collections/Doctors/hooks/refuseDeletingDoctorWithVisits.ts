import { APIError, type CollectionBeforeDeleteHook } from 'payload'
import { lookup } from '../../../database/index.ts'

/** A doctor with visits on record is deactivated, not deleted: the visits must keep their doctor. */
export const refuseDeletingDoctorWithVisits: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const totalDocs = await lookup.count(req, 'appointments', { doctor: { equals: id } })
  if (totalDocs > 0)
    throw new APIError(`This doctor has ${totalDocs} appointments on record. Untick "active" instead of deleting.`, 409, null, true)
}
