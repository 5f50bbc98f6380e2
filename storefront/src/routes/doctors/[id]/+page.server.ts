import { error, fail, redirect } from '@sveltejs/kit'
import { api, ApiError, query } from '$lib/server/api.ts'
import { freeSlots, oneDoctor, type Slot } from '$lib/server/doctors.ts'
import { bookingPath, instantOf } from '$lib/server/bookingReturn.ts'
import { isDocumentId } from '$lib/server/documentId.ts'
import { dayOf } from '$lib/format.ts'
import { slotDays } from '$lib/slotDays.ts'
import type { Actions, PageServerLoad } from './$types'
import type { Appointment } from '$documents'
import { requireSignIn } from '$lib/server/session.ts'
import { nextBookingPath, siteSteps } from '$lib/server/siteSteps.ts'
import { openCheckout, visitStatusOf } from '$lib/server/payments.ts'

/** The days of free times the page offers (see freeSlots). */
const DAYS_AHEAD = 14

/** A live hold: its expiry is set (the query asks for holds that have not run out). */
type Hold = Pick<Appointment, 'id' | 'start' | 'end'> & { holdExpiresAt: string }

/** The signed-in patient's live holds of this doctor's times (see the core's POST /api/appointments/hold). */
async function myHolds(locals: App.Locals, doctor: number | string): Promise<Hold[]> {
  if (locals.user?.role !== 'patient') return []
  const now = new Date().toISOString()
  const where = {
    and: [
      { tenant: { equals: locals.clinic!.id } },
      { patient: { equals: locals.user.id } },
      { doctor: { equals: doctor } },
      { status: { equals: 'held' } },
      { holdExpiresAt: { greater_than: now } },
      { start: { greater_than: now } },
    ],
  }
  const { docs } = await api<{ docs: Hold[] }>(locals, `/api/appointments?${query({ where, depth: 0, limit: 20, sort: 'start' })}`)
  return docs
}

const at = (instant: string) => Date.parse(instant)

/** A payment page opened for a held time: `url` null when there is none to pay on (see openCheckout). */
type Checkout = Awaited<ReturnType<typeof openCheckout>>

/**
 * At a clinic that takes payment when booking (the booking endpoint answers 402):
 * the time held for the patient while they pay (their own hold, else one made now
 * with the form's choices, which the visit keeps), and its payment page opened.
 * The booking form's key makes a resent form hold once and open one payment page.
 * Throws the API's refusals, e.g. the time taken meanwhile.
 */
async function payForTime(
  locals: App.Locals,
  hold: number | string | undefined,
  time: Record<string, unknown>,
  key: string,
): Promise<Checkout> {
  const held =
    hold ?? (await api<{ doc: Hold }>(locals, '/api/appointments/hold', { body: time, headers: { 'Idempotency-Key': key } })).doc.id
  // The form's reason and kind of visit go on the hold, as a booking would have kept them.
  return openCheckout(locals, held, key, { reason: time.reason, visitType: time.visitType })
}

/**
 * The time chosen before signing in, registering or joining (`?start=`, see
 * bookingReturn), as the page shows it: held for the patient, chosen (not
 * held: a visitor, staff, or the clinic's limit on holds), or taken meanwhile.
 */
type Chosen = { start: string; status: 'held' | 'chosen' | 'taken'; heldUntil?: string; notHeld?: string }

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const doctor = await oneDoctor(locals, params.id)
  if (!doctor) {
    // A return address naming a doctor of another clinic, or none: the directory instead, without a word.
    if (url.searchParams.has('start')) redirect(303, `${locals.basePath}/doctors`)
    error(404, 'There is no such doctor at this clinic.')
  }
  // Carried through sign-in in the address: only an ISO instant is read, and only a time of this doctor's is offered.
  const wanted = instantOf(url.searchParams.get('start'))
  let [slots, holds] = await Promise.all([freeSlots(locals, doctor.id, DAYS_AHEAD), myHolds(locals, doctor.id)])
  let chosen: Chosen | null = null
  if (wanted) {
    const isWanted = (s: { start: string }) => at(s.start) === at(wanted)
    let hold = holds.find(isWanted)
    let notHeld: string | undefined
    // Held for the patient, so only a confirm is left: the core keeps it for 10 minutes and applies the clinic's limit.
    if (!hold && slots.some(isWanted) && locals.user?.role === 'patient') {
      try {
        const held = await api<{ doc: Hold }>(locals, '/api/appointments/hold', {
          body: { doctor: doctor.id, start: wanted },
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        })
        hold = held.doc
        holds = [...holds, hold]
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        notHeld = e.message
        // Taken a moment ago (or not this patient's to take): the times as they are now.
        if (e.field === 'start') slots = await freeSlots(locals, doctor.id, DAYS_AHEAD)
      }
    }
    const free = slots.find(isWanted)
    if (hold) chosen = { start: hold.start, status: 'held', heldUntil: hold.holdExpiresAt }
    else if (free) chosen = { start: free.start, status: 'chosen', ...(notHeld ? { notHeld } : {}) }
    // A time that could have been offered, but no longer is; any other instant is dropped without a word.
    else if (at(wanted) > Date.now() && at(wanted) < Date.now() + DAYS_AHEAD * 86_400_000) chosen = { start: wanted, status: 'taken' }
  }
  // The patient's own holds are theirs to book: shown among the free times.
  const offered: Slot[] = [...slots, ...holds.filter((h) => !slots.some((s) => at(s.start) === at(h.start)))].sort(
    (a, b) => at(a.start) - at(b.start),
  )
  const days = slotDays(offered, locals.timeZone, doctor.timeZone, locals.clinic!.locale)
  // The chosen time's day; when it has nothing free left, the next day that has.
  const asked = chosen ? dayOf(chosen.start, locals.timeZone) : url.searchParams.get('day')
  const day =
    days.find((d) => d.day === asked) ??
    (chosen ? days.find((d) => d.day > asked!) : undefined) ??
    days.find((d) => d.day === url.searchParams.get('day')) ??
    days[0] ??
    null
  return {
    doctor,
    days: days.map(({ day, label, slots }) => ({ day, label, count: slots.length })),
    day,
    held: holds.map((h) => h.start),
    chosen,
    // One key per rendered form: a double-click or a retried post books once (Idempotency-Key).
    bookingKey: crypto.randomUUID(),
  }
}

