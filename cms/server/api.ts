import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { Readable } from 'node:stream'
import { handleEndpoints, type Payload } from 'payload'
import { CLIENT_IP_HEADER } from '../src/hooks/audit.ts'
import { VISITOR_HEADERS, visitorOf } from './visitor.ts'
import { apiGuard, type Refusal } from './apiGuard.ts'

const BODYLESS = new Set(['GET', 'HEAD'])
/** Seconds a client should wait before retrying a 503 (the database was busy or unreachable). */
const RETRY_AFTER_SECONDS = '2'

/**
 * Serves Payload's REST API straight from Express through `handleEndpoints`,
 * the same function Next's API route calls. The API then does not depend on
 * Next at all (faster start, testable without a Next build), and Express sees
 * every request first. The body is streamed untouched: no parser runs in front.
 * What Payload would take on trust (ids, query values) is checked first, see apiGuard.ts.
 */
export function payloadApi(payload: Payload) {
  const guard = apiGuard(payload)
  return async (req: ExpressRequest, res: ExpressResponse) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === CLIENT_IP_HEADER || (VISITOR_HEADERS as readonly string[]).includes(name)) continue
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
    }
    // Who is asking, for the audit log: the visitor a clinic site vouches for, or the address Express
    // trusts (see TRUST_PROXY). A client cannot forge either.
    const visitor = visitorOf(req)
    if (visitor.address) headers.set(CLIENT_IP_HEADER, visitor.address)
    if (visitor.userAgent) headers.set('user-agent', visitor.userAgent)
    const url = urlOf(req)
    if (!url) return refuse(res, { status: 400, message: 'The Host header is not a valid host name.' })
    if (resolvesElsewhere(req.originalUrl)) {
      return refuse(res, { status: 400, message: 'The address has "." or ".." segments or a backslash. Send the plain path.' })
    }

    let method = req.method
    let body: BodyInit | undefined
    let bodyParams: Record<string, unknown> | undefined
    if (method === 'POST' && isGetOverride(headers)) {
      // Payload answers such a POST as the GET its body describes (the admin panel's long queries):
      // read that small body here so the query is checked like any other.
      const text = await readText(req)
      if (text === null) return // bodyLimit has answered 413
      const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
      if (type === 'application/x-www-form-urlencoded') {
        url.search = url.search ? `${url.search}&${text}` : text
        method = 'GET'
        for (const name of ['content-type', 'content-length', 'x-payload-http-method-override', 'x-http-method-override'])
          headers.delete(name)
      } else {
        const parsed = type === 'application/json' ? parseObject(text) : null
        if (type === 'application/json' && !parsed)
          return refuse(res, { status: 400, message: 'The query in the body must be a JSON object, such as {"depth": 1}.' })
        bodyParams = parsed ?? undefined
        body = text
      }
    }
    const refusal = guard(method, url, bodyParams)
    if (refusal) return refuse(res, refusal)

    if (body === undefined && !BODYLESS.has(method)) body = Readable.toWeb(req) as ReadableStream
    const request = new Request(url, {
      method,
      headers,
      body,
      // @ts-expect-error Node's fetch needs duplex for a streamed request body.
      duplex: 'half',
    })
    const response = await handleEndpoints({ config: payload.config, request })
    // bodyLimit may already have answered 413 and cut the stream.
    if (res.headersSent) return
    res.status(response.status)
    // Payload may answer (e.g. 413) before reading the whole body: close the socket so its rest is not read as the next request.
    if (!req.complete) res.setHeader('connection', 'close')
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value)
    })
    // A 503 means "busy, not broken" (e.g. a write waited too long for the database): say when to come back.
    if (response.status === 503 && !response.headers.has('retry-after')) res.setHeader('retry-after', RETRY_AFTER_SECONDS)
    const cookies = response.headers.getSetCookie()
    if (cookies.length) res.setHeader('set-cookie', cookies)
    if (!response.body || req.method === 'HEAD') return void res.end()
    Readable.fromWeb(response.body as never).pipe(res)
  }
}

function refuse(res: ExpressResponse, { status, message, path }: Refusal) {
  if (!res.headersSent) res.status(status).json({ errors: [{ message, ...(path ? { path } : {}) }] })
}

/** The request's full URL, or null when its Host header cannot be part of one. */
function urlOf(req: ExpressRequest): URL | null {
  try {
    return new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
  } catch {
    return null
  }
}

/**
 * A URL resolves `..`, `%2e%2e` and `\` into another path, which Express had not matched: `/api/users/x/%2e%2e/login`
 * reached Payload's sign-in past the sign-in rate limit. Such paths are refused, so Payload sees what Express saw.
 */
const resolvesElsewhere = (originalUrl: string) => {
  const path = originalUrl.split('?')[0]!
  return path.includes('\\') || path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))
}

const isGetOverride = (headers: Headers) =>
  headers.get('x-payload-http-method-override') === 'GET' || headers.get('x-http-method-override') === 'GET'

/** The whole body as text (bodyLimit bounds it), or null when the stream was cut. */
async function readText(req: ExpressRequest): Promise<string | null> {
  const chunks: Buffer[] = []
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer)
  } catch {
    return null
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = text ? JSON.parse(text) : {}
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
