import { APIError, AuthenticationError, ValidationError, type CollectionBeforeLoginHook, type CollectionBeforeOperationHook } from 'payload'
import { spendAsPasswordCheck } from './passwordCheck.ts'
import { passwordProblem } from './passwordPolicy.ts'
import { AWAITING_CONFIRMATION } from './emailConfirmation.ts'

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/**
 * Sign-in answers the same for an unknown email, a wrong password and a locked
 * account, and takes as long: the password is hashed in every case. Payload
 * would answer an unknown email at once and say "locked" only for accounts that
 * exist, which tells a stranger which emails have accounts here.
 */
const sameAnswerForEveryRefusal: CollectionBeforeOperationHook = async ({ args, req }) => {
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const email = text(data.email).toLowerCase().trim()
  const account = email
    ? await req.payload.db.findOne({ collection: 'users', where: { email: { equals: email } }, select: { lockUntil: true }, req })
    : null
  const locked = account && Date.parse(String((account as { lockUntil?: unknown }).lockUntil ?? '')) > Date.now()
  if (account && !locked) return args
  await spendAsPasswordCheck(text(data.password))
  throw new AuthenticationError(req.t)
}

/** A reset link sets a new password: the same policy as registration and changes, for the account's role. */
const resetMeetsPolicy: CollectionBeforeOperationHook = async ({ args, req, collection }) => {
  const data = (args as { data?: Record<string, unknown> }).data ?? {}
  const token = text(data.token)
  const account = token
    ? ((await req.payload.db.findOne({
        collection: 'users',
        where: { resetPasswordToken: { equals: token } },
        select: { role: true, email: true },
        req,
      })) as { role?: string; email?: string } | null)
    : null
  // An unknown token is Payload's to refuse, with its own answer.
  if (!account) return args
  const problem = passwordProblem(data.password, account.role, account.email)
  if (problem) throw new ValidationError({ collection: collection.slug, req, errors: [{ path: 'password', message: problem }] })
  return args
}

export const signInAnswers: CollectionBeforeOperationHook = (hookArgs) => {
  if (hookArgs.operation === 'login') return sameAnswerForEveryRefusal(hookArgs)
  if (hookArgs.operation === 'resetPassword') return resetMeetsPolicy(hookArgs)
  return hookArgs.args
}

/** Runs after the password was checked, so it tells nothing to someone who does not know it. */
export const refuseUnconfirmedEmail: CollectionBeforeLoginHook = async ({ user, req }) => {
  const account = await req.payload.db.findOne({
    collection: 'users',
    where: { id: { equals: user.id } },
    select: { emailConfirmation: true },
    req,
  })
  if (AWAITING_CONFIRMATION(account)) {
    throw new APIError('Confirm your email first: open the link we sent you when you registered.', 403, null, true)
  }
  return user
}
