import type { CollectionConfig } from 'payload'
import { clinicalScope, onlyPlatformAdmin, signedInAs } from './clinical.ts'
import { roleOf, userOf } from './roles.ts'

/**
 * Medical records (uploaded files). The same people who may read a record may
 * download its file: Payload serves upload files through this read policy.
 * Patients upload their own; doctors upload for their patients. A patient edits
 * (and replaces the file of) only what they uploaded themselves: a file from the
 * clinic, or one written by the platform (no uploader), is the clinic's document.
 */
export const recordsAccess: CollectionConfig['access'] = {
  read: ({ req }) => clinicalScope(req),
  create: signedInAs('platform-admin', 'clinic-admin', 'doctor', 'patient'),
  update: async ({ req }) => {
    const scope = await clinicalScope(req)
    if (roleOf(req) === 'patient' && typeof scope === 'object') return { and: [scope, { uploadedBy: { equals: userOf(req)!.id } }] }
    return scope
  },
  delete: onlyPlatformAdmin,
}
