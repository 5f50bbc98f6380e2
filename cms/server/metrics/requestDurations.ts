import type { RequestHandler } from 'express'
import { Histogram } from 'prom-client'
import { metricsRegistry } from '../../src/metrics/registry.ts'

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

const durations = new Histogram({
  name: 'telemed_http_request_duration_seconds',
  help: 'Time to answer HTTP requests, by method, route pattern (never the path as sent) and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
})

/** Times every request until its answer is sent, labelled by `routeOf` (see routeOf.ts). */
export function requestDurations(routeOf: (method: string, path: string) => string): RequestHandler {
  return (req, res, next) => {
    const end = durations.startTimer()
    res.once('close', () => {
      const path = req.originalUrl.split('?', 1)[0]!
      end({ method: METHODS.has(req.method) ? req.method : 'OTHER', route: routeOf(req.method, path), status: String(res.statusCode) })
    })
    next()
  }
}
