import { error, redirect } from '@sveltejs/kit'
import { requireSignIn } from '$lib/server/session.ts'
import { siteSteps } from '$lib/server/siteSteps.ts'
import { postStep } from '$lib/server/stepForm.ts'
import { siteHref, stepKey } from '$lib/steps/types.ts'
import type { Actions, PageServerLoad } from './$types'

/**
 * A page a plugin adds to the patient's account (their payments, a programme
 * they follow), listed on their profile page. Only the pages that apply to the
 * person now exist; any other address is "no such page".
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireSignIn(locals, url)
  const key = `${params.plugin}/${params.step}`
  const step = (await siteSteps(locals, 'account.page')).find((s) => stepKey(s) === key)
  if (!step) error(404, 'There is no such page in your account.')
  if (step.block.kind === 'redirect') redirect(303, siteHref(locals.basePath, step.block.url))
  return { step: { key, title: step.title, block: step.block }, done: url.searchParams.has('done') }
}

export const actions: Actions = {
  default: async ({ locals, params, request, url }) => {
    requireSignIn(locals, url)
    const here = `${locals.basePath}/account/${encodeURIComponent(params.plugin)}/${encodeURIComponent(params.step)}`
    return postStep(locals, await request.formData(), { plugin: params.plugin, id: params.step }, undefined, () =>
      redirect(303, `${here}?done=1`),
    )
  },
}
