import { redirect } from '@sveltejs/kit'
import { apiBase } from '$lib/server/clinic.ts'
import { dropToken } from '$lib/server/session.ts'
import type { Actions } from './$types'

export const actions: Actions = {
  /** Ends the session on the server too, so the token stops working everywhere. */
  default: async ({ cookies, locals }) => {
    if (locals.token)
      await fetch(`${apiBase()}/api/users/logout`, { method: 'POST', headers: { Authorization: `JWT ${locals.token}` } }).catch(() => null)
    dropToken(cookies)
    redirect(303, `${locals.basePath}/`)
  },
}
