import type { NotificationEvent } from './events.ts'

const site = 'https://northwind.example'
const common = { recipientName: 'Maya Patel', clinicName: 'Northwind Health' }
const appointment = { ...common, doctorName: 'Dr. Ana Ruiz', when: 'Thursday, 3 December 2026, 15:30 (Central European Standard Time)' }
const unsubscribeLink = `${site}/account/notifications/unsubscribe?token=sample`

/**
 * Sample values for every event, as a sender would pass them: for previews in the
 * admin panel and for tests. Every value an event's templates use is here.
 */
export const SAMPLE_VALUES: Record<NotificationEvent, Record<string, unknown>> = {
  'account.created': { ...common, link: `${site}/account` },
  'password.reset': { ...common, link: `${site}/reset-password?token=sample`, expiresIn: '1 hour' },
  'email.changed': { ...common, link: `${site}/account/security`, newEmail: 'maya.patel@example.org' },
  'appointment.booked': { ...appointment, link: `${site}/account/appointments/42`, unsubscribeLink },
  'appointment.confirmed': { ...appointment, link: `${site}/account/appointments/42`, unsubscribeLink },
  'appointment.rescheduled': {
    ...appointment,
    previousWhen: 'Wednesday, 2 December 2026, 10:00 (Central European Standard Time)',
    link: `${site}/account/appointments/42`,
    unsubscribeLink,
  },
  'appointment.cancelled': { ...appointment, cancelledBy: 'the clinic', link: `${site}/book`, unsubscribeLink },
  'appointment.reminder': { ...appointment, leadTime: 'tomorrow', link: `${site}/account/appointments/42`, unsubscribeLink },
  'appointment.starting': { ...appointment, link: `${site}/visit/42/join` },
  'chat.message': { ...common, senderName: 'Dr. Ana Ruiz', link: `${site}/account/messages/7`, unsubscribeLink },
  'record.shared': { ...common, doctorName: 'Dr. Ana Ruiz', link: `${site}/account/records/19`, unsubscribeLink },
  'prescription.signed': { ...common, doctorName: 'Dr. Ana Ruiz', link: `${site}/account/prescriptions/5`, unsubscribeLink },
  'prescription.sent': { ...common, doctorName: 'Dr. Ana Ruiz', link: `${site}/account/prescriptions/5`, unsubscribeLink },
  'payment.receipt': { ...common, amount: '€45.00', link: `${site}/account/payments/88` },
  'payment.refund': { ...common, amount: '€45.00', link: `${site}/account/payments/88` },
  announcement: {
    ...common,
    title: 'New evening hours',
    message: 'From January we also see patients on weekday evenings until 21:00.\nBook online as usual.',
    link: `${site}/news/evening-hours`,
    unsubscribeLink,
  },
}
