import { error } from '@sveltejs/kit'
import { fontPreload } from '$lib/server/fonts.ts'
import { loadTheme, themeCss } from '$lib/server/theme.ts'
import { footerOf } from '$lib/server/footer.ts'
import type { LayoutServerLoad } from './$types'
import { unreadMessages } from '$lib/server/inbox.ts'

export const load: LayoutServerLoad = async ({ locals, url }) => {
  if (!locals.clinic) error(404, `No clinic is set up for ${url.hostname}.`)
  const theme = await loadTheme(locals.clinic.theme)
  const { name, slug, currency, bookingPolicy, contact } = locals.clinic
  return {
    // Only what pages show: this is serialised into every page for the browser.
    clinic: { name, slug, currency, bookingPolicy, contact, footer: footerOf(locals.clinic) },
    basePath: locals.basePath,
    user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
    // Shown next to "Inbox"; the inbox page sends the count after it marks what it shows as read.
    unread: locals.user && locals.user.role !== 'doctor' ? await unreadMessages(locals) : 0,
    timeZone: locals.timeZone,
    // The clinic's date and time format: every page writes dates with it (format.ts).
    locale: locals.clinic.locale,
    themeCss: themeCss(theme, locals.clinic.brand),
    fontPreload: fontPreload(locals.clinic.brand) ?? null,
    tagline: locals.clinic.brand.tagline || theme.copy.tagline,
    // The uploaded logo, else the theme's; the tab icon likewise. Same-origin paths (the CSP allows only 'self').
    logo: locals.clinic.images.logo ?? `${locals.basePath}/theme/logo.svg`,
    tabIcon: locals.clinic.images.tabIcon ?? `${locals.basePath}/theme/logo.svg`,
    themeColor: locals.clinic.brand.palette?.primary ?? theme.colors.primary,
  }
}
