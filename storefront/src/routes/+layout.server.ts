import { error } from '@sveltejs/kit'
import type { LayoutServerLoad } from './$types'

export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.clinic) error(404, `No clinic is set up for ${url.hostname}.`)
  return { clinic: locals.clinic }
}
