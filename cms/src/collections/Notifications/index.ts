import type { CollectionConfig, FieldAccess } from 'payload'
import { isPlatformAdmin, roleOf } from '../../access/roles.ts'
import { markRead } from '../../notifications/markRead.ts'
import { renderedMessage } from '../../notifications/renderedEndpoint.ts'
import { listOutbox, readOutboxFile } from '../../notifications/outbox.ts'
import { readPreferences, savePreferencesEndpoint, unsubscribe } from '../../notifications/preferencesEndpoints.ts'
import { notificationsAccess } from '../../access/notifications.ts'
import { audited } from '../../hooks/audit.ts'
import { writerBelongsToClinic } from '../../hooks/writerBelongsToClinic.ts'
import { recipientBelongsToClinic } from './hooks/recipientBelongsToClinic.ts'
import { guardMessageChanges } from './hooks/guardMessageChanges.ts'
import { CLINIC_TIME_CELL } from '../../admin/clinicTime/fields.ts'

/**
 * A message to one person of the clinic on one channel. Bodies carry links into
 * the platform, never clinical content. The platform plans them (a visit booked,
 * its reminders) and sends them when due (src/notifications/). People's writes
 * are audited; the platform's sending is recorded on the message itself; reads
 * are not audited (no health data).
 */
/** Fields the platform keeps for itself: written by its code, read by platform admins. */
const platformOnly: FieldAccess = ({ req }) => isPlatformAdmin(req)
const staffOnly: FieldAccess = ({ req }) => ['platform-admin', 'clinic-admin'].includes(roleOf(req) ?? '')
/** Set by the platform's own code (which writes past access rules), by nobody through the API. */
const platformWrites = { create: () => false, update: () => false }

export const Notifications: CollectionConfig = audited(
  {
    slug: 'notifications',
    access: notificationsAccess,
    admin: {
      useAsTitle: 'subject',
      defaultColumns: ['subject', 'recipient', 'channel', 'status', 'scheduledFor'],
      listSearchableFields: ['subject', 'event'],
      group: 'Clinic',
      // Platform admins, without SMTP_URL: what the embedded channels wrote to DATA_DIR/outbox.
      components: { beforeList: ['/admin/outbox/OutboxList#OutboxList'] },
    },
    endpoints: [markRead, readPreferences, savePreferencesEndpoint, unsubscribe, renderedMessage, listOutbox, readOutboxFile],
    hooks: { beforeChange: [writerBelongsToClinic, recipientBelongsToClinic, guardMessageChanges] },
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
        options: ['scheduled', 'sending', 'sent', 'failed', 'cancelled', 'skipped'],
      },
      // Written by the platform only: a message about a visit is planned from the visit itself (a clinic admin
      // pointing a message at another clinic's visit would have it rendered with that visit's doctor and time).
      {
        name: 'appointment',
        type: 'relationship',
        relationTo: 'appointments',
        index: true,
        admin: { readOnly: true },
        access: platformWrites,
      },
      {
        name: 'kind',
        type: 'text',
        maxLength: 40,
        admin: { readOnly: true, description: 'Which message of its event: e.g. reminder-24h.' },
        access: platformWrites,
      },
      {
        // At most one message per visit, kind, recipient and channel: the database refuses a second.
        name: 'dedupeKey',
        type: 'text',
        unique: true,
        index: true,
        maxLength: 200,
        admin: { hidden: true },
        access: { read: platformOnly, ...platformWrites },
      },
      // Ids and times the message is written from when it is sent (the time before a move, who cancelled); never clinical content.
      { name: 'details', type: 'json', admin: { hidden: true }, access: { read: platformOnly, ...platformWrites } },
      { name: 'attempts', type: 'number', defaultValue: 0, admin: { readOnly: true }, access: platformWrites },
      {
        name: 'decision',
        type: 'text',
        maxLength: 300,
        admin: { readOnly: true, description: 'Why it was sent late, skipped or cancelled.' },
        access: platformWrites,
      },
      {
        name: 'scheduledFor',
        type: 'date',
        index: true,
        admin: { date: { pickerAppearance: 'dayAndTime' }, components: { Cell: CLINIC_TIME_CELL } },
      },
      { name: 'sentAt', type: 'date', admin: { readOnly: true, components: { Cell: CLINIC_TIME_CELL } }, access: platformWrites },
      // The channel's own words (a mail server's reply may name hosts and addresses): for the clinic's staff.
      { name: 'error', type: 'text', admin: { readOnly: true }, access: { read: staffOnly, ...platformWrites } },
      // When the recipient read it in their inbox (POST /api/notifications/read).
      { name: 'readAt', type: 'date', index: true, admin: { readOnly: true }, access: platformWrites },
      {
        name: 'rendered',
        type: 'ui',
        admin: { components: { Field: '/admin/notificationPreview/RenderedMessage#RenderedMessage' } },
      },
    ],
  },
  // Sending is recorded on the message itself (status, attempts, decision), not as audit entries.
  { reads: false, platformWrites: false },
)
