import type { ClinicScope, PlatformContext } from '../context.ts'
import type { SettingValues } from '../settings.ts'

/**
 * A PlatformContext for a plugin's unit tests: it records what the plugin asks
 * of the platform (jobs queued, events emitted, log lines) and answers
 * `clinic(id)` with the settings given. No `payload`: code that needs Payload's
 * local API belongs in an integration test against the running platform.
 */
export function testContext(settings: SettingValues = {}) {
  const queued: { slug: string; input: Record<string, unknown>; waitUntil?: Date }[] = []
  const emitted: { type: string; event: unknown }[] = []
  const logged: { level: 'info' | 'warn' | 'error'; msg: string; data?: object }[] = []
  const ctx: PlatformContext = {
    get payload(): never {
      throw new Error('testContext has no Payload: test this code against the running platform (startTestServer).')
    },
    log: {
      info: (msg, data) => void logged.push({ level: 'info', msg, data }),
      warn: (msg, data) => void logged.push({ level: 'warn', msg, data }),
      error: (msg, data) => void logged.push({ level: 'error', msg, data }),
    },
    clinic: async (id): Promise<ClinicScope> => ({ id: String(id), slug: `clinic-${id}`, settings }),
    queue: async (slug, input, options) => void queued.push({ slug, input, waitUntil: options?.waitUntil }),
    emit: async (type, event) => void emitted.push({ type, event }),
    clinicUrl: async (id, path) => `https://clinic-${id}.example${path}`,
  }
  return { ctx, queued, emitted, logged }
}
