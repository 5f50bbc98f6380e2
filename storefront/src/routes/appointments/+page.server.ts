import { visitsWhere } from '$lib/server/visits.ts'
import type { PageServerLoad } from './$types'
import { requireSignIn } from '$lib/server/session.ts'

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const visits = await visitsWhere(locals, { patient: { equals: locals.user.id } })
  const now = Date.now()
  return {
    upcoming: visits.filter((v) => Date.parse(v.end) > now && v.status !== 'cancelled'),
    past: visits.filter((v) => Date.parse(v.end) <= now || v.status === 'cancelled').reverse(),
  }
}
