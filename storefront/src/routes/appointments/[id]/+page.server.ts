import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { freeSlots } from '$lib/server/doctors.ts'
import { visitOr404 } from '$lib/server/visits.ts'
import { visitPayment } from '$lib/server/payments.ts'
import { slotDays } from '$lib/slotDays.ts'
import { ACTIVE } from '$lib/visitStatus.ts'
import type { Actions, PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'
import { siteSteps } from '$lib/server/siteSteps.ts'
import { postedStep, postStep } from '$lib/server/stepForm.ts'
import { stepKey, type SiteBlock, type SiteStep } from '$lib/steps/types.ts'

/**
 * A plugin's part of the visit's page (a payment's status, a survey after the
 * visit) as a card: its panel or form; a redirect as a card with the step's
 * title and a button to go; done ones have nothing left to show.
 */
const asCard = (s: SiteStep): { key: string; block: Extract<SiteBlock, { kind: 'panel' | 'form' }> } | null =>
  s.block.kind === 'done'
    ? null
    : {
        key: stepKey(s),
        block:
          s.block.kind === 'redirect'
            ? { kind: 'panel', heading: s.title, text: [], actions: [{ label: 'Continue', href: s.block.url }] }
            : s.block,
      }

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  const visit = await visitOr404(locals, params.id)
  const cutoffHours = locals.clinic!.bookingPolicy.cancellationCutoffHours
  const cutoffAt = Date.parse(visit.start) - cutoffHours * 3_600_000
  const changeable = ACTIVE.includes(visit.status) && Date.now() < cutoffAt
  const moving = changeable && url.searchParams.has('move')
  // Cancelling is two steps: the patient sees what they are about to cancel, then confirms with a reason.
  const cancelling = changeable && !moving && url.searchParams.has('cancel')
  // Just booked; or just paid for, on the payment page (payments/[id]/return): booked too.
  const booked = url.searchParams.has('booked') || url.searchParams.has('paid')
  const [panels, bookingSteps, payment] = await Promise.all([
    siteSteps(locals, 'visit.panel', visit.id),
    // The steps plugins added to this booking, for the booking steps above the confirmation.
    booked ? siteSteps(locals, 'booking.afterTime', visit.id) : [],
    visitPayment(locals, visit.id),
  ])
  const days = moving
    ? slotDays(await freeSlots(locals, visit.doctor.id), locals.timeZone, visit.doctor.timeZone, locals.clinic!.locale)
    : []
  return {
    visit,
    cutoffHours,
    cutoffAt: new Date(cutoffAt).toISOString(),
    changeable,
    booked,
    // What was paid (or is due) for it, in one line: only what that line shows.
    payment: payment && {
      id: payment.id,
      status: payment.status,
      amount: payment.amount,
      amountRefunded: payment.amountRefunded,
      currency: payment.currency,
      checkoutUrl: payment.status === 'open' ? (payment.checkoutUrl ?? null) : null,
    },
    // "Payment received": only once it really is.
    paid: url.searchParams.has('paid') && payment?.status === 'paid',
    panels: panels.map(asCard).filter((c) => c !== null),
    bookingSteps: bookingSteps.map((s) => ({ id: stepKey(s), label: s.title })),
    moved: url.searchParams.has('moved'),
    moving,
    cancelling,
    cancelled: url.searchParams.has('cancelled') && visit.status === 'cancelled',
    days: days.map(({ day, label, slots }) => ({ day, label, count: slots.length })),
    day: days.find((d) => d.day === url.searchParams.get('day')) ?? days[0] ?? null,
  }
}

const refusal = (e: unknown, values: Record<string, string>) => {
  if (!(e instanceof ApiError)) throw e
  return fail(e.status, { values, errors: { [e.field === 'reason' || e.field === 'start' ? e.field : 'form']: e.message } })
}

export const actions: Actions = {
  /** A plugin panel's form (which one: its hidden `_step`); done, the page shows the panel as it is now. */
  step: async ({ locals, params, request, url }) => {
    requireSignIn(locals, url)
    const visit = await visitOr404(locals, params.id)
    const form = await request.formData()
    const step = postedStep(form)
    if (!step) return fail(400, { errors: { form: 'Say which step this form is for.' }, values: {} })
    return postStep(locals, form, step, String(visit.id), () => redirect(303, `${locals.basePath}/appointments/${visit.id}`))
  },
  cancel: async ({ locals, params, request }) => {
    const reason = String((await request.formData()).get('reason') ?? '').trim()
    if (!reason) return fail(400, { values: { reason }, errors: { reason: 'Say in a few words why you cancel.' } })
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/cancel`, { body: { reason } })
    } catch (e) {
      return refusal(e, { reason })
    }
    redirect(303, `${locals.basePath}/appointments/${params.id}?cancelled=1`)
  },
  reschedule: async ({ locals, params, request }) => {
    const start = String((await request.formData()).get('start') ?? '')
    if (!start) return fail(400, { values: { start }, errors: { start: 'Choose the new time.' } })
    try {
      await api(locals, `/api/appointments/${encodeURIComponent(params.id)}/reschedule`, { body: { start } })
    } catch (e) {
      return refusal(e, { start })
    }
    redirect(303, `${locals.basePath}/appointments/${params.id}?moved=1`)
  },
}
