import { api, ApiError } from './api.ts'
import { stepKey, type SiteSlot, type SiteStep } from '../steps/types.ts'

/**
 * The plugins' steps for a slot that apply to the signed-in person now
 * (GET /api/site-steps): for booking and visit slots, about the visit
 * `appointment`. The site asks for its own clinic. A refusal or a failure of
 * the API leaves the plugins' parts out: the page works without them.
 */
export async function siteSteps(locals: App.Locals, slot: SiteSlot, appointment?: string | number): Promise<SiteStep[]> {
  const query = new URLSearchParams({ slot, clinic: String(locals.clinic!.id) })
  if (appointment !== undefined) query.set('appointment', String(appointment))
  try {
    return await api<SiteStep[]>(locals, `/api/site-steps?${query}`)
  } catch (e) {
    if (e instanceof ApiError) return []
    throw e
  }
}

/** Posts a step's form (POST /api/site-steps/<plugin>/<step>); the API checks the values and answers the next block. */
export const submitSiteStep = (
  locals: App.Locals,
  step: { plugin: string; id: string },
  body: { appointment?: string; values: Record<string, string> },
) =>
  api<SiteStep>(locals, `/api/site-steps/${encodeURIComponent(step.plugin)}/${encodeURIComponent(step.id)}`, {
    body: { clinic: locals.clinic!.id, ...body },
  })

/** A form's posted fields as the API takes them: text entries, without the site's own (names starting with `_`). */
export function postedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, value] of form) if (typeof value === 'string' && !name.startsWith('_')) values[name] = value
  return values
}

/** The page of a booking step of a visit. */
export const bookingStepPath = (locals: App.Locals, visit: string | number, step: { plugin: string; id: string }) =>
  `${locals.basePath}/appointments/${visit}/steps/${encodeURIComponent(step.plugin)}/${encodeURIComponent(step.id)}`

/**
 * Where booking goes after a step (`after`, a step key; none: just booked): the
 * next step that is not done yet, else the visit's confirmation. When `after`
 * no longer applies (the plugin now answers null), its place is unknown: the
 * first step still asking for something (a form, a redirect), never a panel the
 * patient has already passed.
 */
export function nextBookingPath(locals: App.Locals, visit: string | number, steps: SiteStep[], after?: string): string {
  const at = after === undefined ? -1 : steps.findIndex((s) => stepKey(s) === after)
  const next =
    after !== undefined && at === -1
      ? steps.find((s) => s.block.kind === 'form' || s.block.kind === 'redirect')
      : steps.slice(at + 1).find((s) => s.block.kind !== 'done')
  return next ? bookingStepPath(locals, visit, next) : `${locals.basePath}/appointments/${visit}?booked=1`
}
