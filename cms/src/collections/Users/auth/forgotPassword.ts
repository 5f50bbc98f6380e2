import type { Endpoint } from 'payload'
import type { User } from '../../../payload-types.ts'
import { json, problem, readBody } from '../../../http/endpoint.ts'
import { resetPasswordEmail } from '../resetPasswordEmail.ts'

const HOUR = 3_600_000
/** One reset email per account per minute, whoever asks: nobody can flood an inbox. */
const MIN_INTERVAL = 60_000

/**
 * `POST /api/users/forgot-password` `{ email, clinic? }`, in place of Payload's own
 * (registered first, so it answers): the same answer for every email, and for an
 * account a link on the site of the clinic it asked from (`clinic`, when the
 * account belongs to it), in that clinic's name. Payload's token and expiry.
 */
export const forgotPassword: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    if (body instanceof Response) return body
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : ''
    if (!email) return problem(400, 'Enter the email address of your account.', 'email')
    const account = await req.payload.db.findOne<Pick<User, 'id' | 'name' | 'email' | 'role' | 'tenants' | 'resetPasswordExpiration'>>({
      collection: 'users',
      where: { email: { equals: email } },
      select: { name: true, email: true, role: true, tenants: true, resetPasswordExpiration: true },
      req,
    })
    const askedRecently = Date.parse(account?.resetPasswordExpiration ?? '') - HOUR > Date.now() - MIN_INTERVAL
    if (account && !askedRecently) {
      const token = await req.payload.forgotPassword({ collection: 'users', data: { email }, disableEmail: true, expiration: HOUR, req })
      // Sent after the answer (see email/emailAdapter.ts): it takes as long for an unknown email.
      if (token) await req.payload.sendEmail(await resetPasswordEmail(req, account, token, body.clinic))
    }
    return json(200, { message: 'Success' })
  },
}
