import { clinicSlugInPath } from './clinic.ts'

/** This clinic's site as the browser sees it: its origin, and `/c/<slug>` when it is reached by path. */
export type Site = { origin: string; basePath: string }

/**
 * A return address (`?next=…` of sign-in, registration, the emailed
 * confirmation link and joining) as a path of this clinic's site, without the
 * site's own `/c/<slug>` prefix: `/doctors/4?day=2026-12-03`. Null unless it
 * stays on this very site: `/\evil.example`, `/%09/evil.example` and
 * `//evil.example` resolve to another origin, and `/c/<slug>/…` is another
 * clinic's site (or this one's prefix twice). It is the only way a return
 * address is accepted.
 */
export function sitePath(next: string | null | undefined, origin: string): string | null {
  if (!next || !next.startsWith('/') || next.length > 500) return null
  try {
    const target = new URL(next, origin)
    if (target.origin !== origin || clinicSlugInPath(target.pathname) !== null) return null
    return target.pathname + target.search + target.hash
  } catch {
    return null
  }
}

/**
 * Where to go after signing in: `next` when it is a page of this site (see
 * sitePath), else `fallback` (also a path of the site, such as `/doctors`).
 * Returns the address in the browser, prefix included; never another site.
 */
export const safeNext = (next: string | null | undefined, site: Site, fallback: string): string =>
  `${site.basePath}${sitePath(next, site.origin) ?? fallback}`

/** The address of this site's page `path` (itself checked by sitePath when followed), with `?next=` when there is one. */
export const withNext = (path: string, next: string | null) => (next ? `${path}?next=${encodeURIComponent(next)}` : path)
