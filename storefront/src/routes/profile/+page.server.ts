import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { fieldOfPath, fromForm, toFormValues, type ProfileDoc } from '$lib/server/profileForm.ts'
import type { Actions, PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'
import { siteSteps } from '$lib/server/siteSteps.ts'

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const [me, pages] = await Promise.all([
    api<ProfileDoc>(locals, `/api/users/${locals.user.id}?depth=0`),
    siteSteps(locals, 'account.page'),
  ])
  return {
    values: toFormValues(me),
    email: me.email,
    saved: url.searchParams.has('saved'),
    // Pages plugins add to the account (payments, a programme), each at /account/<plugin>/<page>.
    accountPages: pages.map((p) => ({
      href: `${locals.basePath}/account/${encodeURIComponent(p.plugin)}/${encodeURIComponent(p.id)}`,
      title: p.title,
    })),
  }
}

/** Saves the profile through the users API; its validation messages come back next to the fields. */
export const actions: Actions = {
  default: async ({ locals, request }) => {
    if (!locals.user) return fail(401, { values: {}, errors: { form: 'Sign in again to save.' } })
    const { values, body } = fromForm(await request.formData())
    if (!values.name) return fail(400, { values, errors: { name: 'Enter your full name.' } })
    try {
      await api(locals, `/api/users/${locals.user.id}`, { method: 'PATCH', body })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { values, errors: { [fieldOfPath(e.field)]: e.message } })
    }
    redirect(303, `${locals.basePath}/profile?saved=1`)
  },
}
