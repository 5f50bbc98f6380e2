import { redirect } from '@sveltejs/kit'
import { visitsWhere } from '$lib/server/visits.ts'
import type { PageServerLoad } from './$types'

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, `${locals.basePath}/signin?next=${encodeURIComponent(url.pathname)}`)
  const visits = await visitsWhere(locals, { patient: { equals: locals.user.id } })
  const now = Date.now()
  return {
    upcoming: visits.filter((v) => Date.parse(v.end) > now && v.status !== 'cancelled'),
    past: visits.filter((v) => Date.parse(v.end) <= now || v.status === 'cancelled').reverse(),
  }
}