export const actions: Actions = {
  /**
   * Books the chosen slot (from the patient's hold of it, when they have one).
   * Works without JavaScript; a taken slot answers with the reason and fresh
   * times. A visitor goes to sign in (or register) first, and comes back to
   * this doctor, day and time.
   */
  book: async ({ locals, params, request, url }) => {
    const form = await request.formData()
    const start = String(form.get('start') ?? '')
    if (!locals.user && isDocumentId(params.id)) {
      const next = bookingPath(params.id, String(form.get('day') ?? ''), start)
      redirect(303, `${locals.basePath}/signin?next=${encodeURIComponent(next)}`)
    }
    requireSignIn(locals, url)
    const reason = String(form.get('reason') ?? '').trim()
    const visitType = String(form.get('visitType') ?? 'video')
    const key = String(form.get('key') ?? '') || crypto.randomUUID()
    const values = { start, reason, visitType }
    if (!start) return fail(400, { values, errors: { start: 'Choose a time.' } })
    if (reason.length > 2000) return fail(400, { values, errors: { reason: 'Use at most 2000 characters.' } })
    const chosen = instantOf(start)
    const hold = chosen && isDocumentId(params.id) ? (await myHolds(locals, params.id)).find((h) => at(h.start) === at(chosen)) : undefined
    const book = (body: Record<string, unknown>) =>
      api<{ doc: { id: number | string } }>(locals, '/api/appointments/book', {
        body: { ...body, reason, visitType },
        headers: { 'Idempotency-Key': key },
      })
    /**
     * Books the time: from the hold (when it ran out a moment ago, the time itself:
     * it may still be free). At a clinic that takes payment when booking, the visit
     * is booked once paid: its payment page is opened instead.
     */
    const bookOrPay = async (): Promise<{ booked: number | string } | { paying: Checkout }> => {
      let held = hold?.id
      try {
        try {
          return { booked: (await book(held !== undefined ? { hold: held } : { doctor: params.id, start })).doc.id }
        } catch (e) {
          // The hold ran out a moment ago: the time may still be free.
          if (!(held !== undefined && e instanceof ApiError && e.field === 'hold')) throw e
          held = undefined
          return { booked: (await book({ doctor: params.id, start })).doc.id }
        }
      } catch (e) {
        // 402: the clinic takes payment when booking.
        if (!(e instanceof ApiError && e.status === 402)) throw e
        return { paying: await payForTime(locals, held, { doctor: params.id, start, reason, visitType }, key) }
      }
    }
    let outcome: Awaited<ReturnType<typeof bookOrPay>>
    try {
      outcome = await bookOrPay()
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      const field = e.field === 'reason' || e.field === 'visitType' ? e.field : e.field === 'start' ? 'start' : 'form'
      return fail(e.status, { values, errors: { [field]: e.message } })
    }
    let visit: number | string
    if ('paying' in outcome) {
      const { doc, url } = outcome.paying
      // To the payment page; it sends the patient back to payments/<id>/return (paid: booked) or …/cancelled.
      if (url) redirect(303, url)
      // No page to pay on (the clinic takes the money at the desk, or it is paid already): the visit is booked as it is.
      const status = doc.appointment === null ? null : await visitStatusOf(locals, doc.appointment)
      if (doc.appointment === null || !status || status === 'held')
        return fail(409, { values, errors: { form: 'Your time is held, but we could not finish booking it. Try again in a moment.' } })
      visit = doc.appointment
    } else visit = outcome.booked
    // The steps plugins add after the time (pay, a few questions), then the confirmation.
    redirect(303, nextBookingPath(locals, visit, await siteSteps(locals, 'booking.afterTime', visit)))
  },
}
