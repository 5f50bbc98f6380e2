/**
 * The domain events of a visit, the one mechanism later features (notifications,
 * payments, video) subscribe to. Events name the appointment and the people by id;
 * a subscriber that needs more reads it with its own access rules.
 */
export type AppointmentEventType =
  | 'appointment.booked'
  | 'appointment.confirmed'
  | 'appointment.rescheduled'
  | 'appointment.cancelled'
  | 'appointment.completed'
  | 'appointment.no-show'

export type AppointmentEvent = {
  type: AppointmentEventType
  appointment: number | string
  tenant: number | string
  patient: number | string
  doctor: number | string
  start: string
  end: string
  /** For `appointment.rescheduled`: the times before. */
  previous?: { start: string; end: string }
  /** Who caused it (null for the platform itself). */
  actor: number | string | null
  at: string
}

type Handler = (event: AppointmentEvent) => void | Promise<void>
const handlers = new Map<AppointmentEventType | '*', Set<Handler>>()

/** Subscribes to one event type, or `'*'` for all; returns the unsubscribe function. */
export function onAppointmentEvent(type: AppointmentEventType | '*', handler: Handler): () => void {
  const set = handlers.get(type) ?? new Set()
  set.add(handler)
  handlers.set(type, set)
  return () => set.delete(handler)
}

/** Delivers to every subscriber; one failing subscriber neither stops the others nor the write. */
export async function deliver(event: AppointmentEvent, log: (error: unknown, event: AppointmentEvent) => void): Promise<void> {
  const targets = [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])]
  await Promise.all(
    targets.map(async (handler) => {
      try {
        await handler(event)
      } catch (error) {
        log(error, event)
      }
    }),
  )
}
