import type { Field } from 'payload'
import { clinicTemplatesField } from './templates/clinicTemplatesField.ts'

/** Reminders before a visit when the clinic has not set its own: a day before and an hour before. */
export const DEFAULT_REMINDER_HOURS = [24, 1]

/** What a clinic decides about the messages it sends (Clinics → Notifications). */
export const clinicNotificationsField: Field = {
  name: 'notifications',
  type: 'group',
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
