import type { CollectionConfig } from 'payload'
import { clinicalScope, onlyPlatformAdmin, signedInAs } from './clinical.ts'

/**
 * Medical records (uploaded files). The same people who may read a record may
 * download its file: Payload serves upload files through this read policy.
 * Patients upload their own; doctors upload for their patients.
 */
export const recordsAccess: CollectionConfig['access'] = {
  read: ({ req }) => clinicalScope(req),
  create: signedInAs('platform-admin', 'clinic-admin', 'doctor', 'patient'),
  update: ({ req }) => clinicalScope(req),
  delete: onlyPlatformAdmin,
}
