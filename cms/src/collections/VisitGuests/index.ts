import type { CollectionConfig, FieldAccess } from 'payload'
import { clinicalScope, onlyPlatformAdmin } from '../../access/clinical.ts'
import { audited } from '../../hooks/audit.ts'

const never: FieldAccess = () => false

/**
 * Guests a patient invited to a video visit (a family member, an interpreter):
 * each has a one-time link (`/visit-invite/<token>`). The first browser that
 * opens it gets a key of its own to come back with (a reload, a dropped
 * network); anyone else who opens the link later is refused. Only hashes of the
 * link and the key are stored. Written through the visit's guest endpoints only.
 */
export const VisitGuests: CollectionConfig = audited({
  slug: 'visit-guests',
  labels: { singular: 'Visit guest', plural: 'Visit guests' },
  access: { read: ({ req }) => clinicalScope(req), create: () => false, update: () => false, delete: onlyPlatformAdmin },
  admin: { defaultColumns: ['name', 'appointment', 'createdAt', 'redeemedAt', 'revokedAt'], group: 'Clinic', useAsTitle: 'name' },
  fields: [
    { name: 'appointment', type: 'relationship', relationTo: 'appointments', required: true, index: true },
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'name', type: 'text', required: true, maxLength: 80 },
    { name: 'tokenHash', type: 'text', required: true, unique: true, access: { read: never }, admin: { hidden: true } },
    { name: 'keyHash', type: 'text', access: { read: never }, admin: { hidden: true } },
    { name: 'redeemedAt', type: 'date', admin: { readOnly: true, description: 'When the link was first opened.' } },
    { name: 'revokedAt', type: 'date', admin: { readOnly: true, description: 'When the patient withdrew the invitation.' } },
  ],
})
