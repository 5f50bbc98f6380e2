import type { Payload } from 'payload'
import { onDomainEvent } from '../events/domainEvents.ts'
import { providerFor } from '../plugins/providers.ts'

/** When a visit is completed, cancelled or marked no-show, its call ends for everyone. */
export function closeCallsWhenVisitsEnd(payload: Payload): void {
  const close = async ({ appointment, tenant }: { appointment: number | string; tenant: number | string }) => {
    await (await providerFor(payload, 'video', tenant)).closeSession(String(appointment))
  }
  onDomainEvent('appointment.completed', close)
  onDomainEvent('appointment.cancelled', close)
  onDomainEvent('appointment.no-show', close)
}
