import type { Field, FieldAccess } from 'payload'
import { clinicsOf, isPlatformAdmin, roleOf, userOf } from '../access/roles.ts'
import { clinicTemplatesField } from './templates/clinicTemplatesField.ts'

/** Reminders before a visit when the clinic has not set its own: a day before and an hour before. */
export const DEFAULT_REMINDER_HOURS = [24, 1]

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
    clinicTemplatesField,
  ],
}
