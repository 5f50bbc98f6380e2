/**
 * Stripe's request parameters as the double reads them: form fields with
 * bracket nesting (`line_items[0][price_data][currency]=usd`), parsed into
 * objects, then checked the way Stripe checks them, with its error shape.
 */

export type Params = Record<string, unknown>

export type StripeErrorBody = { type: string; message: string; code?: string; param?: string; decline_code?: string }

/**
 * An error answer. `saved`: whether an idempotency key keeps it. Stripe keeps
 * the result of every request that started executing, but not one refused
 * because its parameters failed validation (the caller may fix them and retry
 * with the same key).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly saved = true,
  ) {
    super(body.message)
  }
}

/** A parameter Stripe refuses: 400, `invalid_request_error`, not kept for the idempotency key. */
export const invalid = (message: string, param?: string, code?: string) =>
  new ApiError(400, { type: 'invalid_request_error', message, ...(param && { param }), ...(code && { code }) }, false)

export const missing = (param: string) => invalid(`Missing required param: ${param}.`, param, 'parameter_missing')

export const noSuch = (kind: string, id: string, param: string, status = 404) =>
  new ApiError(status, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${kind}: '${id}'` }, false)

/**
 * Refuses parameters the double does not know. `known` lists Stripe's other
 * parameters of the call: those are real, but the double does not model them,
 * so a test using them would check nothing; the answer says so.
 */
export function onlyKnown(params: Params, path: (key: string) => string, modelled: string, known = ''): void {
  const ours = new Set(modelled.split(' '))
  const theirs = new Set(known.split(' '))
  for (const key of Object.keys(params)) {
    if (ours.has(key)) continue
    const note = theirs.has(key) ? ' (a Stripe parameter the Stripe double does not model)' : ''
    throw invalid(`Received unknown parameter: ${path(key)}${note}`, path(key), 'parameter_unknown')
  }
}

export function object(value: unknown, param: string): Params {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Params
  throw invalid(`Invalid object`, param, 'parameter_invalid_empty')
}

export function string(value: unknown, param: string, max = 5000): string {
  if (typeof value !== 'string') throw invalid(`Invalid string: ${JSON.stringify(value)}`, param, 'parameter_invalid_string')
  if (value.length > max)
    throw invalid(`Invalid string: ${value.slice(0, 20)}...; must be at most ${max} characters`, param, 'parameter_invalid_string')
  return value
}

/** An integer parameter; `min` 0 is Stripe's "non-negative", 1 its "positive". */
export function integer(value: unknown, param: string, min?: 0 | 1): number {
  if (typeof value !== 'string' || !/^-?\d+$/.test(value))
    throw invalid(`Invalid integer: ${String(value)}`, param, 'parameter_invalid_integer')
  const n = Number(value)
  if (min === 0 && n < 0) throw invalid('Invalid non-negative integer', param, 'parameter_invalid_integer')
  if (min === 1 && n < 1) throw invalid('Invalid positive integer', param, 'parameter_invalid_integer')
  return n
}

export function url(value: unknown, param: string): string {
  const text = string(value, param)
  try {
    if (/^https?:$/.test(new URL(text).protocol)) return text
  } catch {
    // Not a URL: refused below.
  }
  throw invalid('Not a valid URL', param, 'url_invalid')
}

export function email(value: unknown, param: string): string {
  const text = string(value, param, 800)
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return text
  throw invalid(`Invalid email address: ${text}`, param, 'email_invalid')
}

/** Metadata: at most 50 keys, keys up to 40 characters, values up to 500. */
export function metadata(value: unknown, param = 'metadata'): Record<string, string> {
  if (value === undefined || value === '') return {}
  const entries = Object.entries(object(value, param))
  if (entries.length > 50) throw invalid('Invalid metadata: metadata can have up to 50 keys.', param)
  for (const [key, v] of entries) {
    if (key.length > 40) throw invalid(`Invalid metadata: metadata keys can have up to 40 characters, but "${key}" is longer.`, param)
    if (typeof v !== 'string') throw invalid(`Invalid metadata: ${param}[${key}] must be a string.`, `${param}[${key}]`)
    if (v.length > 500)
      throw invalid(
        `Invalid metadata: metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters long.`,
        param,
      )
  }
  return Object.fromEntries(entries) as Record<string, string>
}

/** `expand[]`: the related objects to return in full in place of their ids. */
export function expansions(params: Params, allowed: string[]): string[] {
  const asked = params.expand === undefined ? [] : Array.isArray(params.expand) ? params.expand : [params.expand]
  for (const field of asked)
    if (!allowed.includes(String(field))) throw invalid(`This property cannot be expanded (${String(field)}).`, 'expand')
  return asked.map(String)
}

/** The same parameters whatever the order they were sent in: how an idempotency key compares two requests. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Params)[k])}`)
      .join(',')}}`
  return JSON.stringify(value ?? null)
}
