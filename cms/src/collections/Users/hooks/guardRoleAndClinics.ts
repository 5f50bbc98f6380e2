import { Forbidden, ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { clinicsOf, idOf, sameId, userOf } from '../../../access/roles.ts'

/**
 * Field access already stops patients and doctors from touching roles and
 * memberships. This hook keeps clinic admins inside their own clinics: they may
 * not mint platform admins nor add anyone to a clinic they do not run. A new
 * account registered without a signed-in admin is always a patient, and must name
 * at least one clinic.
 */
export const guardRoleAndClinics: CollectionBeforeChangeHook = ({ data, originalDoc: stored, req, operation, collection }) => {
  const originalDoc = operation === 'update' ? stored : undefined
  const user = userOf(req)
  // Trusted platform code (Local API without a user: seed, jobs) is not a registration.
  if (!user && req.payloadAPI === 'local') return data
  if (operation === 'create' && (!user || user.role === 'patient' || user.role === 'doctor')) data.role = 'patient'
  if (!user || user.role === 'platform-admin') {
    if (operation === 'create' && !user && clinicsOf(data as never).length === 0) {
      throw new ValidationError({
        collection: collection.slug,
        req,
        errors: [{ path: 'tenants', message: 'Choose the clinic you are registering with.' }],
      })
    }
    return data
  }
  if (user.role !== 'clinic-admin') return data
  if (data.role === 'platform-admin' && originalDoc?.role !== 'platform-admin') throw new Forbidden(req.t)
  const mine = clinicsOf(user)
  const before = clinicsOf((originalDoc ?? {}) as never).map(String)
  const added = clinicsOf(data as never).filter((c) => !before.includes(String(c)))
  if (added.some((c) => !mine.some((m) => sameId(m, idOf(c))))) throw new Forbidden(req.t)
  return data
}
