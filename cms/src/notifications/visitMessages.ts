import type { Payload } from 'payload'
import { onDomainEvent, type AppointmentEvent } from '../events/domainEvents.ts'
import { publicDataCache } from '../hooks/publicDataChanged.ts'
import { DEFAULT_REMINDER_HOURS } from './clinicFields.ts'
import { cancelPlanned, planMessages, type PlannedMessage } from './plan.ts'

const HOUR = 3_600_000

const schedules = publicDataCache<number[]>(30_000)

/** The clinic's reminder schedule, in hours before the visit (Clinics → Notifications); kept per process until the clinic changes. */
function reminderHours(payload: Payload, tenant: number | string): Promise<number[]> {
  return schedules(payload, String(tenant), async () => {
    const clinic = await payload.findByID({ collection: 'tenants', id: tenant, depth: 0, select: { notifications: true } })
    const hours = clinic.notifications?.reminderHours
    return Array.isArray(hours) ? hours : DEFAULT_REMINDER_HOURS
  })
}

/** The reminders of a visit at its current time, those whose time is still to come. */
async function reminders(payload: Payload, event: AppointmentEvent, now: number): Promise<PlannedMessage[]> {
  const start = Date.parse(event.start)
  return (await reminderHours(payload, event.tenant))
    .filter((hours) => start - hours * HOUR > now)
    .map((hours) => ({
      tenant: event.tenant,
      recipient: event.patient,
      event: 'appointment.reminder' as const,
      kind: `reminder-${hours}h`,
      appointment: event.appointment,
      scheduledFor: new Date(start - hours * HOUR),
      key: `${event.appointment}:reminder-${hours}h:${event.start}`,
      details: { start: event.start, hours },
    }))
}

/** A message about the visit to its patient, to go now. */
const now = (
  event: AppointmentEvent,
  kind: 'appointment.booked' | 'appointment.confirmed' | 'appointment.rescheduled' | 'appointment.cancelled',
  key: string,
  details: Record<string, unknown> = {},
): PlannedMessage => ({
  tenant: event.tenant,
  recipient: event.patient,
  event: kind,
  kind,
  appointment: event.appointment,
  scheduledFor: new Date(),
  key,
  details: { start: event.start, ...details },
})

/**
 * Plans the patient's messages as their visit changes, once the change is
 * committed: booked (with its reminders), confirmed, moved (the reminders of
 * the old time cancelled, new ones planned), cancelled (every message still
 * waiting cancelled); and a record shared with them or a prescription signed
 * for them. The sender reads the visit again at send time.
 */
export function planVisitMessages(payload: Payload): void {
  const log = (error: unknown, type: string) => payload.logger.error({ err: error, event: type }, 'could not plan the messages of a visit')
  // A visit already over (entered afterwards, imported history) tells its patient nothing.
  const on = (type: Parameters<typeof onDomainEvent>[0], plan: (event: AppointmentEvent) => Promise<void>) =>
    onDomainEvent(type, (event) => {
      const visit = event as AppointmentEvent
      if (Date.parse(visit.end) <= Date.now()) return
      return plan(visit).catch((error: unknown) => log(error, type))
    })

  on('appointment.booked', async (event) => {
    await planMessages(payload, [
      now(event, 'appointment.booked', `${event.appointment}:booked`),
      ...(await reminders(payload, event, Date.now())),
    ])
  })
  // A request the clinic confirmed later (a visit booked as confirmed says so in its booked message).
  on('appointment.confirmed', async (event) => {
    await planMessages(payload, [now(event, 'appointment.confirmed', `${event.appointment}:confirmed`)])
  })
  on('appointment.rescheduled', async (event) => {
    await cancelPlanned(payload, event.appointment, 'The visit moved to another time.', 'reminders')
    await planMessages(payload, [
      // One per move (keyed by the moment of the move): a visit moved away and back is told both times.
      now(event, 'appointment.rescheduled', `${event.appointment}:rescheduled:${event.at}`, { previousStart: event.previous?.start }),
      ...(await reminders(payload, event, Date.now())),
    ])
  })
  // A message to the patient, to go now, about something that is not a visit.
  const tell = (
    event: { tenant: number | string; patient: number | string; type: string },
    kind: 'record.shared' | 'prescription.signed',
    key: string,
    details: Record<string, unknown>,
  ) =>
    planMessages(payload, [
      { tenant: event.tenant, recipient: event.patient, event: kind, kind, scheduledFor: new Date(), key, details },
    ]).catch((error: unknown) => log(error, event.type))
  // A record added to the patient's file by someone else (their own uploads tell them nothing new).
  onDomainEvent('record.shared', (event) => {
    if (event.actor !== null && String(event.actor) === String(event.patient)) return
    return tell(event, 'record.shared', `record-${event.record}:shared`, { record: event.record, actor: event.actor })
  })
  onDomainEvent('prescription.signed', (event) =>
    tell(event, 'prescription.signed', `prescription-${event.prescription}:signed`, {
      prescription: event.prescription,
      doctor: event.doctor,
    }),
  )
  on('appointment.cancelled', async (event) => {
    await cancelPlanned(payload, event.appointment, 'The visit was cancelled.')
    await planMessages(payload, [now(event, 'appointment.cancelled', `${event.appointment}:cancelled`, { actor: event.actor })])
  })
}
