import type { CollectionConfig } from 'payload'
import { clinicalScope, onlyPlatformAdmin, signedInAs } from './clinical.ts'
import { isPlatformAdmin, myPatientsDocuments, roleOf } from './roles.ts'

/**
 * Prescriptions are written by doctors for their own patients. A patient sees
 * theirs once signed (never a draft); clinic admins see their clinic's.
 */
export const prescriptionsAccess: CollectionConfig['access'] = {
  read: async ({ req }) => {
    const scope = await clinicalScope(req)
    if (roleOf(req) === 'patient' && typeof scope === 'object') return { and: [scope, { status: { not_equals: 'draft' } }] }
    return scope
  },
  create: signedInAs('platform-admin', 'doctor'),
  update: async ({ req }) => {
    if (isPlatformAdmin(req)) return true
    if (roleOf(req) === 'doctor') return myPatientsDocuments(req)
    return false
  },
  delete: onlyPlatformAdmin,
}
