import { APIError, commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'
import type { Appointment } from '../../payload-types.ts'
import { clinicsOf, idOf, sameId } from '../../access/roles.ts'
import { overlapKind } from '../bookingGuard.ts'
import { computeSlots, type SlotQuery } from '../computeSlots.ts'
import { HOLD_MINUTES, isExpiredHold } from '../holds.ts'
import { keepAnswer, KeyTaken, storedAnswer, type StoredAnswer } from '../idempotency.ts'
import { loadCalendar } from '../loadCalendar.ts'
import { timeTakenMessage } from '../occupancy.ts'
import { markOverlapChecked } from '../../collections/Appointments/hooks/refuseOverlap.ts'
import { json, problem } from '../../http/endpoint.ts'
import { lookup } from '../../database/index.ts'
import { DOCTOR_FACTS } from '../../hooks/ownership.ts'
import { LimitReached, oneBookingAtATime, refuseHoarding } from '../bookingLimits.ts'
import { clinicBookingPolicy, doctorForBooking } from '../bookingFacts.ts'
import { bookingOutcome, countBooking, type BookingOutcome } from '../../metrics/bookings.ts'
import { PAY_FIRST, paymentRequired } from '../../payments/requiredAtBooking.ts'

type BookingRequest = { doctor?: unknown; start?: unknown; reason?: unknown; visitType?: unknown; hold?: unknown }
const answer = (status: number, body: unknown): StoredAnswer => ({ status, body })
const refusal = (status: number, message: string, path?: string) => answer(status, { errors: [{ message, ...(path ? { path } : {}) }] })

type Mode = 'book' | 'hold'

/**
 * `POST /api/appointments/book` `{ doctor, start, reason, visitType }` or
 * `{ hold, reason?, visitType? }` with an `Idempotency-Key` header. A patient books one of the
 * doctor's free slots (or turns their hold into a booking); the clinic's policy
 * decides whether it is confirmed at once or waits for the doctor.
 * 201 with the appointment; 409 when the time is taken; 400/422 for bad input;
 * 402 where the clinic takes payment when booking (see payments/requiredAtBooking.ts).
 *
 * `POST /api/appointments/hold` `{ doctor, start }` keeps a free slot for the
 * patient for HOLD_MINUTES while they finish (e.g. pay); it then frees itself.
 */
const bookingEndpoint = (mode: Mode): Endpoint => ({
  path: `/${mode}`,
  method: 'post',
  handler: async (req) => {
    if (!req.user) return counted(mode, 'unauthenticated', problem(401, 'Sign in to book a visit.'))
    if ((req.user as { role?: string }).role !== 'patient')
      return counted(mode, 'forbidden', problem(403, 'Only patients book through this endpoint; staff add visits in the admin panel.'))
    const key = req.headers.get('idempotency-key')
    if (!key || key.length > 200) {
      return counted(
        mode,
        'invalid',
        problem(400, 'Send an Idempotency-Key header (a unique string per booking attempt) so a retried request never books twice.'),
      )
    }
    let body: BookingRequest
    try {
      body = (await req.json!()) as BookingRequest
    } catch {
      return counted(mode, 'invalid', problem(400, 'The request body is not valid JSON.'))
    }
    // Reads first, outside any transaction; then one short transaction writes the
    // visit and the answer kept under the key together.
    const plan = await planBooking(req, body, mode)
    if ('body' in plan) {
      // Refused: unless this is the retry of a request that went through (its own visit is now in the way).
      const earlier = await storedAnswer(req, mode, key)
      if (earlier) return counted(mode, 'replayed', json(earlier.status, earlier.body))
      return counted(mode, bookingOutcome(plan.status, fieldOf(plan)), json(plan.status, plan.body))
    }
    // Booked only once paid: the site opens the checkout of the patient's hold instead (POST /api/payments/checkout).
    if (mode === 'book' && (await paymentRequired(req, plan.tenant, plan.doctor, plan.visitType ?? 'video')))
      return counted(mode, 'invalid', json(402, { errors: [{ message: PAY_FIRST }], paymentRequired: true }))
    const shouldCommit = await initTransaction(req)
    try {
      const answer = await writeBooking(req, plan)
      await keepAnswer(req, mode, key, answer)
      if (shouldCommit) await commitTransaction(req)
      return counted(mode, bookingOutcome(answer.status), json(answer.status, answer.body))
    } catch (error) {
      await killTransaction(req)
      // A conflict found while writing leaves nothing stored: a retry is refused the same way.
      const conflict = error instanceof APIError && error.status === 409 ? error : null
      if (!conflict && !(error instanceof KeyTaken)) throw error
      // Either way, a request with the same key may have gone through first: then this one answers as it did.
      const earlier = await storedAnswer(req, mode, key)
      if (earlier) return counted(mode, 'replayed', json(earlier.status, earlier.body))
      if (!conflict) return counted(mode, 'in_progress', problem(409, 'The same request is still being processed. Try again in a moment.'))
      if (conflict instanceof LimitReached) return counted(mode, 'limit', problem(409, conflict.message))
      return counted(mode, 'taken', problem(409, conflict.message, 'start'))
    }
  },
})

/** Counts the answer by its outcome (telemed_bookings_total, docs/metrics.md) and returns it. */
function counted(mode: Mode, outcome: BookingOutcome, response: Response): Response {
  countBooking(mode, outcome)
  return response
}

/** The field a refusal names, if any. */
const fieldOf = (answer: StoredAnswer) => (answer.body as { errors?: { path?: string }[] }).errors?.[0]?.path

export const bookAppointment = bookingEndpoint('book')
export const holdSlot = bookingEndpoint('hold')

type Plan = Pick<Appointment, 'status' | 'visitType'> & {
  tenant: number
  doctor: number
  start: number
  visit: number
  reason: string
  holdExpiresAt?: string
  /** Turning this hold of the patient's into the booking. */
  fromHold?: number
}

/** Validates the request and checks the slot, reading only. A refusal, or what to write. */
async function planBooking(req: PayloadRequest, body: BookingRequest, mode: Mode): Promise<StoredAnswer | Plan> {
  if (mode === 'book' && body.hold !== undefined) return planFromHold(req, body)
  const start = typeof body.start === 'string' ? Date.parse(body.start) : NaN
  if (Number.isNaN(start)) return refusal(400, 'start must be an ISO instant such as 2026-12-01T14:00:00Z.', 'start')
  const visitType = body.visitType ?? 'video'
  if (visitType !== 'video' && visitType !== 'chat') return refusal(400, 'visitType is "video" or "chat".', 'visitType')
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > 2000)) {
    return refusal(400, 'reason is a text of at most 2000 characters.', 'reason')
  }
  const doctor = await doctorForBooking(req, body.doctor)
  if (!doctor || !doctor.active) return refusal(422, 'There is no such doctor taking bookings.', 'doctor')
  const tenant = typeof doctor.tenant === 'object' ? doctor.tenant!.id : doctor.tenant!
  if (!clinicsOf(req.user).some((c) => sameId(c, tenant))) return refusal(403, "You are not registered with this doctor's clinic.")

  const visit = (doctor.visitMinutes ?? 30) * 60_000
  const patient = { id: req.user!.id, start, end: start + visit }
  const { availability, busy, patientBusy, expiredHold } = await loadCalendar(req.payload, doctor, start, start + visit, patient)
  const free = computeSlots({ availability, busy, from: start, to: start + visit, now: Date.now() }).some((s) => s.start === start)
  if (!free) {
    const slotOf = (query: Pick<SlotQuery, 'availability' | 'busy'>) =>
      computeSlots({ ...query, from: start, to: start + visit, now: Date.now() }).some((s) => s.start === start)
    const unlimited = { ...availability, dailyMaximum: null }
    if (!slotOf({ availability: unlimited, busy: [] }))
      return refusal(422, "This is not one of the doctor's bookable times. Pick a time from the list of free slots.", 'start')
    if (slotOf({ availability: unlimited, busy }))
      return refusal(409, 'The doctor is fully booked that day. Pick a time on another day.', 'start')
    return refusal(409, timeTakenMessage('doctor'), 'start')
  }
  if (patientBusy) return refusal(409, timeTakenMessage('patient'), 'start')
  // Both calendars were just read around this visit, with no expired hold to release: the write's hook need not ask again.
  if (!expiredHold) markOverlapChecked(req, { doctor: doctor.id, patient: patient.id, start, end: start + visit })
  const policy = await clinicBookingPolicy(req, tenant)
  // The write's checks need the doctor's clinic and buffers: read just now.
  lookup.remember(req, 'doctors', DOCTOR_FACTS, doctor)
  return {
    tenant,
    doctor: doctor.id,
    start,
    visit,
    status: mode === 'hold' ? 'held' : policy?.approvalRequired ? 'requested' : 'confirmed',
    reason: (body.reason as string | undefined) ?? '',
    visitType,
    ...(mode === 'hold' ? { holdExpiresAt: new Date(Date.now() + HOLD_MINUTES * 60_000).toISOString() } : {}),
  }
}

