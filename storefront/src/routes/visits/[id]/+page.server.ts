import { fail } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { visitOr404 } from '$lib/server/visits.ts'
import type { Actions, PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'

type Grant = {
  provider: string
  room?: string
  token?: string
  role: 'moderator' | 'publisher'
  expiresAt: string
  iceServers?: RTCIceServer[]
}
type Message = { id: number | string; sender: number | string; body: string; createdAt: string }

/**
 * The visit itself, for its patient and its doctor: the call (when the join window
 * is open) and the chat. Links in calendar files and emails point here.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  const visit = await visitOr404(locals, params.id)
  let grant: Grant | null = null
  let refusal: string | null = null
  try {
    grant = await api<Grant>(locals, `/api/appointments/${visit.id}/join`, { method: 'POST' })
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    refusal = e.message
  }
  const { messages } = await api<{ messages: Message[] }>(locals, `/api/appointments/${visit.id}/messages`)
  return {
    visit: {
      id: visit.id,
      start: visit.start,
      end: visit.end,
      status: visit.status,
      visitType: visit.visitType,
      doctor: visit.doctor.name,
      patient: visit.patient.name,
    },
    me: { id: String(locals.user.id), role: locals.user.role === 'doctor' ? 'doctor' : 'patient' },
    grant,
    refusal,
    messages,
  }
}

export const actions: Actions = {
  /** A chat message, as a plain form post (the page adds it live with JavaScript). */
  message: async ({ locals, params, request }) => {
    const body = String((await request.formData()).get('body') ?? '').trim()
    if (!body) return fail(400, { errors: { body: 'Write a message first.' } })
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/messages`, { body: { body } })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { errors: { body: e.message } })
    }
    return { sent: true }
  },
}
