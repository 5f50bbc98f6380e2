import { api, query } from '$lib/server/api.ts'
import type { PageServerLoad } from './$types'
import type { Notification } from '$documents'
import { requireSignIn } from '$lib/server/session.ts'

type NotificationDoc = Pick<Notification, 'id' | 'subject' | 'body' | 'sentAt' | 'createdAt' | 'channel'>

/** Messages the clinic sent this person (reminders, changes to visits), newest first. */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const q = query({
    where: { and: [{ recipient: { equals: locals.user.id } }, { tenant: { equals: locals.clinic!.id } }, { status: { equals: 'sent' } }] },
    sort: '-sentAt',
    limit: 50,
    depth: 0,
  })
  const { docs } = await api<{ docs: NotificationDoc[] }>(locals, `/api/notifications?${q}`)
  return { messages: docs.map((n) => ({ id: n.id, subject: n.subject, body: n.body ?? '', at: n.sentAt ?? n.createdAt })) }
}