async function planFromHold(req: PayloadRequest, body: BookingRequest): Promise<StoredAnswer | Plan> {
  const hold = await lookup
    .byId(req, 'appointments', typeof body.hold === 'number' || typeof body.hold === 'string' ? body.hold : null)
    .catch(() => null)
  if (!hold || !sameId(idOf(hold.patient), req.user!.id) || hold.status !== 'held')
    return refusal(404, 'There is no such hold of yours.', 'hold')
  if (isExpiredHold(hold)) return refusal(409, `Your hold ran out after ${HOLD_MINUTES} minutes. Pick the time again.`, 'hold')
  if (body.reason !== undefined && (typeof body.reason !== 'string' || body.reason.length > 2000))
    return refusal(400, 'reason is a text of at most 2000 characters.', 'reason')
  // Chosen on the booking form after the time was held: the hold's own, unless the booking says otherwise.
  const visitType = body.visitType ?? hold.visitType ?? 'video'
  if (visitType !== 'video' && visitType !== 'chat') return refusal(400, 'visitType is "video" or "chat".', 'visitType')
  const clinic = (await lookup.byId(req, 'tenants', idOf(hold.tenant)))!
  return {
    tenant: idOf(hold.tenant)!,
    doctor: idOf(hold.doctor)!,
    start: Date.parse(hold.start),
    visit: Date.parse(hold.end) - Date.parse(hold.start),
    status: clinic.bookingPolicy?.approvalRequired ? 'requested' : 'confirmed',
    reason: (body.reason as string | undefined) ?? hold.reason ?? '',
    visitType,
    fromHold: hold.id,
  }
}

