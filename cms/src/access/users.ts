import type { CollectionConfig, Where } from 'payload'
import { clinicsOf, isPlatformAdmin, myPatientIds, roleOf, userOf } from './roles.ts'

/**
 * People. Everyone reads and edits their own account. A clinic admin manages the
 * accounts of their clinics; a doctor reads the patients they have visits with.
 * Anyone may register, but only as a patient (see the role field's access).
 * Accounts are deleted only by platform admins: clinical data points at them.
 */
export const usersAccess: CollectionConfig['access'] = {
  admin: ({ req }) => Boolean(req.user) && roleOf(req) !== 'patient',
  // Registration is anonymous; signed-in patients and doctors do not open accounts for others.
  create: ({ req }) => !req.user || manageMembership({ req }),
  read: async ({ req }) => {
    const user = userOf(req)
    if (!user) return false
    if (isPlatformAdmin(req)) return true
    const self: Where = { id: { equals: user.id } }
    if (user.role === 'clinic-admin') return { or: [self, { 'tenants.tenant': { in: clinicsOf(user) } }] }
    if (user.role === 'doctor') return { or: [self, { id: { in: await myPatientIds(req) } }] }
    return self
  },
  update: ({ req }) => {
    const user = userOf(req)
    if (!user) return false
    if (isPlatformAdmin(req)) return true
    const self: Where = { id: { equals: user.id } }
    if (user.role === 'clinic-admin') {
      return {
        or: [self, { and: [{ 'tenants.tenant': { in: clinicsOf(user) } }, { role: { not_equals: 'platform-admin' } }] }],
      }
    }
    return self
  },
  delete: ({ req }) => isPlatformAdmin(req),
}

/** Who may set a user's role or clinic memberships: admins only, within their own clinics (checked in hooks). */
export function manageMembership({ req }: { req: Parameters<typeof isPlatformAdmin>[0] }) {
  return isPlatformAdmin(req) || roleOf(req) === 'clinic-admin'
}
