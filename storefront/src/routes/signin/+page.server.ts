import { fail, redirect } from '@sveltejs/kit'
import { apiBase } from '$lib/server/clinic.ts'
import { keepToken, userOfToken } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, `${locals.basePath}/`)
}

/** Works without JavaScript: a plain form post, errors next to the fields. */
export const actions: Actions = {
  default: async ({ request, cookies, locals, url }) => {
    const form = await request.formData()
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (!email) return fail(400, { email, errors: { email: 'Enter the email address you registered with.' } })
    if (!password) return fail(400, { email, errors: { password: 'Enter your password.' } })
    const response = await fetch(`${apiBase()}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    if (response.status === 429) return fail(429, { email, errors: { form: 'Too many attempts. Wait a minute and try again.' } })
    if (!response.ok)
      return fail(400, { email, errors: { form: 'That email and password do not match an account. Check them, or reset your password.' } })
    const { token, exp } = (await response.json()) as { token: string; exp: number }
    const user = await userOfToken(token)
    if (!user || !locals.clinic || !user.clinics.some((c) => String(c) === String(locals.clinic!.id))) {
      return fail(403, { email, errors: { form: `This account is not registered with ${locals.clinic?.name ?? 'this clinic'}.` } })
    }
    keepToken(cookies, token, url.protocol === 'https:', Math.max(60, exp - Math.floor(Date.now() / 1000)))
    redirect(303, `${locals.basePath}/`)
  },
}
