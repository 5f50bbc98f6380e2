import { redirect } from '@sveltejs/kit'
import { dropToken, endSession } from '$lib/server/session.ts'
import type { Actions } from './$types'

export const actions: Actions = {
  /** Ends the session on the server too, so the token stops working everywhere. */
  default: async ({ cookies, locals }) => {
    if (locals.token) await endSession(locals, locals.token)
    dropToken(cookies)
    redirect(303, `${locals.basePath}/`)
  },
}
