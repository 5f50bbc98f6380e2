import { createLocalReq, type Payload } from 'payload'
import type { DomainEvent, PlatformContext, TelemedPlugin } from '@telemed/plugin-sdk'
import { clinicLink } from '../email/clinicLink.ts'
import { deliver } from '../events/domainEvents.ts'
import { queueJob } from './jobs/index.ts'
import { readClinicSettings } from './settings/index.ts'

/** What one plugin's code is given at run time: everything scoped to that plugin. */
export function contextFor(payload: Payload, plugin: TelemedPlugin): PlatformContext {
  const logger = payload.logger.child({ plugin: plugin.name })
  const ctx: PlatformContext = {
    payload,
    log: {
      info: (msg, data) => logger.info(data ?? {}, msg),
      warn: (msg, data) => logger.warn(data ?? {}, msg),
      error: (msg, data) => logger.error(data ?? {}, msg),
    },
    async clinic(clinicId) {
      const clinic = await payload.findByID({ collection: 'tenants', id: clinicId, depth: 0, select: { slug: true } })
      return { id: String(clinic.id), slug: String(clinic.slug), settings: await readClinicSettings(payload, plugin, clinicId) }
    },
    queue: (slug, input, options) => queueJob(payload, plugin, slug, input, options),
    async emit(type, event) {
      const full = { ...event, type, at: new Date().toISOString() } as unknown as DomainEvent
      await deliver(full, (err) => logger.error({ err, event: type }, 'a domain event subscriber failed'))
    },
    clinicUrl: async (clinicId, path) => clinicLink(await createLocalReq({}, payload), clinicId, path),
  }
  return ctx
}
