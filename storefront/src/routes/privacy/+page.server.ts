import { error } from '@sveltejs/kit'
import { richTextHtml } from '$lib/server/richText.ts'
import type { PageServerLoad } from './$types'

/** The clinic's privacy policy, as written in the admin panel (Clinics → Home page). */
export const load: PageServerLoad = ({ locals }) => {
  const html = richTextHtml(locals.clinic!.legal.privacy)
  if (!html) error(404, `${locals.clinic!.name} has not published a privacy policy yet.`)
  return { html }
}
