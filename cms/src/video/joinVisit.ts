import type { Endpoint } from 'payload'
import { json, problem } from '../http/endpoint.ts'
import { loadVisit } from '../http/loadVisit.ts'
import { joinWindow } from './joinWindow.ts'
import { idOf } from '../access/roles.ts'
import { providerFor } from '../plugins/providers.ts'

/**
 * `POST /api/appointments/:id/join` → `{ provider, token | room, expiresAt, role }`:
 * a grant to enter the visit's call, for its patient (publisher) and its doctor
 * (moderator) only, for a confirmed visit, inside the clinic's join window.
 * 403 with the reason otherwise (too early: with `opensAt`, the instant the call opens). Invited guests join through `POST /api/video/guest`.
 */
export const joinVisit: Endpoint = {
  path: '/:id/join',
  method: 'post',
  handler: async (req) => {
    const loaded = await loadVisit(req)
    if (loaded instanceof Response) return loaded.status === 403 ? problem(403, 'You are not a participant of this visit.') : loaded
    const { visit, actor } = loaded
    if (actor === 'admin') return problem(403, 'You are not a participant of this visit: only its patient and doctor join the call.')
    const window = await joinWindow(req, visit)
    // Too early: when it opens, as an instant, for clients to show in their viewer's zone.
    if ('refusal' in window)
      return json(403, { errors: [{ message: window.refusal, ...('opensAt' in window ? { opensAt: window.opensAt } : {}) }] })

    const provider = await providerFor(req.payload, 'video', idOf(visit.tenant))
    const session = await provider.ensureSession(String(visit.id))
    const grant = await provider.join(session, {
      userId: String(req.user!.id),
      role: actor === 'doctor' ? 'moderator' : 'publisher',
      displayName: String((req.user as { name?: string }).name ?? ''),
    })
    return json(200, { ...grant, expiresAt: new Date(window.closes).toISOString() })
  },
}
