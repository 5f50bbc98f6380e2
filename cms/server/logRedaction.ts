/**
 * Some addresses carry their own credential: a doctor's calendar feed
 * (`/api/calendar/<token>.ics`), a guest's visit link (`/visit-invite/<token>`,
 * also under `/c/<clinic>/`), email verification and password-reset links.
 * Anyone who reads the logs could use them, so request logs keep the shape of
 * the path and drop the secret. Query strings are never logged at all.
 */
const SECRET_AFTER = [
  // The doctor's private feed; the extension stays, it tells what was fetched.
  { before: /(^|\/)api\/calendar\/$/, keepExtension: true },
  // Guest links on the clinic site, with or without the /c/<clinic> prefix, and their __data.json.
  { before: /(^|\/)visit-invite\/$/, keepExtension: false },
  // Payload's email verification (/api/users/verify/<token>, /admin/users/verify/<token>).
  { before: /(^|\/)verify\/$/, keepExtension: false },
  // Password resets and email confirmation when the token is a path segment (the admin's /admin/reset/<token>).
  { before: /(^|\/)(reset|reset-password|confirm-email)\/$/, keepExtension: false },
]

export const REDACTED = '[redacted]'

/** The path without its query string and with secret segments replaced by `[redacted]`. */
export function redactPath(url: string): string {
  const path = url.split('?')[0]!.split('#')[0]!
  const segments = path.split('/')
  let before = ''
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const rule = segment && SECRET_AFTER.find((r) => r.before.test(before))
    if (rule) {
      const extension = rule.keepExtension ? (/\.[A-Za-z0-9]{1,8}$/.exec(segment)?.[0] ?? '') : ''
      segments[i] = `${REDACTED}${extension}`
    }
    before += `${segment}/`
  }
  return segments.join('/')
}
