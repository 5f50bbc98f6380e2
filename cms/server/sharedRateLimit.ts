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

const RATE_LIMITS_TABLE = 'rate_limits'

/**
 * Counters every server process shares: on PostgreSQL, a table of the
 * platform's cluster schema (rate-limiter-flexible's RateLimiterPostgres, on the
 * platform's pool); in memory otherwise (SQLite and MongoDB run one process).
 * Should PostgreSQL fail, each process goes on counting in memory for a while
 * (the library's insurance limiter) rather than turning sign-ins away.
 *
 * The table is made here, with the platform's own tolerance of a race
 * (createIfMissing), not by the library: several limits start at once, and the
 * library takes PostgreSQL's "relation already exists" for a failure.
 */
async function limiterFor(payload: Payload, options: RateLimitOptions): Promise<RateLimiterAbstract> {
  const settings = { keyPrefix: options.name, points: options.points, duration: options.windowSeconds }
  const pool = payload.db.name === 'postgres' ? (payload.db as unknown as { pool: Pool }).pool : null
  if (!pool) return new RateLimiterMemory(settings)
  await createIfMissing(
    (text) => pool.query(text),
    [
      `CREATE TABLE IF NOT EXISTS ${CLUSTER_SCHEMA}.${RATE_LIMITS_TABLE} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    ],
  )
  return new RateLimiterPostgres({
    ...settings,
    storeClient: pool,
    storeType: 'pool',
    schemaName: CLUSTER_SCHEMA,
    tableName: RATE_LIMITS_TABLE,
    tableCreated: true,
    insuranceLimiter: new RateLimiterMemory(settings),
  })
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
  // Stored keyed, not in clear: the table of counters holds no visitor's address.
  const keyOf = (req: Request) => createHmac('sha256', payload.secret).update(options.key(req)).digest('base64url')
  // Should setting up the shared table fail, it counts in memory and tries the
  // set-up again (at a request, at most once a second), rather than failing
  // every request after it.
  const fallback = new RateLimiterMemory({ keyPrefix: options.name, points: options.points, duration: options.windowSeconds })
  let shared: RateLimiterAbstract | undefined
  let settingUp: Promise<void> | undefined
  let retryAt = 0
  const setUp = () =>
    (settingUp ??= limiterFor(payload, options).then(
      (limiter) => void (shared = limiter),
      (error: unknown) => {
        logger.error({ err: error, limit: options.name }, 'the rate limit could not set up its table; counting in memory until it can')
        settingUp = undefined
        retryAt = Date.now() + 1000
      },
    ))
  const firstSetUp = setUp()
  return async (req, res, next) => {
    if (!shared) await firstSetUp
    if (!shared && Date.now() >= retryAt) void setUp()
    try {
      describe(res, options, await (shared ?? fallback).consume(keyOf(req)), false)
      next()
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection)
      describe(res, options, rejection, true)
      res.status(429).json({ errors: [{ message: options.message }] })
    }
  }
}
