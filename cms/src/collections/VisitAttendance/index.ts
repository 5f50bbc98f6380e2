import type { CollectionConfig } from 'payload'
import { clinicalScope, onlyPlatformAdmin } from '../../access/clinical.ts'
import { audited } from '../../hooks/audit.ts'

/**
 * Who was in a visit, when and for how long: from the visit's live room (the visit
 * page) and from the video provider's own events (OpenVidu webhooks). Feeds no-show
 * marking and the clinic's figures. Written by the platform only.
 */
export const VisitAttendance: CollectionConfig = audited({
  slug: 'visit-attendance',
  labels: { singular: 'Visit attendance', plural: 'Visit attendance' },
  access: { read: ({ req }) => clinicalScope(req), create: () => false, update: () => false, delete: onlyPlatformAdmin },
  admin: { defaultColumns: ['appointment', 'user', 'guest', 'role', 'joinedAt', 'seconds', 'source'], group: 'Clinic' },
  fields: [
    { name: 'appointment', type: 'relationship', relationTo: 'appointments', required: true, index: true },
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true },
    // A platform user, or a guest the patient invited (who has no account).
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'guest', type: 'relationship', relationTo: 'visit-guests' },
    { name: 'role', type: 'select', required: true, options: ['patient', 'doctor', 'guest'] },
    { name: 'source', type: 'select', required: true, options: ['room', 'openvidu'] },
    { name: 'joinedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'leftAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'seconds', type: 'number', min: 0 },
  ],
})
