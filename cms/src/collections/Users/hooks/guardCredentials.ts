import {
  APIError,
  incrementLoginAttempts,
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { sameId, userOf } from '../../../access/roles.ts'
import type { User } from '../../../payload-types.ts'
import { passwordMatches } from '../auth/passwordCheck.ts'
import { passwordProblem } from '../auth/passwordPolicy.ts'

/** What the caller's `currentPassword` proved (see takeCurrentPassword), for guardCredentials. */
const CURRENT_PASSWORD = 'telemed.currentPassword'
type Verdict = 'right' | 'wrong' | 'locked'

/**
 * `currentPassword` is not a field: it is taken out of the body before Payload
 * reads it and, when the body changes an email or password, checked against the
 * caller's own account here, before the update writes anything. It is a
 * sign-in's secret asked by a session that may not be its holder's (a shared
 * computer, a stolen token), so it is guarded as sign-in is: a locked account
 * is refused without a check, and a wrong password counts towards the lockout
 * (five lock the account for 15 minutes). That count is written outside the
 * request's transaction (as Payload's sign-in writes it), so the refusal does
 * not roll it back; here the transaction has not written yet, so SQLite's one
 * writer is free for it.
 */
export const takeCurrentPassword: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  const data = (args as { data?: unknown }).data
  if (operation !== 'update' || !data || typeof data !== 'object' || !('currentPassword' in data)) return args
  const body = data as Record<string, unknown>
  const given = body.currentPassword
  delete body.currentPassword
  const user = userOf(req)
  const changesCredentials = (typeof body.password === 'string' && body.password !== '') || body.email !== undefined
  if (user && changesCredentials && typeof given === 'string' && given !== '') {
    req.context[CURRENT_PASSWORD] = await checkCurrentPassword(req, collection, user.id, given)
  }
  return args
}

async function checkCurrentPassword(
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: number | string,
  password: string,
): Promise<Verdict> {
  const account = await req.payload.db.findOne<Pick<User, 'id' | 'loginAttempts' | 'lockUntil'>>({
    collection: collection.slug,
    where: { id: { equals: id } },
    select: { loginAttempts: true, lockUntil: true },
    req,
  })
  if (!account) return 'wrong'
  if (Date.parse(account.lockUntil ?? '') > Date.now()) return 'locked'
  if (await passwordMatches(req, id, password)) return 'right'
  // Payload's function asks for a whole user but reads only its id, attempts and lock: the three read above.
  await incrementLoginAttempts({ collection, payload: req.payload, user: { ...account, collection: collection.slug } as never })
  return 'wrong'
}

/**
 * An account's email and password are the keys to it. They are changed only by
 * the account holder, who proves it with the current password (or with the
 * reset link sent to the email), or by a platform admin; never by a clinic
 * admin, who could otherwise take over an account that also belongs to another
 * clinic. Every new password meets the policy (passwordPolicy.ts).
 */
export const guardCredentials: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation, collection }) => {
  const invalid = (path: string, message: string) => new ValidationError({ collection: collection.slug, req, errors: [{ path, message }] })
  // Payload lowercases an email with the string's own method: anything but text would fail there with a 500.
  if (data.email !== undefined && data.email !== null && typeof data.email !== 'string') {
    throw invalid('email', 'Enter an email address such as name@example.com.')
  }
  const newPassword = typeof data.password === 'string' && data.password !== '' ? data.password : null
  if (newPassword) {
    const problem = passwordProblem(newPassword, data.role ?? originalDoc?.role, data.email ?? originalDoc?.email)
    if (problem) throw invalid('password', problem)
  }
  if (operation !== 'update') return data
  const user = userOf(req)
  // Trusted platform code (Local API without a user).
  if (!user && req.payloadAPI === 'local') return data
  const newEmail = typeof data.email === 'string' && data.email.trim().toLowerCase() !== String(originalDoc?.email ?? '').toLowerCase()
  if (!newPassword && !newEmail) return data
  if (user?.role === 'platform-admin') return data
  if (!user || !sameId(user.id, originalDoc?.id)) {
    throw new APIError(
      'Only the account holder can change its email or password. Send them a password reset link instead.',
      403,
      null,
      true,
    )
  }
  const verdict = req.context[CURRENT_PASSWORD] as Verdict | undefined
  if (verdict === 'locked') {
    throw invalid('currentPassword', 'Too many wrong passwords: this account is locked for 15 minutes. Try again later.')
  }
  if (verdict !== 'right') throw invalid('currentPassword', 'Enter your current password to change your email or password.')
  return data
}
