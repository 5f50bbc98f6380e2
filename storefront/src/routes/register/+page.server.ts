import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { bookingReturn } from '$lib/server/bookingReturn.ts'
import { safeNext, sitePath } from '$lib/server/safeNext.ts'
import type { Actions, PageServerLoad } from './$types'

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), { origin: url.origin, basePath: locals.basePath }, '/doctors'))
  const next = sitePath(url.searchParams.get('next'), url.origin)
  return { terms: locals.clinic!.terms, next, booking: bookingReturn(next) !== null }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A new patient of this clinic: name, email, password and the clinic's consent.
 * The platform then emails a link to confirm the address (or, if the address
 * already has an account, tells its holder): the page says the same either way.
 * A return address (`?next=`, see safeNext) rides along in the emailed link.
 * Works without JavaScript.
 */
export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData()
    const name = String(form.get('name') ?? '').trim()
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    const consent = form.get('consent') === 'yes'
    const values = { name, email }
    const errors: Record<string, string> = {}
    if (!name) errors.name = 'Enter your full name.'
    else if (name.length > 120) errors.name = 'Use at most 120 characters.'
    if (!EMAIL.test(email)) errors.email = 'Enter an email address such as name@example.com.'
    if (password.length < 8) errors.password = 'Use at least 8 characters.'
    if (!consent) errors.consent = `Accept ${locals.clinic!.name}'s consent and terms to register.`
    if (Object.keys(errors).length) return fail(400, { values, errors })

    try {
      const next = sitePath(url.searchParams.get('next'), url.origin)
      await api(locals, '/api/users/register', {
        body: { clinic: locals.clinic!.id, name, email, password, consent: true, ...(next ? { next } : {}) },
      })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.status === 429) return fail(429, { values, errors: { form: 'Too many attempts. Wait a minute and try again.' } })
      return fail(400, { values, errors: { [error.field ?? 'form']: error.message } })
    }
    return { sent: true as const, email }
  },
}
