import type { PayloadRequest } from 'payload'
import type { User } from '../../payload-types.ts'
import { env } from '@telemed/config'
import { clinicsOf, sameId } from '../../access/roles.ts'
import { lookup } from '../../database/index.ts'
import { clinicLink, clinicSender, clinicSite } from '../../email/clinicLink.ts'
import { emailLogoOf, renderForClinic } from '../../notifications/renderForClinic.ts'

type Account = Pick<User, 'email' | 'role' | 'tenants'> & { name?: string | null }

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

/**
 * The email (the `password.reset` template, in that clinic's look and words when
 * there is one): a greeting and the link, nothing else about the person. Sent
 * at once, never kept as a message: the link signs in.
 */
export async function resetPasswordEmail(req: PayloadRequest, account: Account, token: string, askedFrom?: unknown) {
  const { clinic, link } = await resetLink(req, account, token, askedFrom)
  const doc =
    clinic !== null ? await lookup.byId(req, 'tenants', clinic, { name: true, theme: true, brand: true, notifications: true }) : null
  const site = clinic !== null ? await clinicSite(req, clinic) : env().PUBLIC_URL.replace(/\/$/, '')
  const message = await renderForClinic((doc && { ...doc, logoUrl: await emailLogoOf(req, doc.brand) }) as never, site, 'password.reset', {
    recipientName: account.name ?? '',
    link,
    expiresIn: '1 hour',
  })
  return {
    ...(doc?.name ? { from: clinicSender(req.payload, String(doc.name)) } : {}),
    to: account.email,
    subject: message.subject,
    html: message.html,
    text: message.text,
  }
}
