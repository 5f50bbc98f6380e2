import { error } from '@sveltejs/kit'
import { apiFetch } from '$lib/server/api.ts'
import type { RequestHandler } from './$types'
import { isDocumentId } from '$lib/server/documentId.ts'

/** The visit's calendar file, fetched with the visitor's token (the API checks it is theirs). */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (!locals.token || !isDocumentId(params.id)) error(404, 'There is no such visit.')
  const response = await apiFetch(locals, `/api/appointments/${params.id}/ics`)
  if (!response.ok) error(404, 'There is no such visit.')
  return new Response(await response.text(), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="visit-${params.id}.ics"`,
      'cache-control': 'private, no-store',
    },
  })
}
