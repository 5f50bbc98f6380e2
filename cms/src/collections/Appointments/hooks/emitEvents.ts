import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { afterCommit } from '../../../database/index.ts'
import { deliver, type AppointmentEvent, type AppointmentEventType, type DomainEvent } from '../../../events/domainEvents.ts'

const STATUS_EVENTS: Record<string, AppointmentEventType> = {
  confirmed: 'appointment.confirmed',
  cancelled: 'appointment.cancelled',
  completed: 'appointment.completed',
  'no-show': 'appointment.no-show',
}

/** Turns what changed into domain events, delivered once the change is committed. */
export const emitEvents: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const types: AppointmentEventType[] = []
  let previous: AppointmentEvent['previous']
  // A hold is not a booking yet: it becomes one when it is booked; released (cancelled), it never was one.
  if (operation === 'create' && doc.status !== 'held') types.push('appointment.booked')
  else if (operation === 'update' && previousDoc?.status === 'held' && doc.status !== 'held') {
    if (doc.status !== 'cancelled') types.push('appointment.booked')
  } else if (operation === 'update') {
    if (Date.parse(doc.start) !== Date.parse(previousDoc?.start) || Date.parse(doc.end) !== Date.parse(previousDoc?.end)) {
      types.push('appointment.rescheduled')
      previous = { start: previousDoc.start, end: previousDoc.end }
    }
    if (doc.status !== previousDoc?.status && STATUS_EVENTS[doc.status]) types.push(STATUS_EVENTS[doc.status]!)
  }
  const at = new Date().toISOString()
  for (const type of types) {
    const event = {
      type,
      appointment: doc.id,
      tenant: idOf(doc.tenant)!,
      patient: idOf(doc.patient)!,
      doctor: idOf(doc.doctor)!,
      start: doc.start,
      end: doc.end,
      ...(previous && type === 'appointment.rescheduled' ? { previous } : {}),
      actor: req.user?.id ?? null,
      at,
    } as DomainEvent<AppointmentEventType>
    await afterCommit(req, () =>
      deliver(event, (error) => req.payload.logger.error({ err: error, event: type }, 'an appointment event subscriber failed')),
    )
  }
  return doc
}
