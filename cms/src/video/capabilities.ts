import type { Endpoint } from 'payload'
import { json } from '../http/endpoint.ts'
import { providerFor } from '../plugins/providers.ts'
import { idOf } from '../access/roles.ts'

/**
 * `GET /api/video/capabilities` → `{ provider, guests, recording }`: what this
 * platform's video service can do, so sites offer only what works (guest
 * invitations and recording need a multi-party service such as OpenVidu).
 */
export const videoCapabilities: Endpoint = {
  path: '/video/capabilities',
  method: 'get',
  handler: async (req) => {
    const clinic = typeof req.query.clinic === 'string' && /^[\w-]{1,64}$/.test(req.query.clinic) ? req.query.clinic : null
    const provider = await providerFor(req.payload, 'video', idOf(clinic))
    return json(200, { provider: provider.name, guests: Boolean(provider.supportsGuests), recording: Boolean(provider.startRecording) })
  },
}
