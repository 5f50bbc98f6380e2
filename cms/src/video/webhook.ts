import type { Endpoint } from 'payload'
import { json, problem } from '../http/endpoint.ts'
import { attendanceJoined, attendanceLeft } from './attendance.ts'
import { providerFor } from '../plugins/providers.ts'

/**
 * `POST /api/video/webhook`: the video provider reports who joined and left its
 * calls (OpenVidu's participantJoined / participantLeft); the provider checks the
 * call is authentic, the platform records attendance.
 */
export const videoWebhook: Endpoint = {
  path: '/video/webhook',
  method: 'post',
  handler: async (req) => {
    // Webhooks come from the platform's own video service: its default provider reads them.
    const provider = await providerFor(req.payload, 'video', null)
    if (!provider.readWebhook) return problem(404, `The ${provider.name} video provider sends no webhooks.`)
    const events = await provider.readWebhook(new Request(req.url!, { method: 'POST', headers: req.headers, body: await req.text!() }))
    if (events === null) return problem(401, 'This webhook call is not from the video provider.')
    for (const e of events) {
      const role = e.role === 'moderator' ? 'doctor' : e.userId.startsWith('guest-') ? 'guest' : 'patient'
      if (e.type === 'joined')
        await attendanceJoined(req.payload, { appointment: e.appointmentId, userId: e.userId, role, source: 'openvidu', at: e.at })
      else await attendanceLeft(req.payload, { appointment: e.appointmentId, userId: e.userId, source: 'openvidu', at: e.at })
    }
    return json(200, { recorded: events.length })
  },
}
