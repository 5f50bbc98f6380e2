/**
 * Where the visitor's browser loads a public image (a doctor's portrait) from.
 *
 * Payload names files by PUBLIC_URL (`http://localhost:3000/api/media/file/a.png`),
 * but each clinic's site runs on its own domain, whose CSP (`img-src 'self'`) and
 * the API's `Cross-Origin-Resource-Policy: same-origin` both refuse another origin.
 * The same server answers `/api` on every domain it serves, so the file's path alone
 * loads from whichever domain the visitor is on (also under `/c/<slug>/`).
 * A file kept elsewhere (an external storage adapter) would be blocked by the CSP
 * anyway: null, and the page shows the doctor's initials instead.
 */
export function sameOriginImage(url: string | null | undefined): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url, 'http://relative.invalid')
  } catch {
    return null
  }
  return parsed.pathname.startsWith('/api/media/file/') ? `${parsed.pathname}${parsed.search}` : null
}
