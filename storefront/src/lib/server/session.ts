import { redirect, type Cookies } from '@sveltejs/kit'
import { apiBase } from './clinic.ts'

/** The signed-in person, as the storefront needs them. */
export type SessionUser = { id: number | string; name: string; email: string; role: string; clinics: (number | string)[] }

export const TOKEN_COOKIE = 'telemed-token'

/** Payload's JWT in an httpOnly cookie: pages read data with it, scripts never see it. */
export function keepToken(cookies: Cookies, token: string, secure: boolean, maxAgeSeconds: number) {
  cookies.set(TOKEN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds })
}

export const dropToken = (cookies: Cookies) => cookies.delete(TOKEN_COOKIE, { path: '/' })

/** Who the token belongs to, asked of the API (so an expired or revoked token is nobody). */
export async function userOfToken(token: string | undefined, fetcher: typeof fetch = fetch): Promise<SessionUser | null> {
  if (!token) return null
  const response = await fetcher(`${apiBase()}/api/users/me`, { headers: { Authorization: `JWT ${token}` } })
  if (!response.ok) return null
  const { user } = (await response.json()) as {
    user: null | { id: number; name: string; email: string; role: string; tenants?: { tenant: number | { id: number } }[] }
  }
  if (!user) return null
  const clinics = (user.tenants ?? []).map((t) => (typeof t.tenant === 'object' ? t.tenant.id : t.tenant))
  return { id: user.id, name: user.name, email: user.email, role: user.role, clinics }
}

/**
 * Signs in with Payload and keeps the token, for an account of `clinicId` only: another clinic's
 * account gets 'elsewhere' and its fresh session is ended at once. null when the email and password
 * do not match; 'busy' when rate-limited.
 */
export async function signInWith(
  cookies: Cookies,
  credentials: { email: string; password: string },
  clinicId: number | string,
  secure: boolean,
): Promise<SessionUser | null | 'busy' | 'elsewhere'> {
  const response = await fetch(`${apiBase()}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  if (response.status === 429) return 'busy'
  if (!response.ok) return null
  const { token, exp } = (await response.json()) as { token: string; exp: number }
  const user = await userOfToken(token)
  if (!user) return null
  if (!user.clinics.some((c) => String(c) === String(clinicId))) {
    await fetch(`${apiBase()}/api/users/logout`, { method: 'POST', headers: { Authorization: `JWT ${token}` } }).catch(() => null)
    return 'elsewhere'
  }
  keepToken(cookies, token, secure, Math.max(60, exp - Math.floor(Date.now() / 1000)))
  return user
}

/** Pages for signed-in people: anyone else goes to sign-in, and comes back here afterwards. */
export function requireSignIn(locals: App.Locals, url: URL): asserts locals is App.Locals & { user: SessionUser } {
  if (!locals.user) redirect(303, `${locals.basePath}/signin?next=${encodeURIComponent(url.pathname + url.search)}`)
}
