import { createHash } from 'node:crypto'
import { error, fail, redirect, type Cookies } from '@sveltejs/kit'
import { apiFetch } from '$lib/server/api.ts'
import type { Actions, PageServerLoad } from './$types'

type Answer = {
  grant?: { provider: string; token?: string; role: string; expiresAt: string }
  key?: string
  visit?: { clinic: number | string; start: string; end: string; doctor: string; guest: string }
  errors?: { message: string }[]
}

/** Each invitation's key lives in its own cookie, so one browser can hold several. */
const cookieOf = (token: string) => `visit_guest_${createHash('sha256').update(token).digest('hex').slice(0, 16)}`

async function askForGuest(locals: App.Locals, token: string, key?: string): Promise<{ status: number; answer: Answer }> {
  const response = await apiFetch(locals, '/api/video/guest', {
    method: 'POST',
    token: null,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, key, clinic: locals.clinic!.id }),
  })
  return { status: response.status, answer: (await response.json()) as Answer }
}

function keep(cookies: Cookies, token: string, key: string, secure: boolean) {
  cookies.set(cookieOf(token), key, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 7 * 86_400 })
}

/**
 * A guest the patient invited, with their one-time link: no account. Opening
 * the page changes nothing (link previews in chat apps fetch it too); the
 * guest's "Open the invitation" redeems the link and keeps this browser's key in
 * a cookie, so a reload or a dropped network gets them back in and nobody else
 * can use the link.
 */
export const load: PageServerLoad = async ({ cookies, locals, params }) => {
  const key = cookies.get(cookieOf(params.token))
  if (!key) return { opened: false as const }
  const { status, answer } = await askForGuest(locals, params.token, key)
  const message = answer.errors?.[0]?.message ?? 'This invitation link is not valid.'
  // A link of another clinic is not this site's: the same answer as an unknown link (the API refuses it too).
  if (!answer.visit || String(answer.visit.clinic) !== String(locals.clinic!.id)) error(status === 410 ? 410 : 404, message)
  return {
    opened: true as const,
    visit: { start: answer.visit.start, end: answer.visit.end, doctor: answer.visit.doctor, guest: answer.visit.guest },
    grant: status === 200 ? (answer.grant ?? null) : null,
    refusal: status === 200 ? null : message,
  }
}

export const actions: Actions = {
  open: async ({ cookies, locals, params, url }) => {
    const { status, answer } = await askForGuest(locals, params.token, cookies.get(cookieOf(params.token)))
    if (answer.key) keep(cookies, params.token, answer.key, url.protocol === 'https:')
    if (!answer.visit || String(answer.visit.clinic) !== String(locals.clinic!.id))
      return fail(status === 410 ? 410 : 404, { error: answer.errors?.[0]?.message ?? 'This invitation link is not valid.' })
    redirect(303, url.pathname)
  },
}
