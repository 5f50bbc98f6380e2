import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'
import { pinoHttp } from 'pino-http'
import { randomUUID } from 'node:crypto'
import type { Env } from '@telemed/config'
import { payloadApi } from './api.ts'
import { AUTH_PATHS, authRateLimit } from './authRateLimit.ts'
import { bodyLimit } from './bodyLimit.ts'
import { endpointRateLimits } from './endpointRateLimits.ts'
import { healthz, readyz } from './health.ts'
import { serverMetrics } from './metrics/index.ts'
import { redactPath } from './logRedaction.ts'
import { siteNotBuilt } from './storefront.ts'
import type { LevelWithSilent, Logger } from 'pino'

export type AppParts = {
  payload: Payload
  env: Env
  logger: Logger
  /** Next's request handler for the admin panel; absent in API-only tests. */
  admin?: RequestHandler
  /** SvelteKit's adapter-node handler for the clinics' sites. */
  storefront?: RequestHandler
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/

/**
 * The one HTTP server: security headers, request logs, rate limits and body
 * limits in front of Payload's REST API, the admin panel (Next) and the
 * storefront (SvelteKit). See docs/architecture.md, "One process, one port".
 */
export function createApp({ payload, env, logger, admin, storefront }: AppParts) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY)
  const metrics = serverMetrics(payload, env.METRICS_TOKEN)
  app.use(metrics.timeRequests)

  // Every response names its request (a caller's own id, or a new one), for support and the logs.
  app.use((req, res, next) => {
    const incoming = req.headers['x-request-id']
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    ;(req as Request & { id?: string }).id = id
    res.setHeader('x-request-id', id)
    next()
  })
  // Request logs are written at info: below that level, skip the per-request logger altogether.
  if (logger.isLevelEnabled('info')) {
    app.use(
      pinoHttp<Request, Response, never>({
        logger,
        genReqId: (req) => (req as typeof req & { id: string }).id,
        // Query strings can carry search terms about patients: log the path only, without the tokens some paths carry.
        serializers: {
          req: (req) => ({ id: req.id, method: req.method, path: redactPath(String(req.url)) }),
          res: (res) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
        // A refused request (4xx) is the client's business: info. A failed one (5xx) is ours: error, with its request id.
        customLogLevel: (_req, res): LevelWithSilent => (res.statusCode >= 500 ? 'error' : 'info'),
      }),
    )
  }
  // CSP is left to each front end: Next's admin and SvelteKit (kit.csp) know their own scripts.
  // Referrer only within the site: paths (e.g. /appointments/42) never reach other sites, and form posts
  // keep their Origin (with "no-referrer" browsers send `Origin: null`, and SvelteKit refuses the post).
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false, referrerPolicy: { policy: 'same-origin' } }))

  app.get('/healthz', healthz(payload))
  app.get('/readyz', readyz(payload, env))
  app.get('/metrics', metrics.endpoint)

  const limiter = authRateLimit(payload, logger, env.AUTH_RATE_LIMIT_PER_MINUTE)
  app.post(AUTH_PATHS, limiter)
  endpointRateLimits(app, payload, logger, env.API_RATE_LIMIT_PER_MINUTE)
  app.use('/api', bodyLimit({ jsonBytes: 1024 * 1024, uploadBytes: env.UPLOAD_MAX_BYTES }))
  app.all(['/api', '/api/{*splat}'], payloadApi(payload))

  if (admin) app.all(['/admin', '/admin/{*splat}', '/_next/{*splat}', '/__nextjs{*splat}'], admin)
  if (storefront) app.use(storefront)
  else app.get('/{*splat}', siteNotBuilt)

  app.use((error: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    const requestId = (req as Request & { id?: string }).id
    // Express's own 4xx (a malformed %-escape in the path, an aborted body) are the client's, logged at info.
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500
    if (status < 500) {
      ;(req.log ?? logger).info({ requestId, status, reason: error.message }, 'request refused')
      if (!res.headersSent) res.status(status).json({ errors: [{ message: clientErrorMessage(status) }] })
      return
    }
    ;(req.log ?? logger).error({ err: error, requestId }, 'unhandled error')
    if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Something went wrong on our side. Try again in a moment.' }] })
  })
  return app
}

const clientErrorMessage = (status: number) =>
  status === 400
    ? 'The request could not be read: check the address (a malformed %-escape?) and the body, then try again.'
    : `The request was refused (${status}). Check the address and the body, then try again.`
