import type { CollectionConfig } from 'payload'
import { inMyClinics, isPlatformAdmin, roleOf } from './roles.ts'

/**
 * Public images of a clinic (doctor portraits, later logos and banners): anyone
 * may see them, since the clinic's site shows them before sign-in. Never health
 * data: medical images belong in records. Staff upload; clinic admins manage.
 */
export const mediaAccess: CollectionConfig['access'] = {
  read: () => true,
  create: ({ req }) => ['platform-admin', 'clinic-admin', 'doctor'].includes(roleOf(req) ?? ''),
  update: ({ req }) => isPlatformAdmin(req) || (roleOf(req) === 'clinic-admin' && inMyClinics(req)),
  delete: ({ req }) => isPlatformAdmin(req) || (roleOf(req) === 'clinic-admin' && inMyClinics(req)),
}
