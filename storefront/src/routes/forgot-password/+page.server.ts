import { fail } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import type { Actions } from './$types'

/** Asks the platform to email a reset link. The answer is the same whether or not the email has an account. */
export const actions: Actions = {
  default: async ({ locals, request }) => {
    const email = String((await request.formData()).get('email') ?? '').trim()
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      return fail(400, { email, errors: { email: 'Enter the email address you registered with.' } })
    try {
      // The clinic asked from: the link in the email opens this clinic's site.
      await api(locals, '/api/users/forgot-password', { body: { email, clinic: locals.clinic!.id } })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.status === 429) return fail(429, { email, errors: { form: 'Too many attempts. Wait a minute and try again.' } })
    }
    return { email, sent: true }
  },
}
