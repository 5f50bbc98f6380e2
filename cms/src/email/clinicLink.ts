import type { PayloadRequest } from 'payload'
import { env } from '@telemed/config'
import { lookup } from '../lookup.ts'

/**
 * The address of a page on a clinic's site, for links that leave the platform
 * (emails): on the clinic's own domain when it has one (with PUBLIC_URL's scheme
 * and port), else under `/c/<slug>` on PUBLIC_URL. Built from the platform's
 * settings and the clinic's record, never from the request, so nobody can make
 * the platform mail a link to another site.
 */
export async function clinicLink(req: PayloadRequest, clinicId: number | string, path: string): Promise<string> {
  const platform = new URL(env().PUBLIC_URL)
  const clinic = await lookup.byId(req, 'tenants', clinicId, { slug: true, domains: true })
  const domain = (clinic?.domains as { domain?: string }[] | undefined)?.[0]?.domain
  if (domain) return `${platform.protocol}//${domain}${platform.port ? `:${platform.port}` : ''}${path}`
  const base = platform.href.replace(/\/$/, '')
  return clinic?.slug ? `${base}/c/${clinic.slug}${path}` : `${base}${path}`
}
