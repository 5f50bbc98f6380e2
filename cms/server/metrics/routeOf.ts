import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { match, type MatchFunction } from 'path-to-regexp'

type Matcher = { method: string; label: string; test: MatchFunction }

/** Label of a request no route of the platform answers (scans, typos): one label, however many such paths. */
export const UNMATCHED = '(unmatched)'

/**
 * Names a request by the route that answers it, as its pattern: `/api/appointments/:id`,
 * `/doctors/[id]`, `/admin/*`. Never the path as sent: ids, tokens and search terms stay out
 * of the metrics, and the labels stay a bounded set whatever paths clients send.
 *
 * API routes are Payload's endpoints (its own and the platform's, per collection and
 * global), matched as Payload matches them; clinic-site routes are the SvelteKit route
 * folders of `routesDir` (storefront/src/routes), after the `/c/<clinic>` prefix.
 */
export function routeNamer(payload: Payload, routesDir: string): (method: string, path: string) => string {
  const api = apiMatchers(payload)
  const site = siteMatchers(routesDir)
  return (method, path) => {
    if (path === '/healthz' || path === '/readyz' || path === '/metrics') return path
    if (path === '/api' || path.startsWith('/api/')) return apiRoute(api, method.toLowerCase(), path.slice(4) || '/')
    if (path === '/admin' || path.startsWith('/admin/')) return '/admin/*'
    if (path.startsWith('/_next/') || path.startsWith('/__nextjs')) return '/_next/*'
    if (path.startsWith('/_app/')) return '/_app/*'
    const inClinic = /^\/c\/[a-z0-9-]+(\/.*)?$/.exec(path)
    const route = inClinic ? (inClinic[1] ?? '/') : path
    const found = site.find((m) => m.test(route))
    return found ? `${inClinic ? '/c/[clinic]' : ''}${found.label}` : UNMATCHED
  }
}

function apiRoute(api: Map<string, Matcher[]>, method: string, rest: string): string {
  const [, first = ''] = rest.split('/')
  const scoped = first === 'globals' ? `/globals/${rest.split('/')[2] ?? ''}` : `/${first}`
  const own = api.get(scoped)
  const tail = own ? rest.slice(scoped.length) || '/' : rest
  const found = (own ?? api.get('') ?? []).find((m) => m.method === method && m.test(tail))
  return found ? `/api${own ? scoped : ''}${found.label === '/' && own ? '' : found.label}` : `/api/${UNMATCHED}`
}

/** Endpoints by collection (`/<slug>`), global (`/globals/<slug>`) and the root (''), as handleEndpoints looks them up. */
function apiMatchers(payload: Payload): Map<string, Matcher[]> {
  const matchers = new Map<string, Matcher[]>()
  const add = (scope: string, endpoints: unknown) => {
    if (!Array.isArray(endpoints)) return
    matchers.set(
      scope,
      endpoints.map((e: { method: string; path: string }) => ({ method: e.method, label: e.path, test: match(e.path) })),
    )
  }
  add('', payload.config.endpoints)
  for (const c of payload.config.collections) add(`/${c.slug}`, c.endpoints)
  for (const g of payload.config.globals) add(`/globals/${g.slug}`, g.endpoints)
  return matchers
}

/** The site's pages and endpoints: each route folder with a +page or +server file, as a pattern. */
function siteMatchers(routesDir: string): { label: string; test: (path: string) => boolean }[] {
  if (!existsSync(routesDir)) return []
  const routes: string[] = []
  const walk = (dir: string, route: string) => {
    const entries = readdirSync(dir, { withFileTypes: true })
    if (entries.some((e) => e.isFile() && /^\+(page|server)\./.test(e.name))) routes.push(route || '/')
    for (const e of entries) if (e.isDirectory()) walk(join(dir, e.name), /^\(.*\)$/.test(e.name) ? route : `${route}/${e.name}`)
  }
  walk(routesDir, '')
  // Fixed segments before parameters, as SvelteKit ranks them: /doctors/new before /doctors/[id].
  routes.sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0))
  return routes.map((label) => {
    const pattern = label
      .split('/')
      .map((segment) =>
        /^\[\.\.\.[^\]]+\]$/.test(segment)
          ? '.*'
          : segment.replace(/[.*+?^${}()|\\]/g, '\\$&').replace(/\\?\[\[?[^\]]+\]\]?/g, '[^/]+'),
      )
      .join('/')
    const regex = new RegExp(`^${pattern === '' ? '/' : pattern}/?$`)
    return { label, test: (path: string) => regex.test(path) }
  })
}
