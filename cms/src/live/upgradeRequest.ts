import type { IncomingMessage } from 'node:http'

const TOKEN_COOKIES = ['telemed-token', 'payload-token']

/** What an upgrade request asks for, or why it is refused. Never throws: anyone can send anything here. */
export type UpgradeRequest = { refused: 400 | 403; reason: string } | { path: string; authorization: string | null }

/**
 * Reads an upgrade request: its path, whether its Origin is this site, and its
 * credentials (`Authorization: JWT …`, or the clinic site's or the admin's
 * cookie). A malformed address or cookie is a 400, a foreign or opaque Origin
 * (`null`, as sandboxed pages and some redirects send) a 403.
 */
export function readUpgrade(req: IncomingMessage): UpgradeRequest {
  let path: string
  try {
    path = new URL(req.url ?? '/', 'http://local').pathname
  } catch {
    return { refused: 400, reason: 'unparsable address' }
  }
  // Browsers send Origin: only pages of this same site may open the socket with their cookie.
  const origin = req.headers.origin
  if (origin !== undefined) {
    let host: string | null = null
    try {
      host = new URL(origin).host
    } catch {
      host = null
    }
    if (!host || host !== req.headers.host) return { refused: 403, reason: 'foreign origin' }
  }
  if (typeof req.headers.authorization === 'string') return { path, authorization: req.headers.authorization }
  const cookies = new Map(
    (req.headers.cookie ?? '')
      .split(/;\s*/)
      .filter((c) => c.includes('='))
      .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as const),
  )
  const token = TOKEN_COOKIES.map((name) => cookies.get(name)).find(Boolean)
  if (!token) return { path, authorization: null }
  try {
    return { path, authorization: `JWT ${decodeURIComponent(token)}` }
  } catch {
    return { refused: 400, reason: 'malformed session cookie' }
  }
}

const STATUS_TEXT = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden' } as const

/** Answers an upgrade that is not accepted, then closes the connection. */
export function refuseUpgrade(socket: { writable: boolean; end: (data: string) => void }, status: keyof typeof STATUS_TEXT) {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
