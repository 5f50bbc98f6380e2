import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { visitorOf } from './visitor.ts'

/**
 * Per-address limit on the endpoints that guess or flood accounts. Payload's
 * own lockout is per account, which lets anyone lock out a known email; this
 * stops one address from trying many. The address is the visitor's, also when
 * the clinic site calls on their behalf (see visitor.ts): otherwise every
 * visitor of a site would share one count. Counters are in memory for now:
 * behind several processes, give each the same limit or move the store to Redis.
 */
export function authRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(visitorOf(req as never).address || 'unknown'),
    message: { errors: [{ message: 'Too many attempts from this address. Wait a minute and try again.' }] },
  })
}

/** POST paths under /api that sign in, register, confirm, unlock or reset passwords. */
export const AUTH_PATHS = [
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/reset-password',
  '/api/users/register',
  '/api/users/confirm-email',
  '/api/users/unlock',
  '/api/users',
]
