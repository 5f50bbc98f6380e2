import { fail, redirect } from '@sveltejs/kit'
import { bookingReturn } from '$lib/server/bookingReturn.ts'
import { safeNext, sitePath, withNext } from '$lib/server/safeNext.ts'
import { signInWith } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

export const load: PageServerLoad = ({ locals, url }) => {
  const site = { origin: url.origin, basePath: locals.basePath }
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), site, '/'))
  const next = sitePath(url.searchParams.get('next'), url.origin)
  // Registering instead comes back to the same page, through the emailed link.
  return { next, booking: bookingReturn(next) !== null }
}

/** Works without JavaScript: a plain form post, errors next to the fields. */
export const actions: Actions = {
  default: async ({ request, cookies, locals, url }) => {
    const form = await request.formData()
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (!email) return fail(400, { email, errors: { email: 'Enter the email address you registered with.' } })
    if (!password) return fail(400, { email, errors: { password: 'Enter your password.' } })
    const clinic = locals.clinic!
    const result = await signInWith(locals, cookies, { email, password }, clinic.id, url.protocol === 'https:')
    const next = url.searchParams.get('next')
    switch (result.kind) {
      case 'busy':
        return fail(429, { email, errors: { form: 'Too many attempts. Wait a minute and try again.' } })
      case 'unconfirmed':
        return fail(403, { email, errors: { form: 'Confirm your email first: open the link we sent you when you registered.' } })
      case 'elsewhere':
        return fail(403, { email, errors: { form: `This account is not registered with ${clinic.name}.` } })
      case 'refused':
        return fail(400, {
          email,
          errors: {
            form: 'These details did not sign you in. Check them, or reset your password (after five wrong tries, sign-in pauses for 15 minutes).',
          },
        })
      case 'may-join':
        redirect(303, withNext(`${locals.basePath}/join`, sitePath(next, url.origin)))
      case 'signed-in': {
        const home = result.user.role === 'doctor' ? '/doctor' : '/doctors'
        redirect(303, safeNext(next, { origin: url.origin, basePath: locals.basePath }, home))
      }
    }
  },
}
