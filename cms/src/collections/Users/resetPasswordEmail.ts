import type { PayloadRequest } from 'payload'
import { env } from '@telemed/config'
import { clinicsOf } from '../../access/roles.ts'
import { lookup } from '../../lookup.ts'

type Args = { req?: PayloadRequest; token?: string; user?: { role?: string; name?: string; tenants?: unknown } }

/**
 * Where a password-reset email sends someone: patients and doctors to their
 * clinic's site (`/c/<clinic>/reset-password`), staff to the admin panel. Always on
 * the platform's own PUBLIC_URL, never an address taken from the request.
 */
export async function resetLink({ req, token, user }: Args): Promise<string> {
  const base = env().PUBLIC_URL.replace(/\/$/, '')
  const encoded = encodeURIComponent(token ?? '')
  if (user?.role === 'patient' || user?.role === 'doctor') {
    const clinicId = clinicsOf(user as never)[0]
    const clinic = clinicId && req ? await lookup.byId(req, 'tenants', clinicId, { slug: true }) : null
    if (clinic?.slug) return `${base}/c/${clinic.slug}/reset-password?token=${encoded}`
  }
  return `${base}/admin/reset/${encoded}`
}

/** The email: a greeting and the link, nothing else about the person. */
export const resetPasswordEmail = async (args: Args = {}) => {
  const link = await resetLink(args)
  return `<p>Hello,</p><p>Someone asked to reset the password of your account. To choose a new password, open this link within one hour:</p><p><a href="${link}">${link}</a></p><p>If it was not you, ignore this email: your password stays as it is.</p>`
}
