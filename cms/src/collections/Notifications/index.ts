import type { CollectionConfig } from 'payload'
import { notificationsAccess } from '../../access/notifications.ts'
import { audited } from '../../hooks/audit.ts'
import { writerBelongsToClinic } from '../../hooks/writerBelongsToClinic.ts'
import { recipientBelongsToClinic } from './hooks/recipientBelongsToClinic.ts'
import { CLINIC_TIME_CELL } from '../../admin/clinicTime/fields.ts'

/**
 * A message to one person of the clinic on one channel. Bodies carry links into
 * the platform, never clinical content. Sending arrives with the notifications
 * feature. Writes are audited; reads are not (no health data).
 */
export const Notifications: CollectionConfig = audited(
  {
    slug: 'notifications',
    access: notificationsAccess,
    admin: {
      useAsTitle: 'subject',
      defaultColumns: ['subject', 'recipient', 'channel', 'status', 'scheduledFor'],
      listSearchableFields: ['subject', 'event'],
      group: 'Clinic',
    },
    hooks: { beforeChange: [writerBelongsToClinic, recipientBelongsToClinic] },
    fields: [
      { name: 'recipient', type: 'relationship', relationTo: 'users', required: true, index: true },
      { name: 'channel', type: 'select', required: true, defaultValue: 'email', options: ['email', 'sms', 'in-app'] },
      { name: 'event', type: 'text', required: true, maxLength: 80, admin: { description: 'e.g. appointment.booked' } },
      { name: 'subject', type: 'text', required: true, maxLength: 200 },
      { name: 'body', type: 'textarea', maxLength: 5000 },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'scheduled',
        index: true,
        options: ['scheduled', 'sent', 'failed', 'cancelled'],
      },
      { name: 'scheduledFor', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' }, components: { Cell: CLINIC_TIME_CELL } } },
      { name: 'sentAt', type: 'date', admin: { readOnly: true, components: { Cell: CLINIC_TIME_CELL } } },
      { name: 'error', type: 'text', admin: { readOnly: true } },
    ],
  },
  { reads: false },
)
