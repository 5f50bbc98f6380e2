import { apiBase } from './clinic.ts'

/** A refusal from the platform's API, with the message to show and the field it is about. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

type Call = { method?: string; body?: unknown; headers?: Record<string, string> }

/**
 * Calls Payload's REST API as the signed-in person (their token from the
 * httpOnly cookie), so the platform's access rules decide what they see. The
 * storefront never reads the database itself.
 */
export async function api<T = any>(locals: App.Locals, path: string, call: Call = {}): Promise<T> {
  const headers: Record<string, string> = { ...call.headers }
  if (locals.token) headers.Authorization = `JWT ${locals.token}`
  let body: BodyInit | undefined
  if (call.body instanceof FormData) body = call.body
  else if (call.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(call.body)
  }
  const response = await fetch(`${apiBase()}${path}`, { method: call.method ?? (body ? 'POST' : 'GET'), headers, body })
  const text = await response.text()
  const json = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text
  if (!response.ok) {
    const first = json?.errors?.[0]
    const detail = first?.data?.errors?.[0]
    throw new ApiError(
      response.status,
      detail?.message ?? first?.message ?? `The request failed (${response.status}).`,
      detail?.path ?? first?.path,
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
