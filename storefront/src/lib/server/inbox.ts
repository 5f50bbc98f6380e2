import { api, query } from './api.ts'

/** The signed-in person's inbox at this clinic: the in-app messages sent to them. */
export const inboxOf = (user: { id: number | string }, clinic: { id: number | string }) => [
  { recipient: { equals: user.id } },
  { tenant: { equals: clinic.id } },
  { channel: { equals: 'in-app' } },
  { status: { equals: 'sent' } },
]

/** The in-app messages of this clinic the signed-in person has not read yet; 0 when the count cannot be had. */
export async function unreadMessages(locals: App.Locals): Promise<number> {
  if (!locals.user || !locals.clinic) return 0
  const q = query({
    where: { and: [...inboxOf(locals.user, locals.clinic), { readAt: { exists: false } }] },
    limit: 1,
    depth: 0,
    select: { id: true },
  })
  return api<{ totalDocs: number }>(locals, `/api/notifications?${q}`)
    .then((r) => r.totalDocs)
    .catch(() => 0)
}
