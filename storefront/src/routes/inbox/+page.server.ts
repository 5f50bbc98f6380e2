import { api, query } from '$lib/server/api.ts'
import type { PageServerLoad } from './$types'
import type { Notification } from '$documents'
import { requireSignIn } from '$lib/server/session.ts'
import { inboxOf } from '$lib/server/inbox.ts'

type NotificationDoc = Pick<Notification, 'id' | 'subject' | 'body' | 'sentAt' | 'createdAt' | 'readAt'>

/**
 * The messages the clinic sent this person in their inbox (reminders, changes to
 * visits), newest first. Opening the inbox reads them: those new until now are
 * marked, and marked read.
 */
export const load: PageServerLoad = async ({ locals, url, depends }) => {
  requireSignIn(locals, url)
  // Loaded again when the live channel says a message arrived (see the layout).
  depends('app:inbox')
  const q = query({
    where: { and: inboxOf(locals.user, locals.clinic!) },
    sort: '-sentAt',
    limit: 50,
    depth: 0,
    select: { subject: true, body: true, sentAt: true, createdAt: true, readAt: true },
  })
  const { docs } = await api<{ docs: NotificationDoc[] }>(locals, `/api/notifications?${q}`)
  const fresh = docs.filter((n) => !n.readAt).map((n) => n.id)
  const { unread } = fresh.length
    ? await api<{ unread: number }>(locals, '/api/notifications/read', { body: { ids: fresh, clinic: locals.clinic!.id } })
    : { unread: 0 }
  return {
    unread,
    messages: docs.map((n) => ({ id: n.id, subject: n.subject, body: n.body ?? '', at: n.sentAt ?? n.createdAt, isNew: !n.readAt })),
  }
}
