import { error } from '@sveltejs/kit'
import { richTextHtml } from '$lib/server/richText.ts'
import type { PageServerLoad } from './$types'

/** The clinic's terms: its "Consent and terms", which patients accept to register, as written in the admin panel. */
export const load: PageServerLoad = ({ locals }) => {
  const html = richTextHtml(locals.clinic!.legal.terms)
  if (!html) error(404, `${locals.clinic!.name} has not published its terms yet.`)
  return { html }
}
