import { createHmac } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'
import type { Pool } from 'pg'
import type { Logger } from 'pino'
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { CLUSTER_SCHEMA, createIfMissing } from '../src/cluster/index.ts'

export type RateLimitOptions = {
  /** Names the limit in its headers and keeps its counters apart from other limits'. */
  name: string
  /** Requests allowed per key and window. */
  points: number
  windowSeconds: number
  /** Whose requests count together (a visitor's address, a visitor and a visit). */
  key: (req: Request) => string
  /** Said to whoever is over the limit. */
  message: string
}

/**
 * Counters every server process shares: on PostgreSQL, a table of the
 * platform's cluster schema (rate-limiter-flexible's RateLimiterPostgres, on the
 * platform's pool); in memory otherwise (SQLite and MongoDB run one process).
 * Should PostgreSQL fail, each process goes on counting in memory for a while
 * (the library's insurance limiter) rather than turning sign-ins away.
 */
function limiterFor(payload: Payload, options: RateLimitOptions): Promise<RateLimiterAbstract> {
  const settings = { keyPrefix: options.name, points: options.points, duration: options.windowSeconds }
  const pool = payload.db.name === 'postgres' ? (payload.db as unknown as { pool: Pool }).pool : null
  if (!pool) return Promise.resolve(new RateLimiterMemory(settings))
  return createIfMissing((text) => pool.query(text), []).then(
    () =>
      new Promise((resolve, reject) => {
        const limiter: RateLimiterPostgres = new RateLimiterPostgres(
          {
            ...settings,
            storeClient: pool,
            storeType: 'pool',
            schemaName: CLUSTER_SCHEMA,
            tableName: 'rate_limits',
            insuranceLimiter: new RateLimiterMemory(settings),
          },
          (error?: Error) => (error ? reject(error) : resolve(limiter)),
        )
      }),
  )
}

/** IETF RateLimit headers (draft 8, as express-rate-limit sent them) and, when refused, Retry-After. */
function describe(res: Response, options: RateLimitOptions, result: RateLimiterRes, refused: boolean) {
  const reset = Math.max(1, Math.ceil(result.msBeforeNext / 1000))
  res.setHeader('RateLimit-Policy', `"${options.name}";q=${options.points};w=${options.windowSeconds}`)
  res.setHeader('RateLimit', `"${options.name}";r=${result.remainingPoints};t=${reset}`)
  if (refused) res.setHeader('Retry-After', String(reset))
}

/**
 * Express middleware counting requests per key against a limit every server
 * process shares; over it, 429 with `{ errors: [{ message }] }` and Retry-After.
 */
export function sharedRateLimit(payload: Payload, logger: Pick<Logger, 'error'>, options: RateLimitOptions): RequestHandler {
  const ready = limiterFor(payload, options)
  // Stored keyed, not in clear: the table of counters holds no visitor's address.
  const keyOf = (req: Request) => createHmac('sha256', payload.secret).update(options.key(req)).digest('base64url')
  ready.catch((error) => logger.error({ err: error, limit: options.name }, 'the rate limit could not set up its table'))
  return async (req, res, next) => {
    try {
      const limiter = await ready
      describe(res, options, await limiter.consume(keyOf(req)), false)
      next()
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection)
      describe(res, options, rejection, true)
      res.status(429).json({ errors: [{ message: options.message }] })
    }
  }
}
