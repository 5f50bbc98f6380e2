import { rateLimit } from 'express-rate-limit'

/**
 * Per-IP limit on the endpoints that guess or flood accounts. Payload's own
 * lockout is per account, which lets anyone lock out a known email; this stops
 * one address from trying many. Counters are in memory for now: behind several
 * processes, give each the same limit or move the store to Redis.
 */
export function authRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    message: { errors: [{ message: 'Too many attempts from this address. Wait a minute and try again.' }] },
  })
}

/** POST paths under /api that sign in, register or reset passwords. */
export const AUTH_PATHS = ['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/users']
