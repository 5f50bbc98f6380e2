import type { CollectionAfterChangeHook, Payload } from 'payload'
import type { User } from '../payload-types.ts'
import { env } from '@telemed/config'
import { clinicsOf } from '../access/roles.ts'
import { lookup } from '../database/index.ts'
import { clinicSender, clinicSite } from '../email/clinicLink.ts'
import { onDomainEvent } from '../events/domainEvents.ts'
import { planMessages } from './plan.ts'
import { emailLogoOf, renderForClinic } from './renderForClinic.ts'

/**
 * "Welcome to the clinic" once a person's account there is ready: their email
 * confirmed after registering, or an existing account joining another clinic.
 * A planned message like any other (email and inbox, retried), once per
 * account and clinic.
 */
export function planAccountMessages(payload: Payload): void {
  onDomainEvent('user.registered', (event) =>
    planMessages(payload, [
      {
        tenant: event.tenant,
        recipient: event.user,
        event: 'account.created',
        kind: 'account.created',
        scheduledFor: new Date(),
        key: `user-${event.user}:welcome:${event.tenant}`,
      },
    ]).catch((error: unknown) => payload.logger.error({ err: error }, 'could not plan a welcome message')),
  )
}

/**
 * A changed email address is told to the address it replaced: if someone else
 * changed it, its holder learns it there (the new address would not warn them).
 * In the look of the person's first clinic, with a link to their profile; sent
 * once the change is saved, never kept as a message (the address is gone from
 * the account).
 */
export const tellTheFormerAddress: CollectionAfterChangeHook<User> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc?.email || previousDoc.email.toLowerCase() === String(doc.email).toLowerCase()) return doc
  const clinic = doc.role === 'patient' || doc.role === 'doctor' ? (clinicsOf(doc)[0] ?? null) : null
  const look =
    clinic !== null ? await lookup.byId(req, 'tenants', clinic, { name: true, theme: true, brand: true, notifications: true }) : null
  const platform = env().PUBLIC_URL.replace(/\/$/, '')
  const site = clinic !== null ? await clinicSite(req, clinic) : platform
  const message = await renderForClinic(
    (look && { ...look, logoUrl: await emailLogoOf(req, look.brand) }) as never,
    site,
    'email.changed',
    {
      recipientName: doc.name,
      newEmail: doc.email,
      link: clinic !== null ? `${site}/${doc.role === 'doctor' ? 'doctor/profile' : 'profile'}` : `${platform}/admin/account`,
    },
  )
  // Sent after the answer (see email/emailAdapter.ts).
  await req.payload.sendEmail({
    ...(look?.name ? { from: clinicSender(req.payload, String(look.name)) } : {}),
    to: previousDoc.email,
    subject: message.subject,
    html: message.html,
    text: message.text,
  })
  return doc
}
