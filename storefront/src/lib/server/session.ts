import { redirect, type Cookies } from '@sveltejs/kit'
import { apiFetch } from './api.ts'
import type { User } from '$documents'

/** The signed-in person, as the storefront needs them. */
export type SessionUser = { id: number | string; name: string; email: string; role: string; clinics: (number | string)[] }

export const TOKEN_COOKIE = 'telemed-token'

/** Payload's JWT in an httpOnly cookie: pages read data with it, scripts never see it. */
export function keepToken(cookies: Cookies, token: string, secure: boolean, maxAgeSeconds: number) {
  cookies.set(TOKEN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds })
}

export const dropToken = (cookies: Cookies) => cookies.delete(TOKEN_COOKIE, { path: '/' })

/** Seconds left of a token that expires at `exp` (seconds since 1970), for the cookie's lifetime. */
export const secondsLeft = (exp: number) => Math.max(60, exp - Math.floor(Date.now() / 1000))

/** Who the token belongs to, asked of the API (so an expired or revoked token is nobody). */
export async function userOfToken(locals: App.Locals, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null
  const response = await apiFetch(locals, '/api/users/me', { token })
  if (!response.ok) return null
  const { user } = (await response.json()) as { user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'tenants'> | null }
  if (!user) return null
  const clinics = (user.tenants ?? []).map((t) => (typeof t.tenant === 'object' ? t.tenant.id : t.tenant))
  return { id: user.id, name: user.name, email: user.email, role: user.role, clinics }
}

/** Ends a session on the server, so its token stops working everywhere. */
export const endSession = (locals: App.Locals, token: string) =>
  apiFetch(locals, '/api/users/logout', { method: 'POST', token }).catch(() => null)

export type SignIn =
  | { kind: 'signed-in'; user: SessionUser }
  /** A patient of another clinic: may join this one (see /join); the session waits in its own cookie. */
  | { kind: 'may-join'; user: SessionUser }
  | { kind: 'elsewhere' | 'refused' | 'busy' | 'unconfirmed' }

/** A patient's session while they decide whether to join this clinic: short, and good for nothing else here. */
export const JOIN_COOKIE = 'telemed-join'

/**
 * Signs in with Payload and keeps the token, for an account of `clinicId`. A
 * patient of another clinic is offered to join (their session kept aside, see
 * JOIN_COOKIE); staff of another clinic are refused and their fresh session
 * ended at once.
 */
export async function signInWith(
  locals: App.Locals,
  cookies: Cookies,
  credentials: { email: string; password: string },
  clinicId: number | string,
  secure: boolean,
): Promise<SignIn> {
  const response = await apiFetch(locals, '/api/users/login', {
    method: 'POST',
    token: null,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  if (response.status === 429) return { kind: 'busy' }
  if (response.status === 403) return { kind: 'unconfirmed' }
  if (!response.ok) return { kind: 'refused' }
  const { token, exp } = (await response.json()) as { token: string; exp: number }
  return keepSession(locals, cookies, token, exp, clinicId, secure)
}

/** Keeps a fresh session's token for this clinic's site (see signInWith). */
export async function keepSession(
  locals: App.Locals,
  cookies: Cookies,
  token: string,
  exp: number,
  clinicId: number | string,
  secure: boolean,
): Promise<SignIn> {
  const user = await userOfToken(locals, token)
  if (!user) return { kind: 'refused' }
  if (user.clinics.some((c) => String(c) === String(clinicId))) {
    keepToken(cookies, token, secure, secondsLeft(exp))
    return { kind: 'signed-in', user }
  }
  if (user.role === 'patient') {
    cookies.set(JOIN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 15 * 60 })
    return { kind: 'may-join', user }
  }
  await endSession(locals, token)
  return { kind: 'elsewhere' }
}

/** This page's address as a path of the clinic's site (without its `/c/<slug>` prefix): a return address, see safeNext. */
export const pathOnSite = (locals: App.Locals, url: URL) => (url.pathname.slice(locals.basePath.length) || '/') + url.search

/** Pages for signed-in people: anyone else goes to sign-in, and comes back here afterwards. */
export function requireSignIn(locals: App.Locals, url: URL): asserts locals is App.Locals & { user: SessionUser } {
  if (!locals.user) redirect(303, `${locals.basePath}/signin?next=${encodeURIComponent(pathOnSite(locals, url))}`)
}
