import { createHash } from 'node:crypto'
import { error } from '@sveltejs/kit'
import { apiBase } from '$lib/server/clinic.ts'
import type { PageServerLoad } from './$types'

type Answer = {
  grant?: { provider: string; token?: string; role: string; expiresAt: string }
  key?: string
  visit?: { clinic: number | string; start: string; end: string; doctor: string; guest: string }
  errors?: { message: string }[]
}

/**
 * A guest the patient invited opens their one-time link: no account. The first
 * visit redeems the link and keeps this browser's key in a cookie, so a reload
 * or a dropped network gets the guest back in, and nobody else can use the link.
 */
export const load: PageServerLoad = async ({ cookies, locals, params, url }) => {
  const cookie = `visit_guest_${createHash('sha256').update(params.token).digest('hex').slice(0, 16)}`
  const response = await fetch(`${apiBase()}/api/video/guest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: params.token, key: cookies.get(cookie) }),
  })
  const answer = (await response.json()) as Answer
  if (answer.key) {
    cookies.set(cookie, answer.key, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 7 * 86_400 })
  }
  const message = answer.errors?.[0]?.message ?? 'This invitation link is not valid.'
  // A link of another clinic is not this site's: the same answer as an unknown link.
  if (!answer.visit || String(answer.visit.clinic) !== String(locals.clinic!.id)) error(response.status === 410 ? 410 : 404, message)
  return {
    visit: { start: answer.visit.start, end: answer.visit.end, doctor: answer.visit.doctor, guest: answer.visit.guest },
    grant: response.ok ? (answer.grant ?? null) : null,
    refusal: response.ok ? null : message,
  }
}
