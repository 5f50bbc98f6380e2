import type { PayloadRequest } from 'payload'
import type { DomainEvent, DomainEvents, DomainEventType } from '@telemed/plugin-sdk'
import { afterCommit } from '../database/index.ts'
import { deliver } from './domainEvents.ts'

/** Emits a domain event once the request's transaction commits (at once without one); the actor is the request's user. */
export async function emitDomainEvent<K extends DomainEventType>(
  req: PayloadRequest,
  type: K,
  event: Omit<DomainEvents[K], 'at' | 'actor'>,
): Promise<void> {
  // TypeScript cannot narrow a generic K into the union of events: the signature above is what keeps it typed.
  const full = { ...event, type, actor: req.user?.id ?? null, at: new Date().toISOString() } as unknown as DomainEvent
  await afterCommit(req, () =>
    deliver(full, (error) => req.payload.logger.error({ err: error, event: type }, 'a domain event subscriber failed')),
  )
}
