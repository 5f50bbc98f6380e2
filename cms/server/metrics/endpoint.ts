import { createHash, timingSafeEqual } from 'node:crypto'
import type { Request, Response } from 'express'
import { metricsRegistry } from '../../src/metrics/registry.ts'

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * `GET /metrics`, Prometheus text, for whoever holds METRICS_TOKEN as a bearer
 * token. Without the variable there is no endpoint (404); without the token, or
 * with another, 401. The tokens are compared as SHA-256 digests with
 * `timingSafeEqual`, so the time taken tells nothing of the token (nor its length).
 */
export function metricsEndpoint(token: string | undefined) {
  const expected = token ? digest(token) : null
  return async (req: Request, res: Response) => {
    if (!expected) return void res.status(404).type('text').send('Not found.')
    const [scheme, given] = (req.get('authorization') ?? '').split(' ', 2)
    if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(digest(given), expected)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"')
      return void res.status(401).type('text').send('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.')
    }
    res.setHeader('cache-control', 'no-store')
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics())
  }
}
