import { error, fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { freeSlots, oneDoctor } from '$lib/server/doctors.ts'
import { slotDays } from '$lib/slotDays.ts'
import type { Actions, PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const doctor = await oneDoctor(locals, params.id)
  if (!doctor) error(404, 'There is no such doctor at this clinic.')
  const days = slotDays(await freeSlots(locals, doctor.id), locals.timeZone, doctor.timeZone)
  const day = days.find((d) => d.day === url.searchParams.get('day')) ?? days[0] ?? null
  return {
    doctor,
    days: days.map(({ day, label, slots }) => ({ day, label, count: slots.length })),
    day,
    // One key per rendered form: a double-click or a retried post books once (Idempotency-Key).
    bookingKey: crypto.randomUUID(),
  }
}

export const actions: Actions = {
  /** Books the chosen slot. Works without JavaScript; a taken slot answers with the reason and fresh times. */
  book: async ({ locals, params, request, url }) => {
    requireSignIn(locals, url)
    const form = await request.formData()
    const start = String(form.get('start') ?? '')
    const reason = String(form.get('reason') ?? '').trim()
    const visitType = String(form.get('visitType') ?? 'video')
    const key = String(form.get('key') ?? '') || crypto.randomUUID()
    const values = { start, reason, visitType }
    if (!start) return fail(400, { values, errors: { start: 'Choose a time.' } })
    if (reason.length > 2000) return fail(400, { values, errors: { reason: 'Use at most 2000 characters.' } })
    let booked: { doc: { id: number | string } }
    try {
      booked = await api(locals, '/api/appointments/book', {
        body: { doctor: params.id, start, reason, visitType },
        headers: { 'Idempotency-Key': key },
      })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      const field = e.field === 'reason' || e.field === 'visitType' ? e.field : e.field === 'start' ? 'start' : 'form'
      return fail(e.status, { values, errors: { [field]: e.message } })
    }
    redirect(303, `${locals.basePath}/appointments/${booked.doc.id}?booked=1`)
  },
}