/**
 * Writes the visit inside the caller's transaction; hooks and the database guard
 * still check overlaps, then the patient's limits at the clinic are checked.
 */
async function writeBooking(req: PayloadRequest, plan: Plan): Promise<StoredAnswer> {
  await oneBookingAtATime(req, req.user!.id)
  const written = await writeVisit(req, plan)
  await refuseHoarding(req, plan.tenant, plan.status === 'held' ? 'hold' : 'book')
  return written
}

/** The visit itself (or the hold turned into it). */
async function writeVisit(req: PayloadRequest, plan: Plan): Promise<StoredAnswer> {
  const { tenant, start, visit, status, reason, visitType } = plan
  try {
    if (plan.fromHold !== undefined) {
      const booked = await req.payload.update({
        collection: 'appointments',
        id: plan.fromHold,
        req,
        overrideAccess: true,
        depth: 0,
        data: { status, reason, visitType, holdExpiresAt: null },
      })
      return answer(201, { doc: booked, message: 'Your visit is booked.' })
    }
    const appointment = await req.payload.create({
      collection: 'appointments',
      req,
      overrideAccess: true,
      depth: 0,
      data: {
        tenant,
        patient: req.user!.id,
        doctor: plan.doctor,
        start: new Date(start).toISOString(),
        end: new Date(start + visit).toISOString(),
        status,
        reason,
        visitType,
        holdExpiresAt: plan.holdExpiresAt ?? null,
      },
    })
    return answer(201, {
      doc: appointment,
      message: status === 'held' ? `The time is kept for you for ${HOLD_MINUTES} minutes.` : 'Your visit is booked.',
    })
  } catch (error) {
    // The database refused the overlap under a race: the transaction is gone, so answer without storing.
    const kind = overlapKind(error)
    if (kind) throw new APIError(timeTakenMessage(kind), 409, null, true)
    throw error
  }
}
