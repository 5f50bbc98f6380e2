import { randomBytes, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import type { Request } from 'express'

const SITE_KEY = 'x-telemed-site-key'
const ADDRESS = 'x-telemed-visitor-address'
const AGENT = 'x-telemed-visitor-agent'
/** Headers only the clinic sites of this process may send; stripped from everyone else's requests. */
export const VISITOR_HEADERS = [SITE_KEY, ADDRESS, AGENT] as const
/** Where the site reads its visitor's address (SvelteKit's ADDRESS_HEADER), set by the server on every request. */
export const SITE_ADDRESS_HEADER = ADDRESS

/**
 * The key with which the clinic sites of this process vouch for their
 * visitors when they call the API over loopback. Made at start, never written
 * anywhere, and sent only over loopback: no outside client can know it. Kept
 * in process.env, where the sites of this process read it (see OTHER_VARIABLES
 * in config/src/env.ts).
 */
export function siteKey(): string {
  process.env.TELEMED_SITE_KEY ??= randomBytes(32).toString('hex')
  return process.env.TELEMED_SITE_KEY
}

const vouched = (key: unknown) => {
  if (typeof key !== 'string' || !process.env.TELEMED_SITE_KEY) return false
  const given = Buffer.from(key)
  const expected = Buffer.from(process.env.TELEMED_SITE_KEY)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/**
 * Who is really asking, for rate limits and the audit log: the visitor a clinic
 * site vouches for (its call reaches the API from loopback), or else the caller
 * itself as Express resolved it (see TRUST_PROXY).
 */
export function visitorOf(req: Request): { address: string; userAgent: string } {
  if (vouched(req.headers[SITE_KEY])) {
    const address = String(req.headers[ADDRESS] ?? '')
    return { address: isIP(address) ? address : (req.ip ?? ''), userAgent: String(req.headers[AGENT] ?? '').slice(0, 300) }
  }
  return { address: req.ip ?? '', userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) }
}
