import { Forbidden, ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { clinicsOf, idOf, sameId, userOf } from '../access/roles.ts'

/** For clinic-scoped documents without a patient: the writer must belong to the document's clinic. */
export const writerBelongsToClinic: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, collection }) => {
  const tenantId = idOf(data.tenant ?? (operation === 'update' ? originalDoc?.tenant : undefined))
  if (!tenantId)
    throw new ValidationError({
      collection: collection.slug,
      req,
      errors: [{ path: 'tenant', message: 'Choose the clinic this belongs to.' }],
    })
  const user = userOf(req)
  if (user && user.role !== 'platform-admin' && !clinicsOf(user).some((c) => sameId(c, tenantId))) throw new Forbidden(req.t)
  return data
}
