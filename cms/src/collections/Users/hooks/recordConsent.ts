import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { clinicsOf, idOf, sameId, userOf } from '../../../access/roles.ts'

/**
 * Registering on a clinic's site means accepting that clinic's consent and terms.
 * A new account opened without a signed-in admin must carry a consent for every
 * clinic it joins; the time of acceptance is the server's, not the browser's.
 */
export const recordConsent: CollectionBeforeChangeHook = ({ data, req, operation, collection }) => {
  if (operation !== 'create' || userOf(req) || req.payloadAPI === 'local') return data
  const given = Array.isArray(data.consents) ? (data.consents as { tenant?: unknown }[]) : []
  const missing = clinicsOf(data as never).filter((clinic) => !given.some((c) => sameId(idOf(c.tenant as never), clinic)))
  if (missing.length > 0) {
    throw new ValidationError({
      collection: collection.slug,
      req,
      errors: [{ path: 'consents', message: "Accept the clinic's consent and terms to register." }],
    })
  }
  const acceptedAt = new Date().toISOString()
  data.consents = given.map((c) => ({ tenant: idOf(c.tenant as never), acceptedAt }))
  return data
}
