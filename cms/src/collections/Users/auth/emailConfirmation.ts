import { createHash, randomBytes } from 'node:crypto'
import type { Field } from 'payload'

/** How long a registration's confirmation link works. */
export const CONFIRMATION_HOURS = 48

/**
 * An account opened on a clinic's site waits for its holder to confirm the
 * email: until then it cannot sign in. Only the link's SHA-256 is kept, and the
 * fields are never readable through the API. Accounts opened by staff or by the
 * platform have none and are confirmed.
 */
export const emailConfirmationField: Field = {
  name: 'emailConfirmation',
  type: 'group',
  access: { read: () => false, create: () => false, update: () => false },
  admin: { hidden: true },
  fields: [
    { name: 'tokenHash', type: 'text', index: true },
    { name: 'expiresAt', type: 'date' },
  ],
}

export const hashConfirmationToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A new link: the token goes into the email, its hash and expiry into the account. */
export function newConfirmation(now = Date.now()) {
  const token = randomBytes(32).toString('base64url')
  return {
    token,
    stored: { tokenHash: hashConfirmationToken(token), expiresAt: new Date(now + CONFIRMATION_HOURS * 3_600_000).toISOString() },
  }
}

export const AWAITING_CONFIRMATION = (account: unknown) =>
  Boolean((account as { emailConfirmation?: { tokenHash?: string | null } } | null)?.emailConfirmation?.tokenHash)
