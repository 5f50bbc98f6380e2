import type { CollectionConfig } from 'payload'
import { clinicsOf, isPlatformAdmin, roleOf, userOf } from './roles.ts'

/**
 * Clinics. Their public face (name, branding, terms, policies) is readable by
 * anyone: the storefront needs it before sign-in. Only platform admins open or
 * close clinics; a clinic admin edits their own clinic.
 */
export const tenantsAccess: CollectionConfig['access'] = {
  read: () => true,
  create: ({ req }) => isPlatformAdmin(req),
  update: ({ req }) => {
    if (isPlatformAdmin(req)) return true
    if (roleOf(req) === 'clinic-admin') return { id: { in: clinicsOf(userOf(req)) } }
    return false
  },
  delete: ({ req }) => isPlatformAdmin(req),
}
