import { redirect } from '@sveltejs/kit'
import { requireSignIn } from '$lib/server/session.ts'
import { nextBookingPath, siteSteps } from '$lib/server/siteSteps.ts'
import { postStep } from '$lib/server/stepForm.ts'
import { visitOr404 } from '$lib/server/visits.ts'
import { siteHref, stepKey } from '$lib/steps/types.ts'
import type { Actions, PageServerLoad } from './$types'

/**
 * One step a plugin adds to booking, between the time and the confirmation
 * (pay, a few questions before the visit): the patient's own visit at this
 * clinic only. A step that is done, or no longer applies, moves on to the next;
 * one that sends the browser elsewhere (a payment page) does so at once, and
 * that page's return link brings the patient back here.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  const visit = await visitOr404(locals, params.id)
  const steps = await siteSteps(locals, 'booking.afterTime', visit.id)
  const key = `${params.plugin}/${params.step}`
  const step = steps.find((s) => stepKey(s) === key)
  if (!step || step.block.kind === 'done') redirect(303, nextBookingPath(locals, visit.id, steps, key))
  if (step.block.kind === 'redirect') redirect(303, siteHref(locals.basePath, step.block.url))
  return {
    visit: { id: visit.id, start: visit.start, doctor: visit.doctor.name },
    steps: steps.map((s) => ({ id: stepKey(s), label: s.title })),
    step: { key, title: step.title, block: step.block },
    next: nextBookingPath(locals, visit.id, steps, key),
  }
}

export const actions: Actions = {
  default: async ({ locals, params, request, url }) => {
    requireSignIn(locals, url)
    const visit = await visitOr404(locals, params.id)
    const key = `${params.plugin}/${params.step}`
    return postStep(locals, await request.formData(), { plugin: params.plugin, id: params.step }, String(visit.id), async () => {
      redirect(303, nextBookingPath(locals, visit.id, await siteSteps(locals, 'booking.afterTime', visit.id), key))
    })
  },
}
