import type { Payload } from 'payload'
import type { DomainEvents, DomainEventType } from './events.ts'
import type { QueueOptions } from './jobs.ts'
import type { SettingValues } from './settings.ts'

/** One clinic as a provider sees it: its id and slug and the plugin's settings for it (secrets decrypted). */
export type ClinicScope = { id: string; slug: string; settings: SettingValues }

/**
 * What the platform gives a plugin's code at run time (event handlers, jobs, site
 * steps, provider factories). Everything is scoped to the plugin: its settings, its
 * jobs, its log name.
 */
export interface PlatformContext {
  /** Payload's local API. Pass `overrideAccess: false` and a `user` to act as a person. */
  readonly payload: Payload
  readonly log: { info(msg: string, data?: object): void; warn(msg: string, data?: object): void; error(msg: string, data?: object): void }
  /** This plugin's settings of one clinic, secrets decrypted. Never log or return them. */
  clinic(clinicId: number | string): Promise<ClinicScope>
  /** Queues one of this plugin's jobs by its slug. */
  queue(slug: string, input: Record<string, unknown>, options?: QueueOptions): Promise<void>
  /**
   * Emits a domain event (a payments plugin reports `payment.changed`), delivered at once to every
   * subscriber: emit it once your change is saved, never from inside a transaction that may still roll back.
   */
  emit<K extends DomainEventType>(type: K, event: Omit<DomainEvents[K], 'at'>): Promise<void>
  /** An absolute link into a clinic's site (its own domain, or /c/<slug>/), e.g. `clinicUrl(id, '/appointments/42')`. */
  clinicUrl(clinicId: number | string, path: string): Promise<string>
}
