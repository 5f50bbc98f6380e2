import { error, fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { bookingReturn } from '$lib/server/bookingReturn.ts'
import { safeNext, sitePath, withNext } from '$lib/server/safeNext.ts'
import { endSession, JOIN_COOKIE, keepToken, secondsLeft, userOfToken } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

/** When a token expires (its `exp`), for the cookie's lifetime; its signature is the API's to check. */
const expiryOf = (token: string) => Number(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}').exp) || 0

/**
 * A patient of another clinic who signed in here with their own password is
 * offered to join this clinic, accepting its consent and terms. Until they
 * accept, their session waits in its own short-lived cookie and opens nothing
 * on this site.
 */
export const load: PageServerLoad = async ({ cookies, locals, url }) => {
  const pending = cookies.get(JOIN_COOKIE)
  const user = pending ? await userOfToken(locals, pending) : null
  // Where to go once joined (see safeNext): kept in the form's address, as the sign-in page's.
  const next = sitePath(url.searchParams.get('next'), url.origin)
  if (!user) redirect(303, withNext(`${locals.basePath}/signin`, next))
  return { name: user.name, terms: locals.clinic!.terms, next, booking: bookingReturn(next) !== null }
}

export const actions: Actions = {
  join: async ({ cookies, locals, request, url }) => {
    const pending = cookies.get(JOIN_COOKIE)
    if (!pending) redirect(303, `${locals.basePath}/signin`)
    const consent = (await request.formData()).get('consent') === 'yes'
    if (!consent) return fail(400, { errors: { consent: `Accept ${locals.clinic!.name}'s consent and terms to join.` } })
    try {
      await api({ ...locals, token: pending }, '/api/users/join-clinic', { body: { clinic: locals.clinic!.id, consent: true } })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.status === 401) redirect(303, `${locals.basePath}/signin`)
      error(e.status === 403 ? 403 : 400, e.message)
    }
    cookies.delete(JOIN_COOKIE, { path: '/' })
    keepToken(cookies, pending, url.protocol === 'https:', secondsLeft(expiryOf(pending)))
    redirect(303, safeNext(url.searchParams.get('next'), { origin: url.origin, basePath: locals.basePath }, '/doctors?welcome=1'))
  },
  decline: async ({ cookies, locals }) => {
    const pending = cookies.get(JOIN_COOKIE)
    if (pending) await endSession(locals, pending)
    cookies.delete(JOIN_COOKIE, { path: '/' })
    redirect(303, `${locals.basePath}/`)
  },
}
