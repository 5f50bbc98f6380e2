import { apiBase } from './clinic.ts'

/**
 * A refusal from the platform's API, with the message to show, the field it is
 * about, and when the call opens for a visit joined too early (`opensAt`, an instant
 * the site shows in its viewer's zone).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly opensAt?: string,
  ) {
    super(message)
  }
}

type Call = { method?: string; body?: unknown; headers?: Record<string, string> }

/**
 * Who is really asking, for the API's rate limits and audit log: the site calls
 * the API over loopback, where every visitor would have the site's address.
 * The server vouches for these headers with a key only this process knows
 * (TELEMED_SITE_KEY, set by the server at start in this process's environment,
 * see config/src/env.ts); from anyone else the API ignores them.
 */
function visitorHeaders(locals: App.Locals): Record<string, string> {
  const key = process.env.TELEMED_SITE_KEY
  if (!key || !locals.visitor) return {}
  return {
    'x-telemed-site-key': key,
    'x-telemed-visitor-address': locals.visitor.address,
    'x-telemed-visitor-agent': locals.visitor.userAgent,
  }
}

/**
 * `fetch` to the platform's API on behalf of this visitor: their token (or the
 * one given) and who they are. Every call of the site to the API goes through it.
 */
export function apiFetch(locals: App.Locals, path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> {
  const { token = locals.token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token && !headers.has('authorization')) headers.set('authorization', `JWT ${token}`)
  for (const [name, value] of Object.entries(visitorHeaders(locals))) headers.set(name, value)
  return fetch(`${apiBase()}${path}`, { ...rest, headers })
}

/**
 * Calls Payload's REST API as the signed-in person (their token from the
 * httpOnly cookie), so the platform's access rules decide what they see. The
 * storefront never reads the database itself.
 */
export async function api<T = any>(locals: App.Locals, path: string, call: Call = {}): Promise<T> {
  const headers: Record<string, string> = { ...call.headers }
  let body: BodyInit | undefined
  if (call.body instanceof FormData) body = call.body
  else if (call.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(call.body)
  }
  const response = await apiFetch(locals, path, { method: call.method ?? (body ? 'POST' : 'GET'), headers, body })
  const text = await response.text()
  const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
  if (!response.ok) {
    const first = json?.errors?.[0]
    const detail = first?.data?.errors?.[0]
    throw new ApiError(
      response.status,
      detail?.message ?? first?.message ?? `The request failed (${response.status}).`,
      detail?.path ?? first?.path,
      typeof first?.opensAt === 'string' ? first.opensAt : undefined,
    )
  }
  return json as T
}

/** `{ where: { a: { equals: 1 } } }` → `where[a][equals]=1`, as Payload's REST API reads queries. */
export function query(params: Record<string, unknown>, prefix = ''): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue
    const name = prefix ? `${prefix}[${key}]` : key
    if (value !== null && typeof value === 'object') parts.push(query(value as Record<string, unknown>, name))
    else parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  }
  return parts.filter(Boolean).join('&')
}
