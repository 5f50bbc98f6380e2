import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { requireSignIn } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

type Choices = {
  alwaysByEmail: string[]
  clinic: number | string
  hasPhone: boolean
  timeZone: string | null
  topics: { topic: string; label: string; essential: boolean; channels: ('email' | 'sms')[] }[]
}

/** The messages this person gets from this clinic, per topic: by email, by text, always in the inbox. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const choices = await api<Choices>(locals, `/api/notifications/preferences?clinic=${encodeURIComponent(locals.clinic!.id)}`)
  // The answer's `clinic` (an id) and `timeZone` must not hide the layout's clinic and the viewer's zone.
  const { timeZone: accountZone, clinic: _clinic, ...rest } = choices
  return {
    ...rest,
    accountZone,
    saved: url.searchParams.has('saved'),
    // The zones to choose from; before a choice, the one this browser is in is offered first.
    zones: Intl.supportedValuesOf('timeZone'),
    suggestedZone: accountZone ?? locals.timeZone,
    clinicZone: locals.clinic!.timeZone,
  }
}

/** Each topic's boxes: `<topic>:email`, `<topic>:sms`. An essential topic's email box is not sent (it cannot be unticked). */
export const actions: Actions = {
  default: async ({ locals, request }) => {
    if (!locals.user) return fail(401, { error: 'Sign in again to save.' })
    const form = await request.formData()
    const topics = form.getAll('topic').map(String)
    const choices = Object.fromEntries(
      topics.map((topic) => [topic, (['email', 'sms'] as const).filter((channel) => form.has(`${topic}:${channel}`))]),
    )
    try {
      const timeZone = String(form.get('timeZone') ?? '') || null
      await api(locals, '/api/notifications/preferences', { body: { clinic: locals.clinic!.id, choices, timeZone } })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { error: e.message })
    }
    redirect(303, `${locals.basePath}/profile/messages?saved=1`)
  },
}
