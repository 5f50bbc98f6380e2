import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { signInWith } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' })

/** Sets the new password with the emailed token, then signs the person in. */
export const actions: Actions = {
  default: async ({ cookies, locals, request, url }) => {
    const form = await request.formData()
    const token = String(form.get('token') ?? '')
    const password = String(form.get('password') ?? '')
    if (password.length < 8) return fail(400, { errors: { password: 'Use at least 8 characters.' } })
    let email: string
    try {
      const answer = await api<{ user: { email: string } }>(locals, '/api/users/reset-password', { body: { token, password } })
      email = answer.user.email
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      // A password the policy refuses is said next to the field; anything else is the link.
      if (e.field === 'password') return fail(400, { errors: { password: e.message } })
      return fail(400, { errors: { form: 'This link has expired or was already used. Ask for a new one.' } })
    }
    await signInWith(locals, cookies, { email, password }, locals.clinic!.id, url.protocol === 'https:')
    redirect(303, `${locals.basePath}/?reset=1`)
  },
}
