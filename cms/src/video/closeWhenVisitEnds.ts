import type { Payload } from 'payload'
import { onDomainEvent } from '../events/domainEvents.ts'
import { videoProviderOf } from './provider.ts'

/** When a visit is completed, cancelled or marked no-show, its call ends for everyone. */
export function closeCallsWhenVisitsEnd(payload: Payload): void {
  const close = async ({ appointment }: { appointment: number | string }) => {
    await videoProviderOf(payload).closeSession(String(appointment))
  }
  onDomainEvent('appointment.completed', close)
  onDomainEvent('appointment.cancelled', close)
  onDomainEvent('appointment.no-show', close)
}
