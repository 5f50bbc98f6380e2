import type { Endpoint } from 'payload'
import { json, problem, readBody } from '../../../http/endpoint.ts'
import { hashConfirmationToken } from '../auth/emailConfirmation.ts'
import { passwordMatches } from '../auth/passwordCheck.ts'
import { emitDomainEvent } from '../../../events/emit.ts'
import { idOf } from '../../../access/roles.ts'

/**
 * `POST /api/users/confirm-email` `{ token, password }`: the link from the
 * registration email, with the password chosen at registration. Confirms the
 * email and signs in: `{ token, exp }` as sign-in answers. Asking for the
 * password too means the person who confirms is the person who registered last.
 */
export const confirmEmail: Endpoint = {
  path: '/confirm-email',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    if (body instanceof Response) return body
    const token = typeof body.token === 'string' ? body.token : ''
    const password = typeof body.password === 'string' ? body.password : ''
    const account = token
      ? ((await req.payload.db.findOne({
          collection: 'users',
          where: { 'emailConfirmation.tokenHash': { equals: hashConfirmationToken(token) } },
          select: { email: true, emailConfirmation: true, tenants: true },
          req,
        })) as { id: number | string; email: string; emailConfirmation?: { expiresAt?: string }; tenants?: { tenant?: unknown }[] } | null)
      : null
    if (!account || !(Date.parse(account.emailConfirmation?.expiresAt ?? '') > Date.now())) {
      return problem(410, 'This link has expired or was already used. Register again to get a new one, or sign in.', 'token')
    }
    if (!password || !(await passwordMatches(req, account.id, password))) {
      return problem(400, 'This is not the password you chose when you registered. Check it, or register again.', 'password')
    }
    await req.payload.update({
      collection: 'users',
      id: account.id,
      overrideAccess: true,
      depth: 0,
      data: { emailConfirmation: { tokenHash: null, expiresAt: null } },
    })
    const clinic = idOf(account.tenants?.[0]?.tenant)
    if (clinic !== null && clinic !== undefined) await emitDomainEvent(req, 'user.registered', { user: account.id, tenant: clinic })
    const { token: session, exp } = await req.payload.login({ collection: 'users', data: { email: account.email, password }, req })
    return json(200, { message: 'Your email is confirmed.', token: session, exp })
  },
}
