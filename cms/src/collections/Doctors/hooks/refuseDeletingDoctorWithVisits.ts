import { APIError, type CollectionBeforeDeleteHook } from 'payload'

/** A doctor with visits on record is deactivated, not deleted: the visits must keep their doctor. */
export const refuseDeletingDoctorWithVisits: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'appointments', where: { doctor: { equals: id } }, context: { internal: true } })
  if (totalDocs > 0) throw new APIError(`This doctor has ${totalDocs} appointments on record. Untick "active" instead of deleting.`, 409, null, true)
}
