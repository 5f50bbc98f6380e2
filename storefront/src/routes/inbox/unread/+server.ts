import { json } from '@sveltejs/kit'
import { unreadMessages } from '$lib/server/inbox.ts'
import type { RequestHandler } from './$types'

/** `{ unread }`: the count next to "Inbox", asked again when the live channel says a message arrived. */
export const GET: RequestHandler = async ({ locals }) =>
  json({ unread: await unreadMessages(locals) }, { headers: { 'cache-control': 'no-store' } })
