import type { PayloadRequest } from 'payload'
/** A JSON answer in Payload's error shape, so every client reads one format. */
export const json = (status: number, body: unknown) => Response.json(body, { status })
export const problem = (status: number, message: string, field?: string) =>
  json(status, { errors: [{ message, ...(field ? { path: field } : {}) }] })

/** Reads a JSON object body, or answers 400 with what to send instead. */
export async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | Response> {
  let body: unknown
  try {
    body = await req.json!()
  } catch {
    return problem(400, 'The request body is not valid JSON.')
  }
  return body && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : problem(400, 'The request body must be a JSON object, such as {"reason": "…"}.')
}

const DAY = 24 * 60 * 60 * 1000

/** `from`/`to` query parameters as instants: default the next 7 days, at most 62 days. */
export function parseRange(url: URL, now = Date.now()): { from: number; to: number } | Response {
  const read = (name: string, fallback: number) => {
    const raw = url.searchParams.get(name)
    return raw === null || raw === '' ? fallback : Date.parse(raw)
  }
  const from = read('from', now)
  const to = read('to', from + 7 * DAY)
  if (Number.isNaN(from)) return problem(400, 'from is not a date. Use an ISO instant such as 2026-12-01T00:00:00Z.', 'from')
  if (Number.isNaN(to)) return problem(400, 'to is not a date. Use an ISO instant such as 2026-12-08T00:00:00Z.', 'to')
  if (to <= from) return problem(400, 'to must be after from.', 'to')
  if (to - from > 62 * DAY) return problem(400, 'Ask for at most 62 days at a time.', 'to')
  return { from, to }
}
