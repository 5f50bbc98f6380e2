import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { fromForm, toFormValues, type Availability } from '$lib/server/availabilityForm.ts'
import { doctorSelf } from '$lib/server/doctorSelf.ts'
import type { Actions, PageServerLoad } from './$types'

type Outside = { visits: { id: number | string; start: string; end: string; status: string }[] }

/** The doctor's hours, and the booked visits that the current hours no longer cover (never cancelled automatically). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const me = await doctorSelf(locals, url)
  const [doctor, outside] = await Promise.all([
    api<Availability>(locals, `/api/doctors/${me.id}?depth=0`),
    api<Outside>(locals, `/api/doctors/${me.id}/visits-outside-hours`).catch(() => ({ visits: [] })),
  ])
  return { me, values: toFormValues(doctor, me.timeZone), outside: outside.visits, saved: url.searchParams.has('saved') }
}

export const actions: Actions = {
  default: async ({ locals, request, url }) => {
    const me = await doctorSelf(locals, url)
    const { values, data, errors } = fromForm(await request.formData(), me.timeZone)
    if (!data) return fail(400, { values, errors })
    try {
      await api(locals, `/api/doctors/${me.id}`, { method: 'PATCH', body: data })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { values, errors: { form: e.message } })
    }
    redirect(303, `${locals.basePath}/doctor/availability?saved=1`)
  },
}
