import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError, query } from '$lib/server/api.ts'
import { RECORD_KINDS } from '$lib/recordKinds.ts'
import type { Actions, PageServerLoad } from './$types'
import type { Record as HealthRecord } from '$documents'
import { requireSignIn } from '$lib/server/session.ts'

type RecordDoc = Pick<HealthRecord, 'id' | 'title' | 'kind' | 'createdAt' | 'filesize' | 'mimeType'>

export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const q = query({
    where: { and: [{ patient: { equals: locals.user.id } }, { tenant: { equals: locals.clinic!.id } }] },
    sort: '-createdAt',
    limit: 100,
    depth: 0,
  })
  const { docs } = await api<{ docs: RecordDoc[] }>(locals, `/api/records?${q}`)
  return { records: docs, uploaded: url.searchParams.has('uploaded') }
}

export const actions: Actions = {
  /** A patient adds a file to their own records (the API checks its type and size). */
  upload: async ({ locals, request }) => {
    if (!locals.user) return fail(401, { values: {}, errors: { form: 'Sign in again to upload.' } })
    const form = await request.formData()
    const title = String(form.get('title') ?? '').trim()
    const kind = String(form.get('kind') ?? 'other')
    const file = form.get('file')
    const values = { title, kind }
    const errors: Record<string, string> = {}
    if (!title) errors.title = 'Give the record a title, e.g. "Blood test, March".'
    if (!RECORD_KINDS.some((k) => k.value === kind)) errors.kind = 'Choose a kind.'
    if (!(file instanceof File) || file.size === 0) errors.file = 'Choose a file (PDF, image or text).'
    if (Object.keys(errors).length) return fail(400, { values, errors })
    const body = new FormData()
    body.append('_payload', JSON.stringify({ title, kind, tenant: locals.clinic!.id, patient: locals.user.id }))
    body.append('file', file as File)
    try {
      await api(locals, '/api/records', { body })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { values, errors: { [e.field === 'title' ? 'title' : 'file']: e.message } })
    }
    redirect(303, `${locals.basePath}/records?uploaded=1`)
  },
}
