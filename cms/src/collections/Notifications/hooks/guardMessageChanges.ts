import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { isPlatformAdmin } from '../../../access/roles.ts'

/** What a person may do to a message's status: cancel it before it goes, send a failed one again. */
const ALLOWED_STATUS_CHANGES = new Set(['scheduled→cancelled', 'failed→scheduled'])
/** Fields a clinic admin writes on a message of their own while it waits to go. */
const WRITABLE_WHILE_WAITING = new Set(['recipient', 'channel', 'event', 'subject', 'body', 'scheduledFor', 'tenant'])

const same = (a: unknown, b: unknown) => {
  const id = (v: unknown) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)
  return String(id(a) ?? '') === String(id(b) ?? '')
}

/**
 * What people (not the platform's own code) may change on a message. A
 * message the platform planned (it has a `kind`) may only be cancelled before
 * it goes, or sent again after it failed: re-aimed at another person, reworded
 * or sent again after it went, it would carry a visit's doctor and time to
 * someone else, or flood a patient. A clinic admin's own message is theirs to
 * edit while it waits. Nobody schedules a message in the past (it would jump
 * ahead of every clinic's reminders): earlier than now means now.
 */
export const guardMessageChanges: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, collection }) => {
  if (!req.user || isPlatformAdmin(req)) return data
  const refuse = (message: string, path = 'status') => {
    throw new ValidationError({ collection: collection.slug, req, errors: [{ path, message }] })
  }
  const now = new Date().toISOString()
  if (operation === 'create') {
    data.status = 'scheduled'
    if (!data.scheduledFor || String(data.scheduledFor) < now) data.scheduledFor = now
    return data
  }
  const before = originalDoc ?? {}
  const changed = Object.keys(data).filter((key) => key !== 'updatedAt' && key in before && !same(data[key], before[key]))
  const statusChange = changed.includes('status') ? `${before.status}→${data.status}` : null
  if (statusChange && !ALLOWED_STATUS_CHANGES.has(statusChange))
    refuse(`A message ${before.status} cannot become ${data.status}: cancel a message before it goes, or send a failed one again.`)
  const others = changed.filter((key) => key !== 'status')
  if (others.length && before.kind)
    refuse(
      'The platform wrote this message from its visit: it can only be cancelled before it goes, or sent again if it failed.',
      others[0],
    )
  if (others.some((key) => !WRITABLE_WHILE_WAITING.has(key)) || (others.length && before.status !== 'scheduled'))
    refuse('A message can be changed only while it waits to go.', others[0])
  if (changed.includes('scheduledFor') && String(data.scheduledFor) < now) data.scheduledFor = now
  if (statusChange === 'failed→scheduled') data.scheduledFor = now
  return data
}
