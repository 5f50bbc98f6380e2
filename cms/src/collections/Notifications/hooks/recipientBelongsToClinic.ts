import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'

/**
 * A notification is the clinic's message to one of its people: its recipient must
 * be a member of the notification's clinic (an account may belong to several), or
 * a platform admin (who works in every clinic). Checked on every write that sets
 * the recipient or the clinic, for everyone, platform admins and trusted code
 * included: a message of one clinic in the inbox of another clinic's patient is
 * wrong whoever wrote it.
 */
export const recipientBelongsToClinic: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, collection }) => {
  if (operation === 'update' && !('recipient' in data) && !('tenant' in data)) return data
  const recipient = idOf(data.recipient ?? (operation === 'update' ? originalDoc?.recipient : undefined))
  const tenant = idOf(data.tenant ?? (operation === 'update' ? originalDoc?.tenant : undefined))
  // Missing values are the required fields' (and writerBelongsToClinic's) to report.
  if (recipient === null || tenant === null) return data
  const member = await lookup.count(req, 'users', {
    and: [{ id: { equals: recipient } }, { or: [{ 'tenants.tenant': { equals: tenant } }, { role: { equals: 'platform-admin' } }] }],
  })
  if (!member) {
    throw new ValidationError({
      collection: collection.slug,
      req,
      errors: [{ path: 'recipient', message: 'This person is not a member of the clinic: choose someone registered with the clinic.' }],
    })
  }
  return data
}
