import { visitsWhere } from '$lib/server/visits.ts'
import type { PageServerLoad } from './$types'

/** The clinic's front door: for a signed-in patient, their next visit too. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const next =
    locals.user?.role === 'patient'
      ? ((
          await visitsWhere(
            locals,
            {
              and: [
                { patient: { equals: locals.user.id } },
                { status: { in: ['requested', 'confirmed'] } },
                { end: { greater_than: new Date().toISOString() } },
              ],
            },
            'start',
            1,
          )
        )[0] ?? null)
      : null
  return { next, reset: url.searchParams.has('reset') }
}
