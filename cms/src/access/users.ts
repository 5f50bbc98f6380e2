import type { CollectionConfig, Where } from 'payload'
import { clinicsOf, isPlatformAdmin, myPatientIds, roleOf, userOf } from './roles.ts'

/**
 * People. Everyone reads and edits their own account. A clinic admin manages the
 * accounts of their clinics; a doctor reads the patients they have visits with.
 * Patients register themselves through POST /api/users/register.
 * Accounts are deleted only by platform admins: clinical data points at them.
 */
export const usersAccess: CollectionConfig['access'] = {
  admin: ({ req }) => Boolean(req.user) && roleOf(req) !== 'patient',
  // Admins open accounts; patients register through POST /api/users/register (one clinic, email confirmed).
  create: ({ req }) => manageMembership({ req }),
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
  // Undoing a lockout: platform admins, and admins of a clinic the account belongs to (never a platform admin's).
  unlock: ({ req }): boolean | Where => {
    if (isPlatformAdmin(req)) return true
    if (roleOf(req) !== 'clinic-admin') return false
    return { and: [{ 'tenants.tenant': { in: clinicsOf(userOf(req)) } }, { role: { not_equals: 'platform-admin' } }] }
  },
}

/** Who may set a user's role or clinic memberships: admins only, within their own clinics (checked in hooks). */
export function manageMembership({ req }: { req: Parameters<typeof isPlatformAdmin>[0] }) {
  return isPlatformAdmin(req) || roleOf(req) === 'clinic-admin'
}
