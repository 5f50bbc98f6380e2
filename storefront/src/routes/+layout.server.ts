import { error } from '@sveltejs/kit'
import { loadTheme, themeCss } from '$lib/server/theme.ts'
import { footerOf } from '$lib/server/footer.ts'
import type { LayoutServerLoad } from './$types'

export const load: LayoutServerLoad = async ({ locals, url }) => {
  if (!locals.clinic) error(404, `No clinic is set up for ${url.hostname}.`)
  const theme = await loadTheme(locals.clinic.theme)
  const { name, slug, currency, bookingPolicy, contact } = locals.clinic
  return {
    // Only what pages show: this is serialised into every page for the browser.
    clinic: { name, slug, currency, bookingPolicy, contact, footer: footerOf(locals.clinic) },
    basePath: locals.basePath,
    user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
    timeZone: locals.timeZone,
    themeCss: themeCss(theme, locals.clinic.brand),
    tagline: locals.clinic.brand.tagline || theme.copy.tagline,
  }
}
