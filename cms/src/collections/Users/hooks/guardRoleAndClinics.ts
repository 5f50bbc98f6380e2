import { APIError, Forbidden, ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { clinicsOf, sameId, userOf } from '../../../access/roles.ts'
import type { User } from '../../../payload-types.ts'

/** Set by the join-clinic endpoint: the one clinic a signed-in patient is joining, with its consent. */
export const JOINING_CLINIC = 'telemed.joiningClinic'

const refuse = (message: string) => new APIError(message, 403, null, true)

/**
 * Who may change an account's role and clinic memberships. An account can
 * belong to several clinics, and each clinic's admin rules only their own:
 * - a clinic admin adds or removes memberships of their own clinics only, never
 *   mints platform admins, and cannot change the role of an account that also
 *   belongs to a clinic they do not run (that is the platform admin's call);
 * - patients and doctors never change their role; a patient joins another
 *   clinic only through the join step, with that clinic's consent;
 * - an anonymous registration is a patient of exactly one clinic.
 * Field access does not run for trusted calls (overrideAccess), so the rules
 * are written out here for every write with a signed-in user.
 */
export const guardRoleAndClinics: CollectionBeforeChangeHook<User> = ({ data, originalDoc: stored, req, operation, collection }) => {
  const user = userOf(req)
  // Trusted platform code (Local API without a user: seed, jobs) is not a registration.
  if (!user && req.payloadAPI === 'local') return data
  const before = operation === 'update' ? stored : undefined
  if (!user) {
    // Payload's own anonymous operations (a password reset) update other fields; never these.
    if (operation !== 'create') {
      if (data.role !== undefined && data.role !== before?.role) throw new Forbidden(req.t)
      if (
        data.tenants !== undefined &&
        clinicsOf(data).map(String).join() !==
          clinicsOf(before ?? null)
            .map(String)
            .join()
      )
        throw new Forbidden(req.t)
      return data
    }
    data.role = 'patient'
    if (clinicsOf(data).length !== 1) {
      throw new ValidationError({
        collection: collection.slug,
        req,
        errors: [{ path: 'tenants', message: 'Register with one clinic, on its own site.' }],
      })
    }
    return data
  }
  if (user.role === 'platform-admin') return data

  const clinicsBefore = clinicsOf(before ?? null).map(String)
  const clinicsAfter = data.tenants === undefined ? clinicsBefore : clinicsOf(data).map(String)
  const added = clinicsAfter.filter((c) => !clinicsBefore.includes(c))
  const removed = clinicsBefore.filter((c) => !clinicsAfter.includes(c))
  const roleChanged = data.role !== undefined && data.role !== (before?.role ?? undefined)

  if (user.role === 'clinic-admin') {
    if (data.role === 'platform-admin' && before?.role !== 'platform-admin') throw refuse('Only a platform admin can make platform admins.')
    const mine = clinicsOf(user).map(String)
    if ([...added, ...removed].some((c) => !mine.includes(c)))
      throw refuse('You can add or remove memberships only of the clinics you administer.')
    if (roleChanged && before && clinicsBefore.some((c) => !mine.includes(c)))
      throw refuse('This account also belongs to another clinic: only a platform admin can change its role.')
    return data
  }

  // Patients and doctors.
  if (operation === 'create' || roleChanged) throw refuse('You cannot change roles.')
  const joining = req.context[JOINING_CLINIC]
  const joinsOne = added.length === 1 && removed.length === 0 && sameId(added[0], joining)
  if ((added.length || removed.length) && !joinsOne) throw refuse('Clinic memberships are changed by the clinic.')
  return data
}
