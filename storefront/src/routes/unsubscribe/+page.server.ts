import { fail } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import type { Actions, PageServerLoad } from './$types'

/**
 * An email's unsubscribe link. Opening it changes nothing (mail scanners fetch
 * links): the person presses the button. No sign-in: the link's signed token is
 * the proof, and it can only turn one topic's emails off.
 */
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' })

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const token = String((await request.formData()).get('token') ?? '')
    try {
      const done = await api<{ message: string }>(locals, `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: 'POST',
      })
      return { done: done.message }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { error: e.message })
    }
  },
}
