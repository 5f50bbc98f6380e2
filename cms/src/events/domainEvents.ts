/**
 * The platform's domain events (their names and shapes: `DomainEvents` in
 * @telemed/plugin-sdk), the one mechanism features and plugins react through.
 * Events name records and people by id; a subscriber that needs more reads it
 * with its own access rules. Emitters deliver after commit (see afterCommit.ts).
 */
import type { DomainEvent, DomainEventType } from '@telemed/plugin-sdk'

export type { AppointmentEvent, AppointmentEventType, DomainEvent, DomainEventType } from '@telemed/plugin-sdk'

type Handler<K extends DomainEventType> = (event: DomainEvent<K>) => void | Promise<void>
const handlers = new Map<DomainEventType | '*', Set<Handler<any>>>()

/** Subscribes to one event type, or `'*'` for all; returns the unsubscribe function. */
export function onDomainEvent<K extends DomainEventType>(type: K | '*', handler: Handler<K>): () => void {
  const set = handlers.get(type) ?? new Set()
  set.add(handler)
  handlers.set(type, set)
  return () => set.delete(handler)
}

/** Delivers to every subscriber; one failing subscriber neither stops the others nor the write. */
export async function deliver(event: DomainEvent, log: (error: unknown, event: DomainEvent) => void): Promise<void> {
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

/** The events of a visit's life, for subscribers that follow visits (the live room, the video call). */
export const APPOINTMENT_EVENT_TYPES = [
  'appointment.booked',
  'appointment.confirmed',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.completed',
  'appointment.no-show',
] as const satisfies readonly DomainEventType[]
