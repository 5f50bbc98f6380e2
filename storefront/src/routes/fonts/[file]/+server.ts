import { error } from '@sveltejs/kit'
import { fontFile } from '$lib/server/fonts.ts'
import type { RequestHandler } from './$types'

/**
 * A brand-kit font file, served by the clinic's own site (no font service sees its
 * visitors). Only the files of the platform's font list: any other name, and any
 * path, is a 404. Names carry a hash of the file, so browsers keep them for a year.
 */
export const GET: RequestHandler = ({ params }) => {
  const bytes = fontFile(params.file)
  if (!bytes) error(404, 'No such font.')
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'font/woff2',
      'content-length': String(bytes.byteLength),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  })
}
