import type { Payload } from 'payload'
import type { Logger } from 'pino'
import { ipKeyGenerator } from 'express-rate-limit'
import { sharedRateLimit } from './sharedRateLimit.ts'
import { visitorOf } from './visitor.ts'

/**
 * Per-address limit on the endpoints that guess or flood accounts. Payload's
 * own lockout is per account, which lets anyone lock out a known email; this
 * stops one address from trying many. The address is the visitor's, also when
 * the clinic site calls on their behalf (see visitor.ts): otherwise every
 * visitor of a site would share one count. Every server process counts against
 * the same limit (see sharedRateLimit.ts).
 */
export function authRateLimit(payload: Payload, logger: Pick<Logger, 'error'>, perMinute: number) {
  return sharedRateLimit(payload, logger, {
    name: 'auth',
    points: perMinute,
    windowSeconds: 60,
    // IPv6 visitors count per /56, as one household or office gets a whole prefix.
    key: (req) => ipKeyGenerator(visitorOf(req).address || 'unknown'),
    message: 'Too many attempts from this address. Wait a minute and try again.',
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
