/** Every message the platform sends, by the event that sends it. */
export const NOTIFICATION_EVENTS = [
  'account.created',
  'password.reset',
  'email.changed',
  'appointment.booked',
  'appointment.confirmed',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.reminder',
  'appointment.starting',
  'chat.message',
  'record.shared',
  'prescription.signed',
  'prescription.sent',
  'payment.receipt',
  'payment.refund',
  'announcement',
] as const
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

/** Each message in a clinic admin's words. */
export const EVENT_LABELS: Record<NotificationEvent, string> = {
  'account.created': 'Welcome, when an account is ready',
  'password.reset': 'Password reset link',
  'email.changed': 'Email address changed',
  'appointment.booked': 'Visit booked',
  'appointment.confirmed': 'Visit request confirmed',
  'appointment.rescheduled': 'Visit moved',
  'appointment.cancelled': 'Visit cancelled',
  'appointment.reminder': 'Reminders before a visit',
  'appointment.starting': 'Visit starting, with the link to join',
  'chat.message': 'New chat message while away',
  'record.shared': 'Document shared',
  'prescription.signed': 'Prescription signed',
  'prescription.sent': 'Prescription sent to the pharmacy',
  'payment.receipt': 'Payment receipt',
  'payment.refund': 'Refund',
  announcement: 'Announcement',
}

/**
 * The parts of one message: the email's subject, its HTML (the full document) and
 * plain-text bodies, the SMS, and the line shown in the app's notification list.
 * Only `html` is HTML; the others are plain text, shown as text.
 */
export const TEMPLATE_PARTS = ['subject', 'html', 'text', 'sms', 'inApp'] as const
export type TemplatePart = (typeof TEMPLATE_PARTS)[number]

/** Values every event's templates may use. `unsubscribeLink` is optional: when given, the email footer links to it. */
export const COMMON_VALUES = ['recipientName', 'clinicName', 'link', 'unsubscribeLink'] as const

const APPOINTMENT = ['doctorName', 'when'] as const

/**
 * The values each event's templates may use besides COMMON_VALUES, as the sender
 * passes them (times already formatted with formatWhen, amounts with their currency).
 * Nothing clinical is ever among them: no visit reason, diagnosis, medication or
 * record title. Templates carry a link to where the person reads more, signed in.
 * `doctorName` is optional for record.shared and prescription.*.
 */
export const EVENT_VALUES: Record<NotificationEvent, readonly string[]> = {
  'account.created': [],
  'password.reset': ['expiresIn'],
  'email.changed': ['newEmail'],
  'appointment.booked': APPOINTMENT,
  'appointment.confirmed': APPOINTMENT,
  'appointment.rescheduled': [...APPOINTMENT, 'previousWhen'],
  'appointment.cancelled': [...APPOINTMENT, 'cancelledBy'],
  'appointment.reminder': [...APPOINTMENT, 'leadTime'],
  'appointment.starting': APPOINTMENT,
  'chat.message': ['senderName'],
  'record.shared': ['doctorName'],
  'prescription.signed': ['doctorName'],
  'prescription.sent': ['doctorName'],
  'payment.receipt': ['amount'],
  'payment.refund': ['amount'],
  announcement: ['title', 'message'],
}

/** All the values one event's templates may use. */
export const valuesOf = (event: NotificationEvent): readonly string[] => [...COMMON_VALUES, ...EVENT_VALUES[event]]

/** True for a known event name (e.g. one read from the database). */
export const isNotificationEvent = (name: unknown): name is NotificationEvent =>
  typeof name === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(name)
