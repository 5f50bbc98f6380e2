import { error } from '@sveltejs/kit'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadTheme, themesDir } from '$lib/server/theme.ts'
import type { RequestHandler } from './$types'

/** The clinic's logo, from its theme folder (read per request: a changed theme shows at once). */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.clinic) error(404, 'No clinic here.')
  const theme = await loadTheme(locals.clinic.theme)
  const slug = /^[a-z0-9-]+$/.test(locals.clinic.theme) ? locals.clinic.theme : 'default'
  const svg = await readFile(resolve(themesDir(), slug, theme.logo.replace(/[^a-z0-9.-]/gi, '')), 'utf8').catch(() => null)
  if (!svg) error(404, 'This theme has no logo.')
  return new Response(svg, {
    headers: {
      'content-type': 'image/svg+xml',
      'cache-control': 'no-cache',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  })
}
