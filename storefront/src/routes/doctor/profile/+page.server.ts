import { fail, redirect } from '@sveltejs/kit'
import { api, ApiError } from '$lib/server/api.ts'
import { doctorSelf } from '$lib/server/doctorSelf.ts'
import { sameOriginImage } from '$lib/server/media.ts'
import { paragraphs, richTextOf } from '$lib/server/richText.ts'
import type { Actions, PageServerLoad } from './$types'
import type { Doctor, Media } from '$documents'

/** The doctor's own profile at depth 1 (the portrait a Media document). */
type DoctorDoc = Pick<Doctor, 'displayName' | 'title' | 'specialties' | 'languages' | 'education' | 'bio'> & {
  photo?: Pick<Media, 'url'> | number | null
}

const list = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean)

/** What patients read on the doctor's page, edited by the doctor. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const me = await doctorSelf(locals, url)
  const d = await api<DoctorDoc>(locals, `/api/doctors/${me.id}?depth=1`)
  return {
    me,
    photo: d.photo && typeof d.photo === 'object' ? sameOriginImage(d.photo.url) : null,
    saved: url.searchParams.has('saved'),
    values: {
      displayName: d.displayName,
      title: d.title ?? '',
      specialties: (d.specialties ?? []).join(', '),
      languages: (d.languages ?? []).join(', '),
      education: (d.education ?? []).map((e) => e.entry).join('\n'),
      bio: paragraphs(d.bio).join('\n'),
    } as Record<string, string>,
  }
}

export const actions: Actions = {
  default: async ({ locals, request, url }) => {
    const me = await doctorSelf(locals, url)
    const form = await request.formData()
    const values = Object.fromEntries(
      ['displayName', 'title', 'specialties', 'languages', 'education', 'bio'].map((k) => [k, String(form.get(k) ?? '').trim()]),
    )
    if (!values.displayName) return fail(400, { values, errors: { displayName: 'Enter the name patients see.' } })
    const file = form.get('photo')
    let photo: number | string | undefined
    try {
      // A new portrait goes to the clinic's public media first (PNG, JPEG or WebP; its type is checked from the content).
      if (file instanceof File && file.size > 0) {
        const body = new FormData()
        body.append('_payload', JSON.stringify({ alt: `Portrait of ${values.displayName}`, tenant: locals.clinic!.id }))
        body.append('file', file)
        photo = (await api<{ doc: { id: number | string } }>(locals, '/api/media', { body })).doc.id
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      return fail(e.status, { values, errors: { photo: e.message } })
    }
    try {
      await api(locals, `/api/doctors/${me.id}`, {
        method: 'PATCH',
        body: {
          displayName: values.displayName,
          title: values.title,
          specialties: list(values.specialties!, /,/),
          languages: list(values.languages!, /,/),
          education: list(values.education!, /\r?\n/).map((entry) => ({ entry })),
          bio: values.bio ? richTextOf(values.bio) : null,
          ...(photo !== undefined ? { photo } : {}),
        },
      })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      const field = (e.field ?? '').split('.')[0]!
      return fail(e.status, { values, errors: { [field in values ? field : 'form']: e.message } })
    }
    redirect(303, `${locals.basePath}/doctor/profile?saved=1`)
  },
}
