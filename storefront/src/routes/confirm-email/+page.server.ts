import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { bookingReturn } from '$lib/server/bookingReturn.ts'
import { safeNext, sitePath } from '$lib/server/safeNext.ts'
import { keepSession } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

/**
 * Opening the link changes nothing (mail scanners fetch links): the person
 * confirms with their password. The link may carry a return address (`next`,
 * see safeNext), such as the doctor and time chosen before registering.
 */
export const load: PageServerLoad = ({ url }) => ({
  token: url.searchParams.get('token') ?? '',
  booking: bookingReturn(sitePath(url.searchParams.get('next'), url.origin)) !== null,
})

/** The registration email's link: the password chosen at registration confirms the email and signs in. */
export const actions: Actions = {
  default: async ({ cookies, locals, request, url }) => {
    const form = await request.formData()
    const token = String(form.get('token') ?? '')
    const password = String(form.get('password') ?? '')
    if (!password) return fail(400, { errors: { password: 'Enter the password you chose when you registered.' } })
    let session: { token: string; exp: number }
    try {
      session = await api(locals, '/api/users/confirm-email', { body: { token, password } })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.status === 429) return fail(429, { errors: { form: 'Too many attempts. Wait a minute and try again.' } })
      return fail(400, { errors: { [e.field === 'password' ? 'password' : 'form']: e.message } })
    }
    await keepSession(locals, cookies, session.token, session.exp, locals.clinic!.id, url.protocol === 'https:')
    redirect(303, safeNext(url.searchParams.get('next'), { origin: url.origin, basePath: locals.basePath }, '/doctors?welcome=1'))
  },
}
