import { fail, redirect } from '@sveltejs/kit'
import { signInWith } from '$lib/server/session.ts'
import type { Actions, PageServerLoad } from './$types'

/** Only paths on this site: `next` never sends anyone elsewhere. */
const safeNext = (next: string | null, base: string) => (next && next.startsWith('/') && !next.startsWith('//') ? next : `${base}/`)

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), locals.basePath))
}

/** Works without JavaScript: a plain form post, errors next to the fields. */
export const actions: Actions = {
  default: async ({ request, cookies, locals, url }) => {
    const form = await request.formData()
    const email = String(form.get('email') ?? '').trim()
    const password = String(form.get('password') ?? '')
    if (!email) return fail(400, { email, errors: { email: 'Enter the email address you registered with.' } })
    if (!password) return fail(400, { email, errors: { password: 'Enter your password.' } })
    const user = await signInWith(cookies, { email, password }, locals.clinic!.id, url.protocol === 'https:')
    if (user === 'busy') return fail(429, { email, errors: { form: 'Too many attempts. Wait a minute and try again.' } })
    if (user === 'elsewhere') return fail(403, { email, errors: { form: `This account is not registered with ${locals.clinic!.name}.` } })
    if (!user)
      return fail(400, { email, errors: { form: 'That email and password do not match an account. Check them, or reset your password.' } })
    const home = user.role === 'doctor' ? `${locals.basePath}/doctor` : `${locals.basePath}/doctors`
    redirect(303, url.searchParams.has('next') ? safeNext(url.searchParams.get('next'), locals.basePath) : home)
  },
}
