import type { Field, FieldAccess } from 'payload'
import { clinicsOf, isPlatformAdmin, roleOf, userOf } from '../access/roles.ts'
import { clinicTemplatesField } from './templates/clinicTemplatesField.ts'
import { EVENT_LABELS, NOTIFICATION_EVENTS } from './templates/index.ts'
import { ESSENTIAL_EVENTS } from './preferences.ts'
import { ALWAYS_SENT, DEFAULT_REMINDER_HOURS } from './clinicRules.ts'

const ownClinicAdmins: FieldAccess = ({ req, doc, id }) =>
  isPlatformAdmin(req) ||
  (roleOf(req) === 'clinic-admin' &&
    clinicsOf(userOf(req))
      .map(String)
      .includes(String(doc?.id ?? id ?? '')))

/** What a clinic decides about the messages it sends (Clinics → Notifications). */
export const clinicNotificationsField: Field = {
  name: 'notifications',
  type: 'group',
  // Not part of the clinic's public face: its own admins (and platform admins) read and change it.
  access: { read: ownClinicAdmins, update: ownClinicAdmins },
  fields: [
    {
      name: 'reminderHours',
      label: 'Reminders, hours before the visit',
      type: 'number',
      hasMany: true,
      min: 1,
      max: 24 * 14,
      maxRows: 5,
      defaultValue: DEFAULT_REMINDER_HOURS,
      admin: {
        description:
          'Patients get a reminder this many hours before each visit, by email and in their inbox on your site. Empty: no reminders.',
      },
    },
    {
      name: 'turnedOff',
      label: 'Messages not sent',
      type: 'select',
      hasMany: true,
      options: NOTIFICATION_EVENTS.filter((e) => !ALWAYS_SENT.includes(e)).map((value) => ({ value, label: EVENT_LABELS[value] })),
      admin: {
        description:
          'The messages your clinic does not send, by any channel. A moved or cancelled visit, a password reset and a changed email address are always sent.',
      },
    },
    {
      name: 'alwaysByEmail',
      label: 'Always sent by email',
      type: 'select',
      hasMany: true,
      options: NOTIFICATION_EVENTS.filter((e) => !ESSENTIAL_EVENTS.includes(e)).map((value) => ({ value, label: EVENT_LABELS[value] })),
      admin: {
        description:
          'Messages your clinic deems essential: sent by email even to patients who turned that kind of email off, with no unsubscribe link. Messages about visits and accounts always are.',
      },
    },
    clinicTemplatesField,
    {
      name: 'preview',
      type: 'ui',
      admin: { components: { Field: '/admin/notificationPreview/NotificationPreview#NotificationPreview' } },
    },
    {
      name: 'announcement',
      type: 'ui',
      admin: { components: { Field: '/admin/notificationPreview/Announcement#Announcement' } },
    },
  ],
}
