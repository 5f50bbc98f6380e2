import { pbkdf2, timingSafeEqual } from 'node:crypto'
import type { PayloadRequest } from 'payload'

/** Payload's current password hashes: `pbkdf2-sha256-v1:<hex>`, 600,000 rounds, 32 bytes; older ones 25,000 rounds, 512 bytes. */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const parameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), rounds: 600_000, bytes: 32 }
    : { hex: hash, rounds: 25_000, bytes: 512 }

const derive = (password: string, salt: string, rounds: number, bytes: number) =>
  new Promise<Buffer>((resolve, reject) => pbkdf2(password, salt, rounds, bytes, 'sha256', (e, key) => (e ? reject(e) : resolve(key))))

/** Whether `password` is the account's current password (the same check as Payload's sign-in). */
export async function passwordMatches(req: PayloadRequest, userId: number | string, password: string): Promise<boolean> {
  const account = (await req.payload.db.findOne({ collection: 'users', where: { id: { equals: userId } }, req })) as {
    hash?: unknown
    salt?: unknown
  } | null
  if (typeof account?.hash !== 'string' || typeof account.salt !== 'string') {
    await spendAsPasswordCheck(password)
    return false
  }
  const { hex, rounds, bytes } = parameters(account.hash)
  const derived = await derive(password, account.salt, rounds, bytes)
  const stored = Buffer.from(hex, 'hex')
  return stored.length === derived.length && timingSafeEqual(stored, derived)
}

/**
 * Does the work of one password check and throws it away. Answers about an
 * unknown email, a locked account or an existing registration then take as
 * long as a real check, so timing does not tell which emails have accounts.
 */
export const spendAsPasswordCheck = (password: string) => derive(password, 'no-account-salt', 600_000, 32).then(() => undefined)
