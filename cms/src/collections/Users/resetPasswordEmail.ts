import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { env } from '@telemed/config'
import { clinicsOf, sameId } from '../../access/roles.ts'
import { lookup } from '../../database/index.ts'
import { clinicLink, clinicSender } from '../../email/clinicLink.ts'

type Account = Pick<User, 'email' | 'role' | 'tenants'>
export const RESET_SUBJECT = 'Reset your password'

/**
 * Where a password-reset email sends someone: patients and doctors to the site
 * of the clinic they asked from (if they belong to it, else their first clinic),
 * staff to the admin panel. Never an address taken from the request.
 */
export async function resetLink(req: PayloadRequest, account: Account, token: string, askedFrom?: unknown) {
  const encoded = encodeURIComponent(token)
  if (account.role === 'patient' || account.role === 'doctor') {
    const clinics = clinicsOf(account)
    const clinic = clinics.find((c) => sameId(c, askedFrom)) ?? clinics[0]
    if (clinic !== undefined) return { clinic, link: await clinicLink(req, clinic, `/reset-password?token=${encoded}`) }
  }
  return { clinic: null, link: `${env().PUBLIC_URL.replace(/\/$/, '')}/admin/reset/${encoded}` }
}

/** The email: a greeting and the link, nothing else about the person; from the clinic's name when there is one. */
export async function resetPasswordEmail(req: PayloadRequest, account: Account, token: string, askedFrom?: unknown) {
  const { clinic, link } = await resetLink(req, account, token, askedFrom)
  const name = clinic !== null ? (await lookup.byId(req, 'tenants', clinic, { name: true }))?.name : null
  return {
    ...(name ? { from: clinicSender(req.payload, String(name)) } : {}),
    to: account.email,
    subject: RESET_SUBJECT,
    html: `<p>Hello,</p><p>Someone asked to reset the password of your account. To choose a new password, open this link within one hour:</p><p><a href="${link}">${link}</a></p><p>If it was not you, ignore this email: your password stays as it is.</p>`,
    text: `Hello,\n\nSomeone asked to reset the password of your account. To choose a new password, open this link within one hour:\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
  }
}
