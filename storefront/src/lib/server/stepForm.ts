import { fail, redirect } from '@sveltejs/kit'
import { ApiError } from './api.ts'
import { postedValues, submitSiteStep } from './siteSteps.ts'
import { siteHref, type SiteBlock } from '../steps/types.ts'

/** The step a page of several forms posted (its hidden `_step`, `<plugin>/<step>`), or null. */
export function postedStep(form: FormData): { plugin: string; id: string } | null {
  const [plugin, id, ...rest] = String(form.get('_step') ?? '').split('/')
  return plugin && id && rest.length === 0 ? { plugin, id } : null
}

/**
 * A plugin step's form, posted (`form`, the post's fields): the values go to the API (which checks them
 * before the plugin sees them) and its answer decides what the page does: a
 * `redirect` leaves for the address the API checked; `done` runs `onDone`
 * (booking moves on; an account or visit page shows it); a panel or form is
 * shown in place (`step` says which, on a page of several). A refusal comes back next to its field, what was typed kept.
 */
export async function postStep(
  locals: App.Locals,
  form: FormData,
  step: { plugin: string; id: string },
  appointment: string | undefined,
  onDone: () => Promise<never> | never,
) {
  const values = postedValues(form)
  let block: SiteBlock
  try {
    ;({ block } = await submitSiteStep(locals, step, { ...(appointment ? { appointment } : {}), values }))
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    // The step has no form any more (done meanwhile, in another tab): on as if done.
    if (e.status === 409) return onDone()
    const field = e.field?.startsWith('values.') ? e.field.slice('values.'.length) : undefined
    const onField = field !== undefined && field in values
    return fail(e.status, {
      step: `${step.plugin}/${step.id}`,
      values,
      errors: onField ? { [field]: e.message } : {},
      formError: onField ? undefined : e.message,
    })
  }
  if (block.kind === 'redirect') redirect(303, siteHref(locals.basePath, block.url))
  if (block.kind === 'done') return onDone()
  return { step: `${step.plugin}/${step.id}`, block }
}
