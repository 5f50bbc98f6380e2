import type { Express, RequestHandler } from 'express'
import type { Payload } from 'payload'
import type { Logger } from 'pino'
import { ipKeyGenerator } from 'express-rate-limit'
import { sharedRateLimit } from './sharedRateLimit.ts'
import { visitorOf } from './visitor.ts'

/**
 * Endpoints that run plugin or provider code, or reach other people, at each
 * call: submitting a site step (a plugin's code), the video service's
 * capabilities (a provider look-up, open to anyone), and a running-late notice
 * (sent to the waiting room). Each counts per visitor address against a limit
 * every server process shares (sharedRateLimit.ts), so one visitor cannot
 * flood them. `perMinute` is API_RATE_LIMIT_PER_MINUTE.
 */
export function endpointRateLimits(app: Express, payload: Payload, logger: Pick<Logger, 'error'>, perMinute: number): void {
  const limit = (name: string): RequestHandler =>
    sharedRateLimit(payload, logger, {
      name,
      points: perMinute,
      windowSeconds: 60,
      key: (req) => ipKeyGenerator(visitorOf(req).address || 'unknown'),
      message: 'Too many requests from this address. Wait a minute and try again.',
    })
  app.post('/api/site-steps/{*splat}', limit('site-steps'))
  app.get('/api/video/capabilities', limit('video-capabilities'))
  app.post('/api/appointments/:id/running-late', limit('running-late'))
}
