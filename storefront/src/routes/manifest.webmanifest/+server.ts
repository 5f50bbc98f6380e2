import { error } from '@sveltejs/kit'
import { loadTheme } from '$lib/server/theme.ts'
import type { RequestHandler } from './$types'

/**
 * The clinic's web app manifest: added to a phone's home screen, the site opens
 * as the clinic's own app, with its name, its logo as the icon and its colours.
 * Icons are the square PNGs made from the uploaded logo, else the theme's SVG.
 */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.clinic) error(404, 'No clinic here.')
  const clinic = locals.clinic
  const theme = await loadTheme(clinic.theme)
  const home = `${locals.basePath}/`
  const icons = clinic.images.appIcons
    ? [
        { src: clinic.images.appIcons[192], sizes: '192x192', type: 'image/png' },
        { src: clinic.images.appIcons[512], sizes: '512x512', type: 'image/png' },
      ]
    : [{ src: `${locals.basePath}/theme/logo.svg`, sizes: 'any', type: 'image/svg+xml' }]
  const manifest = {
    name: clinic.name,
    short_name: clinic.name.length > 12 ? clinic.name.split(/\s+/)[0] : clinic.name,
    description: clinic.brand.tagline || theme.copy.tagline,
    id: home,
    start_url: home,
    scope: home,
    display: 'standalone',
    theme_color: clinic.brand.palette?.primary ?? theme.colors.primary,
    background_color: clinic.brand.palette?.background ?? theme.colors.background,
    icons,
  }
  return new Response(JSON.stringify(manifest), {
    headers: { 'content-type': 'application/manifest+json', 'cache-control': 'no-cache' },
  })
}
