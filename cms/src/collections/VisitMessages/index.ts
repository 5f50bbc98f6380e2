import type { CollectionConfig } from 'payload'
import { visitMessagesAccess } from '../../access/visitMessages.ts'
import { audited } from '../../hooks/audit.ts'

/** What the patient and the doctor write to each other in a visit's chat, kept after the visit for both to read. */
export const VisitMessages: CollectionConfig = audited({
  slug: 'visit-messages',
  labels: { singular: 'Visit message', plural: 'Visit messages' },
  access: visitMessagesAccess,
  admin: { defaultColumns: ['appointment', 'sender', 'createdAt'], group: 'Clinic' },
  fields: [
    { name: 'appointment', type: 'relationship', relationTo: 'appointments', required: true, index: true },
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'sender', type: 'relationship', relationTo: 'users', required: true },
    { name: 'body', type: 'textarea', required: true, maxLength: 4000 },
  ],
})
