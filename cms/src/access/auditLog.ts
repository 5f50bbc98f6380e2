import type { CollectionConfig } from 'payload'
import { inMyClinics, isPlatformAdmin, roleOf } from './roles.ts'

/**
 * The audit log is append-only: nobody creates, edits or deletes entries through
 * the API (the platform writes them from hooks, and the collection's hooks refuse
 * updates and deletes even from trusted code). Admins read it for their scope.
 */
export const auditLogAccess: CollectionConfig['access'] = {
  read: ({ req }) => isPlatformAdmin(req) || (roleOf(req) === 'clinic-admin' && inMyClinics(req)),
  create: () => false,
  update: () => false,
  delete: () => false,
}
