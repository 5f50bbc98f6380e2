/**
 * What plugins add to the clinic's site, as the platform's API hands it over
 * (GET /api/site-steps, see docs/site-steps.md): data the site draws with its
 * own components, never markup or code from the plugin. The API has checked it
 * (plain text, safe links, bounded sizes) before the site receives it.
 */
export type SiteSlot = 'booking.afterTime' | 'visit.panel' | 'account.page'

export type SiteFormField =
  | { name: string; label: string; type: 'text' | 'textarea'; required?: boolean }
  | { name: string; label: string; type: 'checkbox' }
  | { name: string; label: string; type: 'select'; options: { label: string; value: string }[]; required?: boolean }

export type SiteBlock =
  | { kind: 'panel'; heading: string; text: string[]; actions?: { label: string; href: string }[] }
  | { kind: 'form'; heading: string; text: string[]; fields: SiteFormField[]; submitLabel: string; error?: string }
  | { kind: 'redirect'; url: string }
  | { kind: 'done' }

/** One plugin's step: `plugin` and `id` name its page, `title` is shown in the booking steps and the account menu. */
export type SiteStep = { plugin: string; id: string; title: string; block: SiteBlock }

/** A step's key in the booking steps and in the site's addresses: `<plugin>/<step>`. */
export const stepKey = (s: { plugin: string; id: string }) => `${s.plugin}/${s.id}`

/**
 * A plugin's link or redirect as the browser follows it: a path of the site
 * (`/appointments/42`) gets the site's `/c/<slug>` prefix; an absolute address
 * (https, or the clinic's own site) stays as the API checked it.
 */
export const siteHref = (basePath: string, href: string) => (href.startsWith('/') ? `${basePath}${href}` : href)

/** What a page's action answers after a step's form was posted (see stepForm.ts): the next block, or the refusal. */
export type StepPost = {
  step: string
  block?: Extract<SiteBlock, { kind: 'panel' | 'form' }>
  values?: Record<string, string>
  errors?: Record<string, string>
  formError?: string
}
