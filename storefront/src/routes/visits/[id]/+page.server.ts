import { fail } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { visitOr404 } from '$lib/server/visits.ts'
import type { Actions, PageServerLoad } from './$types'
import type { VisitGuest } from '$documents'
import { requireSignIn } from '$lib/server/session.ts'
import { cachedPublic } from '$lib/server/publicCache.ts'
import { tooEarlyMessage } from '$lib/tooEarly.ts'
import { clinicDoctors } from '$lib/server/doctors.ts'
import { postRunningLate } from '$lib/server/runningLate.ts'

type Grant = {
  provider: string
  room?: string
  token?: string
  role: 'moderator' | 'publisher'
  expiresAt: string
  iceServers?: RTCIceServer[]
}
type Message = { id: number | string; sender: number | string; body: string; createdAt: string }
type Guest = Pick<VisitGuest, 'id' | 'name' | 'redeemedAt'>
type Capabilities = { provider: string; guests: boolean; recording: boolean }

/** What this clinic's video service can do (guests, recording): changes only when its admins choose another. */
const capabilities = (locals: App.Locals) => {
  const clinic = String(locals.clinic?.id ?? '')
  return cachedPublic(`video-capabilities:${clinic}`, 60_000, () =>
    api<Capabilities>({ ...locals, token: undefined }, `/api/video/capabilities?clinic=${encodeURIComponent(clinic)}`),
  )
}

/**
 * The visit itself, for its patient and its doctor: the call (when the join window
 * is open) and the chat. Links in calendar files and emails point here.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  const visit = await visitOr404(locals, params.id)
  let grant: Grant | null = null
  let refusal: string | null = null
  let opensAt: string | null = null
  try {
    grant = await api<Grant>(locals, `/api/appointments/${visit.id}/join`, { method: 'POST' })
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // Too early: the opening time in the viewer's zone, as every other time on the page.
    opensAt = e.opensAt ?? null
    refusal = e.opensAt ? tooEarlyMessage(e.opensAt, visit.start, locals.timeZone, locals.clinic!.locale) : e.message
  }
  const { messages } = await api<{ messages: Message[] }>(locals, `/api/appointments/${visit.id}/messages`)
  const video = await capabilities(locals)
  const isPatient = locals.user.role === 'patient'
  const guests =
    isPatient && video.guests && visit.visitType === 'video'
      ? (
          await api<{ docs: Guest[] }>(
            locals,
            `/api/visit-guests?where[appointment][equals]=${visit.id}&where[revokedAt][exists]=false&depth=0`,
          )
        ).docs
      : []
  const upcoming = ['confirmed', 'requested'].includes(visit.status)
  // The waiting room shows the doctor's portrait and title from the clinic's (cached, public) directory.
  const card = (await clinicDoctors(locals)).find((d) => String(d.id) === String(visit.doctor.id))
  return {
    visit: {
      id: visit.id,
      start: visit.start,
      end: visit.end,
      status: visit.status,
      visitType: visit.visitType,
      doctor: visit.doctor.name,
      patient: visit.patient.name,
      recordingConsent: visit.recordingConsent ?? null,
      doctorId: visit.doctor.id,
      doctorPhoto: card?.photo ?? null,
      doctorTitle: card ? card.title || card.specialties.join(', ') : '',
      runningLate: visit.runningLateMinutes ? { minutes: visit.runningLateMinutes, setAt: visit.runningLateSetAt ?? null } : null,
    },
    // Guests and recording: only where the video service and the clinic allow them.
    canInvite: isPatient && upcoming && video.guests && visit.visitType === 'video',
    canRecord: video.recording && locals.clinic!.recordingAllowed && visit.visitType === 'video',
    guests: guests.map((g) => ({ id: g.id, name: g.name, opened: Boolean(g.redeemedAt) })),
    me: { id: String(locals.user.id), name: locals.user.name, role: locals.user.role === 'doctor' ? 'doctor' : 'patient' },
    grant,
    refusal,
    opensAt,
    messages,
  }
}

/** Calls the API for a form; a refusal comes back as the form's error on `field`. */
async function formCall<T>(field: string, call: () => Promise<T>) {
  try {
    return { done: await call() }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    return fail(e.status, { errors: { [field]: e.message } })
  }
}

const visitApi = (id: string, rest: string) => `/api/appointments/${encodeURIComponent(id)}/${rest}`

export const actions: Actions = {
  /** The doctor tells the waiting patient that the visit starts late (or clears it). */
  runningLate: async ({ locals, params, request }) => postRunningLate(locals, params.id, await request.formData()),

  /** A chat message, as a plain form post (the page adds it live with JavaScript). */
  message: async ({ locals, params, request }) => {
    const body = String((await request.formData()).get('body') ?? '').trim()
    if (!body) return fail(400, { errors: { body: 'Write a message first.' } })
    const sent = await formCall('body', () => api(locals, visitApi(params.id, 'messages'), { body: { body } }))
    return 'done' in sent ? { sent: true } : sent
  },

  /** The patient invites a guest: the one-time link is shown once, to copy and send. */
  invite: async ({ locals, params, request }) => {
    const name = String((await request.formData()).get('name') ?? '').trim()
    const invited = await formCall('name', () =>
      api<{ url: string; name: string }>(locals, visitApi(params.id, 'guests'), { body: { name } }),
    )
    return 'done' in invited ? { invited: invited.done } : invited
  },

  withdraw: async ({ locals, params, request }) => {
    const guest = String((await request.formData()).get('guest') ?? '')
    const withdrawn = await formCall('guests', () =>
      api(locals, visitApi(params.id, `guests/${encodeURIComponent(guest)}`), { method: 'DELETE' }),
    )
    return 'done' in withdrawn ? { withdrawn: true } : withdrawn
  },

  /** The patient allows or refuses recording of this visit (withdrawing stops a running recording). */
  consent: async ({ locals, params, request }) => {
    const consent = (await request.formData()).get('consent') === 'yes'
    const saved = await formCall('consent', () => api(locals, visitApi(params.id, 'recording-consent'), { body: { consent } }))
    return 'done' in saved ? { consented: consent } : saved
  },

  /** The doctor starts or stops recording the call. */
  record: async ({ locals, params, request }) => {
    const action = String((await request.formData()).get('action') ?? '')
    const recorded = await formCall('recording', () => api(locals, visitApi(params.id, 'recording'), { body: { action } }))
    return 'done' in recorded ? { recordingAction: action } : recorded
  },
}
