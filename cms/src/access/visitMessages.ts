import type { CollectionConfig } from 'payload'
import { clinicalScope, onlyPlatformAdmin } from './clinical.ts'

/**
 * Chat messages of a visit are health data: read like the visit's other clinical
 * documents. They are written only through `POST /api/appointments/:id/messages`
 * (by the visit's patient or doctor) and never changed afterwards.
 */
export const visitMessagesAccess: CollectionConfig['access'] = {
  read: ({ req }) => clinicalScope(req),
  create: () => false,
  update: () => false,
  delete: onlyPlatformAdmin,
}
