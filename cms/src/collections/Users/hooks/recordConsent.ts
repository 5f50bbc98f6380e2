import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { clinicsOf, idOf, sameId, userOf } from '../../../access/roles.ts'
import type { User } from '../../../payload-types.ts'

/**
 * Registering on a clinic's site means accepting that clinic's consent and terms.
 * A new account opened without a signed-in admin must carry a consent for every
 * clinic it joins; the time of acceptance is the server's, not the browser's.
 * (Collection beforeChange hooks run before field validation, so the stamped
 * time satisfies the required field.)
 */
export const recordConsent: CollectionBeforeChangeHook<User> = ({ data, req, operation, collection }) => {
  if (operation !== 'create') return data
  const given = Array.isArray(data.consents) ? data.consents : []
  const registering = !userOf(req) && req.payloadAPI !== 'local'
  const missing = clinicsOf(data).filter((clinic) => !given.some((c) => sameId(idOf(c.tenant), clinic)))
  if (registering && missing.length > 0) {
    throw new ValidationError({
      collection: collection.slug,
      req,
      errors: [{ path: 'consents', message: "Accept the clinic's consent and terms to register." }],
    })
  }
  // Accepted now, by the server's clock: also when an admin records a consent given at the desk or by phone.
  const acceptedAt = new Date().toISOString()
  data.consents = given.map((c) => ({ tenant: idOf(c.tenant), acceptedAt }))
  return data
}
