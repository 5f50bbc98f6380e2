import type { Payload } from 'payload'
import { onDomainEvent, type AppointmentEvent } from '../events/domainEvents.ts'
import { clinicRules } from './clinicRules.ts'
import { cancelPlanned, planMessages, type PlannedMessage } from './plan.ts'

const HOUR = 3_600_000

const MINUTE = 60_000
/** "Your visit is starting" goes this long before the start, or when the call opens if that is later. */
const STARTING_MINUTES_BEFORE = 5

/**
 * The messages before a visit at its current time, those whose time is still
 * to come: the reminders, and "your visit is starting" with the link to join.
 */
async function beforeTheVisit(payload: Payload, event: AppointmentEvent, now: number): Promise<PlannedMessage[]> {
  const start = Date.parse(event.start)
  const schedule = await clinicRules(payload, event.tenant)
  const message = (kind: string, type: PlannedMessage['event'], at: number, details: Record<string, unknown>): PlannedMessage => ({
    tenant: event.tenant,
    recipient: event.patient,
    event: type,
    kind,
    appointment: event.appointment,
    scheduledFor: new Date(at),
    key: `${event.appointment}:${kind}:${event.start}`,
    details: { start: event.start, ...details },
  })
  const startingAt = start - Math.min(STARTING_MINUTES_BEFORE, schedule.joinMinutesBefore) * MINUTE
  return [
    ...schedule.reminderHours.map((hours) => message(`reminder-${hours}h`, 'appointment.reminder', start - hours * HOUR, { hours })),
    message('starting', 'appointment.starting', startingAt, {}),
  ].filter((m) => m.scheduledFor.getTime() > now)
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

/** A booked visit's messages: "booked" now, then its reminders and "starting". */
export async function planBooked(payload: Payload, event: AppointmentEvent): Promise<void> {
  await planMessages(payload, [
    now(event, 'appointment.booked', `${event.appointment}:booked`),
    ...(await beforeTheVisit(payload, event, Date.now())),
  ])
}

/**
 * Plans the patient's messages as their visit changes, once the change is
 * committed: booked (with its reminders and "starting" message), confirmed,
 * moved (those of the old time cancelled, new ones planned), cancelled (every message still
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

  on('appointment.booked', (event) => planBooked(payload, event))
  // A request the clinic confirmed later (a visit booked as confirmed says so in its booked message).
  on('appointment.confirmed', async (event) => {
    await planMessages(payload, [now(event, 'appointment.confirmed', `${event.appointment}:confirmed`)])
  })
  on('appointment.rescheduled', async (event) => {
    await cancelPlanned(payload, event.appointment, 'The visit moved to another time.', 'before-visit')
    await planMessages(payload, [
      // One per move (keyed by the moment of the move): a visit moved away and back is told both times.
      now(event, 'appointment.rescheduled', `${event.appointment}:rescheduled:${event.at}`, { previousStart: event.previous?.start }),
      ...(await beforeTheVisit(payload, event, Date.now())),
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
