import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { Readable } from 'node:stream'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import { CLIENT_IP_HEADER } from '../src/hooks/audit.ts'

const BODYLESS = new Set(['GET', 'HEAD'])

/**
 * Serves Payload's REST API straight from Express through `handleEndpoints`,
 * the same function Next's API route calls. The API then does not depend on
 * Next at all (faster start, testable without a Next build), and Express sees
 * every request first. The body is streamed untouched: no parser runs in front.
 */
export function payloadApi(config: Promise<SanitizedConfig> | SanitizedConfig) {
  return async (req: ExpressRequest, res: ExpressResponse) => {
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === CLIENT_IP_HEADER) continue
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
    }
    // The address Express trusts (see TRUST_PROXY), for the audit log; a client cannot forge it.
    if (req.ip) headers.set(CLIENT_IP_HEADER, req.ip)
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`)
    const request = new Request(url, {
      method: req.method,
      headers,
      body: BODYLESS.has(req.method) ? undefined : (Readable.toWeb(req) as ReadableStream),
      // @ts-expect-error Node's fetch needs duplex for a streamed request body.
      duplex: 'half',
    })
    const response = await handleEndpoints({ config, request })
    // bodyLimit may already have answered 413 and cut the stream.
    if (res.headersSent) return
    res.status(response.status)
    // Payload may answer (e.g. 413) before reading the whole body: close the socket so its rest is not read as the next request.
    if (!req.complete) res.setHeader('connection', 'close')
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value)
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length) res.setHeader('set-cookie', cookies)
    if (!response.body || req.method === 'HEAD') return void res.end()
    Readable.fromWeb(response.body as never).pipe(res)
  }
}
