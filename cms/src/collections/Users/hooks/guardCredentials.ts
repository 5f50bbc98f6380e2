import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { sameId, userOf } from '../../../access/roles.ts'
import { passwordMatches } from '../auth/passwordCheck.ts'
import { passwordProblem } from '../auth/passwordPolicy.ts'

const CURRENT_PASSWORD = 'telemed.currentPassword'

/** `currentPassword` is not a field: it is taken out of the body before Payload reads it, for guardCredentials. */
export const takeCurrentPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const data = (args as { data?: unknown }).data
  if (operation === 'update' && data && typeof data === 'object' && 'currentPassword' in data) {
    req.context[CURRENT_PASSWORD] = (data as Record<string, unknown>).currentPassword
    delete (data as Record<string, unknown>).currentPassword
  }
  return args
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
  const current = req.context[CURRENT_PASSWORD]
  if (typeof current !== 'string' || !(await passwordMatches(req, user.id, current))) {
    throw invalid('currentPassword', 'Enter your current password to change your email or password.')
  }
  return data
}
