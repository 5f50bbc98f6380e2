type Id = number | string

/** What every domain event carries: which clinic, who caused it (null for the platform itself), when. */
type EventBase = { tenant: Id; actor: Id | null; at: string }

/** A visit booked, confirmed, moved or ended. Names people by id; a subscriber reads more with its own access. */
export type AppointmentEvent = EventBase & {
  appointment: Id
  patient: Id
  doctor: Id
  start: string
  end: string
  /** For `appointment.rescheduled`: the times before. */
  previous?: { start: string; end: string }
}

/**
 * The platform's domain events, by name. Each is delivered after the change is
 * committed (never for a rolled-back one), once per process that made the change.
 * A subscriber that fails is logged and neither stops the others nor the change.
 */
export type DomainEvents = {
  'appointment.booked': AppointmentEvent
  'appointment.confirmed': AppointmentEvent
  'appointment.rescheduled': AppointmentEvent
  'appointment.cancelled': AppointmentEvent
  'appointment.completed': AppointmentEvent
  'appointment.no-show': AppointmentEvent
  /** A person created an account on a clinic's site (not staff added by an admin). */
  'user.registered': EventBase & { user: Id }
  /** A record was added to a patient's file, or its sharing with the patient changed to shared. */
  'record.shared': EventBase & { record: Id; patient: Id }
  /** A doctor signed a prescription: it can no longer change and may go to a pharmacy. */
  'prescription.signed': EventBase & { prescription: Id; patient: Id; doctor: Id; appointment: Id | null }
  /** A payment of a visit changed state (paid, refunded in part or in full, failed, disputed), once saved. */
  'payment.changed': EventBase & { payment: Id; appointment: Id | null; patient: Id; provider: string; status: string }
}

export type DomainEventType = keyof DomainEvents

/** An event as delivered: its payload with its name. */
export type DomainEvent<K extends DomainEventType = DomainEventType> = { [T in K]: DomainEvents[T] & { type: T } }[K]

export type AppointmentEventType = Extract<DomainEventType, `appointment.${string}`>
