import type { Endpoint } from 'payload'
import { json } from '../http/endpoint.ts'
import { videoProviderOf } from './provider.ts'

/**
 * `GET /api/video/capabilities` → `{ provider, guests, recording }`: what this
 * platform's video service can do, so sites offer only what works (guest
 * invitations and recording need a multi-party service such as OpenVidu).
 */
export const videoCapabilities: Endpoint = {
  path: '/video/capabilities',
  method: 'get',
  handler: (req) => {
    const provider = videoProviderOf(req.payload)
    return json(200, { provider: provider.name, guests: Boolean(provider.supportsGuests), recording: Boolean(provider.startRecording) })
  },
}
