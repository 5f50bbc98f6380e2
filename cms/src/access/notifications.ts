import type { CollectionConfig } from 'payload'
import { onlyPlatformAdmin } from './clinical.ts'
import { inMyClinics, isPlatformAdmin, roleOf, userOf } from './roles.ts'

/** Messages to people: each person reads their own; clinic admins manage their clinic's outbox. */
export const notificationsAccess: CollectionConfig['access'] = {
  read: ({ req }) => {
    const user = userOf(req)
    if (!user) return false
    if (isPlatformAdmin(req)) return true
    const own = { recipient: { equals: user.id } }
    if (user.role === 'clinic-admin') return { or: [own, inMyClinics(req)] }
    return own
  },
  create: ({ req }) => isPlatformAdmin(req) || roleOf(req) === 'clinic-admin',
  update: ({ req }) => isPlatformAdmin(req) || (roleOf(req) === 'clinic-admin' && inMyClinics(req)),
  delete: onlyPlatformAdmin,
}
