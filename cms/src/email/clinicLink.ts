import type { Payload, PayloadRequest } from 'payload'
import { env } from '@telemed/config'
import { lookup } from '../database/index.ts'

/**
 * The address of a clinic's site, for links that leave the platform (emails,
 * calendar files, guest invitations): on the clinic's own domain when it has
 * one (with PUBLIC_URL's scheme and port), else `/c/<slug>` on PUBLIC_URL. Built
 * from the platform's settings and the clinic's record, never from the request,
 * so nobody can make the platform send a link to another site.
 */
export async function clinicSite(req: PayloadRequest, clinicId: number | string | null | undefined): Promise<string> {
  const platform = new URL(env().PUBLIC_URL)
  const base = platform.href.replace(/\/$/, '')
  const clinic = clinicId ? await lookup.byId(req, 'tenants', clinicId, { slug: true, domains: true }) : null
  const domain = (clinic?.domains as { domain?: string }[] | undefined)?.[0]?.domain
  if (domain) return `${platform.protocol}//${domain}${platform.port ? `:${platform.port}` : ''}`
  return clinic?.slug ? `${base}/c/${clinic.slug}` : base
}

/** A page of a clinic's site (see clinicSite): `path` starts with a slash. */
export const clinicLink = async (req: PayloadRequest, clinicId: number | string | null | undefined, path: string) =>
  `${await clinicSite(req, clinicId)}${path}`

/** "Northwind Health" <no-reply@…>: emails about a clinic come in its name, from the platform's address. */
export const clinicSender = (payload: Payload, clinicName: string) =>
  `"${clinicName.replace(/["\\\r\n]/g, '')}" <${payload.email.defaultFromAddress}>`

/**
 * A page of a clinic's site to come back to, as a site sends it (e.g. the
 * doctor and time a visitor chose before registering): a plain path of at most
 * 500 printable characters, or null. Only ever put after a site's own address
 * (see clinicLink), and checked again by the site when it is followed.
 */
export function returnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null
  if (!/^\/[\x21-\x7e]*$/.test(value) || value.startsWith('//') || value.includes('\\')) return null
  return value
}
