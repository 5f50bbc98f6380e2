import { error } from '@sveltejs/kit'
import { apiFetch } from '$lib/server/api.ts'
import { apiBase } from '$lib/server/clinic.ts'
import type { RequestHandler } from './$types'
import { isDocumentId } from '$lib/server/documentId.ts'

/**
 * Downloads a record's file with the visitor's token: the API serves files only
 * to people who may read the record, and logs the access.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (!locals.token || !isDocumentId(params.id)) error(404, 'There is no such record.')
  const meta = await apiFetch(locals, `/api/records/${params.id}?depth=0`)
  if (!meta.ok) error(404, 'There is no such record.')
  const record = (await meta.json()) as { url?: string; filename?: string; mimeType?: string; tenant?: unknown }
  if (!record.url || String(record.tenant) !== String(locals.clinic?.id)) error(404, 'There is no such record.')
  // Only the path: the file is fetched over loopback, never through the public address.
  const file = await apiFetch(locals, new URL(record.url, apiBase()).pathname)
  if (!file.ok || !file.body) error(404, 'There is no such record.')
  return new Response(file.body, {
    headers: {
      'content-type': record.mimeType ?? 'application/octet-stream',
      'content-disposition': `attachment; filename="${(record.filename ?? 'record').replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  })
}
